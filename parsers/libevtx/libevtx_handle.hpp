#pragma once
// RAII ownership of libevtx's C handles; errors come back as values.

#include <cstdint>
#include <memory>
#include <string>

#include "../result.hpp"

typedef intptr_t libevtx_file_t;  // as in <libevtx/types.h>
typedef intptr_t libevtx_record_t;

namespace evtxcar::libevtx {

// libevtx's error chain as one line: the innermost cause first, which is the
// one that says what was wrong with the data.
std::string take_error_message(void* libevtx_error);

struct record_deleter {
    void operator()(libevtx_record_t* record) const noexcept;
};
using record_handle = std::unique_ptr<libevtx_record_t, record_deleter>;

class file_handle {
public:
    static result<file_handle> open(const std::string& path);

    file_handle(file_handle&& other) noexcept;
    file_handle& operator=(file_handle&& other) noexcept;
    file_handle(const file_handle&) = delete;
    file_handle& operator=(const file_handle&) = delete;
    ~file_handle();

    const std::string& path() const { return path_; }
    libevtx_file_t* get() const { return file_; }

    int record_count() const;
    int recovered_record_count() const;
    bool is_corrupted() const;
    std::uint32_t flags() const;
    void version(std::uint16_t& major, std::uint16_t& minor) const;

    result<record_handle> record(int index, bool recovered) const;

private:
    file_handle(std::string path, libevtx_file_t* file) : path_(std::move(path)), file_(file) {}
    void close() noexcept;

    std::string path_;
    libevtx_file_t* file_ = nullptr;
};

}  // namespace evtxcar::libevtx
