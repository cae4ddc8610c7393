// The event catalog (reports/event_catalog.hpp) and the messages and
// details of generic events: the table's shape, the events it must cover,
// and what a row shows for EventData, UserData, unnamed data, binary and
// array values. Field names are those of real logs (evtxexport).
#include "event_catalog.hpp"

#include <set>
#include <utility>

#include "catch.hpp"
#include "event_text.hpp"

using namespace evtxcar;

namespace {

car_event generic(std::string provider, std::string channel, std::uint32_t event_id,
                  std::vector<payload_field> fields, payload_kind kind = payload_kind::event_data) {
    car_event event;
    event.object = std::string(generic_object);
    event.provider = std::move(provider);
    event.channel = std::move(channel);
    event.event_id = event_id;
    event.payload = kind;
    event.fields = std::move(fields);
    return event;
}

}  // namespace

TEST_CASE("the catalog's parts are sorted, hold each event once, and their templates are well formed",
          "[report][catalog]") {
    std::set<std::pair<std::string, std::uint32_t>> seen;
    for (std::span<const event_description> part : event_catalog_parts()) {
        for (std::size_t i = 0; i < part.size(); ++i) {
            const event_description& entry = part[i];
            CAPTURE(entry.provider, entry.event_id);
            if (i > 0) {
                const event_description& before = part[i - 1];
                CHECK((before.event_id < entry.event_id ||
                       (before.event_id == entry.event_id && before.provider < entry.provider)));
            }
            CHECK(seen.emplace(std::string(entry.provider), entry.event_id).second);  // once in the whole catalog
            CHECK_FALSE(entry.message.empty());
            // Every '{' closes before the next one opens.
            bool open = false;
            for (const char c : entry.message) {
                if (c == '{') {
                    CHECK_FALSE(open);
                    open = true;
                } else if (c == '}') {
                    CHECK(open);
                    open = false;
                }
            }
            CHECK_FALSE(open);
            if (!entry.key_fields.empty()) {
                CHECK(entry.key_fields.find(", ") == std::string_view::npos);
                CHECK(entry.key_fields.front() != ',');
                CHECK(entry.key_fields.back() != ',');
            }
            CHECK(find_event_description(entry.provider, entry.event_id) == &entry);
        }
    }
    CHECK(seen.size() >= 150);
}

TEST_CASE("the catalog describes the events an investigator reads in the System, PowerShell, Defender, "
          "TaskScheduler, WMI, RDP and other logs",
          "[report][catalog]") {
    const std::vector<std::pair<std::string, std::vector<std::uint32_t>>> wanted = {
        {"Service Control Manager", {7000, 7001, 7009, 7011, 7022, 7023, 7024, 7026, 7030, 7031, 7032, 7034, 7035, 7036, 7040, 7045}},
        {"Microsoft-Windows-Eventlog", {104}},
        {"EventLog", {6005, 6006, 6008, 6009, 6011, 6013}},
        {"User32", {1074}},
        {"Microsoft-Windows-Kernel-General", {1, 12, 13}},
        {"Microsoft-Windows-Kernel-Power", {41, 42, 107, 109}},
        {"Microsoft-Windows-Kernel-PnP", {219, 400, 410}},
        {"Microsoft-Windows-UserPnp", {20001, 20003}},
        {"Microsoft-Windows-PowerShell", {4100, 4103, 4104, 4105, 4106, 40961, 40962, 53504}},
        {"PowerShell", {400, 403, 500, 501, 600, 800}},
        {"Microsoft-Windows-Windows Defender",
         {1006, 1007, 1008, 1013, 1015, 1116, 1117, 1118, 1119, 2001, 2002, 2003, 2004, 3002, 5001, 5004, 5007, 5010, 5012}},
        {"Microsoft-Windows-TaskScheduler", {100, 101, 102, 106, 107, 110, 119, 129, 140, 141, 142, 200, 201}},
        {"Microsoft-Windows-WMI-Activity", {5857, 5858, 5859, 5860, 5861}},
        {"Microsoft-Windows-TerminalServices-LocalSessionManager", {21, 22, 23, 24, 25, 39, 40}},
        {"Microsoft-Windows-TerminalServices-RemoteConnectionManager", {261, 1149}},
        {"Microsoft-Windows-RemoteDesktopServices-RdpCoreTS", {131, 140}},
        {"Microsoft-Windows-Bits-Client", {3, 4, 59, 60, 61}},
        {"Microsoft-Windows-Windows Firewall With Advanced Security", {2003, 2004, 2005, 2006, 2033, 2097}},
        {"Microsoft-Windows-CodeIntegrity", {3001, 3002, 3003, 3004, 3023, 3033, 3065, 3076, 3077, 3089}},
        {"Microsoft-Windows-AppLocker", {8002, 8003, 8004, 8005, 8006, 8007, 8020, 8021, 8022, 8023, 8024, 8025}},
        {"Application Error", {1000}},
        {"Windows Error Reporting", {1001}},
        {"Application Hang", {1002}},
        {"MsiInstaller", {1033, 1034, 11707, 11724}},
        {"Microsoft-Windows-GroupPolicy", {4016, 5016, 5312, 5313, 7016}},
        {"Microsoft-Windows-DNS-Client", {1014, 3006, 3008, 3020}},
        {"Microsoft-Windows-NTLM", {8001, 8002, 8003, 8004}},
        {"Microsoft-Windows-SMBServer", {551, 1006, 1009}},
        {"Microsoft-Windows-SMBClient", {31001}},
        {"Microsoft-Windows-WinRM", {6, 91, 142, 169}},
        {"Microsoft-Windows-PrintService", {307, 316, 808}},
    };
    std::size_t count = 0;
    for (const auto& [provider, ids] : wanted) {
        for (const std::uint32_t id : ids) {
            CAPTURE(provider, id);
            CHECK(find_event_description(provider, id) != nullptr);
            ++count;
        }
    }
    CHECK(count >= 150);
    CHECK(find_event_description("Microsoft-Windows-TaskScheduler", 4104) == nullptr);  // provider and id together
}

