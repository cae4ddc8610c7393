// The Security auditing normalizer: maps the event ids it knows (process
// creation and exit, Filtering Platform connections and binds), then adds
// what every CAR event carries (host, time, provenance). Other Security
// events stay out of the timeline (their records are still counted).
#include "car/security_mappings.hpp"

namespace evtxcar {

namespace {

using mapping = std::string (*)(const event_fields&, car_event&);

mapping mapping_for(std::uint32_t event_id) {
    using namespace security;
    switch (event_id) {
        case 4688: return map_process_creation;
        case 4689: return map_process_exit;
        case 5156:
        case 5157: return map_connection;
        case 5158: return map_bind;
        default: return nullptr;
    }
}

class security_normalizer final : public event_normalizer {
public:
    std::string_view provider() const override { return "Microsoft-Windows-Security-Auditing"; }

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
