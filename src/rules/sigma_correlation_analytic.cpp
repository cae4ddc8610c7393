#include "rules/sigma_correlation_analytic.hpp"

#include <algorithm>

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

std::string number_text(double value) { return count_text(value); }

// The condition in words: "more than 1", "at least 3 and at most 9".
std::string condition_text(const sigma::count_condition& condition) {
    std::string out;
    auto add = [&out](const char* words, const std::optional<double>& bound) {
        if (!bound) return;
        if (!out.empty()) out += " and ";
        out += words;
        out += number_text(*bound);
    };
    add("more than ", condition.gt);
    add("at least ", condition.gte);
    add("fewer than ", condition.lt);
    add("at most ", condition.lte);
    add("exactly ", condition.eq);
    add("not ", condition.neq);
    return out;
}

}  // namespace

sigma_correlation_analytic::sigma_correlation_analytic(const rule_library& library)
    : library_(library), engine_(std::make_unique<sigma::correlation_engine>(library.rules())), view_(library.fields()) {
    const auto& correlations = library.rules().correlations;
    parts_.reserve(correlations.size());
    for (std::size_t c = 0; c < correlations.size(); ++c)
        parts_.push_back(parts_of(correlations[c], library.correlation_identities()[c]));
    for (const run_rule& run : library.runs()) {
        if (engine_->wants(run.index)) rule_of_label_.emplace(run.label, run.index);
    }
    // Only a condition with an upper bound is judged at the end of the
    // timeline, where the last event it counted is looked up in recent_.
    for (const sigma::correlation_rule& rule : library.rules().correlations) {
        if (rule.condition.has_upper_bound()) remember_events_ = true;
    }
}

sigma_correlation_analytic::~sigma_correlation_analytic() = default;

void sigma_correlation_analytic::evaluate(const car_event& event, const process_context&, detection_output& out,
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
        for (const sigma::correlation_hit& hit : hits_) make_detection(hit, event, out.add());
    }
    if (!fed) return;
    ++next_handle_;
    if (!remember_events_) return;
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
        make_detection(hit, last, out.emplace_back());
    }
}

sigma_correlation_analytic::detection_parts sigma_correlation_analytic::parts_of(
    const sigma::correlation_rule& rule, const std::optional<catalogue_identity>& identity) {
    const sigma::rule_metadata& metadata = rule.metadata;
    detection_parts parts;
    detection& base = parts.base;
    base.analytic_id = metadata.display_id();
    base.analytic_name = metadata.title;
    base.technique = joined(metadata.techniques);
    base.tactics = joined(metadata.tactics);
    base.variant = "sigma";
    base.level = metadata.level ? std::string(sigma::level_name(*metadata.level)) : std::string();
    base.status = metadata.status ? std::string(sigma::status_name(*metadata.status)) : std::string();
    base.rule_path = metadata.file;
    parts.within = " within " + rule.timespan_text;
    if (!identity) {
        parts.reason_head = "Sigma correlation \"" + metadata.title + "\": ";
        return parts;
    }
    // A CAR analytic: what was counted, against which threshold, and (for
    // distinct values) which values, so that the analyst can judge it.
    parts.catalogue = true;
    base.analytic_id = identity->analytic_id;
    base.variant = identity->variant;
    parts.reason_head = identity->analytic_id + " \"" + metadata.title + "\" (" + identity->variant + "): ";
    switch (rule.type) {
        case sigma::correlation_type::event_count: parts.counted_after = " events"; break;
        case sigma::correlation_type::value_count: {
            std::string fields;
            for (const std::string& field : rule.value_fields) fields += (fields.empty() ? "" : "+") + field;
            parts.counted_after = " distinct " + fields;
            break;
        }
        case sigma::correlation_type::temporal:
            parts.counted_before = "all " + std::to_string(rule.inputs.size()) + " rules";
            parts.shows_count = false;
            break;
        case sigma::correlation_type::temporal_ordered:
            parts.counted_before = "its " + std::to_string(rule.inputs.size()) + " rules in order";
            parts.shows_count = false;
            break;
        case sigma::correlation_type::value_sum: parts.counted_before = "a sum of "; break;
        case sigma::correlation_type::value_avg: parts.counted_before = "a mean of "; break;
    }
    const std::string threshold = condition_text(rule.condition);
    if (!threshold.empty()) parts.threshold = " (threshold: " + threshold + ")";
    return parts;
}

void sigma_correlation_analytic::make_detection(const sigma::correlation_hit& hit, const car_event& event,
                                                detection& found) const {
    const sigma::correlation_rule& rule = library_.rules().correlations[hit.correlation];
    const detection_parts& parts = parts_[hit.correlation];
    const detection& base = parts.base;
    found.analytic_id = base.analytic_id;
    found.analytic_name = base.analytic_name;
    found.technique = base.technique;
    found.variant = base.variant;
    found.level = base.level;
    found.status = base.status;
    found.tactics = base.tactics;
    found.rule_path = base.rule_path;
    found.event = event;
    std::string& reason = found.reason;
    reason = parts.reason_head;
    reason += parts.counted_before;
    if (parts.shows_count) reason += count_text(hit.count);
    reason += parts.counted_after;
    reason += parts.within;
    for (std::size_t i = 0; i < rule.group_by.size() && i < hit.group_values.size(); ++i) {
        reason += i == 0 ? " for " : ", ";
        reason += rule.group_by[i];
        reason += '=';
        reason += hit.group_values[i];
    }
    if (!parts.catalogue) {
        reason += " (";
        reason += std::to_string(hit.events.size());
        reason += " events)";
        return;
    }
    reason += parts.threshold;
    reason += "; ";
    reason += std::to_string(hit.events.size());
    reason += " events";
    reason += value_list(hit, rule);
}

// "; values: alice, bob": the distinct values a value_count counted, read
// from the contributing events still remembered (at most 10 shown).
std::string sigma_correlation_analytic::value_list(const sigma::correlation_hit& hit,
                                                   const sigma::correlation_rule& rule) const {
    if (rule.type != sigma::correlation_type::value_count || rule.inputs.empty()) return {};
    constexpr std::size_t shown = 10;
    // A view of its own: view_ points at the event being fed, which the
    // other rules of that event still read.
    car_event_view view(library_.fields());
    std::vector<std::string> values;
    for (const std::uint64_t handle : hit.events) {
        const car_event* event = nullptr;
        for (const auto& [kept, remembered] : recent_) {
            if (kept == handle) event = &remembered;
        }
        if (event == nullptr) continue;
        view.point_at(*event);
        for (const sigma::correlation_input& input : rule.inputs) {
            std::string value;
            for (const sigma::field_ref field : input.value_fields) {
                const auto text = view.value(field);
                if (!text) continue;
                if (!value.empty()) value += '+';
                value.append(text->data(), text->size());
            }
            if (value.empty()) continue;
            if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
            break;
        }
    }
    if (values.empty()) return {};
    std::string out = "; values: ";
    for (std::size_t i = 0; i < values.size() && i < shown; ++i) out += (i ? ", " : "") + values[i];
    if (values.size() > shown) out += ", ... (" + std::to_string(values.size()) + " in all)";
    return out;
}

}  // namespace evtxcar::rules
