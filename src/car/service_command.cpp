#include "car/service_command.hpp"

#include "car/event_fields.hpp"

namespace evtxcar {

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

void set_service_command(std::string_view command_line, car_event& out) {
    if (command_line.empty()) return;
    out.set(car_field::image_path, std::string(command_line));
    const std::string_view program = path_basename(command_program(command_line));
    if (!program.empty()) out.set(car_field::exe, std::string(program));
}

}  // namespace evtxcar
