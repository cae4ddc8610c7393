#include "utc_time.hpp"

namespace evtxcar::evtx_writer {

namespace {

// Days between 1970-01-01 and 1601-01-01.
constexpr std::int64_t days_1601_to_1970 = 134774;
constexpr std::int64_t seconds_per_day = 86400;

// Proleptic Gregorian days since 1970-01-01 (eras of 400 years starting in March).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto year_of_era = static_cast<unsigned>(y - era * 400);
    const unsigned day_of_year = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

void civil_from_days(std::int64_t z, int& year, unsigned& month, unsigned& day) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto day_of_era = static_cast<unsigned>(z - era * 146097);
    const unsigned year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const unsigned mp = (5 * day_of_year + 2) / 153;
    day = day_of_year - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = static_cast<int>(static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0));
}

}  // namespace

filetime to_filetime(const utc_time& time) {
    const std::int64_t days = days_from_civil(time.year, time.month, time.day) + days_1601_to_1970;
    const std::int64_t seconds = days * seconds_per_day + time.hour * 3600 + time.minute * 60 + time.second;
    return static_cast<filetime>(seconds) * ticks_per_second + time.fraction;
}

utc_time to_utc_time(filetime ticks) {
    utc_time time;
    const auto seconds = static_cast<std::int64_t>(ticks / ticks_per_second);
    time.fraction = static_cast<std::uint32_t>(ticks % ticks_per_second);
    const std::int64_t days = seconds / seconds_per_day;
    const auto second_of_day = static_cast<unsigned>(seconds % seconds_per_day);
    civil_from_days(days - days_1601_to_1970, time.year, time.month, time.day);
    time.hour = second_of_day / 3600;
    time.minute = second_of_day / 60 % 60;
    time.second = second_of_day % 60;
    return time;
}

std::string format_utc(filetime ticks, int fraction_digits, char date_time_separator, const char* zone_suffix) {
    const utc_time t = to_utc_time(ticks);
    std::string text;
    const auto digits = [&text](unsigned value, int count) {
        char buffer[10];
        for (int i = count - 1; i >= 0; --i, value /= 10) buffer[i] = static_cast<char>('0' + value % 10);
        text.append(buffer, static_cast<std::size_t>(count));
    };
    digits(static_cast<unsigned>(t.year), 4);
    text += '-';
    digits(t.month, 2);
    text += '-';
    digits(t.day, 2);
    text += date_time_separator;
    digits(t.hour, 2);
    text += ':';
    digits(t.minute, 2);
    text += ':';
    digits(t.second, 2);
    if (fraction_digits > 0) {
        text += '.';
        digits(t.fraction, 7);  // 100 ns ticks
        const int shown = fraction_digits > 9 ? 9 : fraction_digits;
        if (shown < 7) {
            text.resize(text.size() - static_cast<std::size_t>(7 - shown));
        } else {
            text.append(static_cast<std::size_t>(shown - 7), '0');
        }
    }
    return text + zone_suffix;
}

systemtime to_systemtime(filetime ticks) {
    const utc_time t = to_utc_time(ticks);
    const auto days = static_cast<std::int64_t>(ticks / ticks_per_second) / seconds_per_day;
    // 1601-01-01 was a Monday (day of week 1, Sunday = 0).
    const auto day_of_week = static_cast<std::uint16_t>((days + 1) % 7);
    return {static_cast<std::uint16_t>(t.year),
            static_cast<std::uint16_t>(t.month),
            day_of_week,
            static_cast<std::uint16_t>(t.day),
            static_cast<std::uint16_t>(t.hour),
            static_cast<std::uint16_t>(t.minute),
            static_cast<std::uint16_t>(t.second),
            static_cast<std::uint16_t>(t.fraction / ticks_per_millisecond)};
}

}  // namespace evtxcar::evtx_writer
