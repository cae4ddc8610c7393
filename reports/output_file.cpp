#include "output_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace evtxcar {

result<output_file> output_file::create(const std::filesystem::path& final_path) {
    std::filesystem::path temporary = final_path;
    // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict, GCC
    // bug 105651) on a string literal + a temporary std::string.
    std::string name = ".";
    name += final_path.filename().string();
    name += ".partial-";
    name += std::to_string(::getpid());
    temporary.replace_filename(name);
    std::FILE* file = std::fopen(temporary.c_str(), "wb");
    if (file == nullptr) {
        return read_error{.file = final_path.string(),
                          .reason = std::string("cannot create output file: ") + std::strerror(errno)};
    }
    return output_file(final_path, std::move(temporary), file);
}

output_file::output_file(std::filesystem::path final_path, std::filesystem::path temporary_path, std::FILE* file)
    : final_path_(std::move(final_path)), temporary_path_(std::move(temporary_path)), file_(file) {
    buffer_.reserve(flush_threshold);
}

output_file::output_file(output_file&& other) noexcept
    : final_path_(std::move(other.final_path_)),
      temporary_path_(std::exchange(other.temporary_path_, {})),
      file_(std::exchange(other.file_, nullptr)),
      buffer_(std::move(other.buffer_)),
      write_failed_(other.write_failed_),
      completed_(std::exchange(other.completed_, false)),
      written_(other.written_),
      writeback_started_(other.writeback_started_) {}

output_file& output_file::operator=(output_file&& other) noexcept {
    if (this != &other) {
        discard();
        final_path_ = std::move(other.final_path_);
        temporary_path_ = std::exchange(other.temporary_path_, {});
        file_ = std::exchange(other.file_, nullptr);
        buffer_ = std::move(other.buffer_);
        write_failed_ = other.write_failed_;
        completed_ = std::exchange(other.completed_, false);
        written_ = other.written_;
        writeback_started_ = other.writeback_started_;
    }
    return *this;
}

output_file::~output_file() { discard(); }

void output_file::flush_buffer() {
    if (file_ == nullptr || buffer_.empty()) return;
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) write_failed_ = true;
    written_ += buffer_.size();
    buffer_.clear();
#if defined(__linux__)
    // Start writing back what is written so far: complete()'s fsync then
    // waits for the last stretch only, not for a whole large file at once.
    if (written_ - writeback_started_ >= writeback_stretch) {
        if (std::fflush(file_) != 0) {
            write_failed_ = true;  // what the flush lost is not flushed again by complete()
            return;
        }
        ::sync_file_range(::fileno(file_), static_cast<off_t>(writeback_started_),
                          static_cast<off_t>(written_ - writeback_started_), SYNC_FILE_RANGE_WRITE);
        writeback_started_ = written_;
    }
#endif
}

void output_file::discard() noexcept {
    if (file_ != nullptr) {
        std::fclose(file_);
        file_ = nullptr;
    }
    if (!temporary_path_.empty()) {
        std::error_code ignored;
        std::filesystem::remove(temporary_path_, ignored);
        temporary_path_.clear();
    }
    completed_ = false;
}

result<bool> output_file::complete() {
    if (file_ == nullptr) return read_error{.file = final_path_.string(), .reason = "output file already closed"};
    flush_buffer();
    const bool flushed = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
    const int saved_errno = errno;
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (write_failed_ || !flushed || !closed) {
        std::error_code ignored;
        std::filesystem::remove(temporary_path_, ignored);
        return read_error{.file = final_path_.string(),
                          .reason = std::string("cannot write output file: ") + std::strerror(saved_errno ? saved_errno : EIO)};
    }
    completed_ = true;
    return true;
}

result<bool> output_file::publish() {
    if (!completed_) return read_error{.file = final_path_.string(), .reason = "output file published before it was complete"};
    std::error_code error;
    std::filesystem::rename(temporary_path_, final_path_, error);
    if (error) {
        std::filesystem::remove(temporary_path_, error);
        return read_error{.file = final_path_.string(), .reason = "cannot rename output file into place: " + error.message()};
    }
    completed_ = false;
    temporary_path_.clear();  // nothing left to remove
    return true;
}

}  // namespace evtxcar
