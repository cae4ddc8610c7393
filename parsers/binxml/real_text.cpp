#include "real_text.hpp"

#include <bit>

namespace evtxcar::binxml {

// The digits come from a fixed procedure in double arithmetic: the binary
// exponent is walked down one power of two at a time while the value is
// scaled by ten whenever the running power passes ten, then the value is
// normalised to [1, 10), seven digits are peeled off and the last one is
// rounded up when the remainder is at least 5 (without carrying, so
// 9.9999999 yields a first "digit" of ':'). Reproducing that procedure,
// rounding quirks included, is what makes the text equal libevtx's.
void append_real_text(std::string& out, std::uint64_t bits, bool single) {
    const unsigned width = single ? 32 : 64;
    const std::uint64_t sign_bit = std::uint64_t{1} << (width - 1);
    const bool negative = (bits & sign_bit) != 0;
    const std::uint64_t magnitude = bits & ~sign_bit;

    const std::uint64_t infinity = single ? 0x7F800000u : 0x7FF0000000000000ULL;
    const std::uint64_t quiet_nan = single ? 0x7FC00000u : 0x7FF8000000000000ULL;
    const std::uint64_t largest_nan = single ? 0x7FFFFFFFu : 0x7FFFFFFFFFFFFFFFULL;
    if (magnitude == infinity) {
        out += "Inf";
        return;
    }
    if (negative && magnitude == quiet_nan) {
        out += "Ind";
        return;
    }
    if (magnitude > infinity && magnitude <= largest_nan) {
        out += "NaN";
        return;
    }

    double value = 0.0;
    int exponent2 = 0;
    if (magnitude != 0) {
        if (single) {
            value = static_cast<double>(std::bit_cast<float>(static_cast<std::uint32_t>(magnitude)));
            const int field = static_cast<int>(magnitude >> 23);
            exponent2 = field == 0 ? -126 : field - 127;
        } else {
            value = std::bit_cast<double>(magnitude);
            const int field = static_cast<int>(magnitude >> 52);
            exponent2 = field == 0 ? -1023 : field - 1023;
        }
    }
    if (negative) out.push_back('-');

    const bool exponent_negative = exponent2 < 0;
    if (exponent_negative) exponent2 = -exponent2;
    double power = 1.0;
    int exponent10 = 0;
    while (exponent2 > 0) {
        power *= 2;
        --exponent2;
        if (power >= 10.0) {
            power /= 10.0;
            ++exponent10;
            value = exponent_negative ? value * 10.0 : value / 10.0;
        }
    }
    if (value != 0.0) {
        while (value < 1.0 || value >= 10.0) {
            ++exponent10;
            value = exponent_negative ? value * 10 : value / 10;
        }
    }
    std::uint64_t digits = 0;
    for (int i = 0; i < 7; ++i) {
        const auto digit = static_cast<std::uint8_t>(value);
        digits = digits * 10 + digit;
        value -= digit;
        value *= 10.0;
    }
    if (value >= 5.0) digits += 1;

    std::uint64_t divider = 1000000;
    for (int i = 0; i < 7; ++i) {
        out.push_back(static_cast<char>('0' + digits / divider));
        if (i == 0) out.push_back('.');
        digits %= divider;
        divider /= 10;
    }
    out.push_back('e');
    out.push_back(exponent_negative ? '-' : '+');
    out.push_back(static_cast<char>('0' + exponent10 / 100));
    out.push_back(static_cast<char>('0' + exponent10 / 10 % 10));
    out.push_back(static_cast<char>('0' + exponent10 % 10));
}

}  // namespace evtxcar::binxml
