#pragma once
// engine_comparison: the records of one file as the libevtx engine and the
// fast engine deliver them, paired and compared field for field.
//
// Pairing: libevtx reports offset 0 for every record (libevtx 20181227 never
// fills it in), so records are paired by EventRecordID and, among records
// with the same id, by order. Fields are compared without file_offset; the
// fast engine's offsets are checked against the file on their own.
//
// A pair that differs, or a record only one engine delivers, is put in a
// category: a known, documented kind of difference (docs/engine-differences.md)
// or "unexplained ...", which the differential test does not accept.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine_output.hpp"

namespace evtxcar::testing {

struct file_comparison {
    std::string path;
    std::uint64_t files = 0;
    std::uint64_t files_only_libevtx_opens = 0;  // the fast engine must open every file libevtx opens
    std::uint64_t libevtx_records = 0;
    std::uint64_t fast_records = 0;
    std::uint64_t compared = 0;  // pairs
    std::uint64_t equal = 0;
    std::map<std::string, std::uint64_t> differing;     // category -> pairs
    std::map<std::string, std::uint64_t> only_fast;     // category -> records libevtx does not deliver
    std::map<std::string, std::uint64_t> only_libevtx;  // category -> records the fast engine does not deliver
    std::uint64_t fast_bad_offsets = 0;                 // fast records whose offset does not hold their header
    std::vector<std::string> examples;                  // first unexplained differences, for the log
    std::vector<std::string> only_fast_examples;        // a line per record only the fast engine delivers
};

file_comparison compare_engines(const std::string& path, const read_options& options);

// Adds `file` into `total` (path and examples aside).
void accumulate(file_comparison& total, const file_comparison& file);

// True for categories that explain a difference (not "unexplained ...").
bool is_explained(const std::string& category);

// True when the comparison holds only what the differential test accepts:
// explained differences and records only the fast engine delivers, records
// only libevtx delivers that are carved debris, and sound fast offsets.
bool acceptable(const file_comparison& comparison);

}  // namespace evtxcar::testing
