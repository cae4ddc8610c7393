#include "analytics/windows_path.hpp"

#include "car/event_fields.hpp"

namespace evtxcar {

namespace {

bool starts_with_folded(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

bool is_drive(std::string_view text) {
    const char letter = text.empty() ? '\0' : static_cast<char>(text[0] | 0x20);
    return text.size() >= 2 && letter >= 'a' && letter <= 'z' && text[1] == ':';
}

// "<volume>\rest" -> "\rest" (nothing after the volume: "").
std::string_view after_first_separator(std::string_view text) {
    const std::size_t separator = text.find('\\');
    return separator == std::string_view::npos ? std::string_view() : text.substr(separator);
}

}  // namespace

std::string_view path_after_volume(std::string_view path) {
    std::string_view rest = path;
    if (starts_with_folded(rest, "\\\\?\\") || starts_with_folded(rest, "\\??\\")) rest.remove_prefix(4);
    if (is_drive(rest)) return rest.substr(2);
    if (starts_with_folded(rest, "Volume{")) return after_first_separator(rest);
    if (starts_with_folded(rest, "\\Device\\")) return after_first_separator(rest.substr(8));
    return path;
}

bool same_path_after_volume(std::string_view a, std::string_view b) {
    return iequals(path_after_volume(a), path_after_volume(b));
}

}  // namespace evtxcar
