#pragma once
// host_directory: one identity per host for the whole collection. Records
// name their host by Computer, which the same machine may spell in several
// ways: letter case ("IE8Win7", "IE8WIN7"), with or without its domain
// ("PC01", "PC01.example.corp"). The directory is built once from every
// Computer a scan read, and each spelling then maps to one host:
//  - spellings equal without letter case are one host;
//  - a name without a dot joins the one host whose full name starts with it
//    and a dot ("PC01" -> "PC01.example.corp"); when several full names do
//    (PC01 in two domains), it stays a host of its own: which machine it was
//    cannot be told.
// A host's name is its full name where it has one (the spelling with most
// records, then the first in sorted order), else its only name; hostname is
// the part before the first dot. Timeline, detections, coverage, summary
// and report all use these.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "car/car_event.hpp"

namespace evtxcar {

struct host_identity {
    std::string name;      // the Computer shown for the host ("PC01.example.corp", or "PC01" when that is all)
    std::string hostname;  // without the domain ("PC01")
    std::string fqdn;      // the full name, empty when no record gave one
    std::vector<std::string> logged_as;  // every spelling of Computer its records used, sorted
    std::uint64_t records = 0;
};

class host_directory {
public:
    host_directory() = default;
    // records_by_computer: records read per Computer, as logged.
    explicit host_directory(const std::map<std::string, std::uint64_t>& records_by_computer);

    // The host a Computer spelling belongs to, or nullptr for one the directory was not built with.
    const host_identity* find(std::string_view computer) const;
    // Every host, sorted by name.
    const std::vector<host_identity>& hosts() const { return hosts_; }

    // Gives the event its host's hostname and fqdn; when the record spelled
    // its Computer otherwise, that spelling is kept in `computer`.
    void apply(car_event& event) const;

private:
    std::vector<host_identity> hosts_;
    std::unordered_map<std::string, std::size_t> by_spelling_;  // Computer as logged -> index in hosts_
};

}  // namespace evtxcar
