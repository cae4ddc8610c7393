#pragma once
// result<T>: a value or a read_error, for every fallible function in the
// parsers and the pipeline (C++20 has no std::expected).

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace evtxcar {

// Where and why reading failed. Every field that is known is filled; the
// rest keep their "unknown" value so that messages never invent a location.
struct read_error {
    static constexpr std::uint64_t unknown = ~std::uint64_t{0};

    std::string file;                     // path as given on the command line
    std::uint64_t offset = unknown;       // byte offset in the file
    std::uint64_t chunk = unknown;        // chunk number (0-based)
    std::uint64_t record_index = unknown; // record index within the file (engine's numbering)
    std::uint64_t record_id = unknown;    // EventRecordID when it could be read
    std::string reason;                   // one line, no trailing period

    // "file: chunk 3, offset 0x31200, record 17: reason"
    std::string describe() const;
};

template <typename T>
class result {
public:
    result(T value) : state_(std::move(value)) {}
    result(read_error error) : state_(std::move(error)) {}

    bool ok() const noexcept { return state_.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    T& value() & { return std::get<0>(state_); }
    const T& value() const& { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    const read_error& error() const { return std::get<1>(state_); }

    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

private:
    std::variant<T, read_error> state_;
};

}  // namespace evtxcar
