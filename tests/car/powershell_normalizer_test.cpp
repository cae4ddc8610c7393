// PowerShell -> evtxcar's script object. Operational 4104 (MessageNumber,
// MessageTotal, ScriptBlockText, ScriptBlockId and, from PowerShell 5,
// Path) and 4103 (ContextInfo "        Host Application = ...", UserData,
// Payload); the classic log's 400/403/600/800 as three unnamed <Data>
// elements with "\tKey=Value" context, as evtxexport shows real logs.
#include "car/powershell/powershell_mappings.hpp"
#include "log_normalizer_support.hpp"

using namespace evtxcar;
using test::log_record;
using test::normalize_record;

namespace {

constexpr const char* operational = "Microsoft-Windows-PowerShell";
constexpr const char* classic = "PowerShell";

event_record operational_record(std::uint32_t event_id, std::vector<payload_field> fields) {
    event_record record = log_record(operational, "Microsoft-Windows-PowerShell/Operational", event_id,
                                     payload_kind::event_data, std::move(fields));
    record.process_id = 5092;
    record.user_sid = "S-1-5-21-1552841522-3835366585-4197357653-1001";
    return record;
}

event_record classic_record(std::uint32_t event_id, std::vector<std::string> strings) {
    std::vector<payload_field> fields;
    for (std::string& text : strings) fields.push_back({"", std::move(text)});
    return log_record(classic, "Windows PowerShell", event_id, payload_kind::event_data, std::move(fields));
}

// The 4103 ContextInfo of a real PowerShell 4.0 host, lines ending in LF.
const std::string module_context =
    "        Severity = Informational\n        Host Name = ConsoleHost\n        Host Version = 4.0\n"
    "        Host ID = 5a3793a4-31d1-4d3d-a8d1-4cd874d06e70\n"
    "        Host Application = C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -nop -c iex($x)\n"
    "        Engine Version = 4.0\n        Runspace ID = e9d4be2a-52cd-483a-a7d1-e10f67df6e6c\n"
    "        Pipeline ID = 13\n        Command Name = New-Object\n        Command Type = Cmdlet\n"
    "        Script Name = C:\\t\\a.ps1\n        Command Path = \n        Sequence Number = 24\n"
    "        User = OFFSEC\\admmig\n        Shell ID = Microsoft.PowerShell\n";

std::string engine_context(const std::string& host_application, const std::string& version) {
    std::string text = "\tNewEngineState=Available\r\n\tPreviousEngineState=None\r\n\r\n\tSequenceNumber=13\r\n\r\n"
                       "\tHostName=ConsoleHost\r\n\tHostVersion=" + version + "\r\n\tHostId=64821494-0737-4ce9-ad67-3ac0e50a81b8\r\n";
    if (!host_application.empty()) text += "\tHostApplication=" + host_application + "\r\n";
    text += "\tEngineVersion=" + version + "\r\n\tRunspaceId=74ae21ca-7fa9-40cc-a265-7a41fdb168a6\r\n\tPipelineId=\r\n"
            "\tCommandName=\r\n\tCommandType=\r\n\tScriptName=\r\n\tCommandPath=\r\n\tCommandLine=";
    return text;
}

}  // namespace

TEST_CASE("4104 becomes script/block: text, id, path, part numbers, the PowerShell process and user",
          "[car][powershell]") {
    const auto out = normalize_record(operational_record(4104, {{"MessageNumber", "2"},
                                                                {"MessageTotal", "3"},
                                                                {"ScriptBlockText", "IEX (New-Object Net.WebClient)\r\n.DownloadString($u)"},
                                                                {"ScriptBlockId", "e6f1558a-49ad-4fb6-9e4b-5460f390873f"},
                                                                {"Path", "C:\\Users\\x\\stage.ps1"}}));
    REQUIRE(out.mapped);
    CHECK(out.problem.empty());
    CHECK(out.event.object == "script");
    CHECK(out.event.action == "block");
    CHECK(out.fields.at("script_block_text") == "IEX (New-Object Net.WebClient)\r\n.DownloadString($u)");
    CHECK(out.fields.at("script_block_id") == "e6f1558a-49ad-4fb6-9e4b-5460f390873f");
    CHECK(out.fields.at("script_path") == "C:\\Users\\x\\stage.ps1");
    CHECK(out.fields.at("message_number") == "2");
    CHECK(out.fields.at("message_total") == "3");
    CHECK(out.fields.at("pid") == "5092");  // Execution/@ProcessID: the PowerShell host
    CHECK(out.fields.at("uid") == "S-1-5-21-1552841522-3835366585-4197357653-1001");
}

