#pragma once
// What the independent EVTX readers installed on the machine make of a
// file: libevtx's evtxexport and evtxinfo (Debian package libevtx-utils) and
// python-evtx's evtx_dump.py (python3-evtx). Their XML is read into the
// writer's rendered_element trees so it can be compared with what was
// written. Tests skip when a tool is missing.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "rendered_xml.hpp"

namespace evtxcar::independent_readers {

using evtx_writer::rendered_element;

struct xml_reading {
    int exit_status = -1;
    bool xml_parsed = false;               // the printed XML was well-formed
    std::vector<rendered_element> events;  // each printed <Event>, in order
    std::string diagnostics;               // what the tool printed to stderr
};

struct info_reading {
    int exit_status = -1;
    std::optional<std::uint64_t> records;            // "Number of records"
    std::optional<std::uint64_t> recovered_records;  // "Number of recovered records"
    bool corrupted = false;                          // "Is corrupted"
    std::string output;
};

// Path of each tool, or nothing when it is not installed.
std::optional<std::string> evtxexport_program();
std::optional<std::string> evtxinfo_program();
std::optional<std::string> python_evtx_program();

// evtxexport -f xml [-m all]: with `include_recovered`, recovered records too.
xml_reading read_with_evtxexport(const std::filesystem::path& file, bool include_recovered = false);
xml_reading read_with_python_evtx(const std::filesystem::path& file);
info_reading read_with_evtxinfo(const std::filesystem::path& file);

}  // namespace evtxcar::independent_readers
