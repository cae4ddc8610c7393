// The Security auditing normalizer: maps the event ids it knows (process
// creation and exit, Filtering Platform connections and binds), then adds
// what every CAR event carries (host, time, provenance). Other Security
// events stay out of the timeline (their records are still counted).
#include "car/security/security_mappings.hpp"

namespace evtxcar {

namespace {

using mapping = std::string (*)(const event_fields&, car_event&);

struct mapped_event {
    std::uint32_t event_id;
    mapping map;
};

constexpr mapped_event mapped_events[] = {
    {4688, security::map_process_creation},
    {4689, security::map_process_exit},
    {5156, security::map_connection},  // permitted: flow/start
    {5157, security::map_connection},  // blocked: flow/block
    {5158, security::map_bind},
};

mapping mapping_for(std::uint32_t event_id) {
    for (const mapped_event& mapped : mapped_events) {
        if (mapped.event_id == event_id) return mapped.map;
    }
    return nullptr;
}

class security_normalizer final : public event_normalizer {
public:
    std::string_view provider() const override { return "Microsoft-Windows-Security-Auditing"; }
    std::vector<std::uint32_t> event_ids() const override {
        std::vector<std::uint32_t> ids;
        for (const mapped_event& mapped : mapped_events) ids.push_back(mapped.event_id);
        return ids;
    }

    bool normalize(const event_record& record, car_event& out, std::string& problem) const override {
        if (record.kind != payload_kind::event_data) return false;
        const mapping map = mapping_for(record.event_id);
        if (map == nullptr) return false;
        problem = map(event_fields(record), out);
        set_provenance(record, out);
        return true;
    }
};

}  // namespace

std::unique_ptr<event_normalizer> make_security_normalizer() { return std::make_unique<security_normalizer>(); }

}  // namespace evtxcar
