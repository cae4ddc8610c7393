// Security auditing -> CAR service (4697), evtxcar's scheduled_task (4698,
// 4699, 4702) and CAR registry (4657). Field names, order and value forms are
// those Windows writes (4697: ServiceType HexInt32, ServiceStartType UInt32;
// 4657: OperationType %%1904-%%1906, value types %%1872 + REG_* number).
#include "security_test_support.hpp"

using namespace evtxcar;
using namespace evtxcar::test;

namespace {

std::vector<payload_field> service(std::string type, std::string start) {
    return with(admin_subject, {{"ServiceName", "BTOBTO"},
                                {"ServiceFileName", "%COMSPEC% /Q /c echo whoami > \\\\127.0.0.1\\C$\\__output"},
                                {"ServiceType", std::move(type)},
                                {"ServiceStartType", std::move(start)},
                                {"ServiceAccount", "LocalSystem"}});
}

std::vector<payload_field> registry_change(std::string operation, std::string object, std::string old_type,
                                           std::string old_value, std::string new_type, std::string new_value) {
    return with(admin_subject, {{"ObjectName", std::move(object)},
                                {"ObjectValueName", "Updater"},
                                {"HandleId", "0x0000000000000208"},
                                {"OperationType", std::move(operation)},
                                {"OldValueType", std::move(old_type)},
                                {"OldValue", std::move(old_value)},
                                {"NewValueType", std::move(new_type)},
                                {"NewValue", std::move(new_value)},
                                {"ProcessId", "0x0000000000001bd0"},
                                {"ProcessName", "C:\\Windows\\System32\\reg.exe"}});
}

}  // namespace

TEST_CASE("4697 becomes service/create in System 7045's words", "[car][security][service]") {
    const auto out = normalize(security_record(4697, service("0x00000010", "3")));
    REQUIRE(out.mapped);
    CHECK(out.problem.empty());
    CHECK(out.event.object == "service");
    CHECK(out.event.action == "create");
    CHECK(out.fields.at("name") == "BTOBTO");
    CHECK(out.fields.at("image_path") == "%COMSPEC% /Q /c echo whoami > \\\\127.0.0.1\\C$\\__output");  // as logged
    CHECK(out.fields.at("service_type") == "user mode service");
    CHECK(out.fields.at("start_type") == "demand start");
    CHECK(out.fields.at("user") == "LocalSystem");  // the account the service runs as
    CHECK(out.fields.at("subject_user") == "CORP\\Administrator");
    CHECK(out.fields.at("uid") == "S-1-5-21-3623811015-3361044348-30300820-500");  // CAR: who acted on the service
    CHECK_FALSE(out.has("subject_uid"));
    CHECK(out.fields.at("subject_logon_id") == "0x00000000001a2b3c");
    CHECK_FALSE(out.has("exe"));  // the path is a command line: no basename is guessed

    struct words {
        const char* type;
        const char* start;
        const char* type_words;
        const char* start_words;
    };
    for (const words& w : {words{"0x00000001", "0", "kernel mode driver", "boot start"},
                           {"0x00000002", "1", "file system driver", "system start"},
                           {"0x00000020", "2", "user mode service", "auto start"},
                           {"0x00000010", "4", "user mode service", "disabled"},
                           // values 7045's words do not name stay as logged
                           {"0x00000110", "7", "0x00000110", "7"},
                           // a copy that already has the words
                           {"kernel mode driver", "auto start", "kernel mode driver", "auto start"}}) {
        CAPTURE(w.type, w.start);
        const auto converted = normalize(security_record(4697, service(w.type, w.start)));
        CHECK(converted.problem.empty());
        CHECK(converted.fields.at("service_type") == w.type_words);
        CHECK(converted.fields.at("start_type") == w.start_words);
    }
    const auto bad = normalize(security_record(4697, service("0x10", "whenever")));
    CHECK(bad.fields.at("start_type") == "whenever");
    CHECK(bad.problem.find("ServiceStartType") != std::string::npos);
}

