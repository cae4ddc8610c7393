#pragma once
// Records of one provider's log as the record engines deliver them, and
// their normalization by the provider's normalizer from evtxcar's table
// (make_normalizers), for the tests of each log's mapping.

#include <map>
#include <string>
#include <vector>

#include "car/normalizer.hpp"
#include "catch.hpp"

namespace evtxcar::test {

inline event_record log_record(std::string provider, std::string channel, std::uint32_t event_id, payload_kind kind,
                               std::vector<payload_field> fields) {
    event_record record;
    record.provider_name = std::move(provider);
    record.channel = std::move(channel);
    record.event_id = event_id;
    record.computer = "WS10.corp.example.com";
    record.record_id = 4410;
    record.time_created = 134200000000000000ULL;
    record.file_offset = 0x3A00;
    record.kind = kind;
    record.fields = std::move(fields);
    return record;
}

struct normalized {
    bool mapped = false;
    car_event event;
    std::string problem;
    std::map<std::string, std::string> fields;  // CAR name -> text

    bool has(const std::string& name) const { return fields.count(name) == 1; }
};

// The record through the one normalizer of its provider.
inline normalized normalize_record(const event_record& record) {
    const auto normalizers = make_normalizers();
    const event_normalizer* normalizer = nullptr;
    for (const auto& candidate : normalizers) {
        if (candidate->provider() != record.provider_name) continue;
        REQUIRE(normalizer == nullptr);  // one normalizer per provider
        normalizer = candidate.get();
    }
    REQUIRE(normalizer != nullptr);
    normalized out;
    out.mapped = normalizer->normalize(record, out.event, out.problem);
    for (const car_value& value : out.event.values) out.fields.emplace(std::string(name_of(value.field)), value.text);
    return out;
}

// The event ids a provider's normalizer says it maps (the payloads
// `--timeline car` decodes).
inline std::vector<std::uint32_t> mapped_event_ids(const std::string& provider) {
    for (const auto& normalizer : make_normalizers()) {
        if (normalizer->provider() == provider) return normalizer->event_ids();
    }
    return {};
}

}  // namespace evtxcar::test
