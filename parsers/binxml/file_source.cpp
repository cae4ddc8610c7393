#include "file_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace evtxcar::binxml {

namespace {

read_error failure(const std::string& path, const std::string& what, int error_number) {
    return read_error{.file = path, .reason = what + ": " + std::strerror(error_number)};
}

}  // namespace

result<file_source> file_source::open(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return failure(path, "cannot open the file for reading", errno);
    file_source source;
    source.path_ = path;
    source.fd_ = fd;  // closed by the destructor from here on
    struct stat status {};
    if (::fstat(fd, &status) != 0) return failure(path, "cannot read the file's size", errno);
    if (S_ISREG(status.st_mode)) {
        source.size_ = static_cast<std::uint64_t>(status.st_size);
        return source;
    }
    // Not a regular file (a pipe, a device): read it whole.
    std::uint8_t block[1 << 16];
    for (;;) {
        const ssize_t got = ::read(fd, block, sizeof block);
        if (got < 0) {
            if (errno == EINTR) continue;
            return failure(path, "cannot read the file", errno);
        }
        if (got == 0) break;
        source.memory_.insert(source.memory_.end(), block, block + got);
    }
    ::close(source.fd_);
    source.fd_ = -1;
    source.size_ = source.memory_.size();
    return source;
}

file_source file_source::hold(std::vector<std::uint8_t> bytes) {
    file_source source;
    source.memory_ = std::move(bytes);
    source.size_ = source.memory_.size();
    return source;
}

file_source::file_source(file_source&& other) noexcept
    : path_(std::move(other.path_)),
      fd_(std::exchange(other.fd_, -1)),
      memory_(std::move(other.memory_)),
      size_(std::exchange(other.size_, 0)) {}

file_source& file_source::operator=(file_source&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        path_ = std::move(other.path_);
        fd_ = std::exchange(other.fd_, -1);
        memory_ = std::move(other.memory_);
        size_ = std::exchange(other.size_, 0);
    }
    return *this;
}

file_source::~file_source() {
    if (fd_ >= 0) ::close(fd_);
}

result<byte_span> file_source::read(std::uint64_t offset, std::size_t count, std::uint8_t* buffer) const {
    if (offset >= size_) return byte_span();
    const auto wanted = static_cast<std::size_t>(std::min<std::uint64_t>(count, size_ - offset));
    if (fd_ < 0) return byte_span(memory_.data() + offset, wanted);
    std::size_t have = 0;
    while (have < wanted) {
        const ssize_t got = ::pread(fd_, buffer + have, wanted - have, static_cast<off_t>(offset + have));
        if (got < 0) {
            if (errno == EINTR) continue;
            return failure(path_, "cannot read the file", errno);
        }
        if (got == 0) break;  // the file shrank since it was opened
        have += static_cast<std::size_t>(got);
    }
    return byte_span(buffer, have);
}

}  // namespace evtxcar::binxml
