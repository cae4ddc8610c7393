#include "analytics/car_2013_05_009.hpp"

#include <algorithm>

#include "analytics/catalogue_support.hpp"
#include "analytics/process_index.hpp"
#include "car/event_fields.hpp"

namespace evtxcar {

std::vector<analytic_variant> car_2013_05_009::variants() const {
    // CAR's data model names MD5; the analytic uses the strongest hash logged.
    const event_need hashed{"process", "create", car_field::md5_hash, "Sysmon 1 (with MD5 among its hashes)",
                            "only Sysmon logs hashes, and only those its configuration asks for"};
    return {{"names-per-hash", hashed}, {"hashes-per-image", hashed}};
}

void car_2013_05_009::count(groups& into, const std::string& key, std::string_view value, const car_event& event) {
    group& entry = into[key];
    auto found = std::find_if(entry.values.begin(), entry.values.end(),
                              [&](const value_seen& seen) { return iequals(seen.shown, value); });
    if (found == entry.values.end()) {
        if (entry.values.size() >= most_values) {
            ++entry.more;
            return;
        }
        entry.values.push_back({std::string(value), 0, {}});
        found = entry.values.end() - 1;
        if (entry.values.size() == 2) entry.second = without_payload(event);
    }
    ++found->count;
    ++found->hosts[std::string(host_of(event))];
}

void car_2013_05_009::evaluate(const car_event& event, const process_context&, detection_output&,
                               analytic_warnings&) const {
    if (event.object != "process" || event.action != "create") return;
    std::string hash;
    std::string_view algorithm;
    for (const auto& [field, name] : {std::pair{car_field::sha256_hash, std::string_view("SHA256=")},
                                      std::pair{car_field::sha1_hash, std::string_view("SHA1=")},
                                      std::pair{car_field::md5_hash, std::string_view("MD5=")}}) {
        if (const std::string* value = event.get(field)) {
            algorithm = name;
            hash = std::string(name) + fold_case(*value);
            break;
        }
    }
    if (hash.empty()) return;
    const std::string_view exe = event.text(car_field::exe);
    const std::string_view image = event.text(car_field::image_path);
    if (!exe.empty()) count(names_by_hash_, hash, exe, event);
    // Hashes of one algorithm only: hosts whose Sysmon logs SHA256 and hosts
    // whose Sysmon logs only MD5 cannot tell whether they ran the same file.
    if (!image.empty()) count(hashes_by_image_, std::string(algorithm) + fold_case(image), hash, event);
}

void car_2013_05_009::report(const groups& from, std::string_view variant, std::string_view what, std::string_view of,
                             std::vector<detection>& out) const {
    for (const auto& [key, entry] : from) {
        if (entry.values.size() < 2 || !entry.second) continue;
        std::string listed;
        for (const value_seen& seen : entry.values) {
            std::string hosts;
            for (const auto& [host, runs] : seen.hosts) hosts += (hosts.empty() ? "" : ", ") + host;
            listed += (listed.empty() ? "" : "; ") + seen.shown + " (" + std::to_string(seen.count) + " run(s) on " +
                      hosts + ")";
        }
        if (entry.more > 0) listed += "; and " + std::to_string(entry.more) + " run(s) of further values";
        const std::string subject = variant == "names-per-hash" ? "hash " + key : std::string(entry.second->text(car_field::image_path));
        out.push_back(catalogue_detection(*this, std::string(variant),
                                          std::string(of) + " " + subject + " ran with " +
                                              std::to_string(entry.values.size()) + " distinct " + std::string(what) +
                                              " in the collection: " + listed,
                                          *entry.second, "medium", "defense-evasion"));
    }
}

void car_2013_05_009::finish(std::vector<detection>& out) const {
    const std::size_t first = out.size();
    report(names_by_hash_, "names-per-hash", "program names", "The file of", out);
    report(hashes_by_image_, "hashes-per-image", "hashes", "The program", out);
    sort_by_event(out, first);
}

}  // namespace evtxcar
