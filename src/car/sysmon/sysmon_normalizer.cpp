// The Sysmon normalizer: picks the mapping for the event id, then adds what
// every CAR event carries (host, time, provenance).
#include "car/normalizer.hpp"
#include "car/sysmon/sysmon_mappings.hpp"

namespace evtxcar {

namespace {

using mapping = void (*)(const event_fields&, car_event&);

mapping mapping_for(std::uint32_t event_id) {
    using namespace sysmon;
    switch (event_id) {
        case 1: return map_process_create;
        case 2: return map_file_time_change;
        case 3: return map_network_connect;
        case 4: return map_sensor_state;
        case 5: return map_process_terminate;
        case 6: return map_driver_load;
        case 7: return map_image_load;
        case 8: return map_remote_thread;
        case 9: return map_raw_access_read;
        case 10: return map_process_access;
        case 11: return map_file_create;
        case 12: return map_registry_object;
        case 13: return map_registry_value_set;
        case 14: return map_registry_rename;
        case 15: return map_file_stream_hash;
        case 16: return map_sensor_config;
        case 17:
        case 18: return map_pipe;
        case 19:
        case 20:
        case 21: return map_wmi;
        case 22: return map_dns_query;
        case 23:
        case 26: return map_file_delete;
        case 24: return map_clipboard_change;
        case 25: return map_process_tampering;
        case 27:
        case 28: return map_file_block;
        case 29: return map_file_executable_detected;
        case 255: return map_sensor_error;
        default: return map_unknown;
    }
}

class sysmon_normalizer final : public event_normalizer {
public:
    std::string_view provider() const override { return "Microsoft-Windows-Sysmon"; }
    std::vector<std::uint32_t> event_ids() const override { return {}; }  // every one (unknown ids too)

    bool normalize(const event_record& record, car_event& out, std::string& /*problem*/) const override {
        if (record.kind != payload_kind::event_data) return false;  // Sysmon always writes EventData
        const event_fields in(record);
        mapping_for(record.event_id)(in, out);
        set_provenance(record, out);
        return true;
    }
};

}  // namespace

std::unique_ptr<event_normalizer> make_sysmon_normalizer() { return std::make_unique<sysmon_normalizer>(); }

}  // namespace evtxcar
