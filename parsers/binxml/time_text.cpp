#include "time_text.hpp"

#include "../filetime.hpp"
#include "byte_span.hpp"

namespace evtxcar::binxml {

namespace {

constexpr char lower_hex[] = "0123456789abcdef";

bool is_leap(unsigned year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned days_in_month(unsigned year, unsigned month) {
    constexpr unsigned lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : lengths[month - 1];
}

void append_hex_field(std::string& out, std::uint64_t value, int digits) {
    out += "0x";
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
        out.push_back(lower_hex[(value >> static_cast<unsigned>(shift)) & 0xFu]);
    }
}

// "YYYY-MM-DDThh:mm:ss"
void append_date_time(std::string& out, unsigned year, unsigned month, unsigned day, unsigned hour, unsigned minute,
                      unsigned second) {
    append_padded_digits(out, year, 4);
    out.push_back('-');
    append_padded_digits(out, month, 2);
    out.push_back('-');
    append_padded_digits(out, day, 2);
    out.push_back('T');
    append_padded_digits(out, hour, 2);
    out.push_back(':');
    append_padded_digits(out, minute, 2);
    out.push_back(':');
    append_padded_digits(out, second, 2);
}

}  // namespace

void append_filetime_text(std::string& out, filetime_ticks ticks) {
    if (ticks >= filetime_year_10000) {
        out.push_back('(');
        append_hex_field(out, ticks >> 32, 8);
        out.push_back(' ');
        append_hex_field(out, ticks & 0xFFFFFFFFu, 8);
        out.push_back(')');
        return;
    }
    append_iso8601_seconds(out, ticks);
    out.push_back('.');
    append_padded_digits(out, ticks % ticks_per_second, 7);
    out += "00Z";
}

void append_systemtime_text(std::string& out, const std::uint8_t* data) {
    std::uint16_t field[8];
    for (int i = 0; i < 8; ++i) field[i] = load_u16(data + 2 * i);
    const unsigned year = field[0], month = field[1], day_of_week = field[2], day = field[3];
    const unsigned hour = field[4], minute = field[5], second = field[6], millisecond = field[7];
    const bool valid = year <= 9999 && month >= 1 && month <= 12 && day_of_week <= 6 && day >= 1 &&
                       day <= days_in_month(year, month) && hour <= 23 && minute <= 59 && second <= 59 &&
                       millisecond <= 999;
    if (!valid) {
        out.push_back('(');
        for (int i = 0; i < 8; ++i) {
            if (i > 0) out.push_back(' ');
            append_hex_field(out, field[i], 4);
        }
        out.push_back(')');
        return;
    }
    append_date_time(out, year, month, day, hour, minute, second);
    out.push_back('.');
    append_padded_digits(out, millisecond, 3);
    out.push_back('Z');
}

}  // namespace evtxcar::binxml
