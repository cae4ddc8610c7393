#include "file_plan.hpp"

#include <algorithm>
#include <map>

#include "binxml_format.hpp"

namespace evtxcar::binxml {

namespace {

constexpr std::uint64_t capacity = max_records_per_chunk;
constexpr std::uint64_t no_position = ~std::uint64_t{0};

enum class position_kind : std::uint8_t {
    trusted_live,
    trusted_leftover,  // trusted, but its ids do not belong to the live log
    damaged,
};

struct position {
    chunk_look look;
    bool in_count = false;
    position_kind kind = position_kind::damaged;
    std::uint64_t copy_of = no_position;  // a live chunk that claims the same ids
};

std::string text(std::uint64_t n) { return std::to_string(n); }

// What is wrong with a damaged position, without its number: said of one
// chunk and of several.
struct damage_words {
    std::string one;
    std::string many;
    bool operator==(const damage_words&) const = default;
};

damage_words what_is_wrong(const position& p) {
    const chunk_look& look = p.look;
    if (p.copy_of != no_position) {
        const std::string copy = "the record ids of chunk " + text(p.copy_of) + " (a copy)";
        return {"claims " + copy, "claim " + copy};
    }
    if (look.bytes == 0) return {"lies past the end of the file", "lie past the end of the file"};
    if (look.bytes < chunk_header_size) {
        const std::string cut = "cut short inside the header (" + text(look.bytes) + " bytes)";
        return {"is " + cut, "are " + cut};
    }
    if (look.state == chunk_state::empty) return {"has a zeroed header", "have zeroed headers"};
    if (look.state == chunk_state::no_signature) {
        return {"has no \"ElfChnk\" signature", "have no \"ElfChnk\" signature"};
    }
    if (!look.header_ok) return {"has a header whose checksum fails", "have headers whose checksums fail"};
    if (!look.numbers_agree) {
        return {"has a header whose record numbers and ids disagree", "have headers whose record numbers and ids disagree"};
    }
    return {"is damaged", "are damaged"};
}

// "chunk 3 is cut short inside the header (323 bytes), chunks 4-9 lie past the end of the file"
std::string describe_run(const std::vector<position>& positions, std::uint64_t first, std::uint64_t end) {
    std::string out;
    constexpr int shown = 3;
    int groups = 0;
    for (std::uint64_t i = first; i < end;) {
        const damage_words words = what_is_wrong(positions[i]);
        std::uint64_t group_end = i + 1;
        while (group_end < end && what_is_wrong(positions[group_end]) == words) ++group_end;
        if (++groups > shown) {
            out += ", ...";
            break;
        }
        if (!out.empty()) out += ", ";
        out += group_end - i == 1 ? "chunk " + text(i) + " " + words.one
                                  : "chunks " + text(i) + "-" + text(group_end - 1) + " " + words.many;
        i = group_end;
    }
    return out;
}

// How well a trusted live chunk's ids follow on from the trusted live
// chunks beside it (0-2), to tell a copy from the chunk it copies.
int fit(const std::vector<position>& positions, std::uint64_t index) {
    int score = 0;
    const id_span& own = positions[index].look.claimed;
    for (std::uint64_t i = index; i-- > 0;) {
        if (positions[i].kind != position_kind::trusted_live || positions[i].look.claimed.empty()) continue;
        score += positions[i].look.claimed.last + 1 == own.first ? 1 : 0;
        break;
    }
    for (std::uint64_t i = index + 1; i < positions.size(); ++i) {
        if (positions[i].kind != position_kind::trusted_live || positions[i].look.claimed.empty()) continue;
        score += own.last + 1 == positions[i].look.claimed.first ? 1 : 0;
        break;
    }
    return score;
}

void mark_copies(std::vector<position>& positions, const file_witness& header) {
    std::vector<std::uint64_t> live;
    for (std::uint64_t i = 0; i < positions.size(); ++i) {
        if (positions[i].kind == position_kind::trusted_live && !positions[i].look.claimed.empty()) live.push_back(i);
    }
    std::stable_sort(live.begin(), live.end(), [&](std::uint64_t a, std::uint64_t b) {
        return positions[a].look.claimed.first < positions[b].look.claimed.first;
    });
    std::vector<int> scores(positions.size(), 0);
    for (std::uint64_t i : live) scores[i] = fit(positions, i);
    std::uint64_t kept = no_position;
    for (std::uint64_t i : live) {
        if (kept != no_position && positions[i].look.claimed.first <= positions[kept].look.claimed.last) {
            // Overlapping ids: the one that fits its neighbours worse is the copy. On a tie, the
            // log's newest records (the header's next record id follows them) belong in the later
            // position, any others in the earlier one.
            bool drop_kept = scores[kept] < scores[i];
            if (scores[kept] == scores[i]) {
                const bool newest = header.checksum_ok && positions[i].look.claimed.last + 1 == header.next_record_id;
                const std::uint64_t copy = newest ? std::min(kept, i) : std::max(kept, i);
                drop_kept = copy == kept;
            }
            const std::uint64_t copy = drop_kept ? kept : i;
            positions[copy].kind = position_kind::damaged;
            positions[copy].copy_of = drop_kept ? i : kept;
            if (drop_kept) kept = i;
            continue;
        }
        if (kept == no_position || positions[i].look.claimed.last > positions[kept].look.claimed.last) kept = i;
    }
    // A leftover that claims ids a live chunk holds is a copy too: the
    // position held something else once.
    for (std::uint64_t i = 0; i < positions.size(); ++i) {
        position& p = positions[i];
        if (p.kind != position_kind::trusted_leftover || p.look.claimed.empty()) continue;
        for (std::uint64_t j : live) {
            const position& other = positions[j];
            if (other.kind != position_kind::trusted_live) continue;
            if (p.look.claimed.first <= other.look.claimed.last && other.look.claimed.first <= p.look.claimed.last) {
                p.kind = position_kind::damaged;
                p.copy_of = j;
                break;
            }
        }
    }
}

// A leftover chunk whose ids (and record numbers) end right where a live
// chunk's begin is that chunk's predecessor in the log: live too (a dirty
// file whose chunks were moved, or whose header lags behind a wrap).
void chain_leftovers(std::vector<position>& positions) {
    std::map<std::uint64_t, std::uint64_t> live_by_first_id;
    for (std::uint64_t i = 0; i < positions.size(); ++i) {
        const position& p = positions[i];
        if (p.kind == position_kind::trusted_live && !p.look.claimed.empty()) live_by_first_id[p.look.claimed.first] = i;
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (std::uint64_t i = 0; i < positions.size(); ++i) {
            position& p = positions[i];
            if (p.kind != position_kind::trusted_leftover || p.look.claimed.empty()) continue;
            auto next = live_by_first_id.find(p.look.claimed.last + 1);
            if (next == live_by_first_id.end()) continue;
            const chunk_look& after = positions[next->second].look;
            if (after.first_number != p.look.first_number + p.look.claimed.size()) continue;
            p.kind = position_kind::trusted_live;
            live_by_first_id[p.look.claimed.first] = i;
            changed = true;
        }
    }
}

// Decides which trusted chunks are live (see the header comment).
void decide_live(std::vector<position>& positions, const file_witness& header) {
    std::uint64_t last_live = no_position;
    std::uint64_t damaged_since = 0;
    for (std::uint64_t i = 0; i < positions.size(); ++i) {
        position& p = positions[i];
        if (!p.look.header_ok || !p.look.numbers_agree) {
            p.kind = position_kind::damaged;
            ++damaged_since;
            continue;
        }
        const id_span& ids = p.look.claimed;
        if (ids.empty()) {  // a chunk without records says nothing about ids
            p.kind = p.in_count ? position_kind::trusted_live : position_kind::trusted_leftover;
            continue;
        }
        bool live = p.in_count;
        if (!live) {
            const bool newer = last_live == no_position || ids.first > positions[last_live].look.claimed.last;
            const bool follows = last_live != no_position && newer &&
                                 ids.first - positions[last_live].look.claimed.last - 1 <= capacity * damaged_since;
            const bool header_says = header.checksum_ok && ids.last < header.next_record_id;
            // The first chunk with records is the log's oldest, whatever a count of 0 says.
            live = last_live == no_position || (newer && (follows || header_says || header.dirty));
        }
        p.kind = live ? position_kind::trusted_live : position_kind::trusted_leftover;
        if (live) {
            last_live = i;
            damaged_since = 0;
        }
    }
}

std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) { return a > ~std::uint64_t{0} - b ? ~std::uint64_t{0} : a + b; }

// The segment of the damaged run [first, end), whose nearest trusted live
// chunks are `left` and `right` (or no_position).
planned_segment plan_damaged_run(const std::vector<position>& positions, std::uint64_t first, std::uint64_t end,
                                 std::uint64_t left, std::uint64_t right, const file_witness& header) {
    planned_segment segment{.first_chunk = first, .end_chunk = end};
    segment.damage = describe_run(positions, first, end);
    std::uint64_t damaged = 0;
    bool counted = false;  // the header's count says some of these were written
    for (std::uint64_t i = first; i < end; ++i) {
        const position& p = positions[i];
        if (p.kind != position_kind::damaged) continue;
        ++damaged;
        segment.not_zeroed = segment.not_zeroed || (p.look.bytes > 0 && p.look.state != chunk_state::empty);
        // A zeroed position inside a count whose checksum fails may be the count's mistake.
        counted = counted || (p.in_count && (p.look.state != chunk_state::empty || header.checksum_ok));
    }
    const std::uint64_t room = capacity * damaged;
    const bool header_says_more = left != no_position && header.checksum_ok &&
                                  header.next_record_id > positions[left].look.claimed.last + 1;
    // A damaged header whose first record id (as it stands, or as its last id
    // less the records its numbers count) follows on the live chunk before it.
    bool follows_left = false;
    if (left != no_position) {
        const chunk_look& look = positions[first].look;
        const std::uint64_t next_id = positions[left].look.claimed.last + 1;
        follows_left = (look.stated_first_id != 0 && look.stated_first_id == next_id) ||
                       (look.numbered_records > 0 && look.stated_last_id >= look.numbered_records &&
                        look.stated_last_id - look.numbered_records + 1 == next_id);
    }
    bool has_copy = false;
    for (std::uint64_t i = first; i < end; ++i) {
        if (positions[i].copy_of != no_position) {
            has_copy = true;
            segment.copies.push_back(i);
        }
    }
    // A copy stands where something else was written, when its position was
    // in use: beyond a clean header's count it may have been unused.
    counted = counted || (has_copy && (header.dirty || !header.checksum_ok));
    segment.live = counted || (left != no_position && right != no_position) || header_says_more || follows_left;
    counted = counted || follows_left;  // its own header says records were written there
    if (!segment.live) {
        segment.allowed = {};
        return segment;
    }

    // Bounds of the ids the run held: the live chunks around it, else the
    // header's next record id, the record numbers of the next chunk, or what
    // a header of its own still says (below).
    std::optional<std::uint64_t> low, high;
    if (left != no_position) low = positions[left].look.claimed.last + 1;
    if (right != no_position) high = positions[right].look.claimed.first - 1;
    if (!high && header.checksum_ok && header.next_record_id > 0 && (!low || header.next_record_id - 1 >= *low)) {
        high = header.next_record_id - 1;
    }
    // Before the first live chunk of a log that never wrapped around (its
    // header, believed, names chunk 0 the oldest): that chunk's record number
    // says how many records of this log came before it, when they fit.
    if (!low && right != no_position && header.checksum_ok && header.first_chunk_number == 0) {
        const chunk_look& next = positions[right].look;
        if (next.first_number >= 1 && next.first_number - 1 < room && next.claimed.first >= next.first_number) {
            low = next.claimed.first - (next.first_number - 1);
        }
    }
    // A header that follows on the live chunk before it, and whose numbers
    // agree with its ids, is believed on its last id too (its checksum cannot
    // hold when the file ends inside it).
    const chunk_look& first_look = positions[first].look;
    if (!high && follows_left && end - first == 1 && first_look.numbers_agree) high = first_look.claimed.last;
    // A header the file ends inside is short, not damaged: whose numbers
    // agree with its ids is believed on them.
    if (!low && end - first == 1 && first_look.bytes < chunk_header_size && first_look.numbers_agree &&
        (!high || first_look.claimed.last <= *high)) {
        low = first_look.claimed.first;
        if (!high) high = first_look.claimed.last;
    }
    // A header cut short before its ids may still count its records.
    if (!low && high && end - first == 1 && first_look.stated_first_id == 0 && first_look.numbered_records > 0 &&
        first_look.numbered_records <= *high) {
        low = *high - first_look.numbered_records + 1;
    }
    // What a damaged header says of its ids is not believed: where no other
    // witness bounds the run, the ids of the records found in it do (and a
    // run whose first record is damaged loses at least one, chunk_reader).

    if (low && high) {
        if (*low <= *high && *high - *low < room) {
            segment.allowed = {*low, *high};
            segment.expected_first = *low;
            segment.expected_last = *high;
        } else if (*low <= *high) {
            // More ids than the run can hold: they were not all here (a log
            // pieced together from copies). Records with those ids are read;
            // what is lost is judged from the ids found.
            segment.allowed = {*low, *high};
            segment.at_least_one = counted;
        } else if (*low == *high + 1) {
            // The ids on both sides follow on: nothing of the live log was here.
            segment.allowed = {};
        } else {
            // The ids go back at this run: the oldest and newest records of a
            // log that wrapped around meet here (or copies of different
            // times). Its records may be newer than the left or older than
            // the right chunk.
            segment.allowed = {*high + 1 > room ? *high + 1 - room : 1, saturating_add(*low, room - 1)};
            segment.at_least_one = counted;
        }
    } else if (low) {
        segment.allowed = {*low, saturating_add(*low, room - 1)};
        segment.expected_first = *low;
        segment.at_least_one = counted;
    } else if (high) {
        segment.allowed = {*high + 1 > room ? *high + 1 - room : 1, *high};
        segment.expected_last = *high;
        segment.at_least_one = counted;
    } else {
        segment.allowed = {1, ~std::uint64_t{0}};
        segment.at_least_one = counted;
    }
    return segment;
}

std::string range_text(std::uint64_t first, std::uint64_t last) {
    return first == last ? "chunk " + text(first) : "chunks " + text(first) + "-" + text(last);
}

}  // namespace

