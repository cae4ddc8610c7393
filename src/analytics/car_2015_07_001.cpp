#include "analytics/car_2015_07_001.hpp"

#include <algorithm>

#include "analytics/catalogue_support.hpp"
#include "analytics/process_index.hpp"
#include "car/event_fields.hpp"

namespace evtxcar {

namespace {

// The catalogue's analytics of credentials taken from lsass.exe.
constexpr std::string_view credential_dumping[] = {"CAR-2019-04-004", "CAR-2019-07-002", "CAR-2019-08-001",
                                                   "CAR-2020-05-001", "CAR-2021-05-011"};

// An event Windows writes when it starts: the event log service started
// (System 6005), the system's version at boot (6009), the kernel's start
// (Kernel-General 12), Security auditing's "Windows is starting up" (4608).
std::string boot_event(const car_event& event) {
    if (event.channel == "System") {
        if ((event.event_id == 6005 || event.event_id == 6009) && iequals(event.provider, "EventLog")) {
            return "System " + std::to_string(event.event_id);
        }
        if (event.event_id == 12 && event.provider == "Microsoft-Windows-Kernel-General") return "Kernel-General 12";
    }
    if (event.channel == "Security" && event.event_id == 4608 && event.provider == "Microsoft-Windows-Security-Auditing") {
        return "Security 4608";
    }
    return {};
}

bool marked_as_dumping(const car_event& event) {
    return std::any_of(event.analytics.begin(), event.analytics.end(), [](const std::string& label) {
        return std::any_of(std::begin(credential_dumping), std::end(credential_dumping),
                           [&](std::string_view id) { return label.compare(0, id.size(), id) == 0; });
    });
}

}  // namespace

std::span<const std::string_view> car_2015_07_001::triggered_by() { return credential_dumping; }

std::vector<analytic_variant> car_2015_07_001::variants() const {
    return {{"pseudocode",
             {"user_session", "login", car_field::user, "Security 4624, RDP 1149, LocalSessionManager 21"}}};
}

void car_2015_07_001::evaluate(const car_event& event, const process_context&, detection_output& out,
                               analytic_warnings&) const {
    if (event.is_generic()) {
        const std::string boot = boot_event(event);
        if (boot.empty()) return;
        host& on = hosts_[fold_case(host_of(event))];
        // One start writes several of these within a minute: the first begins the boot.
        if (on.boot != 0 && event.time - on.boot < 10 * ticks_per_minute && on.accounts.empty()) return;
        on.boot = event.time;
        on.boot_event = boot;
        on.accounts.clear();
        return;
    }
    if (event.object == "user_session" && event.action == "login") {
        const std::string_view user = event.text(car_field::user);
        if (user.empty()) return;
        logons& seen = hosts_[fold_case(host_of(event))].accounts[std::string(user)];
        if (seen.count++ == 0) seen.first = event.time;
        seen.last = event.time;
        const std::string_view type = event.text(car_field::login_type);
        if (!type.empty() && ("," + seen.types + ",").find("," + std::string(type) + ",") == std::string::npos) {
            if (!seen.types.empty()) seen.types += ',';
            seen.types += type;
        }
        return;
    }
    if (!marked_as_dumping(event)) return;
    const auto found = hosts_.find(fold_case(host_of(event)));
    std::string since = "the start of this host's logs (no boot logged before)";
    std::string listed;
    std::size_t accounts = 0;
    if (found != hosts_.end()) {
        const host& on = found->second;
        if (on.boot != 0) since = "its last boot at " + time_text(on.boot) + " (" + on.boot_event + ")";
        for (const auto& [user, seen] : on.accounts) {
            ++accounts;
            listed += (listed.empty() ? "" : "; ") + user + " (" + std::to_string(seen.count) + " logon(s)" +
                      (seen.types.empty() ? "" : ", type " + seen.types) + ", " + time_text(seen.first) +
                      (seen.count > 1 ? " to " + time_text(seen.last) : "") + ")";
        }
    }
    out.push_back(catalogue_detection(
        *this, "pseudocode",
        "credentials may have been taken from this host's memory; " + std::to_string(accounts) +
            " account(s) logged on since " + since + (listed.empty() ? "" : ": " + listed),
        event, "medium", "credential-access"));
}

}  // namespace evtxcar
