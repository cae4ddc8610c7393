#pragma once
// string_matcher: one compiled rule value, matched against a field value.
// Built once from a sigma_string; the cheapest shape is chosen (exact,
// prefix, suffix, substring, anything, or a glob of segments) and the text
// pre-folded. Matching never allocates.
//
// Case: unless `cased`, letters match either case as case_folding.hpp
// folds them (ASCII, and Latin-1, Latin Extended-A, Greek and Cyrillic).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sigma/case_folding.hpp"
#include "sigma/sigma_string.hpp"

namespace evtxcar::sigma {

class string_matcher {
public:
    enum class shape : std::uint8_t { exact, prefix, suffix, contains, anything, glob };

    // `value` must hold no placeholder (expand them first).
    static string_matcher compile(const sigma_string& value, bool cased);

    // An ASCII value, or any value when cased (see matches_folded).
    bool matches(std::string_view value) const { return match(value, cased_); }
    // The same on a value already folded (fold_text) by the caller, who
    // folds once for many matchers; for matchers that are not cased, and
    // for every value that is not ASCII (non-ASCII letters fold only so).
    bool matches_folded(std::string_view folded_value) const { return match(folded_value, true); }
    // True when matching scans the value (contains, glob): then folding the
    // value once beats folding it at every place tried.
    bool scans() const { return shape_ == shape::contains || shape_ == shape::glob; }

    shape kind() const { return shape_; }
    bool cased() const { return cased_; }
    // The literal text of the simple shapes (folded unless cased).
    const std::string& literal() const { return literal_; }
    // Text every matching value contains: the literal, or a glob's longest
    // text element (empty when there is none).
    std::string_view longest_text() const;

private:
    struct element {
        pattern_part::kind what;  // text, any_char or dash
        std::string text;         // folded unless cased
    };
    struct segment {
        std::vector<element> elements;
    };

    // `exact`: compare bytes as they are (cased, or the value pre-folded).
    bool match(std::string_view value, bool exact) const;
    bool glob_matches(std::string_view value, bool exact) const;
    // Where `part` matched at `position` ends, or npos.
    std::size_t segment_end(const segment& part, std::string_view value, std::size_t position, bool exact) const;

    shape shape_ = shape::exact;
    bool cased_ = false;
    std::string literal_;
    // Glob: the segments between `*`s; anchored at the start when the
    // pattern does not begin with `*`, at the end when it does not end
    // with one.
    std::vector<segment> segments_;
    bool anchored_start_ = true;
    bool anchored_end_ = true;
};

// True when `haystack` holds `needle` (already folded), ignoring ASCII case.
bool contains_folded(std::string_view haystack, std::string_view folded_needle);

}  // namespace evtxcar::sigma
