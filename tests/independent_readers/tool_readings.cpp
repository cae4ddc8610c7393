#include "tool_readings.hpp"

#include <charconv>
#include <pugixml.hpp>

#include "program_runner.hpp"

namespace evtxcar::independent_readers {

namespace {

// Whitespace-only text is kept only when it is an element's sole content:
// the tools indent, and a value of blanks must survive. Line ends and
// attribute whitespace stay as printed: a value's CR must read back as CR.
constexpr unsigned parse_flags = (pugi::parse_default & ~pugi::parse_eol & ~pugi::parse_wconv_attribute) |
                                 pugi::parse_ws_pcdata_single | pugi::parse_fragment;

rendered_element tree_of(pugi::xml_node node) {
    rendered_element element;
    element.name = node.name();
    for (pugi::xml_attribute attribute : node.attributes())
        element.attributes.emplace_back(attribute.name(), attribute.value());
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_element) {
            element.children.push_back(tree_of(child));
        } else if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            element.text += child.value();
        }
    }
    return element;
}

void collect_events(pugi::xml_node parent, std::vector<rendered_element>& events) {
    for (pugi::xml_node child : parent.children()) {
        if (child.type() != pugi::node_element) continue;
        if (std::string_view(child.name()) == "Event") {
            events.push_back(tree_of(child));
        } else {
            collect_events(child, events);  // python-evtx wraps them in <Events>
        }
    }
}

// Text of XML as the tools print it, parsed into trees (pugixml; character
// and entity references resolved).
std::optional<std::vector<rendered_element>> parse_event_xml(const std::string& xml) {
    pugi::xml_document document;
    if (!document.load_buffer(xml.data(), xml.size(), parse_flags, pugi::encoding_utf8)) return std::nullopt;
    std::vector<rendered_element> events;
    collect_events(document, events);
    return events;
}

xml_reading reading_of(const program_output& output) {
    xml_reading reading;
    reading.exit_status = output.exit_status;
    reading.diagnostics = output.standard_error;
    std::string xml = output.standard_output;
    // evtxexport starts with its name and version; python-evtx with an XML
    // declaration.
    if (xml.starts_with("evtxexport")) xml.erase(0, xml.find('\n') + 1);
    if (xml.starts_with("<?xml")) xml.erase(0, xml.find("?>") + 2);
    if (auto events = parse_event_xml(xml)) {
        reading.xml_parsed = true;
        reading.events = std::move(*events);
    }
    return reading;
}

std::optional<std::uint64_t> number_after(const std::string& text, std::string_view label) {
    const std::size_t at = text.find(label);
    if (at == std::string::npos) return std::nullopt;
    std::size_t digits = text.find_first_of("0123456789", at + label.size());
    if (digits == std::string::npos) return std::nullopt;
    std::uint64_t value = 0;
    std::from_chars(text.data() + digits, text.data() + text.size(), value);
    return value;
}

}  // namespace

std::optional<std::string> evtxexport_program() { return find_program("evtxexport"); }
std::optional<std::string> evtxinfo_program() { return find_program("evtxinfo"); }
std::optional<std::string> python_evtx_program() {
    // The Debian package installs the script for the system Python; the
    // script's own first line names that interpreter.
    return find_program("evtx_dump.py");
}

xml_reading read_with_evtxexport(const std::filesystem::path& file, bool include_recovered) {
    const auto program = evtxexport_program();
    if (!program) return {};
    std::vector<std::string> arguments = {"-f", "xml"};
    if (include_recovered) arguments.insert(arguments.end(), {"-m", "all"});
    arguments.push_back(file.string());
    return reading_of(run_program(*program, arguments));
}

xml_reading read_with_python_evtx(const std::filesystem::path& file) {
    const auto program = python_evtx_program();
    if (!program) return {};
    return reading_of(run_program(*program, {file.string()}));
}

info_reading read_with_evtxinfo(const std::filesystem::path& file) {
    info_reading reading;
    const auto program = evtxinfo_program();
    if (!program) return reading;
    const program_output output = run_program(*program, {file.string()});
    reading.exit_status = output.exit_status;
    reading.output = output.standard_output + output.standard_error;
    reading.records = number_after(output.standard_output, "Number of records");
    reading.recovered_records = number_after(output.standard_output, "Number of recovered records");
    reading.corrupted = output.standard_output.find("Is corrupted") != std::string::npos;
    return reading;
}

}  // namespace evtxcar::independent_readers
