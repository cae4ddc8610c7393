#include "filetime.hpp"

#include <cstdint>

namespace evtxcar {

namespace {

// Days since 1601-01-01 for a proleptic Gregorian date, and back. 1601 starts
// a 400-year cycle, which keeps both directions simple.
std::int64_t days_since_1601(std::int64_t year, unsigned month, unsigned day) {
    static constexpr unsigned days_before_month[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    const std::int64_t y = year - 1601;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    std::int64_t days = y * 365 + y / 4 - y / 100 + y / 400;
    days += days_before_month[month - 1] + (leap && month > 2 ? 1 : 0);
    return days + day - 1;
}

struct civil_date {
    std::int64_t year;
    unsigned month;
    unsigned day;
};

civil_date date_from_days_since_1601(std::int64_t days) {
    const std::int64_t cycles = days / 146097;  // 400-year cycles
    std::int64_t rest = days % 146097;
    std::int64_t centuries = rest / 36524;
    if (centuries == 4) centuries = 3;  // last day of a 400-year cycle
    rest -= centuries * 36524;
    const std::int64_t quads = rest / 1461;
    rest -= quads * 1461;
    std::int64_t years = rest / 365;
    if (years == 4) years = 3;  // last day of a leap year
    rest -= years * 365;
    const std::int64_t year = 1601 + cycles * 400 + centuries * 100 + quads * 4 + years;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const unsigned month_lengths[] = {31, leap ? 29u : 28u, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    unsigned month = 0;
    while (rest >= month_lengths[month]) rest -= month_lengths[month++];
    return {year, month + 1, static_cast<unsigned>(rest + 1)};
}

bool read_digits(std::string_view text, std::size_t& pos, std::size_t count, unsigned& value) {
    if (pos + count > text.size()) return false;
    value = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9') return false;
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    pos += count;
    return true;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
    if (pos < text.size() && text[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

}  // namespace

void put_padded_digits(char* at, std::uint64_t value, std::size_t width) {
    for (std::size_t i = width; i > 0; --i) {
        at[i - 1] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
}

namespace {

// "YYYY-MM-DDThh:mm:ss" of `ticks` at `at` (a year past 9999 gets its
// fifth digit); returns the end. Digits by hand into one buffer: this runs
// for every row of every timeline and every time value a record holds.
char* put_iso8601_seconds(char* at, filetime_ticks ticks) {
    const std::uint64_t seconds_total = ticks / ticks_per_second;
    const std::uint64_t second_of_day = seconds_total % 86400;
    const civil_date date = date_from_days_since_1601(static_cast<std::int64_t>(seconds_total / 86400));
    const std::size_t year_digits = date.year > 9999 ? 5 : 4;  // FILETIME ends in year 60056
    put_padded_digits(at, static_cast<std::uint64_t>(date.year), year_digits);
    at += year_digits;
    at[0] = '-';
    put_padded_digits(at + 1, date.month, 2);
    at[3] = '-';
    put_padded_digits(at + 4, date.day, 2);
    at[6] = 'T';
    put_padded_digits(at + 7, second_of_day / 3600, 2);
    at[9] = ':';
    put_padded_digits(at + 10, second_of_day / 60 % 60, 2);
    at[12] = ':';
    put_padded_digits(at + 13, second_of_day % 60, 2);
    return at + 15;
}

}  // namespace

void append_iso8601_seconds(std::string& out, filetime_ticks ticks) {
    char text[iso8601_utc_max_size];
    out.append(text, static_cast<std::size_t>(put_iso8601_seconds(text, ticks) - text));
}

char* put_iso8601_utc(char* at, filetime_ticks ticks, int fraction_digits) {
    if (fraction_digits < 0) fraction_digits = 0;
    if (fraction_digits > 7) fraction_digits = 7;
    const auto digits = static_cast<std::size_t>(fraction_digits);
    at = put_iso8601_seconds(at, ticks);
    if (digits > 0) {
        char fraction[7];
        put_padded_digits(fraction, ticks % ticks_per_second, 7);
        *at++ = '.';
        for (std::size_t i = 0; i < digits; ++i) *at++ = fraction[i];
    }
    *at = 'Z';
    return at + 1;
}

void append_iso8601_utc(std::string& out, filetime_ticks ticks, int fraction_digits) {
    char text[iso8601_utc_max_size];
    out.append(text, static_cast<std::size_t>(put_iso8601_utc(text, ticks, fraction_digits) - text));
}

std::string format_iso8601_utc(filetime_ticks ticks, int fraction_digits) {
    std::string text;
    append_iso8601_utc(text, ticks, fraction_digits);
    return text;
}

std::optional<filetime_ticks> parse_iso8601(std::string_view text) {
    std::size_t pos = 0;
    unsigned year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!read_digits(text, pos, 4, year) || !expect(text, pos, '-') || !read_digits(text, pos, 2, month) ||
        !expect(text, pos, '-') || !read_digits(text, pos, 2, day)) {
        return std::nullopt;
    }
    if (year < 1601 || month < 1 || month > 12 || day < 1) return std::nullopt;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const unsigned month_lengths[] = {31, leap ? 29u : 28u, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day > month_lengths[month - 1]) return std::nullopt;

    std::uint64_t fraction_ticks = 0;
    if (pos < text.size() && (text[pos] == 'T' || text[pos] == 't' || text[pos] == ' ')) {
        ++pos;
        if (!read_digits(text, pos, 2, hour) || !expect(text, pos, ':') || !read_digits(text, pos, 2, minute)) {
            return std::nullopt;
        }
        if (expect(text, pos, ':')) {
            if (!read_digits(text, pos, 2, second)) return std::nullopt;
            if (expect(text, pos, '.') || expect(text, pos, ',')) {
                std::size_t digits = 0;
                while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
                    if (digits < 7) fraction_ticks = fraction_ticks * 10 + static_cast<unsigned>(text[pos] - '0');
                    ++digits, ++pos;
                }
                if (digits == 0) return std::nullopt;
                for (; digits < 7; ++digits) fraction_ticks *= 10;
            }
        }
        if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
    }

    std::int64_t offset_seconds = 0;
    if (pos < text.size()) {
        if (text[pos] == 'Z' || text[pos] == 'z') {
            ++pos;
        } else if (text[pos] == '+' || text[pos] == '-') {
            const int sign = text[pos] == '-' ? -1 : 1;
            ++pos;
            unsigned offset_hours = 0, offset_minutes = 0;
            if (!read_digits(text, pos, 2, offset_hours)) return std::nullopt;
            expect(text, pos, ':');
            if (!read_digits(text, pos, 2, offset_minutes)) return std::nullopt;
            if (offset_hours > 23 || offset_minutes > 59) return std::nullopt;
            offset_seconds = sign * static_cast<std::int64_t>(offset_hours * 3600 + offset_minutes * 60);
        }
    }
    if (pos != text.size()) return std::nullopt;

    const std::int64_t local_seconds = days_since_1601(year, month, day) * 86400 +
                                       static_cast<std::int64_t>(hour * 3600 + minute * 60 + second);
    const std::int64_t utc_seconds = local_seconds - offset_seconds;  // "+02:00" is ahead of UTC
    if (utc_seconds < 0) return std::nullopt;
    return static_cast<filetime_ticks>(utc_seconds) * ticks_per_second + fraction_ticks;
}

}  // namespace evtxcar
