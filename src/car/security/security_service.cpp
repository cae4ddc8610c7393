// Security auditing -> CAR service: create (4697, a service was installed).
// service_type and start_type are written in System 7045's words, so that
// a service installed reads the same from either log: 4697 logs them as
// numbers (ServiceType 0x10, ServiceStartType 3).
#include "car/security/security_mappings.hpp"

namespace evtxcar::security {

namespace {

std::string set_service_value(const event_fields& in, std::string_view name, car_event& out, car_field field,
                              std::optional<std::string> (*words_of)(std::string_view)) {
    const std::string_view logged = in.get(name);
    if (is_placeholder(logged)) return {};
    if (std::optional<std::string> words = words_of(logged)) {
        out.set(field, std::move(*words));
        return {};
    }
    out.set(field, std::string(logged));
    return std::string(name) + " '" + std::string(logged) + "' is neither a number nor a word of System 7045";
}

}  // namespace

std::string map_service_install(const event_fields& in, car_event& out) {
    out.object = "service";
    out.action = "create";
    copy_logged(in, "ServiceName", out, car_field::name);
    // The command the service runs, as logged (arguments and all).
    copy_logged(in, "ServiceFileName", out, car_field::image_path);
    std::string problem = set_service_value(in, "ServiceType", out, car_field::service_type, service_type_words);
    keep_first(problem, set_service_value(in, "ServiceStartType", out, car_field::start_type, start_type_words));
    // CAR's service user is the account the service runs as, its uid the
    // SID of the account that acted on it (as System 7045's uid is the
    // record's UserID): the Subject, whose name and logon are subject_*.
    copy_logged(in, "ServiceAccount", out, car_field::user);
    set_account(in, subject_account, out, {car_field::subject_user, car_field::uid, car_field::subject_logon_id});
    return problem;
}

}  // namespace evtxcar::security
