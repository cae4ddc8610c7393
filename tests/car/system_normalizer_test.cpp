// System log: Service Control Manager 7045 / 7036 / 7040 -> CAR service.
// Field names and value forms as Windows writes them (evtxexport of real
// logs: 7045 ServiceName, ImagePath, ServiceType, StartType, AccountName;
// 7036 param1, param2 and the binary data "WerSvc/4" in UTF-16LE; 7040
// param1-param4).
#include "car/service_command.hpp"
#include "car/system/system_mappings.hpp"
#include "log_normalizer_support.hpp"

using namespace evtxcar;
using test::log_record;
using test::normalize_record;

namespace {

constexpr const char* scm = "Service Control Manager";

event_record system_record(std::uint32_t event_id, std::vector<payload_field> fields) {
    return log_record(scm, "System", event_id, payload_kind::event_data, std::move(fields));
}

// UTF-16LE text and its NUL as evtxexport shows binary data: hexadecimal, upper case.
std::string utf16_hex(const std::string& ascii) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string hex;
    for (const char c : ascii + std::string(1, '\0')) {
        hex += digits[static_cast<unsigned char>(c) >> 4];
        hex += digits[static_cast<unsigned char>(c) & 15];
        hex += "00";
    }
    return hex;
}

}  // namespace

TEST_CASE("7045 becomes service/create: name, command as image_path, its program as exe, types, account",
          "[car][system]") {
    event_record record = system_record(
        7045, {{"ServiceName", "WinUpdSvc"},
               {"ImagePath", "c:\\windows\\system32\\cmd.exe /c powershell -command \"Get-Service \"seg1\" | out-file a.txt\""},
               {"ServiceType", "user mode service"},
               {"StartType", "demand start"},
               {"AccountName", "LocalSystem"}});
    record.user_sid = "S-1-5-21-4230534742-2542757381-3142984815-1111";
    const auto out = normalize_record(record);
    REQUIRE(out.mapped);
    CHECK(out.problem.empty());
    CHECK(out.event.object == "service");
    CHECK(out.event.action == "create");
    CHECK(out.fields.at("name") == "WinUpdSvc");
    CHECK(out.fields.at("image_path") ==
          "c:\\windows\\system32\\cmd.exe /c powershell -command \"Get-Service \"seg1\" | out-file a.txt\"");
    CHECK(out.fields.at("exe") == "cmd.exe");
    CHECK(out.fields.at("service_type") == "user mode service");
    CHECK(out.fields.at("start_type") == "demand start");
    CHECK(out.fields.at("user") == "LocalSystem");
    CHECK(out.fields.at("uid") == "S-1-5-21-4230534742-2542757381-3142984815-1111");  // who installed it
    CHECK(out.fields.at("hostname") == "WS10");
    CHECK(out.event.provider == scm);
    CHECK(out.event.event_id == 7045);
    CHECK(out.event.record_id == 4410);
}

TEST_CASE("7045 of a driver, without an account, and with words of another language kept as logged",
          "[car][system]") {
    const auto driver = normalize_record(system_record(7045, {{"ServiceName", "PROCEXP152"},
                                                              {"ImagePath", "\\??\\C:\\Windows\\system32\\Drivers\\PROCEXP152.SYS"},
                                                              {"ServiceType", "kernel mode driver"},
                                                              {"StartType", "demand start"},
                                                              {"AccountName", ""}}));
    REQUIRE(driver.mapped);
    CHECK(driver.fields.at("exe") == "PROCEXP152.SYS");
    CHECK(driver.fields.at("service_type") == "kernel mode driver");
    CHECK_FALSE(driver.has("user"));  // drivers run under no account
    CHECK_FALSE(driver.has("uid"));   // the record has no Security/@UserID
    const auto german = normalize_record(system_record(7045, {{"ServiceName", "x"},
                                                              {"ImagePath", "C:\\x.exe"},
                                                              {"ServiceType", "Benutzermodusdienst"},
                                                              {"StartType", "Manuell starten"}}));
    CHECK(german.problem.empty());
    CHECK(german.fields.at("service_type") == "Benutzermodusdienst");
    CHECK(german.fields.at("start_type") == "Manuell starten");
    CHECK_FALSE(german.has("user"));  // AccountName absent
}

TEST_CASE("a service's program: quoted, unquoted with spaces, environment variables, no extension",
          "[car][system]") {
    CHECK(command_program("\"C:\\Program Files\\Vendor\\agent.exe\" -service") == "C:\\Program Files\\Vendor\\agent.exe");
    CHECK(command_program("C:\\Program Files\\Vendor\\agent.exe -service") == "C:\\Program Files\\Vendor\\agent.exe");
    CHECK(command_program("C:\\Program Files (x86)\\Vendor\\a.exe -x") == "C:\\Program Files (x86)\\Vendor\\a.exe");
    CHECK(command_program("%COMSPEC% /b /c start /b /min powershell.exe -nop") == "%COMSPEC%");
    CHECK(command_program("%SYSTEMROOT%\\duKhLYUX.exe") == "%SYSTEMROOT%\\duKhLYUX.exe");
    CHECK(command_program("C:\\Windows\\system32\\svchost.EXE -k netsvcs -p") == "C:\\Windows\\system32\\svchost.EXE");
    CHECK(command_program("system32\\DRIVERS\\wanarp.sys") == "system32\\DRIVERS\\wanarp.sys");
    CHECK(command_program("  \"unterminated") == "unterminated");
    CHECK(command_program("") == "");
}

