#include "chunk_tables.hpp"

#include <cstring>

namespace evtxcar::evtx_writer {

std::uint16_t name_hash(std::u16string_view name) {
    std::uint32_t hash = 0;
    for (const char16_t unit : name) hash = hash * 65599u + unit;
    return static_cast<std::uint16_t>(hash);
}

std::size_t chunk_tables::guid_hash::operator()(const guid& id) const {
    std::uint64_t low = 0, high = 0;
    std::memcpy(&low, id.bytes.data(), 8);
    std::memcpy(&high, id.bytes.data() + 8, 8);
    return static_cast<std::size_t>(low ^ (high * 0x9E3779B97F4A7C15ull));
}

std::optional<std::uint32_t> chunk_tables::find_name(const std::u16string& name) const {
    const auto it = names_.find(name);
    if (it == names_.end()) return std::nullopt;
    return it->second;
}

std::uint32_t chunk_tables::add_name(const std::u16string& name, std::uint16_t hash, std::uint32_t offset) {
    const std::size_t bucket = hash % binxml::chunk_string_buckets;
    const std::uint32_t previous = name_buckets_[bucket];
    pending_.push_back({false, bucket, previous, name, {}});
    name_buckets_[bucket] = offset;
    names_.emplace(name, offset);
    return previous;
}

std::optional<std::uint32_t> chunk_tables::find_template(const guid& id) const {
    const auto it = templates_.find(id);
    if (it == templates_.end()) return std::nullopt;
    return it->second;
}

std::uint32_t chunk_tables::add_template(const guid& id, std::uint32_t offset) {
    // Readers find a template through the offset in the instance; the bucket
    // only has to hold it. evtxcar buckets by the GUID's first field.
    const std::size_t bucket = id.data1() % binxml::chunk_template_buckets;
    const std::uint32_t previous = template_buckets_[bucket];
    pending_.push_back({true, bucket, previous, {}, id});
    template_buckets_[bucket] = offset;
    templates_.emplace(id, offset);
    return previous;
}

void chunk_tables::commit() { pending_.clear(); }

void chunk_tables::rollback() {
    for (auto it = pending_.rbegin(); it != pending_.rend(); ++it) {
        if (it->is_template) {
            template_buckets_[it->bucket] = it->previous_head;
            templates_.erase(it->id);
        } else {
            name_buckets_[it->bucket] = it->previous_head;
            names_.erase(it->name);
        }
    }
    pending_.clear();
}

void chunk_tables::clear() {
    name_buckets_.fill(0);
    template_buckets_.fill(0);
    names_.clear();
    templates_.clear();
    pending_.clear();
}

}  // namespace evtxcar::evtx_writer
