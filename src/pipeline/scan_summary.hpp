#pragma once
// scan_summary: everything counted during a scan, for summary.json and the
// report header. Built by the pipeline; read by the report writers.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "car/host_directory.hpp"
#include "event_record.hpp"
#include "result.hpp"

namespace evtxcar {

// How the run was asked for.
struct run_description {
    std::string tool_version;
    std::vector<std::string> command_line;  // argv as given
    std::vector<std::string> inputs;        // PATH arguments as given
    std::string output_directory;
    std::vector<std::string> homenet;       // CIDRs in effect
    std::string engine;                     // "libevtx" or "fast"
    unsigned threads = 1;
    std::string from;                       // ISO 8601 UTC, empty when unbounded
    std::string to;
    bool recovered = false;
    bool keep_duplicates = false;           // --keep-duplicates
    std::string timeline = "all";           // --timeline: "all" or "car"
    bool csv_bom = true;                    // --csv-bom: CSV files begin with a UTF-8 byte-order mark
    std::string started_utc;                // wall clock of the scan, ISO 8601 UTC
    std::string finished_utc;
    double seconds = 0;
};

enum class file_status : std::uint8_t {
    complete,    // every record read
    partial,     // read, but some records or chunks could not be
    unreadable,  // nothing could be read
};

struct file_outcome {
    std::string path;        // as found (input argument joined with the relative path), valid UTF-8 (summary_paths.hpp)
    std::string path_bytes;  // the path's exact bytes when they are not valid UTF-8; empty otherwise
    std::uint64_t bytes = 0;
    file_status status = file_status::complete;
    std::string reason;      // for partial/unreadable: the first problem, in words
    std::uint64_t records_read = 0;
    std::uint64_t records_failed = 0;  // records known lost (at least one per reported error)
    std::uint64_t warnings = 0;
    std::uint64_t first_time = 0;      // TimeCreated range of the records read (0 when none)
    std::uint64_t last_time = 0;
};

struct count_by_name {
    std::string name;
    std::uint64_t count = 0;
};

// Whether one variant of one analytic could see anything on one host: an
// empty detections list means "nothing found" only where the variant was
// evaluable. One row per host (Computer, case folded) x analytic x variant.
struct coverage_row {
    std::string host;                  // Computer as logged (first spelling in host order)
    std::string analytic_id;           // "CAR-2020-11-010"
    std::string analytic_name;         // "CMSTP"
    std::string variant;               // "car"
    bool evaluable = false;            // the host had events of the kind the variant evaluates
    bool partial = false;              // evaluable, but fields it reads were never logged on this host (why_not says which)
    std::uint64_t events_examined = 0;  // those events, on this host, inside --from/--to
    std::uint64_t detections = 0;      // hits of this variant on this host
    std::string needs;                 // what the variant evaluates, in words
    std::string why_not;               // when not evaluable: why, in words; empty otherwise
};

// Per host, how many of the loaded rules (Sigma) could look at its events:
// fully (events of the rule's logsource, with every field it reads),
// partly (events, but some fields it reads never logged there), or not at
// all (no events of its logsource).
struct rule_host_coverage {
    std::string host;
    std::uint64_t rules = 0;
    std::uint64_t full = 0;
    std::uint64_t partly = 0;
    std::uint64_t none = 0;
    std::uint64_t detections = 0;
    // The commonest reasons, most rules first: "412 rules: no PowerShell 4104 events (ps_script)".
    std::vector<std::string> reasons;
};

// What the rule files gave: loaded, rejected (each with its file and the
// construct refused), skipped.
struct rule_load_summary {
    bool asked = false;  // --rules was given
    std::uint64_t files = 0;
    std::uint64_t loaded = 0;        // detection rules evtxcar runs
    std::uint64_t correlations = 0;
    std::uint64_t filters = 0;
    struct rejection {
        std::string file, rule, title, construct, reason;
        std::uint64_t line = 0;
    };
    std::vector<rejection> rejected;
    std::map<std::string, std::uint64_t> skipped;  // by reason: "product", "status", "level"
};

// The CAR catalogue in this run (docs/analytics/README.md): every analytic
// that ran, with each variant's reach over the hosts, and the analytics that
// did not run, with why.
struct car_catalogue_variant {
    std::string variant;               // "pseudocode"
    std::string needs;                 // the events it reads, in words
    std::string sensors;               // who logs them: "Sysmon 1, Security 4688"
    std::uint64_t hosts_full = 0;      // hosts where it could look at everything it reads
    std::uint64_t hosts_partly = 0;    // hosts with its events, but without some field it reads
    std::uint64_t hosts_none = 0;      // hosts without its events
    std::uint64_t detections = 0;
    std::string not_anywhere;          // no host could look: the reason of the most hosts
};

struct car_catalogue_analytic {
    std::string id;              // "CAR-2013-02-003"
    std::string title;
    std::string implementation;  // "rules" or "C++"
    std::string techniques;      // "T1059.003"
    std::vector<car_catalogue_variant> variants;
};

struct car_catalogue_summary {
    bool enabled = false;  // false with --no-car-catalogue
    std::vector<car_catalogue_analytic> runs;
    std::vector<std::string> not_selected;  // CAR ids left out by --analytics
    struct not_evaluable {
        std::string id, title, needs;
    };
    std::vector<not_evaluable> not_from_event_logs;
    struct replaced {
        std::string id, title, replaced_by;
    };
    std::vector<replaced> deprecated;
};

struct scan_summary {
    run_description run;