TEST_CASE("a generic event's message comes from the catalog, with its payload's values", "[report][catalog]") {
    const car_event timeout = generic("Service Control Manager", "System", 7009,
                                      {{"param1", "30000"}, {"param2", "UWdKhYTIQWWJxHfx"}, {"Binary", "730065006700310000000000"}});
    CHECK(event_message(timeout) == "A timeout (30000 ms) was reached waiting for service UWdKhYTIQWWJxHfx to connect");
    // UserData: the fields below the root element, by their paths.
    const car_event accepted = generic("Microsoft-Windows-TerminalServices-RemoteConnectionManager",
                                       "Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational", 261,
                                       {{"listenerName", "RDP-Tcp"}}, payload_kind::user_data);
    CHECK(event_message(accepted) == "RDP listener RDP-Tcp received a connection");
    // Unnamed data: Data[n] in order.
    const car_event crash = generic("Application Error", "Application", 1000,
                                    {{"", "rundll32.exe"}, {"", "6.1.7600.16385"}, {"", "4a5bc637"}, {"", "KERNELBASE.dll"},
                                     {"", "6.1.7601.23392"}, {"", "56eb2fb9"}, {"", "c0000005"}, {"", "00000003"},
                                     {"", "ffc"}, {"", "01d1f98cb1cb25dd"}, {"", "C:\\Windows\\system32\\rundll32.exe"},
                                     {"", "C:\\Windows\\system32\\KERNELBASE.dll"}, {"", "efc65f51-657f-11e6-8eb4-000c290d8d3a"}});
    CHECK(event_message(crash) ==
          "rundll32.exe 6.1.7600.16385 crashed in KERNELBASE.dll 6.1.7601.23392 (exception c0000005, offset 00000003, "
          "pid ffc): C:\\Windows\\system32\\rundll32.exe");
    // Field names with spaces; a field the record lacks reads "-".
    const car_event exclusion = generic("Microsoft-Windows-Windows Defender", "Microsoft-Windows-Windows Defender/Operational",
                                        5007, {{"Product Name", "Microsoft Defender Antivirus"}, {"Old Value", ""},
                                               {"New Value", "HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Exclusions\\Paths\\C:\\TOOLS = 0x0"}});
    CHECK(event_message(exclusion) ==
          "Defender's configuration changed from - to HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Exclusions\\Paths\\C:\\TOOLS = 0x0");
    // The classic log's message strings, one string array: one Data each.
    const car_event command = generic("PowerShell", "Windows PowerShell", 500, {{"", "Get-Item"}, {"", "Started"}, {"", "\tHostName=ConsoleHost"}});
    CHECK(event_message(command) == "PowerShell command Get-Item is Started");
}

