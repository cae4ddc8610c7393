#include "cli/run_config.hpp"

#include <boost/program_options.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <sstream>
#include <thread>

#include "analytics/car_catalogue.hpp"
#include "engine_table.hpp"
#include "filetime.hpp"

namespace evtxcar {

namespace po = boost::program_options;

namespace {

constexpr const char* usage_line = "Usage: evtxcar scan [options] PATH...\n       evtxcar --help | --version\n";

constexpr const char* description_text =
    "Reads Windows event logs (.evtx), puts every record in a timeline, normalizes\n"
    "Sysmon, Security auditing and other Windows logs into the MITRE CAR data model,\n"
    "runs the CAR catalogue's analytics and any Sigma rules given (--rules), says\n"
    "per host whether each could look, and writes timelines. PATH is an .evtx file\n"
    "or a folder, searched recursively for *.evtx in any letter case. All times are\n"
    "UTC, ISO 8601.\n";

constexpr const char* outputs_text =
    "\nOutputs (in --output DIR):\n"
    "  timeline.csv     every event, in time order\n"
    "  detections.csv   one row per analytic hit, with process context\n"
    "  coverage.csv     per host and analytic variant: could it be evaluated, and if not, why\n"
    "  summary.json     files read and failed (with reasons), counts, hosts, detections, coverage\n"
    "  report.html      the investigation report (unless --no-html)\n"
    "  events.jsonl     every event as JSON (with --jsonl)\n"
    "\nOutput folder: a new or empty folder, or with --overwrite one that holds\n"
    "an earlier run's outputs (named in DIR/.evtxcar/manifest.json), which are\n"
    "replaced. evtxcar never replaces or removes a file it did not write.\n"
    "\nExit status (also in one JSON line on stdout, see --json-status):\n"
    "  0    every input was read completely\n"
    "  1    fatal error: no outputs were published\n"
    "  2    usage error\n"
    "  3    some files, folders or records could not be read; the outputs are\n"
    "       complete for everything else (see summary.json)\n"
    "  4    a PATH does not exist or is not a file or folder, or no .evtx file\n"
    "       was found: nothing was read or written\n"
    "  5    the output folder holds files evtxcar must not replace (see above),\n"
    "       or another run is writing there: nothing was read or written\n"
    "  130  interrupted (SIGINT; 143 SIGTERM, 129 SIGHUP): no output of this run\n"
    "       was published, earlier outputs are as they were\n";

po::options_description visible_options(std::string& engine_help) {
    engine_help = "record engine: ";
    const auto names = engine_names();
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) engine_help += '|';
        engine_help += names[i];
    }
    po::options_description options("Options", 100, 50);
    options.add_options()
        ("output,o", po::value<std::string>()->value_name("DIR")->default_value("evtxcar-out"), "folder for the outputs (created if missing)")
        ("jsonl", "also write events.jsonl")
        ("no-html", "do not write report.html")
        ("memory-budget", po::value<std::string>()->value_name("MIB")->default_value("24"),
         "MiB of events the time sort holds in memory before it spills to disk (16 to 65536)")
        ("html-max-rows", po::value<std::string>()->value_name("N")->default_value("200000"),
         "timeline rows embedded in report.html; above it the report keeps every detection with the events around it")
        ("csv-bom", po::value<std::string>()->value_name("yes|no")->default_value("yes"),
         "begin every CSV file with a UTF-8 byte-order mark (Excel and LibreOffice then read it as UTF-8)")
        ("homenet", po::value<std::string>()->value_name("CIDR[,CIDR...]"),
         "internal networks, replacing the default 10.0.0.0/8,172.16.0.0/12,192.168.0.0/16")
        ("from", po::value<std::string>()->value_name("TIME"), "only events at or after TIME (ISO 8601; UTC unless an offset is given)")
        ("to", po::value<std::string>()->value_name("TIME"), "only events at or before TIME (ISO 8601; UTC unless an offset is given)")
        ("timeline", po::value<std::string>()->value_name("all|car")->default_value("all"),
         "which records the timeline holds: every readable record (typed CAR events where CAR or evtxcar has an "
         "object, generic events for the rest), or only the typed CAR events")
        ("keep-duplicates", "one timeline row (and detection) per copy of an event; by default an event held by "
                            "several files (copies of one log) is one row that names every file")
        ("rules", po::value<std::vector<std::string>>()->value_name("PATH"),
         "Sigma rules: a rule file, or a folder searched recursively for *.yml and *.yaml (repeatable)")
        ("min-level", po::value<std::string>()->value_name("LEVEL")->default_value("informational"),
         "load only rules of this level or above: informational|low|medium|high|critical")
        ("rule-status", po::value<std::string>()->value_name("STATUS,...")->default_value("stable,test,experimental"),
         "rule statuses to load (stable, test, experimental, deprecated, unsupported)")
        ("placeholders", po::value<std::string>()->value_name("FILE"),
         "values of the placeholders rules expand (%name%): a YAML map of name to value or list (docs/sigma.md); "
         "HOMENET defaults to --homenet")
        ("no-car-catalogue", "run none of the built-in CAR analytics (only the rules of --rules)")
        ("analytics", po::value<std::string>()->value_name("ID,..."),
         "run only these built-in CAR analytics, by CAR id (e.g. CAR-2013-02-003,CAR-2020-11-010; --list-rules lists them)")
        ("list-rules", "list the built-in CAR analytics and the rules of --rules: what would run (and every rejected or "
                       "skipped rule, with why), then stop")
        ("coverage-detail", "coverage.csv: one row per Sigma rule and host (default: one summary row per host)")
        ("threads", po::value<std::string>()->value_name("N"), "worker threads, 1 to 1024 (default: all cores)")
        ("engine", po::value<std::string>()->value_name("NAME")->default_value("fast"), engine_help.c_str())
        ("recovered", "also read records recovered from slack space")
        ("strict", "skip chunks whose checksum is wrong instead of reading and flagging them")
        ("overwrite", "replace the outputs of an earlier run in the output folder")
        ("temp-dir", po::value<std::string>()->value_name("DIR"),
         "folder for the time sort's temporary files (default: .evtxcar/ in the output folder)")
        ("quiet,q", "no progress line and no closing summary on stderr")
        ("json-status", "print the one-line JSON result on stdout even when stdout is a terminal")
        ("no-json-status", "never print the one-line JSON result (default: printed when stdout is not a terminal)")
        ("help,h", "show this help")
        ("version", "show the version");
    return options;
}