TEST_CASE("7036: the binary data's state code decides start, stop or pause, whatever the language",
          "[car][system]") {
    struct state_case {
        const char* param2;
        const char* data;
        const char* action;
    };
    for (const state_case& c : {state_case{"running", "WerSvc/4", "start"}, state_case{"stopped", "WerSvc/1", "stop"},
                                state_case{"paused", "WerSvc/7", "pause"},
                                state_case{"wird ausgeführt", "WerSvc/4", "start"}}) {
        CAPTURE(c.param2, c.data);
        const auto out = normalize_record(system_record(
            7036, {{"param1", "Windows Error Reporting Service"}, {"param2", c.param2}, {"Binary", utf16_hex(c.data)}}));
        REQUIRE(out.mapped);
        CHECK(out.problem.empty());
        CHECK(out.event.object == "service");
        CHECK(out.event.action == c.action);
        CHECK(out.fields.at("name") == "Windows Error Reporting Service");
        CHECK(out.fields.at("state") == c.param2);
        CHECK(out.fields.at("service_key_name") == "WerSvc");
    }
}

TEST_CASE("7036 without a state code: the English words, else state_change with a warning, the state kept",
          "[car][system]") {
    // An older layout: the binary data holds the key name only.
    const auto english = normalize_record(system_record(
        7036, {{"param1", "Background Intelligent Transfer Service"}, {"param2", "stopped"}, {"Binary", utf16_hex("BITS")}}));
    CHECK(english.event.action == "stop");
    CHECK(english.problem.empty());
    CHECK(english.fields.at("service_key_name") == "BITS");
    const auto german = normalize_record(system_record(
        7036, {{"param1", "Remoteregistrierung"}, {"param2", "wird ausgeführt"}, {"Binary", utf16_hex("RemoteRegistry")}}));
    REQUIRE(german.mapped);
    CHECK(german.event.action == "state_change");
    CHECK(german.fields.at("state") == "wird ausgeführt");
    CHECK(german.problem.find("wird ausgeführt") != std::string::npos);
    // No binary data at all, a pending state code, data that is not hexadecimal.
    const auto bare = normalize_record(system_record(7036, {{"param1", "Spooler"}, {"param2", "running"}}));
    CHECK(bare.event.action == "start");
    CHECK_FALSE(bare.has("service_key_name"));
    const auto pending = normalize_record(system_record(
        7036, {{"param1", "Spooler"}, {"param2", "start pending"}, {"Binary", utf16_hex("Spooler/2")}}));
    CHECK(pending.event.action == "state_change");
    CHECK_FALSE(pending.problem.empty());
    const auto garbage = normalize_record(system_record(7036, {{"param1", "Spooler"}, {"param2", "running"}, {"Binary", "ZZ00"}}));
    CHECK(garbage.event.action == "start");
    CHECK_FALSE(garbage.has("service_key_name"));
}

TEST_CASE("7036's binary data is read as UTF-16LE up to its NUL", "[car][system]") {
    const auto data = system_log::read_service_status_data(utf16_hex("TVRSmXcD/4"));
    CHECK(data.key_name == "TVRSmXcD");
    REQUIRE(data.state_code.has_value());
    CHECK(*data.state_code == 4);
    const auto no_code = system_log::read_service_status_data(utf16_hex("Win"));
    CHECK(no_code.key_name == "Win");
    CHECK_FALSE(no_code.state_code.has_value());
    CHECK(system_log::read_service_status_data("4100").key_name == "A");  // no NUL: the whole data
    CHECK(system_log::read_service_status_data("41").key_name.empty());   // not whole UTF-16 code units
    CHECK(system_log::read_service_status_data("").key_name.empty());
}

TEST_CASE("7040 becomes service/modify: old and new start type, key name, the account that changed it",
          "[car][system]") {
    event_record record = system_record(7040, {{"param1", "Background Intelligent Transfer Service"},
                                               {"param2", "demand start"},
                                               {"param3", "auto start"},
                                               {"param4", "BITS"}});
    record.user_sid = "S-1-5-18";
    const auto out = normalize_record(record);
    REQUIRE(out.mapped);
    CHECK(out.event.action == "modify");
    CHECK(out.fields.at("name") == "Background Intelligent Transfer Service");
    CHECK(out.fields.at("previous_start_type") == "demand start");
    CHECK(out.fields.at("start_type") == "auto start");
    CHECK(out.fields.at("service_key_name") == "BITS");
    CHECK(out.fields.at("uid") == "S-1-5-18");
}

TEST_CASE("other Service Control Manager events and other payloads stay generic", "[car][system]") {
    CHECK_FALSE(normalize_record(system_record(7000, {{"param1", "x"}, {"param2", "%%2"}})).mapped);
    event_record user_data = system_record(7045, {{"ServiceName", "x"}});
    user_data.kind = payload_kind::user_data;
    CHECK_FALSE(normalize_record(user_data).mapped);
    event_record none = system_record(7036, {});
    none.kind = payload_kind::none;  // payload not decoded
    CHECK_FALSE(normalize_record(none).mapped);
    CHECK(test::mapped_event_ids(scm) == std::vector<std::uint32_t>{7036, 7040, 7045});
}
