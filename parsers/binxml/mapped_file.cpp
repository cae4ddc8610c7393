#include "mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace evtxcar::binxml {

namespace {

class file_descriptor {
public:
    explicit file_descriptor(int fd) : fd_(fd) {}
    file_descriptor(const file_descriptor&) = delete;
    file_descriptor& operator=(const file_descriptor&) = delete;
    ~file_descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }

private:
    int fd_;
};

read_error failure(const std::string& path, const std::string& what, int error_number) {
    return read_error{.file = path, .reason = what + ": " + std::strerror(error_number)};
}

}  // namespace

result<mapped_file> mapped_file::open(const std::string& path) {
    file_descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) return failure(path, "cannot open the file for reading", errno);
    struct stat status {};
    if (::fstat(fd.get(), &status) != 0) return failure(path, "cannot read the file's size", errno);

    mapped_file file;
    if (S_ISREG(status.st_mode)) {
        file.size_ = static_cast<std::size_t>(status.st_size);
        if (file.size_ == 0) return file;
        void* address = ::mmap(nullptr, file.size_, PROT_READ, MAP_PRIVATE, fd.get(), 0);
        if (address != MAP_FAILED) {
            file.data_ = static_cast<const std::uint8_t*>(address);
            file.mapped_ = true;
            return file;
        }
    }
    // Not mappable: read it whole.
    file.size_ = 0;
    std::uint8_t block[1 << 16];
    for (;;) {
        const ssize_t got = ::read(fd.get(), block, sizeof block);
        if (got < 0) {
            if (errno == EINTR) continue;
            return failure(path, "cannot read the file", errno);
        }
        if (got == 0) break;
        file.buffer_.insert(file.buffer_.end(), block, block + got);
    }
    file.data_ = file.buffer_.data();
    file.size_ = file.buffer_.size();
    return file;
}

mapped_file::mapped_file(mapped_file&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      mapped_(std::exchange(other.mapped_, false)),
      buffer_(std::move(other.buffer_)) {
    if (!mapped_ && data_ != nullptr) data_ = buffer_.data();
}

mapped_file& mapped_file::operator=(mapped_file&& other) noexcept {
    if (this != &other) {
        release();
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
        mapped_ = std::exchange(other.mapped_, false);
        buffer_ = std::move(other.buffer_);
        if (!mapped_ && data_ != nullptr) data_ = buffer_.data();
    }
    return *this;
}

mapped_file::~mapped_file() { release(); }

void mapped_file::release() noexcept {
    if (mapped_ && data_ != nullptr) ::munmap(const_cast<std::uint8_t*>(data_), size_);
    data_ = nullptr;
    size_ = 0;
    mapped_ = false;
    buffer_.clear();
}

}  // namespace evtxcar::binxml
