#include "evtx_mutator.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "binxml/binxml_format.hpp"
#include "chunk_builder.hpp"
#include "crc32.hpp"
#include "evtx_file_writer.hpp"
#include "little_endian.hpp"
#include "random_source.hpp"

namespace evtxcar::mutation {

namespace {

using evtx_writer::load_le;
using evtx_writer::store_le;
constexpr std::uint64_t header_size = binxml::file_header_size;
constexpr std::uint64_t chunk_size = binxml::chunk_size;
constexpr std::uint64_t chunk_header = binxml::chunk_header_size;

using random_bits = evtx_writer::random_source;

struct header_field {
    std::uint64_t offset;
    unsigned width;  // bytes
    const char* name;
};

constexpr std::array<header_field, 9> file_fields = {{
    {evtx_writer::file_header_field::first_chunk_number, 8, "first chunk number"},
    {evtx_writer::file_header_field::last_chunk_number, 8, "last chunk number"},
    {evtx_writer::file_header_field::next_record_id, 8, "next record id"},
    {evtx_writer::file_header_field::header_size, 4, "header size"},
    {evtx_writer::file_header_field::minor_version, 2, "minor version"},
    {evtx_writer::file_header_field::major_version, 2, "major version"},
    {evtx_writer::file_header_field::header_block_size, 2, "header block size"},
    {evtx_writer::file_header_field::chunk_count, 2, "chunk count"},
    {evtx_writer::file_header_field::flags, 4, "flags"},
}};

constexpr std::array<header_field, 9> chunk_fields = {{
    {evtx_writer::chunk_header_field::first_record_number, 8, "first record number"},
    {evtx_writer::chunk_header_field::last_record_number, 8, "last record number"},
    {evtx_writer::chunk_header_field::first_record_id, 8, "first record id"},
    {evtx_writer::chunk_header_field::last_record_id, 8, "last record id"},
    {evtx_writer::chunk_header_field::header_size, 4, "header size"},
    {evtx_writer::chunk_header_field::last_record_offset, 4, "last record offset"},
    {evtx_writer::chunk_header_field::free_space_offset, 4, "free space offset"},
    {evtx_writer::chunk_header_field::records_checksum, 4, "records checksum"},
    {evtx_writer::chunk_header_field::flags, 4, "flags"},
}};

template <std::size_t N>
const header_field* field_at(const std::array<header_field, N>& fields, std::uint64_t offset) {
    for (const header_field& field : fields) {
        if (field.offset == offset) return &field;
    }
    return nullptr;
}

std::uint64_t load(const std::uint8_t* at, unsigned width) {
    switch (width) {
        case 2:
            return load_le<std::uint16_t>(at);
        case 4:
            return load_le<std::uint32_t>(at);
        default:
            return load_le<std::uint64_t>(at);
    }
}

void store(std::uint8_t* at, unsigned width, std::uint64_t value) {
    switch (width) {
        case 2:
            store_le(at, static_cast<std::uint16_t>(value));
            break;
        case 4:
            store_le(at, static_cast<std::uint32_t>(value));
            break;
        default:
            store_le(at, value);
            break;
    }
}

std::string hex(std::uint64_t value) {
    char text[24];
    std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(value));
    return text;
}

std::uint64_t chunk_start(std::uint64_t chunk) { return header_size + chunk * chunk_size; }

bool has_chunk(const bytes& file, std::uint64_t chunk) { return chunk_start(chunk) + chunk_size <= file.size(); }

// The checksums that cover chunk `chunk`, made to match its bytes again
// (the records checksum only where the free space offset lies in the chunk).
void fix_chunk(bytes& file, std::uint64_t chunk) {
    if (chunk_start(chunk) + chunk_header > file.size()) return;
    std::uint8_t* at = file.data() + chunk_start(chunk);
    const std::uint64_t available = std::min<std::uint64_t>(chunk_size, file.size() - chunk_start(chunk));
    const auto free = load_le<std::uint32_t>(at + evtx_writer::chunk_header_field::free_space_offset);
    if (free >= chunk_header && free <= available) {
        store_le(at + evtx_writer::chunk_header_field::records_checksum,
                 evtx_writer::crc32_of(at + chunk_header, free - chunk_header));
    }
    store_le(at + evtx_writer::chunk_header_field::header_checksum, evtx_writer::chunk_header_checksum(at));
}

void fix_file_header(bytes& file) {
    if (file.size() < binxml::file_header_checksummed_bytes + 8) return;
    store_le(file.data() + evtx_writer::file_header_field::checksum,
             evtx_writer::crc32_of(file.data(), binxml::file_header_checksummed_bytes));
}

// Fixes whatever checksum covers byte `offset`.
void fix_around(bytes& file, std::uint64_t offset) {
    if (offset < header_size) {
        fix_file_header(file);
    } else {
        fix_chunk(file, (offset - header_size) / chunk_size);
    }
}

const char* kind_name(mutation_kind kind) {
    switch (kind) {
        case mutation_kind::bit_flip:
            return "bit flip";
        case mutation_kind::zero_run:
            return "run of 0x00";
        case mutation_kind::ff_run:
            return "run of 0xFF";
        case mutation_kind::truncate:
            return "truncation";
        case mutation_kind::file_header_field:
            return "file header field";
        case mutation_kind::chunk_header_field:
            return "chunk header field";
        case mutation_kind::table_entry:
            return "table entry";
        case mutation_kind::name_character:
            return "name character";
        case mutation_kind::copy_chunk:
            return "chunk copied";
        case mutation_kind::swap_chunks:
            return "chunks swapped";
    }
    return "?";
}

// Where a byte of the file lies, in words.
std::string where(std::uint64_t offset) {
    if (offset < header_size) return "file header byte " + std::to_string(offset);
    const std::uint64_t chunk = (offset - header_size) / chunk_size;
    const std::uint64_t inside = (offset - header_size) % chunk_size;
    return "chunk " + std::to_string(chunk) + (inside < chunk_header ? " header" : " records") + " offset " + hex(inside);
}

// A byte offset in one of the three regions, chosen by `random`.
std::uint64_t random_offset(const bytes& file, random_bits& random) {
    const std::uint64_t chunks = whole_chunks(file);
    const std::uint64_t region = chunks == 0 ? 0 : random.below(3);
    if (region == 0) return random.below(random.percent(50) ? binxml::file_header_declared_size : header_size);
    const std::uint64_t chunk = random.below(chunks);
    if (region == 1) return chunk_start(chunk) + random.below(chunk_header);
    // Records: mostly where records are (up to the free space offset), sometimes anywhere.
    const auto free = load_le<std::uint32_t>(file.data() + chunk_start(chunk) + evtx_writer::chunk_header_field::free_space_offset);
    const std::uint64_t end = free > chunk_header && free <= chunk_size && random.below(4) != 0 ? free : chunk_size;
    return chunk_start(chunk) + chunk_header + random.below(end - chunk_header);
}

// A value for a field that was `old`: the mistakes damage and hostile
// writers make (zero, all ones, off by one, halved, doubled, a flipped bit,
// anything).
std::uint64_t random_value(std::uint64_t old, unsigned width, random_bits& random) {
    const std::uint64_t mask = width >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * width)) - 1;
    std::uint64_t value = 0;
    switch (random.below(8)) {
        case 0:
            value = 0;
            break;
        case 1:
            value = mask;
            break;
        case 2:
            value = old + 1;
            break;
        case 3:
            value = old - 1;
            break;
        case 4:
            value = old / 2;
            break;
        case 5:
            value = old * 2;
            break;
        case 6:
            value = old ^ (std::uint64_t{1} << random.below(8 * width));
            break;
        default:
            value = random.next();
            break;
    }
    value &= mask;
    return value == old ? (old ^ 1) & mask : value;
}

}  // namespace

