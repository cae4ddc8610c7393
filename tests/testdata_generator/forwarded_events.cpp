#include "forwarded_events.hpp"

namespace evtxcar::testdata {

namespace {

using namespace evtx_writer;

constexpr std::uint64_t keyword_audit_success = 0x0020000000000000ull;
constexpr std::uint64_t keyword_audit_failure = 0x0010000000000000ull;

std::string level_name(std::uint8_t level) {
    switch (level) {
        case 1:
            return "Critical";
        case 2:
            return "Error";
        case 3:
            return "Warning";
        case 5:
            return "Verbose";
        default:  // 0 (Log Always, as auditing writes) and 4 render the same
            return "Information";
    }
}

// The provider's display name on the source.
std::string provider_display_name(const std::string& provider) {
    if (provider == "Microsoft-Windows-Security-Auditing") return "Microsoft Windows security auditing.";
    return provider;
}

std::vector<std::string> keyword_names(std::uint64_t keywords) {
    std::vector<std::string> names;
    if ((keywords & keyword_audit_success) != 0) names.push_back("Audit Success");
    if ((keywords & keyword_audit_failure) != 0) names.push_back("Audit Failure");
    return names;
}

std::string message_of(const windows_event& event, const std::string& first_line) {
    std::string message = first_line + "\r\n";
    for (const data_field& field : event.event_data) {
        if (field.value.text_count() == 0) continue;
        message += "\r\n" + field.name + ": " + field.value.text();
    }
    return message;
}

}  // namespace

windows_event forwarded(windows_event event, const std::string& message_first_line, const std::string& task_name) {
    rendering_info rendering;
    rendering.message = message_of(event, message_first_line);
    rendering.level = level_name(event.system.level);
    rendering.task = task_name;
    rendering.opcode = "Info";
    rendering.channel = event.system.channel;
    rendering.provider = provider_display_name(event.system.provider_name);
    rendering.keywords = keyword_names(event.system.keywords);
    event.rendering = std::move(rendering);
    return event;
}

}  // namespace evtxcar::testdata
