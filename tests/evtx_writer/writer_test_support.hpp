#pragma once
// Shared by the writer's tests: a scratch directory, a Sysmon-like event to
// start from, and writing a list of events while keeping what each record
// was meant to show.

#include <filesystem>
#include <string>
#include <vector>

#include "evtx_file_writer.hpp"
#include "rendered_xml.hpp"
#include "windows_event.hpp"

namespace evtxcar::evtx_writer::testing {

// A new directory under the system's temporary directory, removed with its
// contents at the end of the scope.
class temporary_directory {
public:
    temporary_directory();
    ~temporary_directory();
    temporary_directory(const temporary_directory&) = delete;
    temporary_directory& operator=(const temporary_directory&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// A Sysmon process-create-like event with no data; tests add the fields.
windows_event sysmon_like_event(filetime time_created);

// An event whose EventData holds `fields`, at a time that grows with `n`.
windows_event event_with_fields(std::vector<data_field> fields, unsigned n = 0);

struct written_file {
    std::filesystem::path path;
    std::vector<rendered_element> expected;  // each record's <Event>, as written
    std::vector<record_location> locations;  // where each record went
    std::uint64_t chunks = 0;
};

written_file write_events(const std::filesystem::path& path, const std::vector<windows_event>& events);

byte_buffer read_file_bytes(const std::filesystem::path& path);
void write_file_bytes(const std::filesystem::path& path, const byte_buffer& bytes);

}  // namespace evtxcar::evtx_writer::testing