// A whole number written in decimal digits only (no sign, no spaces, no
// suffix), between `lowest` and `highest`.
std::optional<std::uint64_t> whole_number(const std::string& text, std::uint64_t lowest, std::uint64_t highest) {
    if (text.empty() || text.size() > 19) return std::nullopt;
    std::uint64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (value < lowest || value > highest) return std::nullopt;
    return value;
}

}  // namespace

run_config::status_line status_line_asked(int argc, const char* const argv[]) {
    auto asked = run_config::status_line::when_not_a_terminal;
    for (int i = 1; i < argc; ++i) {
        const std::string_view word = argv[i];
        if (word == "--") break;
        if (word == "--json-status") asked = run_config::status_line::always;
        if (word == "--no-json-status") asked = run_config::status_line::never;
    }
    return asked;
}

std::variant<run_config, usage_error> parse_command_line(int argc, const char* const argv[]) {
    run_config config;
    for (int i = 0; i < argc; ++i) config.command_line.emplace_back(argv[i]);

    std::string engine_help;
    po::options_description options = visible_options(engine_help);
    po::options_description hidden;
    hidden.add_options()("command", po::value<std::string>())("paths", po::value<std::vector<std::string>>());
    po::options_description all;
    all.add(options).add(hidden);
    po::positional_options_description positional;
    positional.add("command", 1).add("paths", -1);

    po::variables_map values;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), values);
        po::notify(values);
    } catch (const po::error& problem) {
        return usage_error{problem.what()};
    }

    if (values.count("help")) {
        std::ostringstream text;
        text << usage_line << "\n" << description_text << "\n" << options << outputs_text;
        config.what = run_config::action::help;
        config.help_text = text.str();
        return config;
    }
    if (values.count("version")) {
        config.what = run_config::action::version;
        return config;
    }
    if (!values.count("command")) return usage_error{"no command given"};
    const std::string command = values["command"].as<std::string>();
    if (command == "help") {
        config.what = run_config::action::help;
        std::ostringstream text;
        text << usage_line << "\n" << description_text << "\n" << options << outputs_text;
        config.help_text = text.str();
        return config;
    }
    if (command != "scan") return usage_error{"unknown command '" + command + "' (the command is 'scan')"};
    config.list_rules = values.count("list-rules") > 0;
    if (values.count("rules")) config.rule_paths = values["rules"].as<std::vector<std::string>>();
    config.car_catalogue = values.count("no-car-catalogue") == 0;
    if (values.count("analytics")) {
        if (!config.car_catalogue) return usage_error{"--analytics and --no-car-catalogue contradict each other"};
        std::string_view text = values["analytics"].as<std::string>();
        while (!text.empty()) {
            const std::size_t comma = text.find(',');
            const std::string id(text.substr(0, comma));
            text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
            if (id.empty()) continue;
            const car_catalogue_entry* entry = find_car_analytic(id);
            if (entry == nullptr) {
                return usage_error{"--analytics: '" + id + "' is no CAR analytic (CAR-YYYY-MM-NNN; --list-rules lists them)"};
            }
            if (entry->implementation == car_implementation::not_from_event_logs) {
                return usage_error{"--analytics: " + id + " is not evaluable from event logs: it needs " +
                                   std::string(entry->needs)};
            }
            if (entry->implementation == car_implementation::deprecated) {
                return usage_error{"--analytics: " + id + " is deprecated; CAR replaced it by " +
                                   std::string(entry->replaced_by)};
            }
            if (std::find(config.analytics.begin(), config.analytics.end(), id) == config.analytics.end()) {
                config.analytics.push_back(id);
            }
        }
        if (config.analytics.empty()) return usage_error{"--analytics names no analytic"};
    }
    if (!values.count("paths") && !config.list_rules) {
        return usage_error{"no PATH given: name .evtx files or folders to scan"};
    }
    if (values.count("paths")) config.inputs = values["paths"].as<std::vector<std::string>>();
    config.coverage_detail = values.count("coverage-detail") > 0;
    config.min_level = values["min-level"].as<std::string>();
    static constexpr std::string_view levels[] = {"informational", "low", "medium", "high", "critical"};
    if (std::find(std::begin(levels), std::end(levels), config.min_level) == std::end(levels)) {
        return usage_error{"--min-level must be informational, low, medium, high or critical, not '" + config.min_level + "'"};
    }
    config.rule_statuses.clear();
    {
        static constexpr std::string_view statuses[] = {"stable", "test", "experimental", "deprecated", "unsupported"};
        std::string_view text = values["rule-status"].as<std::string>();
        while (!text.empty()) {
            const std::size_t comma = text.find(',');
            const std::string_view status = text.substr(0, comma);
            if (std::find(std::begin(statuses), std::end(statuses), status) == std::end(statuses)) {
                return usage_error{"--rule-status: unknown status '" + std::string(status) +
                                   "' (stable, test, experimental, deprecated, unsupported)"};
            }
            config.rule_statuses.emplace_back(status);
            text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
        }
        if (config.rule_statuses.empty()) return usage_error{"--rule-status names no status"};
    }
    if (values.count("placeholders")) config.placeholders_file = values["placeholders"].as<std::string>();

    config.output_directory = values["output"].as<std::string>();
    if (config.output_directory.empty()) return usage_error{"--output must name a folder"};
    config.jsonl = values.count("jsonl") > 0;
    config.html = values.count("no-html") == 0;
    constexpr std::uint64_t most_rows = 1'000'000'000'000;
    const std::string max_rows_text = values["html-max-rows"].as<std::string>();
    const auto max_rows = whole_number(max_rows_text, 0, most_rows);
    if (!max_rows) {
        return usage_error{"--html-max-rows: '" + max_rows_text + "' is not a whole number from 0 to " +
                           std::to_string(most_rows)};
    }
    config.html_max_rows = static_cast<std::size_t>(*max_rows);
    const std::string budget_text = values["memory-budget"].as<std::string>();
    const auto budget = whole_number(budget_text, 16, 65536);
    if (!budget) return usage_error{"--memory-budget: '" + budget_text + "' is not a whole number of MiB from 16 to 65536"};
    config.memory_budget_mib = static_cast<std::size_t>(*budget);
    config.overwrite = values.count("overwrite") > 0;
    if (values.count("temp-dir")) {
        config.temp_dir = values["temp-dir"].as<std::string>();
        if (config.temp_dir->empty()) return usage_error{"--temp-dir must name a folder"};
    }
    if (values.count("json-status") && values.count("no-json-status")) {
        return usage_error{"--json-status and --no-json-status contradict each other"};
    }
    if (values.count("json-status")) config.json_status = run_config::status_line::always;
    if (values.count("no-json-status")) config.json_status = run_config::status_line::never;
    config.recovered = values.count("recovered") > 0;
    config.strict = values.count("strict") > 0;
    config.quiet = values.count("quiet") > 0;

    const std::string timeline = values["timeline"].as<std::string>();
    if (timeline != "all" && timeline != "car") {
        return usage_error{"--timeline must be 'all' or 'car', not '" + timeline + "'"};
    }
    config.timeline_car_only = timeline == "car";
    config.keep_duplicates = values.count("keep-duplicates") > 0;

    const std::string csv_bom = values["csv-bom"].as<std::string>();
    if (csv_bom != "yes" && csv_bom != "no") return usage_error{"--csv-bom must be 'yes' or 'no', not '" + csv_bom + "'"};
    config.csv_bom = csv_bom == "yes";

    config.engine = values["engine"].as<std::string>();
    const auto names = engine_names();
    if (std::find(names.begin(), names.end(), config.engine) == names.end()) {
        return usage_error{"unknown --engine '" + config.engine + "'"};
    }

    if (values.count("homenet")) {
        std::string problem;
        auto blocks = parse_cidr_list(values["homenet"].as<std::string>(), problem);
        if (!blocks) return usage_error{"--homenet: " + problem};
        config.homenet = std::move(*blocks);
    } else {
        config.homenet = default_homenet();
    }

    for (const char* name : {"from", "to"}) {
        if (!values.count(name)) continue;
        const std::string text = values[name].as<std::string>();
        auto parsed = parse_iso8601(text);
        if (!parsed) {
            return usage_error{std::string("--") + name + ": '" + text +
                               "' is not an ISO 8601 time (e.g. 2026-03-01T12:00:00Z or 2026-03-01)"};
        }
        (std::string_view(name) == "from" ? config.from : config.to) = *parsed;
    }
    if (config.from && config.to && *config.from > *config.to) return usage_error{"--from is later than --to"};

    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    if (values.count("threads")) {
        const std::string text = values["threads"].as<std::string>();
        const auto threads = whole_number(text, 1, 1024);
        if (!threads) return usage_error{"--threads: '" + text + "' is not a whole number from 1 to 1024"};
        config.threads = static_cast<unsigned>(*threads);
    } else {
        config.threads = cores;
    }
    return config;
}

}  // namespace evtxcar
