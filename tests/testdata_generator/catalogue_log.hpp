#pragma once
// The logs of one CAR analytic's cases (testdata/analytics/<CAR id>/), told
// in order. Two hosts of their own per analytic, so that the cases of one
// analytic never meet another's on a host:
//   S<id> (e.g. S2013-02-003.catalogue.example) runs Sysmon (schema 4.90):
//          Sysmon.evtx;
//   A<id> has Windows' own auditing only: process creation with command
//          lines (4688 version 2), the filtering platform (5156), logons,
//          and whatever else a case logs there: Security.evtx, System.evtx,
//          WMI-Activity.evtx.
// A process start is logged by both hosts (Sysmon 1 on S, 4688 on A) with
// the same program, command line, parent and process ids; each record
// lists the detections it is designed to produce on its host.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalogue_events.hpp"
#include "programs.hpp"
#include "scenario.hpp"
#include "security_audit_events.hpp"

namespace evtxcar::testdata {

using labels = std::vector<std::string>;

inline constexpr const char* explorer_image = "C:\\Windows\\explorer.exe";

// One process start. The parent is a program that is running (not logged
// itself), or a start logged before (`parent_start`).
struct process_spec {
    std::string image;
    std::string command_line;  // empty: the image, quoted
    std::string parent_image = explorer_image;
    std::string parent_command_line = "C:\\Windows\\Explorer.EXE";
    std::string user = "CORP\\tester";
    std::string integrity = "Medium";  // Sysmon's word; 4688's label follows
    std::string current_directory = "C:\\Users\\tester\\";
    std::string original_file_name;  // overrides the program table's (Sysmon only)
    std::string hashes_seed;         // Sysmon's hashes as of this program (a renamed copy); empty: its own
};

// A process as both hosts logged it.
struct started {
    sysmon_process sysmon;
    std::uint64_t pid = 0;
    std::string image;
};

class catalogue_log {
public:
    explicit catalogue_log(std::string car_id);

    const std::string& id() const { return id_; }
    const sysmon_host& sysmon_host_of() const { return sysmon_host_; }
    const std::string& audited_host() const { return audited_; }
    filetime now() const { return time_; }
    // Time passes: the default step between two cases is 40 minutes, so
    // that analytics counting within a window (30 minutes, an hour) see
    // one case at a time unless a case asks for less.
    void wait(filetime ticks) { time_ += ticks; }
    void wait_seconds(std::uint64_t seconds) { time_ += seconds * evtx_writer::ticks_per_second; }
    void next_case() { time_ += 40 * 60 * evtx_writer::ticks_per_second; }
    // The time from one record to the next: a process start (2 s by
    // default) and any other event (3.25 s), for cases that need events
    // closer together.
    void set_steps(filetime process_start, filetime other_event) {
        process_step_ = process_start;
        event_step_ = other_event;
    }

    // A process start on both hosts (Sysmon 1 and 4688), `on_sysmon` and
    // `on_security` the detections each is designed to produce. The parent
    // is `spec`'s parent program, or `parent` when given.
    started process(const process_spec& spec, const std::string& description, labels on_sysmon, labels on_security,
                    const started* parent = nullptr);
    started process(const process_spec& spec, const std::string& description, const labels& both,
                    const started* parent = nullptr) {
        return process(spec, description, both, both, parent);
    }
    // A process start on the Sysmon host only.
    started sysmon_process_start(const process_spec& spec, const std::string& description, labels on_sysmon,
                                 const started* parent = nullptr);
    // A process that is running on both hosts, not logged.
    started running(const std::string& image, const std::string& command_line, const std::string& user = "NT AUTHORITY\\SYSTEM");

    // Sysmon-only events of a process.
    void file_create(const started& by, const std::string& path, const std::string& description, labels on_sysmon);
    void image_load(const started& by, const std::string& module, const std::string& signature,
                    const std::string& description, labels on_sysmon);
    void registry_key(const started& by, const std::string& event_type, const std::string& target_object,
                      const std::string& description, labels on_sysmon);
    void remote_thread(const started& by, const started& target, const std::string& start_function,
                       const std::string& start_module, const std::string& description, labels on_sysmon);
    void process_access(const started& by, const started& target, std::uint32_t granted_access,
                        const std::string& call_trace, const std::string& description, labels on_sysmon);
    // A registry value written, on both hosts (Sysmon 13, Security 4657 with
    // a SACL). `target_object` in Sysmon's form (HKLM\..., HKU\...).
    void registry_value(const started& by, const std::string& target_object, const std::string& details,
                        const std::string& new_value_4657, const std::string& description, labels on_sysmon,
                        labels on_security);
    // A connection on both hosts (Sysmon 3, Security 5156), seen from the
    // host: `initiated` when the host opened it. `local_ip` is the Sysmon
    // host's; when it is that host's own address (10.30.1.10) the audited
    // host uses its own (10.30.1.11).
    void flow(const started& by, bool initiated, const std::string& local_ip, std::uint16_t local_port,
              const std::string& remote_ip, std::uint16_t remote_port, const std::string& description,
              labels on_sysmon, labels on_security);

    // Events of the audited host's other logs.
    void security(windows_event event, const std::string& description, labels detections = {});
    void system(windows_event event, const std::string& description, labels detections = {});
    void wmi(windows_event event, const std::string& description, labels detections = {});
    void sysmon(windows_event event, const std::string& description, labels detections = {});
    // An event of another host's Security log (Security-<tag>.evtx), the
    // host "<tag><id digits>.catalogue.example".
    std::string other_host(const std::string& tag) const;
    void other_security(const std::string& tag, windows_event event, const std::string& description,
                        labels detections = {});

    // The audited host's account of the tester, and of SYSTEM.
    account tester() const;
    static account system_account();
    filetime next_time();

    std::vector<scenario_file> files(const std::string& exercises) const;

private:
    sysmon_process make_sysmon(const process_spec& spec, std::uint32_t pid);

    std::string id_;
    sysmon_host sysmon_host_;
    std::string audited_;
    filetime time_;
    std::uint32_t next_pid_ = 5000;
    filetime process_step_ = 2 * evtx_writer::ticks_per_second;
    filetime event_step_ = 3 * evtx_writer::ticks_per_second + 250 * evtx_writer::ticks_per_millisecond;
    std::vector<scenario_record> sysmon_, security_, system_, wmi_;
    std::vector<std::pair<std::string, std::vector<scenario_record>>> others_;  // by tag
};

}  // namespace evtxcar::testdata
