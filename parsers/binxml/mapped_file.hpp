#pragma once
// mapped_file: a whole file, read-only, as one byte_span. Memory-mapped when
// the operating system allows it, read into memory otherwise (pipes, special
// files). Movable, not copyable; unmaps on destruction. For looking at a
// file as a whole (the libevtx engine's chunk check, tests); the fast engine
// reads a chunk at a time through file_source.

#include <cstdint>
#include <string>
#include <vector>

#include "../result.hpp"
#include "byte_span.hpp"

namespace evtxcar::binxml {

class mapped_file {
public:
    // Fails with the reason (and the path) when the file cannot be opened or read.
    static result<mapped_file> open(const std::string& path);

    mapped_file(mapped_file&& other) noexcept;
    mapped_file& operator=(mapped_file&& other) noexcept;
    mapped_file(const mapped_file&) = delete;
    mapped_file& operator=(const mapped_file&) = delete;
    ~mapped_file();

    byte_span bytes() const { return {data_, size_}; }

private:
    mapped_file() = default;
    void release() noexcept;

    const std::uint8_t* data_ = nullptr;
    std::size_t size_ = 0;
    bool mapped_ = false;               // data_ comes from mmap
    std::vector<std::uint8_t> buffer_;  // data_ points here when not mapped
};

}  // namespace evtxcar::binxml