chunk_look look_at_chunk(byte_span start, std::size_t bytes_in_file) {
    chunk_look look;
    look.bytes = bytes_in_file;
    look.state = classify_chunk(start);
    if (look.state != chunk_state::valid) return look;
    // The ids and numbers lie in the first 40 bytes: a header cut short may still name them.
    if (start.contains(0, chunk_last_record_number_offset + 8)) {
        const std::uint64_t first_number = start.u64(chunk_first_record_number_offset);
        const std::uint64_t last_number = start.u64(chunk_last_record_number_offset);
        if (first_number > 0 && last_number >= first_number && last_number - first_number < capacity) {
            look.numbered_records = last_number - first_number + 1;
        }
    }
    if (start.contains(0, chunk_first_record_id_offset + 8)) look.stated_first_id = start.u64(chunk_first_record_id_offset);
    if (start.contains(0, chunk_last_record_id_offset + 8)) look.stated_last_id = start.u64(chunk_last_record_id_offset);
    if (start.contains(0, chunk_last_record_id_offset + 8)) {
        const std::uint64_t first_number = start.u64(chunk_first_record_number_offset);
        const std::uint64_t last_number = start.u64(chunk_last_record_number_offset);
        const std::uint64_t first_id = start.u64(chunk_first_record_id_offset);
        const std::uint64_t last_id = start.u64(chunk_last_record_id_offset);
        look.numbers_agree = first_id > 0 && last_id >= first_id && last_number >= first_number &&
                             last_id - first_id == last_number - first_number && last_id - first_id < capacity;
        if (look.numbers_agree) {
            look.claimed = {first_id, last_id};
            look.first_number = first_number;
        }
    }
    if (start.size() >= chunk_header_size && bytes_in_file >= chunk_header_size) {
        const chunk_header header = read_chunk_header(start);
        look.header_ok = header.header_checksum_ok();
        if (look.header_ok && header.free_space_offset == chunk_header_size) {
            look.numbers_agree = true;  // a chunk without records, whatever its numbers say
            look.claimed = {};
        }
    }
    return look;
}