    std::vector<file_outcome> files;          // every .evtx file, sorted by path (index = file_index)
    std::uint64_t files_skipped = 0;          // other files found in directories
    std::vector<std::string> skipped_examples;  // the first few skipped paths

    std::uint64_t records_read = 0;
    std::uint64_t records_failed = 0;
    std::uint64_t records_outside_time_range = 0;  // read, but outside --from/--to
    std::uint64_t timeline_events = 0;             // events in the timeline (typed CAR and generic), copies once
    std::uint64_t duplicate_events = 0;            // copies of timeline events in other files, left out of it

    filetime_ticks first_time = 0;  // range of TimeCreated over records in range (0 when none)
    filetime_ticks last_time = 0;

    std::map<std::string, std::uint64_t> records_by_channel;
    std::map<std::string, std::uint64_t> records_by_provider;
    std::map<std::string, std::uint64_t> records_by_event_id;   // "Provider/EventID"
    // Of those records, how many reached the timeline (inside --from/--to,
    // and mapped to CAR with --timeline car).
    std::map<std::string, std::uint64_t> timeline_by_channel;
    std::map<std::string, std::uint64_t> timeline_by_provider;
    std::map<std::string, std::uint64_t> timeline_by_event_id;
    std::map<std::string, std::uint64_t> events_by_object_action;  // "process/create"; generic events under "event/"
    std::map<std::string, std::uint64_t> records_by_host;        // host name (host_directory), records read
    std::vector<host_identity> hosts;                            // every host: name, hostname, fqdn, spellings
    std::map<std::string, std::uint64_t> detections_by_analytic; // "CAR-2020-11-010:remote"

    // Every problem with the input, in file order. Capped at max_listed_errors
    // (the counts above stay exact); errors_not_listed says how many were cut.
    static constexpr std::size_t max_listed_errors = 100000;
    struct problem {
        read_error error;
        std::uint64_t records_lost = 0;  // 0 for warnings
        bool is_warning = false;
        std::string file_bytes;  // error.file's exact bytes when they are not valid UTF-8; empty otherwise
    };
    std::vector<problem> problems;
    std::uint64_t problems_not_listed = 0;

    std::vector<coverage_row> coverage;  // sorted by host, then analytic and variant in table order
    std::vector<rule_host_coverage> rule_coverage;  // sorted by host
    rule_load_summary rules;
    car_catalogue_summary car_catalogue;
    std::map<std::string, std::uint64_t> detections_by_level;  // "high": N (rules with a level)

    // Records a normalizer read but could not map faithfully (a process id
    // that is not a number, an unknown direction...): the event is kept with
    // the value as logged, and counted here.
    std::uint64_t normalization_warnings = 0;
    std::vector<std::string> normalization_warning_examples;

    std::uint64_t address_warnings = 0;        // addresses that did not parse
    std::vector<std::string> address_warning_examples;

    bool complete() const { return records_failed == 0 && files_unreadable() == 0; }
    std::size_t files_unreadable() const;
};

const char* to_string(file_status status);

}  // namespace evtxcar
