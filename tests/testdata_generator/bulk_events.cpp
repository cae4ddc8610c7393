#include "bulk_events.hpp"

#include "programs.hpp"
#include "random_source.hpp"

namespace evtxcar::testdata {

using namespace evtx_writer;

std::vector<scenario_record> bulk_sysmon_records(const sysmon_host& host, filetime start, unsigned count,
                                                 std::uint64_t seed, const std::string& label) {
    random_source random(seed);
    const logon_session session = {"CORP\\carol", 0x6A2B1, 1, "Medium"};
    std::vector<scenario_record> records;
    filetime t = start;
    for (unsigned n = 0; n < count; ++n) {
        t += random.between(200, 4000) * ticks_per_millisecond;
        const sysmon_process process = program_process(
            host, t, label + " " + std::to_string(n), 10000 + n * 4, "C:\\Windows\\System32\\conhost.exe",
            "\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1", session);
        switch (n % 3) {
            case 0:
                records.push_back({sysmon_process_terminate(host, t, process), label + ": process terminate", {}});
                break;
            case 1:
                records.push_back({sysmon_file_create(host, t, process,
                                                      "C:\\Users\\carol\\AppData\\Local\\Temp\\tmp" +
                                                          std::to_string(random.between(1000, 9999)) + ".tmp"),
                                   label + ": file create",
                                   {}});
                break;
            default:
                records.push_back({sysmon_registry_key(host, t, process, "CreateKey",
                                                       "HKU\\S-1-5-21-3623811015-3361044348-30300820-1130\\Software\\"
                                                       "Example\\Item" +
                                                           std::to_string(n)),
                                   label + ": registry key",
                                   {}});
                break;
        }
    }
    return records;
}

}  // namespace evtxcar::testdata
