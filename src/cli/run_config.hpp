#pragma once
// run_config: the validated settings of one `evtxcar` invocation. The raw
// command line goes in; either a run_config or a usage error comes out.

#include <filesystem>
#include <optional>
#include <variant>
#include <string>
#include <vector>

#include "analytics/ip_address.hpp"
#include "event_record.hpp"

namespace evtxcar {

struct run_config {
    enum class action { scan, help, version } what = action::scan;
    std::string help_text;  // for action::help

    std::vector<std::string> inputs;
    std::filesystem::path output_directory = "evtxcar-out";
    bool jsonl = false;
    bool html = true;
    std::size_t html_max_rows = 200000;
    std::size_t memory_budget_mib = 24;  // --memory-budget: events the time sort holds before spilling
    bool csv_bom = true;  // --csv-bom: CSV files begin with a UTF-8 byte-order mark
    std::vector<cidr_block> homenet;
    std::optional<filetime_ticks> from;
    std::optional<filetime_ticks> to;
    unsigned threads = 1;
    bool recovered = false;
    bool strict = false;
    bool quiet = false;
    bool timeline_car_only = false;
    bool keep_duplicates = false;  // --keep-duplicates: a row per copy of an event

    // The CAR catalogue (docs/analytics/README.md)
    bool car_catalogue = true;               // --no-car-catalogue: no built-in analytic runs
    std::vector<std::string> analytics;      // --analytics ID,...: only these built-in analytics (CAR ids)

    // Sigma rules
    std::vector<std::string> rule_paths;    // --rules (files or folders)
    std::string min_level = "informational";  // --min-level
    std::vector<std::string> rule_statuses = {"stable", "test", "experimental"};  // --rule-status
    std::string placeholders_file;           // --placeholders
    bool list_rules = false;                 // --list-rules: say what would load, and why not, then stop
    bool coverage_detail = false;            // --coverage-detail: one coverage row per rule and host  // --timeline car: only typed CAR events in the timeline
    std::string engine = "libevtx";
    bool overwrite = false;                      // --overwrite
    std::optional<std::filesystem::path> temp_dir;  // --temp-dir
    // The JSON status line on stdout: --json-status, --no-json-status, or
    // (when neither) whenever stdout is not a terminal.
    enum class status_line { when_not_a_terminal, always, never } json_status = status_line::when_not_a_terminal;
    std::vector<std::string> command_line;
};

struct usage_error {
    std::string message;
};

// Parses argv. Returns a usage_error for anything malformed; never exits.
std::variant<run_config, usage_error> parse_command_line(int argc, const char* const argv[]);

// Whether argv asks for the status line whatever stdout is (--json-status),
// never (--no-json-status), or leaves it to stdout: for the line of a run
// whose command line did not parse.
run_config::status_line status_line_asked(int argc, const char* const argv[]);

}  // namespace evtxcar
