#pragma once
// coverage_fields: the fields of a coverage row, named and in order, once
// for every output that lists coverage (coverage.csv's columns,
// summary.json's and report.html's members), so the three cannot drift.

#include <cstdint>
#include <string_view>
#include <type_traits>

#include "pipeline/scan_summary.hpp"

namespace evtxcar {

// Calls visit(name, value) for each field of `row`, in output order. A
// value is a std::string_view (text), a bool (evaluable) or a std::uint64_t
// (counts). `extent` says "full", "partly" or "none".
template <typename Visit>
void for_each_coverage_field(const coverage_row& row, Visit&& visit) {
    visit(std::string_view("host"), std::string_view(row.host));
    visit(std::string_view("analytic_id"), std::string_view(row.analytic_id));
    visit(std::string_view("analytic_name"), std::string_view(row.analytic_name));
    visit(std::string_view("variant"), std::string_view(row.variant));
    visit(std::string_view("evaluable"), row.evaluable);
    visit(std::string_view("extent"), std::string_view(!row.evaluable ? "none" : row.partial ? "partly" : "full"));
    visit(std::string_view("events_examined"), row.events_examined);
    visit(std::string_view("detections"), row.detections);
    visit(std::string_view("needs"), std::string_view(row.needs));
    visit(std::string_view("why_not"), std::string_view(row.why_not));
}

// Writes the fields of `row` as members of the current object of `json`
// (summary.json's writer or report.html's embedded_json: both have key,
// string, number and boolean); `evaluable` is a JSON boolean.
template <typename Json>
void append_coverage_members(Json& json, const coverage_row& row) {
    for_each_coverage_field(row, [&json](std::string_view name, const auto& value) {
        json.key(name);
        using value_type = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<value_type, bool>) {
            json.boolean(value);
        } else if constexpr (std::is_same_v<value_type, std::uint64_t>) {
            json.number(value);
        } else {
            json.string(value);
        }
    });
}

}  // namespace evtxcar