std::uint64_t whole_chunks(const bytes& file) {
    return file.size() > header_size ? (file.size() - header_size) / chunk_size : 0;
}

std::optional<std::uint64_t> find_name(const bytes& file, std::uint64_t chunk, const std::string& name) {
    if (!has_chunk(file, chunk)) return std::nullopt;
    const std::uint8_t* at = file.data() + chunk_start(chunk);
    for (std::uint64_t bucket = 0; bucket < binxml::chunk_string_buckets; ++bucket) {
        std::uint64_t entry = load_le<std::uint32_t>(at + evtx_writer::chunk_header_field::name_buckets + 4 * bucket);
        for (int hops = 0; entry != 0 && hops < 64 && entry + binxml::name_header_size <= chunk_size; ++hops) {
            const auto characters = load_le<std::uint16_t>(at + entry + binxml::name_characters_offset);
            if (characters == name.size() && entry + binxml::name_header_size + 2 * characters <= chunk_size) {
                bool same = true;
                for (std::size_t i = 0; i < name.size() && same; ++i) {
                    same = load_le<std::uint16_t>(at + entry + binxml::name_header_size + 2 * i) ==
                           static_cast<unsigned char>(name[i]);
                }
                if (same) return entry;
            }
            entry = load_le<std::uint32_t>(at + entry);
        }
    }
    return std::nullopt;
}

