#include "car/table_normalizer.hpp"

#include <vector>

namespace evtxcar {

namespace {

class table_normalizer final : public event_normalizer {
public:
    table_normalizer(std::string_view provider, std::span<const event_mapping> mappings)
        : provider_(provider), mappings_(mappings) {}

    std::string_view provider() const override { return provider_; }

    std::vector<std::uint32_t> event_ids() const override {
        std::vector<std::uint32_t> ids;
        for (const event_mapping& mapping : mappings_) ids.push_back(mapping.event_id);
        return ids;
    }

    bool normalize(const event_record& record, car_event& out, std::string& problem) const override {
        for (const event_mapping& mapping : mappings_) {
            if (mapping.event_id != record.event_id) continue;
            if (mapping.payload != record.kind) return false;
            problem = mapping.map(event_fields(record), out);
            set_provenance(record, out);
            return true;
        }
        return false;
    }

private:
    std::string_view provider_;
    std::span<const event_mapping> mappings_;
};

}  // namespace

std::unique_ptr<event_normalizer> make_table_normalizer(std::string_view provider,
                                                        std::span<const event_mapping> mappings) {
    return std::make_unique<table_normalizer>(provider, mappings);
}

}  // namespace evtxcar
