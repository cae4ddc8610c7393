#include "writer_test_support.hpp"

#include <unistd.h>

#include <fstream>
#include <iterator>
#include <stdexcept>

#include "event_templates.hpp"

namespace evtxcar::evtx_writer::testing {

temporary_directory::temporary_directory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "evtxcar-writer-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot make a temporary directory");
    path_ = pattern;
}

temporary_directory::~temporary_directory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

windows_event sysmon_like_event(filetime time_created) {
    windows_event event;
    system_values& s = event.system;
    s.provider_name = "Microsoft-Windows-Sysmon";
    s.provider_guid = parse_guid("{5770385F-C22A-43E0-BF4C-06F5698FFBD9}");
    s.event_id = 1;
    s.version = 5;
    s.level = 4;
    s.task = 1;
    s.time_created = time_created;
    s.process_id = 2484;
    s.thread_id = 3568;
    s.channel = "Microsoft-Windows-Sysmon/Operational";
    s.computer = "WRITER-TEST.corp.example.com";
    s.user_sid = "S-1-5-18";
    return event;
}

windows_event event_with_fields(std::vector<data_field> fields, unsigned n) {
    windows_event event = sysmon_like_event(to_filetime({2026, 1, 15, 8, 30, 0, 0}) + n * 12'345'678ull);
    event.event_data = std::move(fields);
    return event;
}

written_file write_events(const std::filesystem::path& path, const std::vector<windows_event>& events) {
    written_file written;
    written.path = path;
    std::ofstream out(path, std::ios::binary);
    evtx_file_writer writer(out);
    event_template_cache templates;
    for (const windows_event& event : events) {
        const std::uint64_t id = writer.next_record_id();
        const template_instance instance = templates.instance_of(event, id);
        written.locations.push_back(writer.write_record(id, event.system.time_created, instance));
        written.expected.push_back(render(instance).at(0));
    }
    writer.finish();
    written.chunks = writer.chunks_written();
    return written;
}

byte_buffer read_file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return byte_buffer(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_file_bytes(const std::filesystem::path& path, const byte_buffer& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace evtxcar::evtx_writer::testing
