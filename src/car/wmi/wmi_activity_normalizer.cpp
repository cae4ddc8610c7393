// WMI-Activity 5861. Its PossibleCause is the binding's two instances as MOF
// text ("instance of __EventFilter { ... Query = \"...\"; };" and the
// consumer's instance): the filter's query and the consumer's command line
// or script are read from it. The log's other events (5857 provider
// loaded, 5858 client errors, 5859/5860 subscriptions) are generic events
// with the catalog's messages.
#include "car/wmi/wmi_mappings.hpp"

namespace evtxcar {

namespace {

constexpr event_mapping wmi_activity_mappings[] = {
    {5861, payload_kind::user_data, wmi::map_consumer_binding},
};

}  // namespace

std::unique_ptr<event_normalizer> make_wmi_activity_normalizer() {
    return make_table_normalizer("Microsoft-Windows-WMI-Activity", wmi_activity_mappings);
}

}  // namespace evtxcar

namespace evtxcar::wmi {

std::optional<std::string> mof_string_property(std::string_view mof, std::string_view property) {
    const std::string opening = std::string(property) + " = \"";
    for (std::size_t at = mof.find(opening); at != std::string_view::npos; at = mof.find(opening, at + 1)) {
        const bool starts_word = at == 0 || mof[at - 1] == ' ' || mof[at - 1] == '\t' || mof[at - 1] == '\n' ||
                                 mof[at - 1] == '{' || mof[at - 1] == ';';
        if (!starts_word) continue;
        std::string value;
        for (std::size_t i = at + opening.size(); i < mof.size(); ++i) {
            const char c = mof[i];
            if (c == '"') return value;
            if (c == '\\' && i + 1 < mof.size() && (mof[i + 1] == '\\' || mof[i + 1] == '"')) {
                value.push_back(mof[++i]);
                continue;
            }
            value.push_back(c);
        }
        return std::nullopt;
    }
    return std::nullopt;
}

std::string map_consumer_binding(const event_fields& in, car_event& out) {
    out.object = "wmi";
    out.action = "binding";
    copy_field(in, "Namespace", out, car_field::event_namespace);
    copy_field(in, "ESS", out, car_field::wmi_filter);
    copy_field(in, "CONSUMER", out, car_field::wmi_consumer);
    const std::string_view cause = in.get("PossibleCause");
    // The filter's instance comes first, so its Query is the first one.
    if (auto query = mof_string_property(cause, "Query")) out.set(car_field::wmi_query, std::move(*query));
    for (const std::string_view property : {"CommandLineTemplate", "ScriptText", "ScriptFileName"}) {
        if (auto destination = mof_string_property(cause, property); destination && !destination->empty()) {
            out.set(car_field::wmi_destination, std::move(*destination));
            break;
        }
    }
    return {};
}

}  // namespace evtxcar::wmi
