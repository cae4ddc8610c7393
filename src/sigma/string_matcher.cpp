#include "sigma/string_matcher.hpp"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace evtxcar::sigma {

namespace {

bool equal_folded(const char* value, const char* folded, std::size_t length) {
    for (std::size_t i = 0; i < length; ++i)
        if (fold_ascii(value[i]) != folded[i]) return false;
    return true;
}

bool equal_text(std::string_view value, std::size_t position, std::string_view text, bool cased) {
    if (value.size() - position < text.size()) return false;
    if (cased) return std::memcmp(value.data() + position, text.data(), text.size()) == 0;
    return equal_folded(value.data() + position, text.data(), text.size());
}

// Byte length of the UTF-8 code point at the start of `value` (1 for a
// byte that does not start a well-formed sequence).
std::size_t code_point_length(std::string_view value) {
    const auto lead = static_cast<unsigned char>(value[0]);
    std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (length > value.size()) return 1;
    for (std::size_t i = 1; i < length; ++i)
        if ((static_cast<unsigned char>(value[i]) & 0xC0) != 0x80) return 1;
    return length;
}

std::size_t dash_length(std::string_view value) {
    if (value.empty()) return 0;
    if (value[0] == '-' || value[0] == '/') return 1;
    // – — ― are U+2013..U+2015: E2 80 93..95
    if (value.size() >= 3 && value[0] == '\xE2' && value[1] == '\x80' && value[2] >= '\x93' && value[2] <= '\x95')
        return 3;
    return 0;
}

}  // namespace

bool contains_folded(std::string_view haystack, std::string_view needle) {
    if (needle.empty()) return true;
    if (haystack.size() < needle.size()) return false;
    auto upper_of = [](char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - ('a' - 'A')) : c; };
    const char first = needle[0];
    const char first_upper = upper_of(first);
    const char* data = haystack.data();
    const std::size_t last = haystack.size() - needle.size();
    std::size_t i = 0;
#if defined(__SSE2__)
    // Sixteen positions at a time: where the first two bytes fold to the
    // needle's first two, the rest is compared. (Values are mostly short,
    // rules many: this loop is where rules spend their time.)
    if (needle.size() >= 2) {
        const char second = needle[1];
        const __m128i first_lower_bytes = _mm_set1_epi8(first);
        const __m128i first_upper_bytes = _mm_set1_epi8(first_upper);
        const __m128i second_lower_bytes = _mm_set1_epi8(second);
        const __m128i second_upper_bytes = _mm_set1_epi8(upper_of(second));
        // data[i + 16] must be readable: i + 16 <= last + needle.size() - 1.
        for (; i + 16 <= last + 1; i += 16) {
            const __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
            const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i + 1));
            const __m128i first_hits =
                _mm_or_si128(_mm_cmpeq_epi8(here, first_lower_bytes), _mm_cmpeq_epi8(here, first_upper_bytes));
            const __m128i second_hits =
                _mm_or_si128(_mm_cmpeq_epi8(next, second_lower_bytes), _mm_cmpeq_epi8(next, second_upper_bytes));
            auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(first_hits, second_hits)));
            while (mask != 0) {
                const auto bit = static_cast<std::size_t>(__builtin_ctz(mask));
                if (equal_folded(data + i + bit + 2, needle.data() + 2, needle.size() - 2)) return true;
                mask &= mask - 1;
            }
        }
    }
#endif
    for (; i <= last; ++i) {
        const char c = data[i];
        if ((c == first || c == first_upper) && equal_folded(data + i + 1, needle.data() + 1, needle.size() - 1))
            return true;
    }
    return false;
}

