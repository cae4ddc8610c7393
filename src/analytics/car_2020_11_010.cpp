#include "analytics/car_2020_11_010.hpp"

#include <algorithm>
#include <cctype>

#include "analytics/windows_path.hpp"
#include "car/event_fields.hpp"

namespace evtxcar {

namespace {

constexpr std::string_view published_image = "C:\\Windows\\System32\\CMSTP.exe";
constexpr std::string_view cmstp_name = "cmstp.exe";

std::size_t ifind(std::string_view text, std::string_view needle, std::size_t from = 0) {
    if (needle.size() > text.size()) return std::string_view::npos;
    for (std::size_t i = from; i + needle.size() <= text.size(); ++i) {
        if (iequals(text.substr(i, needle.size()), needle)) return i;
    }
    return std::string_view::npos;
}

bool is_process_create(const car_event& e) { return e.object == "process" && e.action == "create"; }

// cmstp.exe by name, or by the OriginalFileName of its process/create.
struct cmstp_identity {
    bool is_cmstp = false;
    bool renamed = false;
};

cmstp_identity identify(const car_event& event, const car_event* process_create) {
    if (iequals(event.text(car_field::exe), cmstp_name)) return {true, false};
    const car_event& source = process_create ? *process_create : event;
    if (iequals(source.text(car_field::original_file_name), cmstp_name)) return {true, true};
    return {};
}

std::string renamed_note(const cmstp_identity& identity) {
    return identity.renamed ? " (a renamed cmstp.exe: its OriginalFileName is CMSTP.EXE)" : "";
}

bool ends_token(char c) { return c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '\r' || c == '\n'; }

}  // namespace

std::vector<analytic_variant> car_2020_11_010::variants() const {
    const event_need flows{"flow", "start", std::nullopt, "Sysmon 3, Security 5156"};
    const event_need command_lines{"process", "create", car_field::command_line, "Sysmon 1, Security 4688",
                                   "Security 4688 logs the command line only with command-line process auditing on"};
    return {{"car", flows}, {"remote", flows}, {"cmdline-url", command_lines}};
}

bool car_2020_11_010::wants_process(const car_event& process_create) const {
    return identify(process_create, nullptr).is_cmstp;
}

car_2020_11_010::verdict car_2020_11_010::judge(std::string_view address) const {
    if (address.empty()) return verdict::absent;
    const auto parsed = parse_ip_address(address);
    if (!parsed) return verdict::unparsable;
    if (is_never_external(*parsed)) return verdict::inside;
    for (const cidr_block& block : homenet_) {
        if (block.contains(*parsed)) return verdict::inside;
    }
    return verdict::external;
}

// A host named in a URL or UNC path: an address is judged like any other;
// "localhost" is inside; any other name cannot be judged offline and counts
// as remote.
car_2020_11_010::verdict car_2020_11_010::judge_host(std::string_view host) const {
    if (host.empty()) return verdict::absent;
    if (iequals(host, "localhost")) return verdict::inside;
    const verdict as_address = judge(host);
    return as_address == verdict::unparsable ? verdict::external : as_address;
}

std::optional<std::string> car_2020_11_010::remote_resource(std::string_view command_line) const {
    // URLs: http://, https://, ftp://
    for (std::string_view scheme : {"http://", "https://", "ftp://"}) {
        for (std::size_t at = ifind(command_line, scheme); at != std::string_view::npos;
             at = ifind(command_line, scheme, at + 1)) {
            if (at > 0 && std::isalpha(static_cast<unsigned char>(command_line[at - 1]))) continue;  // "xhttp://"
            std::size_t end = at + scheme.size();
            while (end < command_line.size() && !ends_token(command_line[end])) ++end;
            const std::string_view url = command_line.substr(at, end - at);
            std::string_view authority = url.substr(scheme.size());
            authority = authority.substr(0, authority.find_first_of("/?#\\"));
            if (const std::size_t at_sign = authority.rfind('@'); at_sign != std::string_view::npos) {
                authority.remove_prefix(at_sign + 1);
            }
            std::string_view host = authority;
            if (!host.empty() && host.front() == '[') {
                host = host.substr(1, host.find(']') == std::string_view::npos ? host.size() - 1 : host.find(']') - 1);
            } else if (std::count(host.begin(), host.end(), ':') == 1) {
                host = host.substr(0, host.find(':'));  // strip ":port"
            }
            if (judge_host(host) == verdict::external) return std::string(url);
        }
    }
    // UNC paths: \\server\share, \\?\UNC\server\share; not \\.\device or \\?\C:\.
    for (std::size_t at = command_line.find("\\\\"); at != std::string_view::npos;
         at = command_line.find("\\\\", at + 2)) {
        std::size_t host_start = at + 2;
        if (ifind(command_line.substr(at), "\\\\?\\UNC\\") == 0) host_start = at + 8;
        if (host_start >= command_line.size()) break;
        const char first = command_line[host_start];
        if (first == '?' || first == '.' || first == '\\' || ends_token(first)) continue;
        std::size_t host_end = host_start;
        while (host_end < command_line.size() && command_line[host_end] != '\\' && command_line[host_end] != '/' &&
               !ends_token(command_line[host_end])) {
            ++host_end;
        }
        std::string_view host = command_line.substr(host_start, host_end - host_start);
        if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
        if (judge_host(host) != verdict::external) continue;
        std::size_t end = host_end;
        while (end < command_line.size() && !ends_token(command_line[end])) ++end;
        return std::string(command_line.substr(at, end - at));
    }
    return std::nullopt;
}

detection car_2020_11_010::make_detection(const car_event& event, std::string variant, std::string reason) const {
    detection found;
    found.analytic_id = std::string(id());
    found.analytic_name = std::string(name());
    found.technique = std::string(technique());
    found.variant = std::move(variant);
    found.reason = std::move(reason);
    found.event = event;
    return found;
}

void car_2020_11_010::evaluate(const car_event& event, const process_context& processes, detection_output& out,
                               analytic_warnings& warnings) const {
    if (event.object == "flow" && event.action == "start") {
        evaluate_flow(event, processes, out, warnings);
    } else if (is_process_create(event)) {
        evaluate_process_create(event, out);
    }
}

void car_2020_11_010::evaluate_flow(const car_event& event, const process_context& processes,
                                    detection_output& out, analytic_warnings& warnings) const {
    const cmstp_identity identity = identify(event, processes.find_for(event));
    if (!identity.is_cmstp) return;

    const std::string_view src_ip = event.text(car_field::src_ip);
    const std::string_view dest_ip = event.text(car_field::dest_ip);
    const verdict src = judge(src_ip);
    const verdict dest = judge(dest_ip);
    if (src == verdict::unparsable) warnings.add_unparsable_address(event, src_ip);
    if (dest == verdict::unparsable) warnings.add_unparsable_address(event, dest_ip);

    if (same_path_after_volume(event.text(car_field::image_path), published_image) && src == verdict::external) {
        out.push_back(make_detection(event, "car",
                                     "image_path is " + std::string(event.text(car_field::image_path)) +
                                         " and src_ip " + std::string(src_ip) + " is outside HOMENET"));
    }

    const std::string_view direction = event.text(car_field::network_direction);
    const std::string exe(event.text(car_field::exe));
    if (direction == "outbound" && dest == verdict::external) {
        out.push_back(make_detection(event, "remote",
                                     exe + " connected to " + std::string(dest_ip) + ":" +
                                         std::string(event.text(car_field::dest_port)) + ", outside HOMENET" +
                                         renamed_note(identity)));
    } else if (direction == "inbound" && src == verdict::external) {
        out.push_back(make_detection(event, "remote",
                                     exe + " accepted a connection from " + std::string(src_ip) + ":" +
                                         std::string(event.text(car_field::src_port)) + ", outside HOMENET" +
                                         renamed_note(identity)));
    } else if (direction.empty() && (src == verdict::external || dest == verdict::external)) {
        const std::string_view remote = dest == verdict::external ? dest_ip : src_ip;
        out.push_back(make_detection(event, "remote",
                                     exe + " connection with " + std::string(remote) +
                                         ", outside HOMENET (direction not logged)" + renamed_note(identity)));
    }
}

void car_2020_11_010::evaluate_process_create(const car_event& event, detection_output& out) const {
    const cmstp_identity identity = identify(event, nullptr);
    if (!identity.is_cmstp) return;
    if (auto resource = remote_resource(event.text(car_field::command_line))) {
        out.push_back(make_detection(event, "cmdline-url",
                                     std::string(event.text(car_field::exe)) +
                                         " command line names a remote resource: " + *resource +
                                         renamed_note(identity)));
    }
}

}  // namespace evtxcar