std::string mutation::describe() const {
    std::string text = kind_name(kind);
    switch (kind) {
        case mutation_kind::bit_flip:
            text += ": bit " + std::to_string(length) + " of " + where(offset);
            break;
        case mutation_kind::zero_run:
        case mutation_kind::ff_run:
            text += ": " + std::to_string(length) + " bytes from " + where(offset);
            break;
        case mutation_kind::truncate:
            text += ": the file ends after " + std::to_string(offset) + " bytes (" + where(offset) + ")";
            break;
        case mutation_kind::file_header_field: {
            const header_field* f = field_at(file_fields, field);
            text += ": " + std::string(f != nullptr ? f->name : "?") + " set to " + hex(value);
            break;
        }
        case mutation_kind::chunk_header_field: {
            const header_field* f = field_at(chunk_fields, field);
            text += ": chunk " + std::to_string(chunk) + " " + (f != nullptr ? f->name : "?") + " set to " + hex(value);
            break;
        }
        case mutation_kind::table_entry:
            text += ": chunk " + std::to_string(chunk) + (field < binxml::chunk_string_buckets ? " string" : " template") +
                    " table entry " + std::to_string(field) + " points at " + hex(value);
            break;
        case mutation_kind::name_character:
            text += ": chunk " + std::to_string(chunk) + " name at " + hex(offset) + ", character " +
                    std::to_string(length) + " set to U+" + hex(value).substr(2);
            break;
        case mutation_kind::copy_chunk:
            text += ": chunk " + std::to_string(chunk) + " copied over chunk " + std::to_string(value);
            break;
        case mutation_kind::swap_chunks:
            text += ": chunks " + std::to_string(chunk) + " and " + std::to_string(value);
            break;
    }
    if (kind != mutation_kind::truncate && kind != mutation_kind::copy_chunk && kind != mutation_kind::swap_chunks) {
        text += fix_checksums ? ", checksums recomputed" : ", checksums left as they were";
    }
    return text;
}

bytes apply(bytes file, const mutation& change) {
    switch (change.kind) {
        case mutation_kind::bit_flip:
            if (change.offset >= file.size()) break;
            file[change.offset] = static_cast<std::uint8_t>(file[change.offset] ^ (1u << (change.length & 7)));
            if (change.fix_checksums) fix_around(file, change.offset);
            break;
        case mutation_kind::zero_run:
        case mutation_kind::ff_run: {
            if (change.offset >= file.size()) break;
            const std::uint64_t end = std::min<std::uint64_t>(file.size(), change.offset + change.length);
            std::fill(file.begin() + static_cast<std::ptrdiff_t>(change.offset),
                      file.begin() + static_cast<std::ptrdiff_t>(end),
                      change.kind == mutation_kind::zero_run ? std::uint8_t{0} : std::uint8_t{0xFF});
            if (change.fix_checksums) {
                for (std::uint64_t at = change.offset; at < end; at = (at < header_size ? header_size : at + chunk_size)) {
                    fix_around(file, at);
                }
                fix_around(file, end - 1);
            }
            break;
        }
        case mutation_kind::truncate:
            if (change.offset < file.size()) file.resize(change.offset);
            break;
        case mutation_kind::file_header_field: {
            const header_field* f = field_at(file_fields, change.field);
            if (f == nullptr || file.size() < header_size) break;
            store(file.data() + f->offset, f->width, change.value);
            if (change.fix_checksums) fix_file_header(file);
            break;
        }
        case mutation_kind::chunk_header_field: {
            const header_field* f = field_at(chunk_fields, change.field);
            if (f == nullptr || !has_chunk(file, change.chunk)) break;
            store(file.data() + chunk_start(change.chunk) + f->offset, f->width, change.value);
            if (change.fix_checksums) fix_chunk(file, change.chunk);
            break;
        }
        case mutation_kind::table_entry: {
            if (!has_chunk(file, change.chunk) || change.field >= binxml::chunk_string_buckets + binxml::chunk_template_buckets) break;
            store_le(file.data() + chunk_start(change.chunk) + evtx_writer::chunk_header_field::name_buckets + 4 * change.field,
                     static_cast<std::uint32_t>(change.value));
            if (change.fix_checksums) fix_chunk(file, change.chunk);
            break;
        }
        case mutation_kind::name_character: {
            const std::uint64_t at = chunk_start(change.chunk) + change.offset + binxml::name_header_size + 2 * change.length;
            if (!has_chunk(file, change.chunk) || change.offset + binxml::name_header_size + 2 * change.length + 2 > chunk_size) break;
            store_le(file.data() + at, static_cast<std::uint16_t>(change.value));
            if (change.fix_checksums) fix_chunk(file, change.chunk);
            break;
        }
        case mutation_kind::copy_chunk:
        case mutation_kind::swap_chunks: {
            if (!has_chunk(file, change.chunk) || !has_chunk(file, change.value) || change.chunk == change.value) break;
            auto a = file.begin() + static_cast<std::ptrdiff_t>(chunk_start(change.chunk));
            auto b = file.begin() + static_cast<std::ptrdiff_t>(chunk_start(change.value));
            if (change.kind == mutation_kind::copy_chunk) {
                std::copy(a, a + static_cast<std::ptrdiff_t>(chunk_size), b);
            } else {
                std::swap_ranges(a, a + static_cast<std::ptrdiff_t>(chunk_size), b);
            }
            break;
        }
    }
    return file;
}

