// Service Control Manager -> CAR service. The service's name in these
// events is the one the Service Control Manager shows (the display name:
// 7045's ServiceName, 7036's and 7040's param1); the registry key name is
// service_key_name where the event logs it. Service and start types are in
// 7045's words ("user mode service", "demand start"), as logged.
#include "car/service_command.hpp"
#include "car/system/system_mappings.hpp"

namespace evtxcar::system_log {

namespace {

// The account that acted on the service: the record's Security/@UserID.
void set_acting_account(const event_fields& in, car_event& out) {
    if (!in.record().user_sid.empty()) out.set(car_field::uid, in.record().user_sid);
}

struct state_word {
    std::string_view word;  // 7036's param2 on an English system
    std::string_view action;
};
constexpr state_word state_words[] = {{"running", "start"}, {"stopped", "stop"}, {"paused", "pause"}};

// The CAR action of a state code (SERVICE_STATUS dwCurrentState); the
// pending states are not actions.
std::string_view action_of_code(unsigned code) {
    switch (code) {
        case 1: return "stop";
        case 4: return "start";
        case 7: return "pause";
        default: return {};
    }
}

}  // namespace

std::string map_service_installed(const event_fields& in, car_event& out) {
    out.object = "service";
    out.action = "create";
    copy_field(in, "ServiceName", out, car_field::name);
    set_service_command(in.get("ImagePath"), out);
    copy_field(in, "ServiceType", out, car_field::service_type);
    copy_field(in, "StartType", out, car_field::start_type);
    copy_field(in, "AccountName", out, car_field::user);
    set_acting_account(in, out);
    return {};
}

std::string map_service_state(const event_fields& in, car_event& out) {
    out.object = "service";
    copy_field(in, "param1", out, car_field::name);
    const std::string_view state = in.get("param2");
    if (!state.empty()) out.set(car_field::state, std::string(state));
    const service_status_data data = read_service_status_data(in.get("Binary"));
    if (!data.key_name.empty()) out.set(car_field::service_key_name, data.key_name);
    set_acting_account(in, out);
    // The state code does not depend on the system's language; the words do.
    if (data.state_code) {
        const std::string_view action = action_of_code(*data.state_code);
        if (!action.empty()) {
            out.action = action;
            return {};
        }
    }
    for (const state_word& known : state_words) {
        if (iequals(known.word, state)) {
            out.action = known.action;
            return {};
        }
    }
    out.action = "state_change";
    return "param2 '" + std::string(state) + "' is not running, stopped or paused and the binary data has no state code";
}

std::string map_service_start_type(const event_fields& in, car_event& out) {
    out.object = "service";
    out.action = "modify";
    copy_field(in, "param1", out, car_field::name);
    copy_field(in, "param2", out, car_field::previous_start_type);
    copy_field(in, "param3", out, car_field::start_type);
    copy_field(in, "param4", out, car_field::service_key_name);
    set_acting_account(in, out);
    return {};
}

}  // namespace evtxcar::system_log
