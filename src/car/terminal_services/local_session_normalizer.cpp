// LocalSessionManager 21-25: a Remote Desktop Services session's logon,
// shell start, logoff, disconnect and reconnect, for console sessions too
// (their Address is "LOCAL"). Its other events (39, 40 disconnect reasons,
// 41/42 arbitration) are generic events with the catalog's messages.
#include "car/terminal_services/terminal_services_mappings.hpp"

namespace evtxcar {

namespace {

constexpr event_mapping local_session_mappings[] = {
    {21, payload_kind::user_data, terminal_services::map_local_session},
    {22, payload_kind::user_data, terminal_services::map_local_session},
    {23, payload_kind::user_data, terminal_services::map_local_session},
    {24, payload_kind::user_data, terminal_services::map_local_session},
    {25, payload_kind::user_data, terminal_services::map_local_session},
};

}  // namespace

std::unique_ptr<event_normalizer> make_local_session_normalizer() {
    return make_table_normalizer("Microsoft-Windows-TerminalServices-LocalSessionManager", local_session_mappings);
}

}  // namespace evtxcar

namespace evtxcar::terminal_services {

namespace {

std::string_view session_action(std::uint32_t event_id) {
    switch (event_id) {
        case 21: return "login";
        case 22: return "shell_start";
        case 23: return "logout";
        case 24: return "disconnect";
        default: return "reconnect";  // 25
    }
}

}  // namespace

std::string map_local_session(const event_fields& in, car_event& out) {
    out.object = "user_session";
    out.action = session_action(in.record().event_id);
    copy_field(in, "User", out, car_field::user);
    const std::string_view address = in.get("Address");  // 23 has none
    if (!address.empty() && address != "LOCAL") {
        out.set(car_field::src_ip, std::string(address));
        out.set(car_field::login_type, std::string(remote_interactive_logon));
    }
    const std::string_view session = in.get("SessionID");
    if (session.empty()) return {};
    out.set(car_field::terminal_session_id, std::string(session));
    if (is_decimal(session)) return {};
    return "SessionID '" + std::string(session) + "' is not a number";
}

}  // namespace evtxcar::terminal_services