mutation random_mutation(const bytes& file, std::uint64_t seed) {
    random_bits random(seed);
    mutation change;
    change.fix_checksums = random.percent(50);
    const std::uint64_t chunks = whole_chunks(file);
    // Kinds that need a chunk, or two, fall back to a bit flip without them.
    std::uint64_t pick = random.below(10);
    if (chunks == 0 && pick >= 5) pick = 0;
    if (chunks < 2 && pick >= 8) pick = 0;
    switch (pick) {
        case 0:
        case 1:
            change.kind = mutation_kind::bit_flip;
            change.offset = random_offset(file, random);
            change.length = random.below(8);
            break;
        case 2: {
            change.kind = random.percent(50) ? mutation_kind::zero_run : mutation_kind::ff_run;
            change.offset = random_offset(file, random);
            // Short runs mostly (a field), sometimes a header's or a record's worth.
            static constexpr std::array<std::uint64_t, 6> lengths = {1, 4, 8, 16, 256, 512};
            change.length = lengths[random.below(lengths.size())] + (random.percent(50) ? random.below(64) : 0);
            break;
        }
        case 3: {
            change.kind = mutation_kind::truncate;
            const std::uint64_t where_to = random.below(4);
            if (where_to == 0 || chunks == 0) {
                change.offset = random.below(header_size);  // inside the file header
            } else {
                const std::uint64_t chunk = random.below(chunks);
                change.offset = chunk_start(chunk) + (where_to == 1   ? 0  // at a chunk boundary
                                                      : where_to == 2 ? random.below(chunk_header)
                                                                      : chunk_header + random.below(chunk_size - chunk_header));
            }
            break;
        }
        case 4: {
            change.kind = mutation_kind::file_header_field;
            const header_field& f = file_fields[random.below(file_fields.size())];
            change.field = f.offset;
            change.value = random_value(load(file.data() + f.offset, f.width), f.width, random);
            break;
        }
        case 5: {
            change.kind = mutation_kind::chunk_header_field;
            change.chunk = random.below(chunks);
            const header_field& f = chunk_fields[random.below(chunk_fields.size())];
            change.field = f.offset;
            change.value = random_value(load(file.data() + chunk_start(change.chunk) + f.offset, f.width), f.width, random);
            break;
        }
        case 6: {
            change.kind = mutation_kind::table_entry;
            change.chunk = random.below(chunks);
            change.field = random.below(binxml::chunk_string_buckets + binxml::chunk_template_buckets);
            const std::uint64_t self = evtx_writer::chunk_header_field::name_buckets + 4 * change.field;
            static constexpr std::array<std::uint64_t, 3> out_of_range = {chunk_size, 0xFFFFFFFFull, chunk_size - 2};
            change.value = random.percent(50) ? self : out_of_range[random.below(out_of_range.size())];
            break;
        }
        case 7: {
            change.kind = mutation_kind::name_character;
            change.chunk = random.below(chunks);
            static const std::array<std::string, 8> names = {"System", "Provider", "EventID", "EventRecordID",
                                                             "TimeCreated", "Computer", "EventData", "Data"};
            const std::string& name = names[random.below(names.size())];
            const auto entry = find_name(file, change.chunk, name);
            if (!entry) {
                change.kind = mutation_kind::bit_flip;
                change.offset = random_offset(file, random);
                change.length = random.below(8);
                break;
            }
            change.offset = *entry;
            change.length = random.below(name.size());
            change.value = static_cast<unsigned char>(name[change.length]) ^ (1u + random.below(15));
            break;
        }
        default: {
            change.kind = pick == 8 ? mutation_kind::copy_chunk : mutation_kind::swap_chunks;
            change.chunk = random.below(chunks);
            change.value = (change.chunk + 1 + random.below(chunks - 1)) % chunks;
            break;
        }
    }
    return change;
}

}  // namespace evtxcar::mutation
