// RemoteConnectionManager 1149 "User authentication succeeded": the RDP
// client's credentials were accepted (network level authentication), before
// the session logs on (LocalSessionManager 21 or 25, Security 4624 type 10).
// It is logged again on every reconnection. Its other events (261 a
// listener received a connection, ...) are generic events with the
// catalog's messages.
#include "car/terminal_services/terminal_services_mappings.hpp"

namespace evtxcar {

namespace {

constexpr event_mapping remote_connection_mappings[] = {
    {1149, payload_kind::user_data, terminal_services::map_rdp_authenticated},
};

}  // namespace

std::unique_ptr<event_normalizer> make_remote_connection_normalizer() {
    return make_table_normalizer("Microsoft-Windows-TerminalServices-RemoteConnectionManager",
                                 remote_connection_mappings);
}

}  // namespace evtxcar

namespace evtxcar::terminal_services {

std::string map_rdp_authenticated(const event_fields& in, car_event& out) {
    out.object = "user_session";
    out.action = "login";
    out.set(car_field::login_type, std::string(remote_interactive_logon));
    const std::string_view name = in.get("Param1");
    const std::string_view domain = in.get("Param2");
    if (!name.empty()) out.set(car_field::user, domain.empty() ? std::string(name) : std::string(domain) + "\\" + std::string(name));
    copy_field(in, "Param3", out, car_field::src_ip);
    return {};
}

}  // namespace evtxcar::terminal_services
