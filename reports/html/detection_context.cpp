#include "html/detection_context.hpp"

namespace evtxcar {

std::string detection_context::process_key(std::string_view host, std::string_view process_guid) {
    std::string key;
    key.reserve(host.size() + process_guid.size() + 8);
    key += std::to_string(host.size());
    key.push_back(':');
    key += host;
    key += process_guid;
    return key;
}

void detection_context::observe(const car_event& event) {
    const std::string_view guid = event.text(car_field::guid);
    if (!event.analytics.empty()) {
        rows_.emplace(key_of(event), std::nullopt);
        if (!guid.empty()) connections_.try_emplace(process_key(event.text(car_field::hostname), guid));
    }
    if (event.object != "flow" || guid.empty() || connections_.empty()) return;
    const auto watched = connections_.find(process_key(event.text(car_field::hostname), guid));
    if (watched == connections_.end()) return;
    if (watched->second.size() >= max_connections_per_process || connection_count_ >= max_connections) return;
    watched->second.push_back(event);
    ++connection_count_;
    rows_.emplace(key_of(event), std::nullopt);
}

void detection_context::note_row(const car_event& event, std::uint64_t row) {
    if (event.object == "process" && event.action == "create" && process_rows_.size() < max_process_rows) {
        process_rows_.emplace(key_of(event), row);
    }
    if (rows_.empty()) return;
    const auto wanted = rows_.find(key_of(event));
    if (wanted != rows_.end()) wanted->second = row;
}

std::optional<std::uint64_t> detection_context::row_of(const car_event& event) const {
    const event_key key = key_of(event);
    if (const auto found = rows_.find(key); found != rows_.end() && found->second) return found->second;
    if (const auto process = process_rows_.find(key); process != process_rows_.end()) return process->second;
    return std::nullopt;
}

std::span<const car_event> detection_context::connections_of(std::string_view host,
                                                             std::string_view process_guid) const {
    const auto found = connections_.find(process_key(host, process_guid));
    if (found == connections_.end()) return {};
    return found->second;
}

}  // namespace evtxcar
