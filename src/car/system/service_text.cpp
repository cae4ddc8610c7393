// Reading what the Service Control Manager writes as text: service command
// lines and 7036's binary data.
#include <cctype>
#include <vector>

#include "car/system/system_mappings.hpp"
#include "text/utf8.hpp"

namespace evtxcar::system_log {

namespace {

bool ends_program_at(std::string_view command_line, std::size_t end) {
    return end == command_line.size() || command_line[end] == ' ' || command_line[end] == '\t';
}

// An unquoted program path with spaces ("C:\Program Files\x\a.exe") goes
// on with a folder after its last space; "%COMSPEC% /c start x.exe" does not.
bool is_one_path(std::string_view candidate) {
    const std::size_t space = candidate.find_last_of(" \t");
    return space == std::string_view::npos || candidate.find('\\', space) != std::string_view::npos;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string_view command_program(std::string_view command_line) {
    while (!command_line.empty() && (command_line.front() == ' ' || command_line.front() == '\t')) {
        command_line.remove_prefix(1);
    }
    if (command_line.starts_with('"')) {
        const std::size_t close = command_line.find('"', 1);
        return command_line.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1);
    }
    const std::string folded = fold_case(command_line);
    for (const std::string_view extension : {".exe", ".sys"}) {
        for (std::size_t at = folded.find(extension); at != std::string::npos; at = folded.find(extension, at + 1)) {
            const std::size_t end = at + extension.size();
            if (ends_program_at(command_line, end) && is_one_path(command_line.substr(0, end))) {
                return command_line.substr(0, end);
            }
        }
    }
    return command_line.substr(0, command_line.find_first_of(" \t"));
}

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
