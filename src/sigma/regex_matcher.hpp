#pragma once
// regex_matcher: a `re` value, compiled once with PCRE2 (JIT where the
// platform has it) and searched for anywhere in the field value, as the
// modifiers appendix's PCRE flavour. Case-sensitive unless `i`; `m` makes
// ^ and $ match at line breaks; `s` lets `.` match a line break.
//
// A match that exceeds PCRE2's backtracking limit counts as no match (a
// pathological pattern cannot stall the scan). Matching uses one match
// block per thread, made on first use: no allocation per match.

#include <memory>
#include <string>
#include <string_view>

#include "sigma/rule_problem.hpp"

namespace evtxcar::sigma {

struct regex_flags {
    bool insensitive = false;  // re|i
    bool multiline = false;    // re|m
    bool dot_all = false;      // re|s
};

class regex_matcher {
public:
    static sigma_result<regex_matcher> compile(std::string_view pattern, regex_flags flags);

    bool matches(std::string_view value) const;
    const std::string& pattern() const { return pattern_; }

private:
    struct compiled;  // the pcre2_code
    std::shared_ptr<const compiled> code_;
    std::string pattern_;
};

}  // namespace evtxcar::sigma
