// Security auditing (Windows Filtering Platform) -> CAR: flow start (5156,
// connection permitted), evtxcar's flow block (5157, connection blocked),
// socket bind (5158).
//
// In these events SourceAddress/SourcePort are always this host's end and
// DestAddress/DestPort the other end; Direction says who initiated. CAR's
// src_ip is the initiator, so an inbound connection's src_ip is the remote
// address.
#include "car/security/security_mappings.hpp"

namespace evtxcar::security {

namespace {

enum class direction { inbound, outbound, unknown };

// %%14592 and %%14593 are the message ids Windows stores; a rendered copy
// may carry the words.
direction direction_of(std::string_view logged) {
    if (logged == "%%14592" || iequals(logged, "Inbound")) return direction::inbound;
    if (logged == "%%14593" || iequals(logged, "Outbound")) return direction::outbound;
    return direction::unknown;
}

// Process id (5156/5157 name it ProcessID, 5158 ProcessId), Application.
std::string set_application(const event_fields& in, car_event& out) {
    set_image(in, "Application", out);
    return set_process_id(in, in.get("ProcessID").empty() ? "ProcessId" : "ProcessID", out, car_field::pid);
}

}  // namespace

std::string map_connection(const event_fields& in, car_event& out) {
    out.object = "flow";
    out.action = in.record().event_id == 5157 ? "block" : "start";
    std::string problem = set_application(in, out);
    const std::string_view protocol = in.get("Protocol");
    if (!protocol.empty()) out.set(car_field::transport_protocol, transport_name(protocol));

    const std::string_view direction_text = in.get("Direction");
    const direction initiated = direction_of(direction_text);
    const bool remote_initiated = initiated == direction::inbound;
    // The initiator's end becomes src_*, the other end dest_*.
    copy_field(in, remote_initiated ? "DestAddress" : "SourceAddress", out, car_field::src_ip);
    copy_field(in, remote_initiated ? "DestPort" : "SourcePort", out, car_field::src_port);
    copy_field(in, remote_initiated ? "SourceAddress" : "DestAddress", out, car_field::dest_ip);
    copy_field(in, remote_initiated ? "SourcePort" : "DestPort", out, car_field::dest_port);
    switch (initiated) {
        case direction::inbound:
            out.set(car_field::network_direction, "inbound");
            break;
        case direction::outbound:
            out.set(car_field::network_direction, "outbound");
            break;
        case direction::unknown:
            // src_ip/dest_ip stay this host's end and the other end.
            if (problem.empty()) {
                problem = "Direction '" + std::string(direction_text) + "' is neither inbound nor outbound";
            }
            break;
    }
    return problem;
}

std::string map_bind(const event_fields& in, car_event& out) {
    out.object = "socket";
    out.action = "bind";
    std::string problem = set_application(in, out);
    copy_field(in, "SourceAddress", out, car_field::local_address);
    copy_field(in, "SourcePort", out, car_field::local_port);
    const std::string_view protocol = in.get("Protocol");
    if (!protocol.empty()) out.set(car_field::protocol, transport_name(protocol));
    return problem;
}

}  // namespace evtxcar::security
