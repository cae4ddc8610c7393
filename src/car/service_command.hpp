#pragma once
// The command a Windows service runs, as System 7045 (ImagePath) and
// Security 4697 (ServiceFileName) log it: the program with its arguments,
// quoted or not, sometimes behind an environment variable.

#include <string_view>

#include "car/car_event.hpp"

namespace evtxcar {

// The program a service command line runs: the quoted part of
// "\"C:\\Program Files\\x\\x.exe\" -k"; else up to the first ".exe"/".sys"
// that ends a word, when that is one path ("C:\\Program Files\\x\\x.exe -k",
// unquoted with spaces); else up to the first space ("%COMSPEC% /c ...").
std::string_view command_program(std::string_view command_line);

// image_path: the command as logged (arguments and all); exe: the basename
// of its program. Nothing for an empty command.
void set_service_command(std::string_view command_line, car_event& out);

}  // namespace evtxcar