bool file_plan::held_by_trusted(std::uint64_t id) const {
    auto after = std::upper_bound(trusted_live.begin(), trusted_live.end(), id,
                                  [](std::uint64_t value, const id_span& span) { return value < span.first; });
    return after != trusted_live.begin() && (after - 1)->contains(id);
}

std::uint64_t file_plan::owned_ids(const planned_segment& segment, std::uint64_t first, std::uint64_t last) const {
    if (last < first) return 0;
    std::uint64_t count = last - first + 1;
    if (segment.trusted) return count;
    for (const id_span& held : trusted_live) {
        if (held.last < first) continue;
        if (held.first > last) break;
        count -= std::min(held.last, last) - std::max(held.first, first) + 1;
    }
    return count;
}

file_plan plan_file(const file_witness& header, std::vector<chunk_look> looks) {
    file_plan plan;
    const std::uint64_t in_file = looks.size();
    // Chunks the header counts but the file ends before: believed only from a header whose checksum holds.
    if (header.checksum_ok && header.chunk_count > in_file) looks.resize(header.chunk_count);
    std::vector<position> positions(looks.size());
    for (std::uint64_t i = 0; i < looks.size(); ++i) {
        positions[i].look = looks[i];
        positions[i].in_count = i < header.chunk_count;
    }
    plan.positions = positions.size();
    if (header.checksum_ok && !header.dirty && header.next_record_id > 0) {
        plan.newest_possible_id = header.next_record_id - 1;
    }
    decide_live(positions, header);
    chain_leftovers(positions);
    mark_copies(positions, header);

    for (const position& p : positions) {
        if (p.kind == position_kind::trusted_live && !p.look.claimed.empty()) plan.trusted_live.push_back(p.look.claimed);
    }
    std::sort(plan.trusted_live.begin(), plan.trusted_live.end(),
              [](const id_span& a, const id_span& b) { return a.first < b.first; });

    // Segments in position order: each trusted chunk on its own; every run
    // of positions between trusted live chunks that holds a damaged one as
    // one segment (leftover chunks inside it are read with it).
    std::uint64_t left = no_position;
    std::uint64_t past_count_live_first = no_position, past_count_live_last = 0;
    std::uint64_t leftover_chunks = 0;
    for (std::uint64_t i = 0; i < positions.size();) {
        const position& p = positions[i];
        if (p.kind == position_kind::trusted_live) {
            plan.segments.push_back({.first_chunk = i,
                                     .end_chunk = i + 1,
                                     .trusted = true,
                                     .live = true,
                                     .allowed = p.look.claimed,
                                     .expected_first = p.look.claimed.first,
                                     .expected_last = p.look.claimed.last});
            if (!p.in_count) {
                if (past_count_live_first == no_position) past_count_live_first = i;
                past_count_live_last = i;
            }
            if (!p.look.claimed.empty()) left = i;
            ++i;
            continue;
        }
        std::uint64_t end = i;
        bool any_damaged = false;
        while (end < positions.size() && positions[end].kind != position_kind::trusted_live) {
            any_damaged = any_damaged || positions[end].kind == position_kind::damaged;
            ++end;
        }
        if (!any_damaged) {
            for (std::uint64_t j = i; j < end; ++j) {
                plan.segments.push_back({.first_chunk = j, .end_chunk = j + 1, .trusted = true, .live = false});
                ++leftover_chunks;
            }
        } else {
            const bool has_right = end < positions.size() && !positions[end].look.claimed.empty();
            const std::uint64_t right = has_right ? end : no_position;
            planned_segment run = plan_damaged_run(positions, i, end, left, right, header);
            // Positions the file ends before, and zeroed ones no one counts, are not read for nothing.
            bool readable = false;
            for (std::uint64_t j = i; j < end; ++j) {
                readable = readable || positions[j].look.bytes > 0;
                if (positions[j].kind == position_kind::trusted_leftover) ++leftover_chunks;
            }
            if (run.live || readable) plan.segments.push_back(std::move(run));
        }
        i = end;
    }

    if (past_count_live_first != no_position) {
        const bool one = past_count_live_first == past_count_live_last;
        plan.notes.push_back(range_text(past_count_live_first, past_count_live_last) + (one ? " lies" : " lie") +
                             " past the " +
                             text(header.chunk_count) +
                             " chunks the file header counts; " + (one ? "its" : "their") +
                             " record ids follow the live records: read as live records");
    }
    if (leftover_chunks > 0) {
        plan.notes.push_back(text(leftover_chunks) + (leftover_chunks == 1 ? " chunk" : " chunks") +
                             " past the " + text(header.chunk_count) +
                             " the file header counts hold record ids that do not follow the live records: "
                             "their records count as recovered");
    }
    for (std::uint64_t i = 0; i < positions.size(); ++i) {
        if (positions[i].copy_of != no_position) {
            plan.notes.push_back("chunk " + text(i) + " " + what_is_wrong(positions[i]).one + ": read as damaged");
        }
    }
    return plan;
}

}  // namespace evtxcar::binxml
