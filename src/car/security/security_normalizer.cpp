// The Security auditing normalizer: maps the event ids it knows (processes,
// Filtering Platform connections and binds, logon sessions, authentication,
// accounts and groups, services, scheduled tasks, registry values), then
// adds what every CAR event carries (host, time, provenance). Other
// Security events are generic events in the timeline.
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
    {4624, security::map_logon},
    {4634, security::map_logoff},
    {4647, security::map_logoff},  // the user asked to log off
    {4778, security::map_session_reconnect},
    {4779, security::map_session_reconnect},  // disconnect
    {4800, security::map_workstation_lock},
    {4801, security::map_workstation_lock},  // unlock
    {4625, security::map_logon_failure},
    {4648, security::map_explicit_credentials},
    {4768, security::map_kerberos_ticket},  // TGT
    {4769, security::map_kerberos_ticket},  // service ticket
    {4771, security::map_kerberos_preauthentication},
    {4776, security::map_credential_validation},
    {4720, security::map_account},  // create
    {4722, security::map_account},  // enable
    {4725, security::map_account},  // disable
    {4726, security::map_account},  // delete
    {4738, security::map_account},  // change
    {4781, security::map_account_rename},
    {4728, security::map_group_member},
    {4729, security::map_group_member},
    {4732, security::map_group_member},
    {4733, security::map_group_member},
    {4756, security::map_group_member},
    {4757, security::map_group_member},
    {4697, security::map_service_install},
    {4698, security::map_scheduled_task},  // create
    {4699, security::map_scheduled_task},  // delete
    {4702, security::map_scheduled_task},  // update
    {4657, security::map_registry_value},
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