TEST_CASE("4104 without Path (a PowerShell 4.0 host), with an empty Path, with part numbers that are not numbers",
          "[car][powershell]") {
    const auto v50 = normalize_record(operational_record(
        4104, {{"MessageNumber", "1"}, {"MessageTotal", "1"}, {"ScriptBlockText", "prompt"}, {"ScriptBlockId", "id"}}));
    REQUIRE(v50.mapped);
    CHECK_FALSE(v50.has("script_path"));
    const auto interactive = normalize_record(operational_record(
        4104, {{"MessageNumber", "1"}, {"MessageTotal", "1"}, {"ScriptBlockText", "whoami"}, {"ScriptBlockId", "id"}, {"Path", ""}}));
    CHECK_FALSE(interactive.has("script_path"));
    event_record no_process = operational_record(4104, {{"ScriptBlockText", "x"}});
    no_process.process_id = 0;
    no_process.user_sid.clear();
    const auto bare = normalize_record(no_process);
    CHECK_FALSE(bare.has("pid"));
    CHECK_FALSE(bare.has("uid"));
    CHECK_FALSE(bare.has("message_number"));
    const auto bad = normalize_record(operational_record(
        4104, {{"MessageNumber", "one"}, {"MessageTotal", "1"}, {"ScriptBlockText", "x"}, {"ScriptBlockId", "id"}}));
    REQUIRE(bad.mapped);
    CHECK(bad.fields.at("message_number") == "one");  // kept as logged
    CHECK(bad.problem == "MessageNumber 'one' is not a number");
    const auto bad_total = normalize_record(operational_record(4104, {{"MessageNumber", "1"}, {"MessageTotal", "-1"}}));
    CHECK(bad_total.problem == "MessageTotal '-1' is not a number");
}

TEST_CASE("4103 becomes script/invoke: the host's command line, engine, command, user, invocation",
          "[car][powershell]") {
    const auto out = normalize_record(operational_record(
        4103, {{"ContextInfo", module_context},
               {"UserData", ""},
               {"Payload", "CommandInvocation(New-Object): \"New-Object\"\nParameterBinding(New-Object): name=\"TypeName\"; value=\"net.webclient\""}}));
    REQUIRE(out.mapped);
    CHECK(out.problem.empty());
    CHECK(out.event.action == "invoke");
    CHECK(out.fields.at("command_line") == "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -nop -c iex($x)");
    CHECK(out.fields.at("host_name") == "ConsoleHost");
    CHECK(out.fields.at("host_version") == "4.0");
    CHECK(out.fields.at("engine_version") == "4.0");
    CHECK(out.fields.at("runspace_id") == "e9d4be2a-52cd-483a-a7d1-e10f67df6e6c");
    CHECK(out.fields.at("command_name") == "New-Object");
    CHECK(out.fields.at("command_type") == "Cmdlet");
    CHECK(out.fields.at("script_name") == "C:\\t\\a.ps1");
    CHECK_FALSE(out.has("command_path"));  // logged empty
    CHECK(out.fields.at("user") == "OFFSEC\\admmig");
    CHECK(out.fields.at("invocation").starts_with("CommandInvocation(New-Object)"));
    CHECK(out.fields.at("pid") == "5092");
    const auto no_lines = normalize_record(operational_record(4103, {{"ContextInfo", "garbled"}, {"Payload", "p"}}));
    REQUIRE(no_lines.mapped);
    CHECK(no_lines.fields.at("invocation") == "p");
    CHECK(no_lines.problem == "ContextInfo has no 'key = value' lines");
}

