#pragma once
// payload_layouts: the distinct lists of payload field names (layouts) the
// events of one scan carry, each with a number. Events of one kind share
// one layout (a 4688's twenty-odd names), so the sort runs store an event's
// names as its layout's number, and an event decoded from a run says which
// layout its names follow (car_event::payload_layout): whoever wants to
// know whether two events carry the same names compares two numbers.
//
// The scan workers add layouts while they encode (through a
// payload_layout_cache each, which asks the shared table only for layouts
// it has not met); the merge reads them once the workers are done.

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "event_record.hpp"

namespace evtxcar {

class payload_layouts {
public:
    // The number (from 1) of the layout of `fields`' names, added if new.
    // Thread-safe.
    std::uint32_t number_of(std::uint64_t hash, const std::vector<payload_field>& fields);
    // The names of layout `number`, or nullptr for a number never handed
    // out. Only while no thread adds.
    const std::vector<std::string>* names(std::uint64_t number) const;

private:
    std::mutex mutex_;
    std::deque<std::vector<std::string>> layouts_;  // layout n at n - 1
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_hash_;
};

// A hash of the payload's names (not its values).
std::uint64_t payload_names_hash(const std::vector<payload_field>& fields);

// True when `names` are the names of `fields`, in order.
bool same_payload_names(const std::vector<std::string>& names, const std::vector<payload_field>& fields);

// One scan worker's copy of the layouts it has met.
class payload_layout_cache {
public:
    explicit payload_layout_cache(payload_layouts& shared) : shared_(shared) {}
    std::uint32_t number_of(const std::vector<payload_field>& fields);

private:
    struct known {
        std::uint32_t number;
        std::vector<std::string> names;
    };
    payload_layouts& shared_;
    std::unordered_map<std::uint64_t, std::vector<known>> by_hash_;
};

}  // namespace evtxcar
