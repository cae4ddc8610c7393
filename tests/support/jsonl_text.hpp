#pragma once
// The text of an events.jsonl member as the log gave it: a string as it
// is, a number field (process and thread ids, ports, logon types, ...,
// reports/number_fields.hpp) in decimal, and for a number field whose value
// was no number the text evtxcar kept under <name>_text.

#include <nlohmann/json.hpp>
#include <string>

namespace evtxcar::test {

inline std::string jsonl_text(const nlohmann::json& event, const std::string& name, const std::string& absent = "") {
    const auto found = event.find(name);
    if (found == event.end()) {
        const auto kept = event.find(name + "_text");
        return kept != event.end() && kept->is_string() ? kept->get<std::string>() : absent;
    }
    if (found->is_string()) return found->get<std::string>();
    if (found->is_number_unsigned()) return std::to_string(found->get<std::uint64_t>());
    if (found->is_number_integer()) return std::to_string(found->get<std::int64_t>());
    return found->dump();
}

}  // namespace evtxcar::test
