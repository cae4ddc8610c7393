#include "sigma/date_parts.hpp"

namespace evtxcar::sigma {

namespace {

std::optional<int> digits(std::string_view text, std::size_t at, std::size_t count) {
    if (at + count > text.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int day_of_year(int year, int month, int day) {
    static constexpr int before[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    return before[month - 1] + day + (month > 2 && is_leap(year) ? 1 : 0);
}

// 1 = Monday ... 7 = Sunday (Zeller's congruence, Gregorian).
int weekday(int year, int month, int day) {
    if (month < 3) {
        month += 12;
        year -= 1;
    }
    const int k = year % 100, j = year / 100;
    const int h = (day + 13 * (month + 1) / 5 + k + k / 4 + j / 4 + 5 * j) % 7;  // 0 = Saturday
    return ((h + 5) % 7) + 1;
}

int iso_weeks_in(int year) {
    // A year has 53 ISO weeks when it starts on a Thursday, or is a leap year starting on a Wednesday.
    const int first = weekday(year, 1, 1);
    return (first == 4 || (first == 3 && is_leap(year))) ? 53 : 52;
}

int iso_week(int year, int month, int day) {
    const int week = (day_of_year(year, month, day) - weekday(year, month, day) + 10) / 7;
    if (week < 1) return iso_weeks_in(year - 1);
    if (week > iso_weeks_in(year)) return 1;
    return week;
}

}  // namespace

std::optional<date_part> parse_date_part(std::string_view modifier) {
    if (modifier == "minute") return date_part::minute;
    if (modifier == "hour") return date_part::hour;
    if (modifier == "day") return date_part::day;
    if (modifier == "week") return date_part::week;
    if (modifier == "month") return date_part::month;
    if (modifier == "year") return date_part::year;
    return std::nullopt;
}

std::optional<int> date_part_of(std::string_view text, date_part part) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    // YYYY-MM-DD
    const auto year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
    if (!year || !month || !day || text[4] != '-' || text[7] != '-' || *month < 1 || *month > 12 || *day < 1 ||
        *day > 31)
        return std::nullopt;
    switch (part) {
    case date_part::year: return year;
    case date_part::month: return month;
    case date_part::day: return day;
    case date_part::week: return iso_week(*year, *month, *day);
    default: break;
    }
    // [T or blank]HH:MM
    if (text.size() < 16 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':') return std::nullopt;
    const auto hour = digits(text, 11, 2), minute = digits(text, 14, 2);
    if (!hour || !minute || *hour > 23 || *minute > 59) return std::nullopt;
    return part == date_part::hour ? hour : minute;
}

}  // namespace evtxcar::sigma