TEST_CASE("a generic event's message is one line, its long values cut; outside the catalog, its first fields",
          "[report][catalog]") {
    const std::string long_script(300, 'A');
    const car_event error = generic("Microsoft-Windows-PowerShell", "Microsoft-Windows-PowerShell/Operational", 4100,
                                    {{"ContextInfo", "        Severity = Warning\r\n"}, {"UserData", ""},
                                     {"Payload", "Error Message = x\r\n\tat " + long_script}});
    const std::string message = event_message(error);
    CHECK(message.find('\n') == std::string::npos);
    CHECK(message.find('\r') == std::string::npos);
    CHECK(message.starts_with("PowerShell error: Error Message = x at AAAA"));
    CHECK(message.ends_with("\u2026"));
    CHECK(message.size() < 250);
    const car_event unknown = generic("Microsoft-Windows-Shell-Core", "Microsoft-Windows-Shell-Core/Operational", 28115,
                                      {{"Name", "Notepad"}, {"AppID", "{1AC14E77}\\notepad.exe"}, {"Flags", "0"}, {"Extra", "x"}});
    CHECK(event_message(unknown) ==
          "Microsoft-Windows-Shell-Core/Operational 28115: Name=Notepad, AppID={1AC14E77}\\notepad.exe, Flags=0");
}

TEST_CASE("a generic event's details: the catalog's key fields first, then the rest in record order, then the "
          "record's values",
          "[report][catalog]") {
    car_event added = generic("Microsoft-Windows-Windows Firewall With Advanced Security",
                              "Microsoft-Windows-Windows Firewall With Advanced Security/Firewall", 2004,
                              {{"RuleId", "{48A712F0-078E-4A6C-AA87-2545E5F432BA}"}, {"RuleName", "any crazy rule"},
                               {"Origin", "1"}, {"ApplicationPath", ""}, {"Direction", "1"}, {"Action", "3"},
                               {"ModifyingUser", "S-1-5-21-4230534742-2542757381-3142984815-1111"},
                               {"ModifyingApplication", "C:\\Windows\\System32\\mmc.exe"}});
    added.level = 4;
    added.keywords = 0x8000020000000000ull;
    added.user_sid = "S-1-5-19";
    CHECK(event_details(added, {}) ==
          "RuleName=any crazy rule; ApplicationPath=; Direction=1; Action=3; "
          "ModifyingUser=S-1-5-21-4230534742-2542757381-3142984815-1111; ModifyingApplication=C:\\Windows\\System32\\mmc.exe; "
          "RuleId={48A712F0-078E-4A6C-AA87-2545E5F432BA}; Origin=1; level=4; keywords=0x8000020000000000; user_sid=S-1-5-19");
    // Binary data as its hexadecimal text; unnamed data as Data[n]; a value that could split the list, quoted.
    const car_event failed = generic("Service Control Manager", "System", 7000,
                                     {{"param1", "Remote Registry"}, {"param2", "%%1058"}, {"Binary", "520065006D006F00740065000000"}});
    CHECK(event_details(failed, {}) == "param1=Remote Registry; param2=%%1058; Binary=520065006D006F00740065000000");
    const car_event sql = generic("MSSQLSERVER", "Application", 18456,
                                  {{"", "sa"}, {"", " Reason: Password did not match that for the login provided."},
                                   {"", " [CLIENT: 10.0.2.17]"}, {"Binary", "18480000"}});
    CHECK(event_message(sql) ==
          "SQL Server logon failed for sa: Reason: Password did not match that for the login provided. [CLIENT: 10.0.2.17]");
    CHECK(event_details(sql, {}) ==
          "Data[1]=sa; Data[2]=\" Reason: Password did not match that for the login provided.\"; "
          "Data[3]=\" [CLIENT: 10.0.2.17]\"; Binary=18480000");
}