TEST_CASE("4698, 4699, 4702 become scheduled_task create, delete, update", "[car][security][scheduled_task]") {
    const std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<Task version=\"1.2\"><Actions>"
                            "<Exec><Command>cmd.exe</Command></Exec></Actions></Task>";
    const auto created = normalize(security_record(4698, with(admin_subject, {{"TaskName", "\\CYAlyNSS"},
                                                                              {"TaskContent", xml}})));
    REQUIRE(created.mapped);
    CHECK(created.problem.empty());
    CHECK(created.event.object == "scheduled_task");
    CHECK(created.event.action == "create");
    CHECK(created.fields.at("task_name") == "\\CYAlyNSS");
    CHECK(created.fields.at("task_content") == xml);
    CHECK(created.fields.at("user") == "CORP\\Administrator");
    CHECK(created.fields.at("uid") == "S-1-5-21-3623811015-3361044348-30300820-500");
    CHECK(created.fields.at("logon_id") == "0x00000000001a2b3c");
    CHECK_FALSE(created.has("pid"));

    // Version 1 (Windows 10 and later) names the client process.
    const auto v1 = normalize(security_record(4698, with(admin_subject, {{"TaskName", "\\Updater"},
                                                                         {"TaskContent", xml},
                                                                         {"ClientProcessStartKey", "12384898975268963"},
                                                                         {"ClientProcessId", "4312"},
                                                                         {"ParentProcessId", "3980"},
                                                                         {"RpcCallClientLocality", "0"},
                                                                         {"FQDN", "WS05.corp.example.com"}}),
                                              1));
    CHECK(v1.fields.at("pid") == "4312");
    CHECK(v1.fields.at("ppid") == "3980");

    const auto deleted = normalize(security_record(4699, with(admin_subject, {{"TaskName", "\\CYAlyNSS"},
                                                                              {"TaskContent", xml}})));
    CHECK(deleted.event.action == "delete");
    const auto updated = normalize(security_record(4702, with(admin_subject, {{"TaskName", "\\Updater"},
                                                                              {"TaskContentNew", xml}})));
    CHECK(updated.event.action == "update");
    CHECK(updated.fields.at("task_content") == xml);  // TaskContentNew: the task after the update
}

TEST_CASE("4657 becomes registry value_edit or remove with hive, key, value, data", "[car][security][registry]") {
    const auto edit = normalize(security_record(
        4657, registry_change("%%1905", "\\REGISTRY\\MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run",
                              "%%1873", "C:\\Windows\\System32\\notepad.exe", "%%1873", "C:\\Users\\Public\\u.exe")));
    REQUIRE(edit.mapped);
    CHECK(edit.problem.empty());
    CHECK(edit.event.object == "registry");
    CHECK(edit.event.action == "value_edit");
    CHECK(edit.fields.at("event_type") == "SetValue");  // Sysmon's word for a value written
    CHECK(edit.fields.at("hive") == "HKLM");
    CHECK(edit.fields.at("key") == "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run");
    CHECK(edit.fields.at("value") == "Updater");
    CHECK(edit.fields.at("type") == "REG_SZ");
    CHECK(edit.fields.at("data") == "C:\\Users\\Public\\u.exe");
    CHECK(edit.fields.at("previous_type") == "REG_SZ");
    CHECK(edit.fields.at("previous_data") == "C:\\Windows\\System32\\notepad.exe");
    CHECK(edit.fields.at("pid") == "7120");  // 0x1bd0
    CHECK(edit.fields.at("exe") == "reg.exe");
    CHECK(edit.fields.at("user") == "CORP\\Administrator");
    CHECK(edit.fields.at("uid") == "S-1-5-21-3623811015-3361044348-30300820-500");

    const auto added = normalize(security_record(
        4657, registry_change("%%1904", "\\REGISTRY\\USER\\S-1-5-21-1-2-3-1105\\Software\\Classes", "-", "-", "%%1876", "1")));
    CHECK(added.event.action == "value_edit");  // a new value is written, as Sysmon 13 logs it
    CHECK(added.fields.at("event_type") == "SetValue");
    CHECK(added.fields.at("hive") == "HKU");
    CHECK(added.fields.at("key") == "S-1-5-21-1-2-3-1105\\Software\\Classes");
    CHECK(added.fields.at("type") == "REG_DWORD");
    CHECK(added.fields.at("data") == "1");
    CHECK_FALSE(added.has("previous_type"));
    CHECK_FALSE(added.has("previous_data"));

    const auto removed = normalize(security_record(
        4657, registry_change("%%1906", "\\REGISTRY\\MACHINE", "%%1879", "a b", "-", "-")));
    CHECK(removed.event.action == "remove");
    CHECK(removed.fields.at("event_type") == "DeleteValue");
    CHECK(removed.fields.at("hive") == "HKLM");
    CHECK_FALSE(removed.has("key"));
    CHECK(removed.fields.at("previous_type") == "REG_MULTI_SZ");
    CHECK_FALSE(removed.has("data"));

    // A root outside \REGISTRY\MACHINE and \REGISTRY\USER, a type and an operation evtxcar does not know.
    const auto other = normalize(security_record(
        4657, registry_change("%%1999", "\\REGISTRY\\A\\{0f5e}\\Root", "-", "-", "%%1899", "x")));
    CHECK(other.event.action == "value_edit");
    CHECK(other.problem.find("OperationType") != std::string::npos);
    CHECK_FALSE(other.has("hive"));
    CHECK(other.fields.at("key") == "\\REGISTRY\\A\\{0f5e}\\Root");
    CHECK(other.fields.at("type") == "%%1899");
}
