#include "large_log.hpp"

#include <fstream>
#include <string>
#include <vector>

#include "bulk_events.hpp"
#include "event_templates.hpp"
#include "evtx_file_writer.hpp"
#include "windows_log_events.hpp"

namespace evtxcar::testdata {

namespace {

// A batch of Security events: logons, special privileges, process creations
// and logoffs, in turn.
std::vector<evtx_writer::windows_event> security_batch(evtx_writer::filetime& time, std::uint64_t batch) {
    const std::string computer = "BENCH01.corp.example.com";
    const account system{"S-1-5-18", "BENCH01$", "CORP", 0x3E7};
    std::vector<evtx_writer::windows_event> events;
    for (unsigned n = 0; n < 5000; ++n) {
        time += 3 * evtx_writer::ticks_per_second;
        const account user{"S-1-5-21-3623811015-3361044348-30300820-" + std::to_string(1100 + n % 50),
                                     "user" + std::to_string(n % 50), "CORP", 0x100000 + batch * 5000 + n};
        switch (n % 4) {
            case 0:
                events.push_back(security_logon(computer, time, system, user, {}));
                break;
            case 1:
                events.push_back(security_special_privileges(computer, time, user));
                break;
            case 2:
                events.push_back(security_process_creation(
                    computer, time, user, 0x1000 + n, "C:\\Windows\\System32\\cmd.exe", 0x2F0,
                    "C:\\Windows\\explorer.exe", "cmd.exe /c echo " + std::to_string(n)));
                break;
            default:
                events.push_back(security_logoff(computer, time, user, 2));
                break;
        }
    }
    return events;
}

}  // namespace

std::uint64_t write_large_log(const std::filesystem::path& path, large_log_kind kind, unsigned megabytes) {
    std::ofstream out(path, std::ios::binary);
    evtx_writer::evtx_file_writer writer(out);
    evtx_writer::event_template_cache templates;
    const sysmon_host host{"BENCH01.corp.example.com", "10.20.30.40"};
    const std::uint64_t target_chunks = std::uint64_t{megabytes} * 16;  // 64 KiB each
    evtx_writer::filetime time = 133000000000000000ULL;
    std::uint64_t records_written = 0;
    auto write = [&](const evtx_writer::windows_event& event) {
        const std::uint64_t id = writer.next_record_id();
        writer.write_record(id, event.system.time_created, templates.instance_of(event, id));
        ++records_written;
    };
    for (std::uint64_t batch = 0; writer.chunks_written() < target_chunks; ++batch) {
        if (kind == large_log_kind::security) {
            for (const auto& event : security_batch(time, batch)) write(event);
        } else {
            const auto records = bulk_sysmon_records(host, time, 5000, batch + 1, "bench");
            for (const scenario_record& record : records) write(record.event);
            time = records.back().event.system.time_created;
        }
    }
    writer.finish();
    return records_written;
}

}  // namespace evtxcar::testdata
