#include "template_cache.hpp"

#include <algorithm>
#include <cstring>

#include "binxml_format.hpp"

namespace evtxcar::binxml {

namespace {

constexpr std::size_t data_start = template_definition_header_size;
constexpr char over_budget[] = "the chunk's templates exceed the decoding budget";

}  // namespace

void template_cache::reset(byte_span chunk) {
    chunk_ = chunk;
    used_ = 0;
    ops_ = 0;
    chunk_templates_.clear();
    by_definition_.clear();
}

std::uint64_t template_cache::key_at(std::uint32_t definition) const {
    // The GUID and the data size (only a way to find candidates: same_template decides).
    const std::uint64_t low = chunk_.u64(std::size_t{definition} + template_definition_guid_offset);
    const std::uint64_t high = chunk_.u64(std::size_t{definition} + template_definition_guid_offset + 8);
    const std::uint64_t size = chunk_.u32(std::size_t{definition} + template_definition_data_size_offset);
    return (low * 0x9E3779B97F4A7C15ULL) ^ (high * 0xC2B2AE3D27D4EB4FULL) ^ (size * 0x165667B19E3779F9ULL);
}

const compiled_xml& template_cache::keep(std::uint32_t definition, const compiled_xml& compiled) {
    by_definition_.insert(definition, static_cast<std::uint32_t>(chunk_templates_.size()));
    chunk_templates_.push_back(&compiled);
    return compiled;
}

const compiled_xml& template_cache::get(std::uint32_t definition, token_compiler& compiler) {
    if (auto index = by_definition_.find(definition)) return *chunk_templates_[*index];
    if (used_ == templates_.size()) templates_.push_back(std::make_unique<compiled_xml>());
    compiled_xml& slot = *templates_[used_];
    if (const compiled_xml* earlier = from_earlier_chunk(definition)) {
        ops_ += earlier->ops.size();
        if (ops_ <= op_budget) {
            ++reused_;
            return keep(definition, *earlier);
        }
        slot.clear();  // as the compiled template would have been
        slot.error = {definition, over_budget};
        ++used_;
        return keep(definition, slot);
    }
    compiler.compile_template(definition, slot);
    ++compiled_;
    ops_ += slot.ops.size();
    if (ops_ > op_budget) {
        slot.clear();
        slot.error = {definition, over_budget};
    } else {
        share(definition, slot);
    }
    ++used_;
    return keep(definition, slot);
}

const compiled_xml* template_cache::from_earlier_chunk(std::uint32_t definition) {
    if (shared_.empty() || !chunk_.contains(definition, data_start)) return nullptr;
    const auto [first, last] = shared_by_key_.equal_range(key_at(definition));
    for (auto candidate = first; candidate != last; ++candidate) {
        const shared_template& shared = *shared_[candidate->second];
        if (!same_template(shared, definition)) continue;
        // The lookups the compiler would make, in its order (so that the
        // name table ends as it would have, its text budget included), and
        // each name as the template has it. A name that differs or that the
        // table cannot take: compile, which looks up the same names again.
        const std::vector<template_layout::name_field>& names = shared.xml.layout.names;
        for (std::size_t i = 0; i < names.size(); ++i) {
            const name_index found = names_.lookup(chunk_.u32(std::size_t{definition} + names[i].field));
            if (found == name_table::invalid) return nullptr;
            const name_entry here = names_.get(found);
            const name_entry there = shared.xml.name(static_cast<std::uint32_t>(i));
            if (here.text != there.text || here.hash_ok != there.hash_ok || here.known != there.known) return nullptr;
        }
        return &shared.xml;
    }
    return nullptr;
}

bool template_cache::same_template(const shared_template& shared, std::uint32_t definition) const {
    const template_layout& layout = shared.xml.layout;
    if (chunk_.size() != shared.chunk_size || !chunk_.contains(definition, layout.extent)) return false;
    const std::uint8_t* at = chunk_.data() + definition;
    if (std::memcmp(at + template_definition_guid_offset, shared.guid.data(), shared.guid.size()) != 0) return false;
    // Byte for byte from the data on, but for the excluded ranges.
    std::size_t from = data_start;
    auto same_up_to = [&](std::size_t end) {
        return end <= from || std::memcmp(at + from, shared.bytes.data() + (from - data_start), end - from) == 0;
    };
    for (const std::uint32_t excluded : shared.excluded) {
        if (!same_up_to(excluded)) return false;
        from = std::max(from, std::size_t{excluded} + 4);
    }
    if (!same_up_to(layout.extent)) return false;
    // Each name offset points right behind itself (a name stored inline, of
    // the same size) exactly where it did; the guesses that depend on the
    // place come out the same.
    for (const template_layout::name_field& name : layout.names) {
        const std::size_t field = std::size_t{definition} + name.field;
        const std::uint32_t offset = chunk_.u32(field);
        const bool stored_inline = offset == field + 4;
        if (stored_inline != (name.inline_size != 0)) return false;
        if (stored_inline && names_.stored_size(offset) != name.inline_size) return false;
    }
    for (const template_layout::position_check& check : layout.checks) {
        if (plausible_name_at(chunk_, std::size_t{definition} + check.field) != check.plausible) return false;
    }
    return true;
}

void template_cache::share(std::uint32_t definition, const compiled_xml& compiled) {
    const template_layout& layout = compiled.layout;
    if (!keep_ || !compiled.ok) return;
    if (shared_.size() >= shared_limit || shared_ops_ + compiled.ops.size() > shared_op_limit) return;
    const std::size_t extent = layout.extent;
    if (extent < data_start || !chunk_.contains(definition, extent)) return;
    // Not compared byte for byte: the name offset fields (the names are
    // compared instead) and the first four bytes of names stored inline
    // (a link in the chunk's name hash chain, which nothing reads).
    std::vector<std::uint32_t> excluded;
    for (const template_layout::name_field& name : layout.names) {
        excluded.push_back(name.field);
        if (name.inline_size != 0) excluded.push_back(name.field + 4);
    }
    std::sort(excluded.begin(), excluded.end());
    excluded.erase(std::unique(excluded.begin(), excluded.end()), excluded.end());
    for (const std::uint32_t range : excluded) {
        if (range < data_start || std::size_t{range} + 4 > extent) return;
    }
    auto shared = std::make_unique<shared_template>();
    std::memcpy(shared->guid.data(), chunk_.data() + definition + template_definition_guid_offset, shared->guid.size());
    shared->chunk_size = chunk_.size();
    shared->bytes.assign(chunk_.data() + definition + data_start, chunk_.data() + definition + extent);
    for (const std::uint32_t range : excluded) {
        std::fill_n(shared->bytes.begin() + static_cast<std::ptrdiff_t>(range - data_start), 4, std::uint8_t{0});
    }
    shared->excluded = std::move(excluded);
    shared->xml = compiled;
    shared_ops_ += compiled.ops.size();
    shared_by_key_.emplace(key_at(definition), static_cast<std::uint32_t>(shared_.size()));
    shared_.push_back(std::move(shared));
}

}  // namespace evtxcar::binxml
