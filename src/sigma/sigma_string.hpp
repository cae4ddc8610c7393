#pragma once
// sigma_string: a rule value after its escapes are read, as a sequence of
// text and wildcards ("Escape Character" and "String Wildcard" of the rules
// specification), with the transformations the modifiers appendix defines on
// such values. Compile time only: matching uses string_matcher.

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sigma/rule_problem.hpp"

namespace evtxcar::sigma {

struct pattern_part {
    enum class kind : unsigned char {
        text,          // literal bytes
        any_sequence,  // `*`: any number of characters, none included
        any_char,      // `?`: exactly one character (one UTF-8 code point)
        dash,          // windash: one of - / – — ―
        placeholder,   // %name% under `expand`; `text` holds the name
    };
    kind what = kind::text;
    std::string text;
    friend bool operator==(const pattern_part&, const pattern_part&) = default;
};

struct sigma_string {
    std::vector<pattern_part> parts;  // adjacent text parts are merged

    bool is_plain() const;          // text only: no wildcard, dash or placeholder
    std::string plain_text() const; // the concatenated text parts (meaningful when is_plain())
    bool has_placeholders() const;
    void append_text(std::string_view text);
    void append(pattern_part::kind what);
    void append(const sigma_string& other);
    friend bool operator==(const sigma_string&, const sigma_string&) = default;
};

// Reads a rule value: `*` and `?` are wildcards; a backslash before `*`, `?`
// or a backslash makes that character plain; any other backslash is itself.
// With `placeholders` (the expand modifier), `%name%` is a placeholder and
// `\%` a plain percent.
sigma_string parse_sigma_string(std::string_view raw, bool placeholders = false);
sigma_string plain_string(std::string_view text);

// contains / startswith / endswith: a `*` before and/or after, unless there.
void add_leading_wildcard(sigma_string& value);
void add_trailing_wildcard(sigma_string& value);

// windash: every - / – — ― of the text becomes a dash part (any of the five).
sigma_string with_windash(const sigma_string& value);
// The plain strings a value with dash parts stands for (5 per dash), for
// encodings that need plain text. Refuses more than `max_dashes` dashes.
sigma_result<std::vector<sigma_string>> expand_dashes(const sigma_string& value, std::size_t max_dashes = 4);

// expand: each placeholder replaced by each of its values (read as rule
// values: wildcards apply); a value with several placeholders gives every
// combination.
using placeholder_values = std::map<std::string, std::vector<std::string>, std::less<>>;
sigma_result<std::vector<sigma_string>> expand_placeholders(const sigma_string& value,
                                                            const placeholder_values& placeholders);

// Encodings (on plain text; the result is plain bytes).
std::string base64_encode(std::string_view bytes);
// base64offset: the three forms the bytes take inside a longer base64 text,
// by their offset (0, 1, 2) in a 3-byte group, with the characters that
// depend on neighbouring bytes cut off.
std::array<std::string, 3> base64_offset_forms(std::string_view bytes);
enum class utf16_form { little_endian, big_endian, little_endian_with_bom };
std::string utf16_encode(std::string_view utf8, utf16_form form);

}  // namespace evtxcar::sigma
