// Logs cleared: who cleared which log. The service's other events (1100
// shut down, 1101 audit events dropped, 6005/6006 of the classic EventLog
// provider, ...) are generic events with the catalog's messages.
#include "car/eventlog/eventlog_mappings.hpp"

namespace evtxcar {

namespace {

constexpr event_mapping eventlog_mappings[] = {
    {104, payload_kind::user_data, eventlog::map_log_cleared},
    {1102, payload_kind::user_data, eventlog::map_log_cleared},
};

}  // namespace

std::unique_ptr<event_normalizer> make_eventlog_normalizer() {
    return make_table_normalizer("Microsoft-Windows-Eventlog", eventlog_mappings);
}

}  // namespace evtxcar

namespace evtxcar::eventlog {

std::string map_log_cleared(const event_fields& in, car_event& out) {
    out.object = "log";
    out.action = "clear";
    // 104 names the log it was about; 1102 is written into the log it clears.
    const std::string_view channel = in.get("Channel");
    out.set(car_field::log_name, std::string(channel.empty() ? std::string_view(in.record().channel) : channel));
    const std::string_view name = in.get("SubjectUserName");
    const std::string_view domain = in.get("SubjectDomainName");
    if (!name.empty()) out.set(car_field::user, domain.empty() ? std::string(name) : std::string(domain) + "\\" + std::string(name));
    // 1102 names the account's SID; 104 leaves it to the record's Security/@UserID.
    const std::string_view sid = in.get("SubjectUserSid");
    if (!sid.empty()) {
        out.set(car_field::uid, std::string(sid));
    } else if (!in.record().user_sid.empty()) {
        out.set(car_field::uid, in.record().user_sid);
    }
    copy_field(in, "SubjectLogonId", out, car_field::logon_id);
    copy_field(in, "BackupPath", out, car_field::backup_path);
    return {};
}

}  // namespace evtxcar::eventlog
