#include "structure_scenario.hpp"

#include "binxml/binxml_format.hpp"
#include "bulk_events.hpp"
#include "programs.hpp"
#include "utf16_text.hpp"
#include "windows_log_events.hpp"

namespace evtxcar::testdata {

namespace {

using namespace evtx_writer;

constexpr const char* computer = "LAB03.corp.example.com";
const sysmon_host lab03 = {computer, "10.10.5.23", sysmon_schema::v4_90, 2020, 0x61E0D4C3};

filetime at(unsigned hour, unsigned minute, unsigned second) {
    return to_filetime({2026, 5, 6, hour, minute, second, 0});
}

// Events of evtxcar's own test provider: a catalog of values, one per <Data>.
windows_event catalog_event(filetime time, std::uint16_t event_id, std::vector<data_field> fields) {
    windows_event event;
    system_values& s = event.system;
    s.provider_name = "evtxcar-TestData";
    s.provider_guid = guid_from_seed("evtxcar-TestData provider");
    s.event_id = event_id;
    s.level = 4;
    s.time_created = time;
    s.process_id = 4321;
    s.thread_id = 8765;
    s.channel = "evtxcar-TestData/Operational";
    s.computer = computer;
    s.user_sid = "S-1-5-21-3623811015-3361044348-30300820-1130";
    event.event_data = std::move(fields);
    return event;
}

scenario_record record(windows_event event, std::string case_description, std::string libevtx_differs = {}) {
    return {std::move(event), std::move(case_description), {}, std::move(libevtx_differs)};
}

std::vector<scenario_record> value_types() {
    const std::vector<std::uint8_t> bytes = {0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF, 0x4D, 0x5A};
    const guid some_guid = parse_guid("{3F2504E0-4F89-11D3-9A0C-0305E82C3301}");
    const filetime when = to_filetime({2026, 5, 6, 7, 8, 9, 1234567});
    std::vector<scenario_record> records;
    filetime t = at(8, 0, 0);
    const auto next = [&]() { return t += 61 * ticks_per_second; };
    records.push_back(record(catalog_event(next(), 100,
                                           {{"String", string_value("plain text")},
                                            {"EmptyString", string_value("")},
                                            {"AnsiString", ansi_string_value("ANSI text")},
                                            {"Int8", int8_value(127)},
                                            {"UInt8", uint8_value(255)},
                                            {"Int16", int16_value(32767)},
                                            {"UInt16", uint16_value(65535)},
                                            {"Int32", int32_value(2147483647)},
                                            {"UInt32", uint32_value(4294967295u)},
                                            {"Int64", int64_value(9223372036854775807LL)},
                                            {"UInt64", uint64_value(18446744073709551615ull)},
                                            {"Real32", real32_value(1.5f)},
                                            {"Real64", real64_value(-2.25)},
                                            {"Real64Small", real64_value(1e-10)},
                                            {"BoolTrue", bool_value(true)},
                                            {"BoolFalse", bool_value(false)},
                                            {"Binary", binary_value(bytes)},
                                            {"Guid", guid_value(some_guid)},
                                            {"SizeT", size_t_value(4096)},
                                            {"SizeT32", size_t_value(4660, false)},
                                            {"FileTime", filetime_value(when)},
                                            {"SystemTime", systemtime_value(when)},
                                            {"Sid", sid_value("S-1-5-21-3623811015-3361044348-30300820-1130")},
                                            {"HexInt32", hex_int32_value(0xC0000022u)},
                                            {"HexInt64", hex_int64_value(0x3E7)}}),
                             "every scalar type, positive values"));
    records.push_back(record(catalog_event(next(), 101,
                                           {{"Int8", int8_value(-5)},
                                            {"Int16", int16_value(-300)},
                                            {"Int32", int32_value(-70000)},
                                            {"Int64", int64_value(-5000000000LL)}}),
                             "negative signed integers",
                             "prints negative integers as sign and magnitude of the low bits (-5 as -123)"));
    records.push_back(record(
        catalog_event(
            next(), 102,
            {{"StringArray", string_array_value({"first", "", "third"})},
             {"AnsiStringArray", ansi_string_array_value({"alpha", "beta"})},
             {"UInt8Array", array_value(binxml::value_uint8, {uint8_value(1), uint8_value(2)})},
             {"UInt16Array", array_value(binxml::value_uint16, {uint16_value(7), uint16_value(8), uint16_value(9)})},
             {"UInt32Array", array_value(binxml::value_uint32, {uint32_value(1), uint32_value(4000000000u)})},
             {"Int64Array", array_value(binxml::value_int64, {int64_value(5), int64_value(6)})},
             {"HexInt64Array", array_value(binxml::value_hex_int64, {hex_int64_value(1), hex_int64_value(0xFFFF)})},
             {"GuidArray", array_value(binxml::value_guid, {guid_value(some_guid), guid_value(guid_from_seed("x"))})},
             {"FileTimeArray", array_value(binxml::value_filetime, {filetime_value(when)})}}),
        "arrays: the element repeats once per item"));
    records.push_back(record(catalog_event(next(), 103,
                                           {{"Present", string_value("here")},
                                            {"NullOptional", null_value(), true, "Data", {}, binxml::value_string},
                                            {"EmptyOptional", string_value(""), true},
                                            {"After", string_value("still here")}}),
                             "an optional null value removes its element; an empty one stays"));
    return records;
}

std::vector<scenario_record> text_references() {
    std::vector<scenario_record> records;
    filetime t = at(9, 0, 0);
    const auto next = [&]() { return t += 61 * ticks_per_second; };
    const auto literal = [&](std::uint16_t id, const char* name, std::vector<xml_node> content, const char* why,
                             const char* libevtx_differs) {
        records.push_back(record(catalog_event(next(), id, {{name, null_value(), false, "Data", std::move(content)}}),
                                 why, libevtx_differs));
    };
    literal(200, "Entities",
            {text("Tom "), entity_reference("amp"), text(" Jerry "), entity_reference("lt"), text("3"),
             entity_reference("gt"), text(" "), entity_reference("quot"), text("q"), entity_reference("apos")},
            "entity references between text", "");
    literal(201, "EntityOnly", {entity_reference("amp")}, "an entity reference alone", "fails the record");
    literal(202, "CharacterReference", {text("smile "), character_reference(0x263A), text(" end")},
            "a character reference", "fails the record (unsupported token 0x08)");
    literal(203, "Cdata", {cdata("if (a < b && c > d) { say(\"]]\"); }")}, "a CDATA section",
            "drops the <Data> element around the CDATA section");
    return records;
}

std::vector<scenario_record> unicode_text() {
    std::vector<scenario_record> records;
    filetime t = at(10, 0, 0);
    const auto next = [&]() { return t += 61 * ticks_per_second; };
    const auto one = [&](std::uint16_t id, const char* name, substitution_value value, const char* why,
                         const char* libevtx_differs = "") {
        records.push_back(record(catalog_event(next(), id, {{name, std::move(value)}}), why, libevtx_differs));
    };
    one(300, "NonLatin", string_value("Привет, 世界, مرحبا, Ελλάδα"), "Cyrillic, CJK, Arabic and Greek (BMP)");
    one(301, "OutsideBmp", string_value("emoji \U0001F600, Gothic \U00010348, math \U0001D400"),
        "characters outside the BMP", "decodes surrogate pairs wrongly (U+1F600 shows as U+1F201)");
    one(302, "LoneHighSurrogate", utf16_string_value(std::u16string(u"before ") + char16_t(0xD83D) + u" after"),
        "a lone high surrogate: U+FFFD", "drops the character after a lone surrogate");
    one(303, "LoneLowSurrogate", utf16_string_value(std::u16string(u"before ") + char16_t(0xDE00) + u" after"),
        "a lone low surrogate: U+FFFD", "drops the character after a lone surrogate");
    one(304, "ReversedPair", utf16_string_value(std::u16string(u"x") + char16_t(0xDE00) + char16_t(0xD83D) + u"y"),
        "a low surrogate before a high one: two U+FFFD", "drops the character after a lone surrogate");
    one(305, "XmlSpecial", string_value("<tag attr=\"v\">Tom & 'Jerry'</tag> ]]> &amp;"),
        "XML-special characters in a value");
    one(306, "Controls", string_value("bell\x07 escape\x1B[31m delete\x7F unit\x1F tab\t cr\r lf\n end"),
        "control characters in a value");
    one(307, "Invisible",
        string_value("\xEF\xBB\xBF"
                     "bom, zero\xE2\x80\x8Bwidth, nbsp\xC2\xA0space"),
        "BOM, zero-width space and no-break space", "drops the leading U+FEFF (taken for a byte order mark)");
    one(308, "Blanks", string_value("  leading and trailing blanks  "), "blanks at both ends");
    one(309, "OnlyBlanks", string_value("   "), "a value of blanks only");
    return records;
}

// <UserData> with nesting and attributes (task scheduler style).
windows_event task_registered(filetime time) {
    windows_event event;
    system_values& s = event.system;
    s.provider_name = "Microsoft-Windows-TaskScheduler";
    s.provider_guid = parse_guid("{DE7B24EA-73C8-4A09-985D-5BDADCFA9017}");
    s.event_id = 106;
    s.version = 0;
    s.task = 106;
    s.keywords = 0x8000000000000000ull;
    s.time_created = time;
    s.process_id = 1628;
    s.thread_id = 9212;
    s.channel = "Microsoft-Windows-TaskScheduler/Operational";
    s.computer = computer;
    s.user_sid = "S-1-5-18";
    event.kind = payload_kind::user_data;
    const auto root =
        make_template("structure TaskRegistered",
                      element("TaskRegistered",
                              {attribute("xmlns", {text("http://manifests.example.com/evtxcar/taskscheduler")}),
                               attribute("Version", {text("1")})},
                              {element("TaskName", {}, {substitution(0, binxml::value_string)}),
                               element("UserContext", {}, {substitution(1, binxml::value_string)}),
                               element("Trigger", {attribute("Kind", {substitution(2, binxml::value_string)})},
                                       {element("Start", {}, {substitution(3, binxml::value_filetime)})})}));
    event.user_data =
        template_instance{root,
                          {string_value("\\Example\\Nightly Backup"), string_value("CORP\\adm-bob"),
                           string_value("daily"), filetime_value(to_filetime({2026, 5, 7, 1, 30, 0, 0}))}};
    return event;
}

windows_event powershell_script_block(filetime time) {
    windows_event event;
    system_values& s = event.system;
    s.provider_name = "Microsoft-Windows-PowerShell";
    s.provider_guid = parse_guid("{A0C1853B-5C40-4B15-8766-3CF1C58F985A}");
    s.event_id = 4104;
    s.version = 1;
    s.level = 5;
    s.task = 2;
    s.opcode = 15;
    s.keywords = 0x0;
    s.time_created = time;
    s.activity_id = parse_guid("{0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9}");
    s.process_id = 7312;
    s.thread_id = 7420;
    s.channel = "Microsoft-Windows-PowerShell/Operational";
    s.computer = computer;
    s.user_sid = "S-1-5-21-3623811015-3361044348-30300820-1130";
    event.event_data = {
        {"MessageNumber", int32_value(1)},
        {"MessageTotal", int32_value(1)},
        {"ScriptBlockText", string_value("$files = Get-ChildItem C:\\Users\\Public\r\n"
                                         "foreach ($f in $files) {\r\n    Write-Output $f.FullName\r\n}")},
        {"ScriptBlockId", string_value("7c4d8a0e-1f2b-4c3d-9e8f-0a1b2c3d4e5f")},
        {"Path", string_value("")}};
    return event;
}

windows_event application_error(filetime time) {
    windows_event event;
    system_values& s = event.system;
    s.provider_name = "Application Error";
    s.event_id = 1000;
    s.qualifiers = 0;
    s.level = 2;
    s.task = 100;
    s.keywords = 0x0080000000000000ull;
    s.time_created = time;
    s.channel = "Application";
    s.computer = computer;
    s.classic = true;
    event.event_data = {{"", string_value("viewer.exe")},      {"", string_value("2.4.1.0")},
                        {"", string_value("65f3a1b2")},        {"", string_value("ntdll.dll")},
                        {"", string_value("10.0.19041.3636")}, {"", string_value("c0000005")}};
    return event;
}

std::vector<scenario_record> payload_shapes() {
    const sysmon_process explorer = program_process(lab03, at(10, 0, 0), "explorer", 4412, "C:\\Windows\\explorer.exe",
                                                    "C:\\Windows\\Explorer.EXE", {"CORP\\carol", 0x6A2B1, 1, "Medium"});
    const sysmon_process notepad =
        program_process(lab03, at(11, 0, 0), "notepad", 9120, "C:\\Windows\\System32\\notepad.exe",
                        "notepad.exe C:\\Users\\carol\\todo.txt", {"CORP\\carol", 0x6A2B1, 1, "Medium"});
    std::vector<scenario_record> records;
    filetime t = at(11, 0, 0);
    const auto next = [&]() { return t += 61 * ticks_per_second; };
    const account carol = {"S-1-5-21-3623811015-3361044348-30300820-1130", "carol", "CORP", 0x6A2B1};

    records.push_back(
        record(security_log_cleared(computer, next(), carol), "UserData: the Security log is cleared (1102)"));
    records.push_back(record(task_registered(next()), "UserData with attributes and a nested element (task 106)"));
    records.push_back(
        record(event_log_service(computer, next(), false), "classic event: unnamed data, Binary, Qualifiers (6006)"));
    records.push_back(record(event_log_service(computer, next(), true), "classic event (6005)"));
    records.push_back(record(service_state_change(computer, next(), "Print Spooler", "stopped"),
                             "named data with Qualifiers and Binary (7036)"));
    records.push_back(record(application_error(next()), "classic Application event: six unnamed <Data>"));
    records.push_back(
        record(powershell_script_block(next()), "PowerShell 4104 with an ActivityID and a multi-line script"));

    windows_event inline_sysmon = sysmon_process_create(lab03, next(), notepad, explorer);
    inline_sysmon.layout = payload_layout::inline_template;
    records.push_back(record(inline_sysmon, "Sysmon process create in one template (no nested EventData)"));
    records.push_back(record(sysmon_process_create(lab03, next(), notepad, explorer),
                             "the same process create, nested as Windows writes it"));

    windows_event no_payload = catalog_event(next(), 110, {});
    no_payload.kind = payload_kind::none;
    records.push_back(record(no_payload, "no EventData or UserData at all"));
    records.push_back(record(catalog_event(next(), 111, {}), "an empty <EventData/>"));
    windows_event correlated = catalog_event(next(), 112, {{"Step", uint32_value(1)}});
    correlated.system.activity_id = guid_from_seed("activity");
    correlated.system.related_activity_id = guid_from_seed("related activity");
    records.push_back(record(correlated, "Correlation with ActivityID and RelatedActivityID"));
    windows_event no_user = catalog_event(next(), 113, {{"Step", uint32_value(2)}});
    no_user.system.user_sid.reset();
    records.push_back(record(no_user, "no Security UserID"));
    return records;
}

// Many small events of the test provider: enough records for several chunks
// in little space.
std::vector<scenario_record> small_records(unsigned count) {
    std::vector<scenario_record> records;
    filetime t = at(12, 0, 0);
    for (unsigned n = 0; n < count; ++n) {
        t += (n % 7 + 1) * 113 * ticks_per_millisecond;
        windows_event event =
            catalog_event(t, 120, {{"Sequence", uint32_value(n)}, {"Step", string_value(n % 2 ? "odd" : "even")}});
        event.system.user_sid.reset();
        records.push_back(record(std::move(event), "busy log"));
    }
    return records;
}

// A log written again into the file of an older one (cleared, its file
// reused): behind the new records, the chunk still holds the older log's,
// whose record ids (from 1 again) go on where the new ones stop.
scenario_file written_over_log() {
    const sysmon_host lab04 = {"LAB04.corp.example.com", "10.10.5.24", sysmon_schema::v4_50, 2044, 0x3D51A8E2};
    scenario_file file = log_file("structure/written_over.evtx",
                                  "a log written over an older one: behind its 4 records, slack of the older log's 35",
                                  bulk_sysmon_records(lab04, at(14, 0, 0), 4, 0x5C4C4B01, "new log"));
    file.written_over = bulk_sysmon_records(lab04, at(9, 0, 0), 35, 0x5C4C4B00, "older log");
    return file;
}

}  // namespace

std::vector<scenario_record> value_type_records() { return value_types(); }

std::vector<scenario_file> structure_files() {
    return {
        log_file("structure/many_chunks.evtx", "2,000 records over many chunks: templates and names restart per chunk",
                 small_records(2000)),
        log_file("structure/value_types.evtx",
                 "every substitution value type, negative integers, arrays, optional nulls", value_types()),
        log_file("structure/text_references.evtx", "entity and character references and CDATA in template text",
                 text_references()),
        log_file("structure/unicode_text.evtx",
                 "non-Latin text, characters outside the BMP, lone surrogates, XML specials, controls", unicode_text()),
        log_file("structure/payload_shapes.evtx",
                 "UserData, classic events, Qualifiers, Binary, no payload, inline template, other providers",
                 payload_shapes()),
        written_over_log(),
    };
}

}  // namespace evtxcar::testdata
