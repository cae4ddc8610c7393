// Sysmon -> CAR flow: start (3, network connection detected).
#include <algorithm>
#include <cctype>

#include "car/sysmon/sysmon_mappings.hpp"

namespace evtxcar::sysmon {

void map_network_connect(const event_fields& in, car_event& out) {
    out.object = "flow";
    out.action = "start";
    set_acting_process(in, out);
    std::string protocol(in.get("Protocol"));
    std::transform(protocol.begin(), protocol.end(), protocol.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    out.set(car_field::transport_protocol, std::move(protocol));
    copy_field(in, "SourceIp", out, car_field::src_ip);
    copy_field(in, "SourcePort", out, car_field::src_port);
    copy_field(in, "SourceHostname", out, car_field::src_hostname);
    copy_field(in, "DestinationIp", out, car_field::dest_ip);
    copy_field(in, "DestinationPort", out, car_field::dest_port);
    copy_field(in, "DestinationHostname", out, car_field::dest_hostname);
    // Initiated: the process on this host opened the connection.
    const std::string_view initiated = in.get("Initiated");
    if (initiated == "true") {
        out.set(car_field::network_direction, "outbound");
    } else if (initiated == "false") {
        out.set(car_field::network_direction, "inbound");
    }
}

}  // namespace evtxcar::sysmon
