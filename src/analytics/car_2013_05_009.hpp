#pragma once
// CAR-2013-05-009, Running executables with same hash and different names
// (ATT&CK T1036.003), over the whole collection (docs/analytics/CAR-2013-05-009.md):
//   names-per-hash   one file hash (Sysmon 1's strongest logged: SHA256,
//                    else SHA1, else MD5) run under more than one program
//                    name: a tool copied and renamed (the analytic's title);
//   hashes-per-image one program path run with more than one hash of one
//                    algorithm (what CAR's Splunk and LogPoint queries count).
// Only Sysmon logs hashes; Security 4688 has none.

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "analytics/analytic.hpp"

namespace evtxcar {

class car_2013_05_009 final : public analytic {
public:
    static constexpr std::size_t most_values = 32;  // distinct names (or hashes) kept per hash (or path)

    std::string_view id() const override { return "CAR-2013-05-009"; }
    std::string_view name() const override { return "Running executables with same hash and different names"; }
    std::string_view technique() const override { return "T1036.003"; }
    std::vector<analytic_variant> variants() const override;
    bool wants_process(const car_event&) const override { return false; }
    void evaluate(const car_event& event, const process_context& processes, detection_output& out,
                  analytic_warnings& warnings) const override;
    void finish(std::vector<detection>& out) const override;

private:
    struct value_seen {
        std::string shown;
        std::uint64_t count = 0;
        std::map<std::string, std::uint64_t> hosts;
    };
    struct group {
        std::vector<value_seen> values;  // in the order first seen
        std::uint64_t more = 0;          // runs of values beyond most_values
        std::optional<car_event> second;  // the first run of its second value
    };
    using groups = std::unordered_map<std::string, group>;
    static void count(groups& into, const std::string& key, std::string_view value, const car_event& event);
    void report(const groups& from, std::string_view variant, std::string_view what, std::string_view of,
                std::vector<detection>& out) const;

    mutable groups names_by_hash_;
    mutable groups hashes_by_image_;
};

}  // namespace evtxcar
