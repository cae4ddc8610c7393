// Fuzz target: one substitution value (first byte: its type, the rest: its
// bytes) rendered as text, read as a number, and walked as an array.
// docs/fuzzing.md says how to run it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "value_number.hpp"
#include "value_ref.hpp"
#include "value_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const evtxcar::binxml::value_ref value{data[0], data + 1, size - 1};
    std::string text;
    if (value.is_array()) {
        const std::size_t items = evtxcar::binxml::array_item_count(value);
        std::size_t offset = 0;
        for (std::size_t i = 0; i < items; ++i) {
            const evtxcar::binxml::value_ref item = evtxcar::binxml::next_array_item(value, offset);
            evtxcar::binxml::append_value_text(text, item);
            text.push_back('|');
        }
    } else {
        evtxcar::binxml::append_value_text(text, value);
    }
    (void)evtxcar::binxml::value_as_unsigned(value);
    (void)evtxcar::binxml::value_as_filetime(value);
    (void)evtxcar::binxml::value_is_lone_line_feed(value);
    return text.size() > (size_t{1} << 30) ? 1 : 0;
}
