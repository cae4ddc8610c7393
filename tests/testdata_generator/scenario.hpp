#pragma once
// The scenario model of testdata/: each file, the events it holds and what
// each event is designed to show (its case and the detections it must
// produce), and any damage done to the finished file. Everything in the
// expected data comes from here, never from evtxcar's code.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "evtx_file_writer.hpp"
#include "little_endian.hpp"
#include "windows_event.hpp"

namespace evtxcar::testdata {

using evtx_writer::byte_buffer;
using evtx_writer::record_location;
using evtx_writer::windows_event;

// The three variants of CAR-2020-11-010 (CMSTP) as evtxcar labels detections.
inline constexpr const char* detection_car = "CAR-2020-11-010:car";
inline constexpr const char* detection_remote = "CAR-2020-11-010:remote";
inline constexpr const char* detection_cmdline_url = "CAR-2020-11-010:cmdline-url";

struct scenario_record {
    windows_event event;
    std::string case_description;         // "case" in the expected data
    std::vector<std::string> detections;  // e.g. detection_remote; empty: none
    // Why libevtx 20181227 (evtxexport, evtxcar's libevtx engine) shows this
    // record differently from what it holds; empty when it shows it right.
    std::string libevtx_differs = {};
};

// skipped: not a log at all (a directory scan passes over it and counts it).
enum class file_outcome { ok, partial, unreadable, skipped };

constexpr const char* outcome_name(file_outcome outcome) {
    switch (outcome) {
        case file_outcome::ok:
            return "ok";
        case file_outcome::partial:
            return "partial";
        case file_outcome::unreadable:
            return "unreadable";
        case file_outcome::skipped:
            return "skipped";
    }
    return "?";
}

// What a reader should get from a file after its damage.
struct file_verdict {
    std::uint64_t records_readable = 0;
    file_outcome outcome = file_outcome::ok;
    std::string reason;
    std::vector<bool> record_readable;  // per record written; empty: all readable
    // Records a reader must report lost, when the damage says exactly how
    // many (testdata/mutations/: the accounting every reader is held to).
    std::optional<std::uint64_t> records_lost;
};

// Damage done to the finished file; returns the verdict.
using file_damage = std::function<file_verdict(byte_buffer& file, const std::vector<record_location>& records)>;

struct scenario_file {
    std::string path;       // below testdata/, e.g. "demo/WS01/Security.evtx"
    std::string exercises;  // one line for MANIFEST.tsv and README.md
    std::vector<scenario_record> records;
    std::uint64_t first_record_id = 1;
    // An older log this one was written over (its first record id 1): what
    // the new records do not overwrite of its chunks stays as slack.
    std::vector<scenario_record> written_over;
    file_damage damage;                       // none: the file is intact
    std::optional<byte_buffer> raw_content;   // not written by the EVTX writer (garbage, empty, text)
    std::optional<file_verdict> raw_verdict;  // with raw_content
};

// A log written whole, its records numbered from `first_record_id`.
inline scenario_file log_file(std::string path, std::string exercises, std::vector<scenario_record> records,
                              std::uint64_t first_record_id = 1) {
    scenario_file file;
    file.path = std::move(path);
    file.exercises = std::move(exercises);
    file.records = std::move(records);
    file.first_record_id = first_record_id;
    return file;
}

}  // namespace evtxcar::testdata
