#pragma once
// file_source: the bytes of an EVTX file, read a block at a time (pread)
// into a buffer the caller keeps, or held in memory (tests, fuzzing, and
// files that are not regular files, such as pipes). Reading a chunk into a
// reused 64 KiB buffer costs no page-table work and keeps memory flat
// however large the file.

#include <cstdint>
#include <string>
#include <vector>

#include "../result.hpp"
#include "byte_span.hpp"

namespace evtxcar::binxml {

class file_source {
public:
    // Fails with the reason (and the path) when the file cannot be opened.
    static result<file_source> open(const std::string& path);
    // Bytes already in memory, owned from now on.
    static file_source hold(std::vector<std::uint8_t> bytes);

    file_source(file_source&& other) noexcept;
    file_source& operator=(file_source&& other) noexcept;
    file_source(const file_source&) = delete;
    file_source& operator=(const file_source&) = delete;
    ~file_source();

    std::uint64_t size() const { return size_; }

    // The bytes [offset, offset + count), fewer where the file ends first:
    // straight from memory, or read into `buffer` (room for `count` bytes).
    // Fails (with the reason) only on a read error.
    result<byte_span> read(std::uint64_t offset, std::size_t count, std::uint8_t* buffer) const;

private:
    file_source() = default;

    std::string path_;
    int fd_ = -1;                       // a regular file read with pread, or -1
    std::vector<std::uint8_t> memory_;  // the bytes, when held in memory
    std::uint64_t size_ = 0;
};

}  // namespace evtxcar::binxml
