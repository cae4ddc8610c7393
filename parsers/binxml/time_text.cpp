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
    char fraction[11] = {'.', 0, 0, 0, 0, 0, 0, 0, '0', '0', 'Z'};
    put_padded_digits(fraction + 1, ticks % ticks_per_second, 7);
    out.append(fraction, sizeof fraction);
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
    // "YYYY-MM-DDThh:mm:ss.mmmZ", written at once
    char text[24] = {0, 0, 0, 0, '-', 0, 0, '-', 0, 0, 'T', 0, 0, ':', 0, 0, ':', 0, 0, '.', 0, 0, 0, 'Z'};
    put_padded_digits(text, year, 4);
    put_padded_digits(text + 5, month, 2);
    put_padded_digits(text + 8, day, 2);
    put_padded_digits(text + 11, hour, 2);
    put_padded_digits(text + 14, minute, 2);
    put_padded_digits(text + 17, second, 2);
    put_padded_digits(text + 20, millisecond, 3);
    out.append(text, sizeof text);
}

}  // namespace evtxcar::binxml
