// The event log service's "log cleared" events -> evtxcar's log/clear:
// System 104 (UserData LogFileCleared: SubjectUserName, SubjectDomainName,
// Channel, BackupPath; the account's SID is the record's Security/@UserID)
// and Security 1102 (SubjectUserSid, SubjectUserName, SubjectDomainName,
// SubjectLogonId), as evtxexport shows them in real logs.
#include "log_normalizer_support.hpp"

using namespace evtxcar;
using test::log_record;
using test::normalize_record;

namespace {

constexpr const char* eventlog = "Microsoft-Windows-Eventlog";

}  // namespace

TEST_CASE("System 104: which log, by whom (name from the payload, SID from the record), the backup",
          "[car][eventlog]") {
    event_record record = log_record(eventlog, "System", 104, payload_kind::user_data,
                                     {{"SubjectUserName", "admmig"},
                                      {"SubjectDomainName", "OFFSEC"},
                                      {"Channel", "Microsoft-Windows-PowerShell/Operational"},
                                      {"BackupPath", "C:\\Windows\\Temp\\ps.evtx"}});
    record.payload_name = "LogFileCleared";
    record.user_sid = "S-1-5-21-4230534742-2542757381-3142984815-1111";
    const auto out = normalize_record(record);
    REQUIRE(out.mapped);
    CHECK(out.problem.empty());
    CHECK(out.event.object == "log");
    CHECK(out.event.action == "clear");
    CHECK(out.fields.at("log_name") == "Microsoft-Windows-PowerShell/Operational");
    CHECK(out.fields.at("user") == "OFFSEC\\admmig");
    CHECK(out.fields.at("uid") == "S-1-5-21-4230534742-2542757381-3142984815-1111");
    CHECK(out.fields.at("backup_path") == "C:\\Windows\\Temp\\ps.evtx");
    CHECK_FALSE(out.has("logon_id"));
    CHECK(out.event.channel == "System");
}

TEST_CASE("Security 1102: the Security log, with the account's SID and logon id; no backup path",
          "[car][eventlog]") {
    event_record record = log_record(eventlog, "Security", 1102, payload_kind::user_data,
                                     {{"SubjectUserSid", "S-1-5-21-4230534742-2542757381-3142984815-1111"},
                                      {"SubjectUserName", "admmig"},
                                      {"SubjectDomainName", "OFFSEC"},
                                      {"SubjectLogonId", "0x0000000000123550"}});
    const auto out = normalize_record(record);
    REQUIRE(out.mapped);
    CHECK(out.event.action == "clear");
    CHECK(out.fields.at("log_name") == "Security");  // the log it is written into
    CHECK(out.fields.at("user") == "OFFSEC\\admmig");
    CHECK(out.fields.at("uid") == "S-1-5-21-4230534742-2542757381-3142984815-1111");
    CHECK(out.fields.at("logon_id") == "0x0000000000123550");
    CHECK_FALSE(out.has("backup_path"));
}

TEST_CASE("a log cleared with parts missing; the service's other events stay generic", "[car][eventlog]") {
    const auto bare = normalize_record(log_record(eventlog, "System", 104, payload_kind::user_data,
                                                  {{"SubjectUserName", "SYSTEM"}, {"Channel", "Application"}}));
    REQUIRE(bare.mapped);
    CHECK(bare.fields.at("user") == "SYSTEM");  // no domain
    CHECK_FALSE(bare.has("uid"));
    CHECK(bare.fields.at("log_name") == "Application");
    const auto nobody = normalize_record(log_record(eventlog, "Security", 1102, payload_kind::user_data, {}));
    REQUIRE(nobody.mapped);
    CHECK_FALSE(nobody.has("user"));
    CHECK(nobody.fields.at("log_name") == "Security");
    CHECK_FALSE(normalize_record(log_record(eventlog, "Security", 1100, payload_kind::user_data, {})).mapped);
    CHECK_FALSE(normalize_record(log_record(eventlog, "System", 104, payload_kind::event_data, {})).mapped);
    CHECK(test::mapped_event_ids(eventlog) == std::vector<std::uint32_t>{104, 1102});
}