string_matcher string_matcher::compile(const sigma_string& value, bool cased) {
    string_matcher matcher;
    matcher.cased_ = cased;
    const auto& parts = value.parts;
    matcher.anchored_start_ = parts.empty() || parts.front().what != pattern_part::kind::any_sequence;
    matcher.anchored_end_ = parts.empty() || parts.back().what != pattern_part::kind::any_sequence;

    matcher.segments_.emplace_back();
    for (const pattern_part& part : parts) {
        if (part.what == pattern_part::kind::any_sequence) {
            if (!matcher.segments_.back().elements.empty()) matcher.segments_.emplace_back();
            continue;
        }
        matcher.segments_.back().elements.push_back({part.what, cased ? part.text : folded_text(part.text)});
    }
    if (matcher.segments_.back().elements.empty() && matcher.segments_.size() > 1) matcher.segments_.pop_back();

    // The simple shapes: at most one segment of one text element.
    const bool one_text = matcher.segments_.size() == 1 && matcher.segments_[0].elements.size() <= 1 &&
                          (matcher.segments_[0].elements.empty() ||
                           matcher.segments_[0].elements[0].what == pattern_part::kind::text);
    if (one_text) {
        matcher.literal_ = matcher.segments_[0].elements.empty() ? std::string() : matcher.segments_[0].elements[0].text;
        if (matcher.anchored_start_ && matcher.anchored_end_) matcher.shape_ = shape::exact;
        else if (matcher.anchored_start_) matcher.shape_ = shape::prefix;
        else if (matcher.anchored_end_) matcher.shape_ = shape::suffix;
        else matcher.shape_ = matcher.literal_.empty() ? shape::anything : shape::contains;
        matcher.segments_.clear();
    } else {
        matcher.shape_ = shape::glob;
    }
    return matcher;
}

std::string_view string_matcher::longest_text() const {
    if (shape_ != shape::glob) return literal_;
    std::string_view longest;
    for (const segment& part : segments_)
        for (const element& item : part.elements)
            if (item.what == pattern_part::kind::text && item.text.size() > longest.size()) longest = item.text;
    return longest;
}

bool string_matcher::match(std::string_view value, bool exact) const {
    switch (shape_) {
    case shape::exact:
        return value.size() == literal_.size() && equal_text(value, 0, literal_, exact);
    case shape::prefix:
        return equal_text(value, 0, literal_, exact);
    case shape::suffix:
        return value.size() >= literal_.size() && equal_text(value, value.size() - literal_.size(), literal_, exact);
    case shape::contains:
        return exact ? value.find(literal_) != std::string_view::npos : contains_folded(value, literal_);
    case shape::anything:
        return true;
    case shape::glob:
        return glob_matches(value, exact);
    }
    return false;
}

std::size_t string_matcher::segment_end(const segment& part, std::string_view value, std::size_t position,
                                        bool exact) const {
    for (const element& item : part.elements) {
        switch (item.what) {
        case pattern_part::kind::text:
            if (!equal_text(value, position, item.text, exact)) return std::string_view::npos;
            position += item.text.size();
            break;
        case pattern_part::kind::any_char:
            if (position >= value.size()) return std::string_view::npos;
            position += code_point_length(value.substr(position));
            break;
        case pattern_part::kind::dash: {
            const std::size_t length = dash_length(value.substr(position));
            if (length == 0) return std::string_view::npos;
            position += length;
            break;
        }
        default:
            return std::string_view::npos;
        }
    }
    return position;
}

bool string_matcher::glob_matches(std::string_view value, bool exact) const {
    // Segments in order, each at its leftmost place after the one before:
    // a segment matches at a given place in one way only (its elements have
    // no choice), so the leftmost place leaves the most for the rest.
    std::size_t position = 0;
    std::size_t first = 0;
    std::size_t count = segments_.size();
    if (anchored_start_) {
        const std::size_t end = segment_end(segments_[0], value, 0, exact);
        if (end == std::string_view::npos) return false;
        if (count == 1) return !anchored_end_ || end == value.size();
        position = end;
        first = 1;
    }
    const std::size_t last_free = anchored_end_ ? count - 1 : count;  // the last segment is placed at the end
    for (std::size_t s = first; s < last_free; ++s) {
        std::size_t found = std::string_view::npos;
        for (std::size_t start = position; start <= value.size(); ++start) {
            found = segment_end(segments_[s], value, start, exact);
            if (found != std::string_view::npos) break;
        }
        if (found == std::string_view::npos) return false;
        position = found;
    }
    if (!anchored_end_ || last_free == count) return true;
    // The last segment must end at the end of the value, starting at or after `position`.
    for (std::size_t start = position; start <= value.size(); ++start)
        if (segment_end(segments_[count - 1], value, start, exact) == value.size()) return true;
    return false;
}

}  // namespace evtxcar::sigma