TEST_CASE("classic 400/403: engine state, previous state, host and engine versions, HostApplication",
          "[car][powershell]") {
    const auto start = normalize_record(
        classic_record(400, {"Available", "None", engine_context("powershell.exe -enc SQBFAFgA==", "5.1.18362.145")}));
    REQUIRE(start.mapped);
    CHECK(start.problem.empty());
    CHECK(start.event.action == "engine_start");
    CHECK(start.fields.at("state") == "Available");
    CHECK(start.fields.at("previous_state") == "None");
    CHECK(start.fields.at("command_line") == "powershell.exe -enc SQBFAFgA==");  // '=' in the value kept
    CHECK(start.fields.at("engine_version") == "5.1.18362.145");
    CHECK(start.fields.at("host_name") == "ConsoleHost");
    CHECK(start.fields.at("runspace_id") == "74ae21ca-7fa9-40cc-a265-7a41fdb168a6");
    CHECK_FALSE(start.has("command_name"));  // logged empty
    // PowerShell 2.0 writes no HostApplication: a downgrade shows as engine 2.0.
    const auto v2 = normalize_record(classic_record(403, {"Stopped", "Available", engine_context("", "2.0")}));
    CHECK(v2.event.action == "engine_stop");
    CHECK(v2.fields.at("engine_version") == "2.0");
    CHECK(v2.fields.at("host_version") == "2.0");
    CHECK_FALSE(v2.has("command_line"));
}

TEST_CASE("classic 600 and 800: provider name and state; pipeline command line, context and details",
          "[car][powershell]") {
    const auto provider = normalize_record(classic_record(
        600, {"Registry", "Started", "\tProviderName=Registry\n\tNewProviderState=Started\n\n\tHostApplication=powershell calc"}));
    REQUIRE(provider.mapped);
    CHECK(provider.event.action == "provider_start");
    CHECK(provider.fields.at("name") == "Registry");
    CHECK(provider.fields.at("state") == "Started");
    CHECK(provider.fields.at("command_line") == "powershell calc");
    const auto pipeline = normalize_record(classic_record(
        800, {"Get-Item -Path $p", "\tDetailSequence=1\n\tUserId=DESKTOP-ST69BPO\\user01\n\tHostApplication=powershell calc\n\tCommandLine=Get-Item -Path $p",
              "CommandInvocation(Get-Item): \"Get-Item\"\n"}));
    REQUIRE(pipeline.mapped);
    CHECK(pipeline.problem.empty());
    CHECK(pipeline.event.action == "invoke");
    CHECK(pipeline.fields.at("script_command_line") == "Get-Item -Path $p");
    CHECK(pipeline.fields.at("user") == "DESKTOP-ST69BPO\\user01");
    CHECK(pipeline.fields.at("command_line") == "powershell calc");
    CHECK(pipeline.fields.at("invocation") == "CommandInvocation(Get-Item): \"Get-Item\"\n");
    CHECK_FALSE(pipeline.has("pid"));  // the classic log's Execution/@ProcessID is 0
}

TEST_CASE("classic events without their context: the values kept and a warning", "[car][powershell]") {
    const auto empty = normalize_record(classic_record(600, {"Alias", "Started", ""}));
    REQUIRE(empty.mapped);
    CHECK(empty.fields.at("name") == "Alias");
    CHECK(empty.problem == "Data[3] holds no 'key=value' context");
    const auto short_800 = normalize_record(classic_record(800, {"x"}));
    REQUIRE(short_800.mapped);
    CHECK(short_800.fields.at("script_command_line") == "x");
    CHECK(short_800.problem == "Data[2] holds no 'key=value' context");
    CHECK_FALSE(normalize_record(classic_record(500, {"Get-Item", "Started", ""})).mapped);  // catalog only
    CHECK(test::mapped_event_ids(classic) == std::vector<std::uint32_t>{400, 403, 600, 800});
    CHECK(test::mapped_event_ids(operational) == std::vector<std::uint32_t>{4103, 4104});
}

TEST_CASE("PowerShell's context lines split at their first '='", "[car][powershell]") {
    const auto context = powershell::read_context("  Host Application = a = b \r\nno equals here\n=orphan\n\tKey=\n");
    REQUIRE(context.size() == 2);
    CHECK(context[0].key == "Host Application");
    CHECK(context[0].value == "a = b");
    CHECK(context[1].key == "Key");
    CHECK(context[1].value.empty());
    CHECK(powershell::context_value(context, "Missing").empty());
}
