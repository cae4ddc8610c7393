// Reading what the Service Control Manager writes as text: 7036's binary
// data. (Service command lines: car/service_command.hpp, shared with
// Security 4697.)
#include <cctype>
#include <vector>

#include "car/system/system_mappings.hpp"
#include "text/utf8.hpp"

namespace evtxcar::system_log {

namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

service_status_data read_service_status_data(std::string_view hex_text) {
    service_status_data data;
    if (hex_text.size() < 4 || hex_text.size() % 4 != 0) return data;
    std::vector<std::uint8_t> bytes;
    bytes.reserve(hex_text.size() / 2);
    for (std::size_t i = 0; i < hex_text.size(); i += 2) {
        const int high = hex_digit(hex_text[i]);
        const int low = hex_digit(hex_text[i + 1]);
        if (high < 0 || low < 0) return data;
        bytes.push_back(static_cast<std::uint8_t>(high * 16 + low));
    }
    std::string text;
    append_utf16le_until_nul_as_utf8(text, bytes.data(), bytes.size() / 2);
    const std::size_t slash = text.rfind('/');
    const std::string_view code_text = slash == std::string::npos ? std::string_view() : std::string_view(text).substr(slash + 1);
    const bool has_code = !code_text.empty() && code_text.size() <= 2 &&
                          std::isdigit(static_cast<unsigned char>(code_text.front())) &&
                          std::isdigit(static_cast<unsigned char>(code_text.back()));
    if (has_code) {
        data.state_code = static_cast<unsigned>(std::stoul(std::string(code_text)));
        text.resize(slash);
    }
    data.key_name = std::move(text);
    return data;
}

}  // namespace evtxcar::system_log
