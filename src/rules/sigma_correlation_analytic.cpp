#include "rules/sigma_correlation_analytic.hpp"

namespace evtxcar::rules {

namespace {

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& part : parts) out += (out.empty() ? "" : ", ") + part;
    return out;
}

std::string count_text(double count) {
    if (count == static_cast<double>(static_cast<std::uint64_t>(count))) {
        return std::to_string(static_cast<std::uint64_t>(count));
    }
    return std::to_string(count);
}

}  // namespace

sigma_correlation_analytic::sigma_correlation_analytic(const rule_library& library)
    : library_(library), engine_(std::make_unique<sigma::correlation_engine>(library.rules())), view_(library.fields()) {
    for (const run_rule& run : library.runs()) {
        if (engine_->wants(run.index)) rule_of_label_.emplace(run.label, run.index);
    }
}

sigma_correlation_analytic::~sigma_correlation_analytic() = default;

void sigma_correlation_analytic::evaluate(const car_event& event, const process_context&, std::vector<detection>& out,
                                          analytic_warnings&) const {
    if (event.analytics.empty() || rule_of_label_.empty()) return;
    bool fed = false;
    const std::uint64_t handle = next_handle_;
    for (const std::string& label : event.analytics) {
        const auto found = rule_of_label_.find(label);
        if (found == rule_of_label_.end()) continue;
        if (!fed) {
            view_.point_at(event);
            fed = true;
        }
        hits_.clear();
        engine_->add_hit(found->second, event.time, handle, view_, hits_);
        for (const sigma::correlation_hit& hit : hits_) out.push_back(make_detection(hit, event));
    }
    if (!fed) return;
    ++next_handle_;
    recent_.emplace_back(handle, event);
    if (recent_.size() > remembered_events) recent_.pop_front();
}

void sigma_correlation_analytic::finish(std::vector<detection>& out) const {
    hits_.clear();
    engine_->finish(hits_);
    for (const sigma::correlation_hit& hit : hits_) {
        car_event last;
        last.time = hit.last_time;
        if (!hit.events.empty()) {
            for (const auto& [handle, event] : recent_) {
                if (handle == hit.events.back()) last = event;
            }
        }
        out.push_back(make_detection(hit, last));
    }
}

detection sigma_correlation_analytic::make_detection(const sigma::correlation_hit& hit, const car_event& event) const {
    const sigma::correlation_rule& rule = library_.rules().correlations[hit.correlation];
    const sigma::rule_metadata& metadata = rule.metadata;
    detection found;
    found.analytic_id = metadata.display_id();
    found.analytic_name = metadata.title;
    found.technique = joined(metadata.techniques);
    found.tactics = joined(metadata.tactics);
    found.variant = "sigma";
    found.level = metadata.level ? std::string(sigma::level_name(*metadata.level)) : std::string();
    found.status = metadata.status ? std::string(sigma::status_name(*metadata.status)) : std::string();
    found.rule_path = metadata.file;
    std::string group;
    for (std::size_t i = 0; i < rule.group_by.size() && i < hit.group_values.size(); ++i) {
        group += (group.empty() ? "" : ", ") + rule.group_by[i] + "=" + hit.group_values[i];
    }
    found.reason = "Sigma correlation \"" + metadata.title + "\": " + count_text(hit.count) + " within " +
                   rule.timespan_text + (group.empty() ? "" : " for " + group) + " (" +
                   std::to_string(hit.events.size()) + " events)";
    found.event = event;
    return found;
}

}  // namespace evtxcar::rules
