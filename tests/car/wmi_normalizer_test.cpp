// WMI-Activity 5861 -> evtxcar's wmi/binding, with Sysmon 21's field names.
// UserData Operation_ESStoConsumerBinding: Namespace, ESS (the filter's
// name), CONSUMER ("CommandLineEventConsumer=\"name\""), PossibleCause
// (both instances as MOF text), as the provider's manifest names them.
#include "car/wmi/wmi_mappings.hpp"
#include "log_normalizer_support.hpp"

using namespace evtxcar;
using test::log_record;
using test::normalize_record;

namespace {

constexpr const char* wmi_activity = "Microsoft-Windows-WMI-Activity";

const std::string possible_cause =
    "Binding EventFilter: \ninstance of __EventFilter\n{\n\tCreatorSID = {1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0};\n"
    "\tEventNamespace = \"root\\\\cimv2\";\n\tName = \"BotFilter82\";\n"
    "\tQuery = \"SELECT * FROM __InstanceModificationEvent WITHIN 10 WHERE TargetInstance ISA "
    "\\\"Win32_PerfFormattedData_PerfOS_System\\\"\";\n\tQueryLanguage = \"WQL\";\n};\n"
    "Perm. Consumer: \ninstance of CommandLineEventConsumer\n{\n"
    "\tCommandLineTemplate = \"C:\\\\Windows\\\\System32\\\\cmd.exe /c C:\\\\Users\\\\Public\\\\b.exe\";\n"
    "\tName = \"BotConsumer23\";\n};\n";

event_record binding(std::vector<payload_field> fields) {
    event_record record = log_record(wmi_activity, "Microsoft-Windows-WMI-Activity/Operational", 5861,
                                     payload_kind::user_data, std::move(fields));
    record.payload_name = "Operation_ESStoConsumerBinding";
    return record;
}

}  // namespace

TEST_CASE("5861 becomes wmi/binding: namespace, filter, consumer, the filter's query and the consumer's command",
          "[car][wmi]") {
    const auto out = normalize_record(binding({{"Namespace", "//./root/subscription"},
                                               {"ESS", "BotFilter82"},
                                               {"CONSUMER", "CommandLineEventConsumer=\"BotConsumer23\""},
                                               {"PossibleCause", possible_cause}}));
    REQUIRE(out.mapped);
    CHECK(out.problem.empty());
    CHECK(out.event.object == "wmi");
    CHECK(out.event.action == "binding");
    CHECK(out.fields.at("event_namespace") == "//./root/subscription");
    CHECK(out.fields.at("wmi_filter") == "BotFilter82");
    CHECK(out.fields.at("wmi_consumer") == "CommandLineEventConsumer=\"BotConsumer23\"");
    CHECK(out.fields.at("wmi_query") ==
          "SELECT * FROM __InstanceModificationEvent WITHIN 10 WHERE TargetInstance ISA \"Win32_PerfFormattedData_PerfOS_System\"");
    CHECK(out.fields.at("wmi_destination") == "C:\\Windows\\System32\\cmd.exe /c C:\\Users\\Public\\b.exe");
}

TEST_CASE("5861 of a script consumer, and without PossibleCause", "[car][wmi]") {
    const auto script = normalize_record(binding(
        {{"ESS", "f"}, {"CONSUMER", "ActiveScriptEventConsumer=\"s\""},
         {"PossibleCause", "instance of ActiveScriptEventConsumer\n{\n\tScriptingEngine = \"VBScript\";\n\tScriptText = \"CreateObject(\\\"WScript.Shell\\\").Run \\\"calc\\\"\";\n};"}}));
    CHECK(script.fields.at("wmi_destination") == "CreateObject(\"WScript.Shell\").Run \"calc\"");
    CHECK_FALSE(script.has("wmi_query"));
    const auto bare = normalize_record(binding({{"ESS", "f"}, {"CONSUMER", "c"}}));
    REQUIRE(bare.mapped);
    CHECK_FALSE(bare.has("wmi_query"));
    CHECK_FALSE(bare.has("wmi_destination"));
    CHECK_FALSE(bare.has("event_namespace"));
    event_record as_event_data = binding({{"ESS", "f"}});
    as_event_data.kind = payload_kind::event_data;
    CHECK_FALSE(normalize_record(as_event_data).mapped);
    CHECK(test::mapped_event_ids(wmi_activity) == std::vector<std::uint32_t>{5861});
}

TEST_CASE("MOF string properties: escapes undone, whole property names, unterminated strings",
          "[car][wmi]") {
    using wmi::mof_string_property;
    CHECK(mof_string_property("\tName = \"a\\\\b \\\"c\\\"\";", "Name") == std::optional<std::string>("a\\b \"c\""));
    CHECK(mof_string_property("\tFileName = \"x\";\n\tName = \"y\";", "Name") == std::optional<std::string>("y"));
    CHECK_FALSE(mof_string_property("\tName = \"never ends", "Name").has_value());
    CHECK_FALSE(mof_string_property("\tName = 5;", "Name").has_value());
    CHECK(mof_string_property("Name = \"\";", "Name") == std::optional<std::string>(""));
}
