#include "libevtx_handle.hpp"

#include <libevtx.h>

#include <string_view>
#include <vector>

namespace evtxcar::libevtx {

std::string take_error_message(void* raw_error) {
    auto* error = static_cast<libevtx_error_t*>(raw_error);
    if (error == nullptr) return "unknown libevtx error";
    std::vector<char> buffer(8192, '\0');
    const int written = libevtx_error_backtrace_sprint(error, buffer.data(), buffer.size());
    libevtx_error_free(&error);
    if (written <= 0) return "unknown libevtx error";
    // The backtrace holds one message per line, innermost first.
    std::string_view text(buffer.data());
    const std::size_t end = text.find('\n');
    std::string_view first = text.substr(0, end);
    while (!first.empty() && (first.back() == '.' || first.back() == ' ' || first.back() == '\r')) {
        first.remove_suffix(1);
    }
    return std::string(first.empty() ? std::string_view("unknown libevtx error") : first);
}

void record_deleter::operator()(libevtx_record_t* record) const noexcept {
    libevtx_record_free(&record, nullptr);
}

result<file_handle> file_handle::open(const std::string& path) {
    libevtx_error_t* error = nullptr;
    libevtx_file_t* file = nullptr;
    if (libevtx_file_initialize(&file, &error) != 1) {
        return read_error{.file = path, .reason = "libevtx: " + take_error_message(error)};
    }
    if (libevtx_file_open(file, path.c_str(), LIBEVTX_OPEN_READ, &error) != 1) {
        std::string message = take_error_message(error);
        libevtx_file_free(&file, nullptr);
        return read_error{.file = path, .reason = "libevtx cannot open the file: " + message};
    }
    return file_handle(path, file);
}

file_handle::file_handle(file_handle&& other) noexcept
    : path_(std::move(other.path_)), file_(std::exchange(other.file_, nullptr)) {}

file_handle& file_handle::operator=(file_handle&& other) noexcept {
    if (this != &other) {
        close();
        path_ = std::move(other.path_);
        file_ = std::exchange(other.file_, nullptr);
    }
    return *this;
}

file_handle::~file_handle() { close(); }

void file_handle::close() noexcept {
    if (file_ != nullptr) {
        libevtx_file_close(file_, nullptr);
        libevtx_file_free(&file_, nullptr);
        file_ = nullptr;
    }
}

int file_handle::record_count() const {
    int count = 0;
    if (libevtx_file_get_number_of_records(file_, &count, nullptr) != 1) return 0;
    return count;
}

int file_handle::recovered_record_count() const {
    int count = 0;
    if (libevtx_file_get_number_of_recovered_records(file_, &count, nullptr) != 1) return 0;
    return count;
}

bool file_handle::is_corrupted() const { return libevtx_file_is_corrupted(file_, nullptr) == 1; }

std::uint32_t file_handle::flags() const {
    std::uint32_t value = 0;
    if (libevtx_file_get_flags(file_, &value, nullptr) != 1) return 0;
    return value;
}

void file_handle::version(std::uint16_t& major, std::uint16_t& minor) const {
    major = minor = 0;
    libevtx_file_get_format_version(file_, &major, &minor, nullptr);
}

result<record_handle> file_handle::record(int index, bool recovered) const {
    libevtx_error_t* error = nullptr;
    libevtx_record_t* record = nullptr;
    const int status = recovered ? libevtx_file_get_recovered_record_by_index(file_, index, &record, &error)
                                 : libevtx_file_get_record_by_index(file_, index, &record, &error);
    if (status != 1 || record == nullptr) {
        return read_error{.file = path_,
                          .record_index = static_cast<std::uint64_t>(index),
                          .reason = "libevtx: " + take_error_message(error)};
    }
    return record_handle(record);
}

}  // namespace evtxcar::libevtx
