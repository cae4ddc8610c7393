#include "pipeline/detection_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <utility>

#include "pipeline/car_event_codec.hpp"

namespace evtxcar {

namespace {

constexpr std::size_t write_block = std::size_t{1} << 20;
constexpr std::size_t read_block = std::size_t{256} << 10;

}  // namespace

detection_store::detection_store(std::filesystem::path spill_folder, std::size_t memory_budget, bool keep)
    : folder_(std::move(spill_folder)), memory_budget_(memory_budget), keep_(keep) {}

detection_store::~detection_store() {
    if (fd_ >= 0) ::close(fd_);
}

detection_store::detection_store(detection_store&& other) noexcept
    : folder_(std::move(other.folder_)),
      memory_budget_(other.memory_budget_),
      keep_(other.keep_),
      counted_only_(std::exchange(other.counted_only_, 0)),
      memory_bytes_(other.memory_bytes_),
      in_memory_(std::move(other.in_memory_)),
      fd_(std::exchange(other.fd_, -1)),
      spilled_(std::exchange(other.spilled_, 0)),
      file_bytes_(std::exchange(other.file_bytes_, 0)),
      buffer_(std::move(other.buffer_)),
      error_(std::move(other.error_)),
      tallies_(std::move(other.tallies_)) {}

detection_store& detection_store::operator=(detection_store&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        folder_ = std::move(other.folder_);
        memory_budget_ = other.memory_budget_;
        keep_ = other.keep_;
        counted_only_ = std::exchange(other.counted_only_, 0);
        memory_bytes_ = other.memory_bytes_;
        in_memory_ = std::move(other.in_memory_);
        fd_ = std::exchange(other.fd_, -1);
        spilled_ = std::exchange(other.spilled_, 0);
        file_bytes_ = std::exchange(other.file_bytes_, 0);
        buffer_ = std::move(other.buffer_);
        error_ = std::move(other.error_);
        tallies_ = std::move(other.tallies_);
    }
    return *this;
}

result<bool> detection_store::open_file() {
    std::error_code error;
    std::filesystem::create_directories(folder_, error);
    std::string name = (folder_ / "detections-XXXXXX").string();
    fd_ = ::mkstemp(name.data());
    if (fd_ < 0) {
        error_ = "cannot create a temporary detections file in " + folder_.string() + ": " + std::strerror(errno);
        return read_error{.file = folder_.string(), .reason = error_};
    }
    ::unlink(name.c_str());  // gone from the folder; ours while it is open
    return true;
}

result<bool> detection_store::write_buffer() {
    std::size_t done = 0;
    while (done < buffer_.size()) {
        const ssize_t wrote = ::pwrite(fd_, buffer_.data() + done, buffer_.size() - done,
                                       static_cast<off_t>(file_bytes_ + done));
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote <= 0) {
            error_ = std::string("cannot write the temporary detections file: ") + std::strerror(wrote < 0 ? errno : ENOSPC);
            return read_error{.file = folder_.string(), .reason = error_};
        }
        done += static_cast<std::size_t>(wrote);
    }
    file_bytes_ += buffer_.size();
    buffer_.clear();
    return true;
}

bool detection_store::counted_only(const detection& found) {
    count_detection(found, tallies_);
    if (keep_) return false;
    ++counted_only_;
    return true;
}

bool detection_store::fits_in_memory(const detection& found) {
    if (spilled_ > 0) return false;  // once one is on disk, every later one goes there too
    const std::size_t bytes = approximate_size(found);
    if (!folder_.empty() && memory_bytes_ + bytes > memory_budget_) return false;
    memory_bytes_ += bytes;
    return true;
}

result<bool> detection_store::spill(const detection& found) {
    if (fd_ < 0) {
        auto opened = open_file();
        if (!opened) return opened;
    }
    encode_detection(found, buffer_);
    ++spilled_;
    if (buffer_.size() >= write_block) return write_buffer();
    return true;
}

result<bool> detection_store::add(detection&& found) {
    if (!error_.empty()) return read_error{.file = folder_.string(), .reason = error_};
    if (counted_only(found)) return true;
    if (fits_in_memory(found)) {
        in_memory_.push_back(std::move(found));
        return true;
    }
    return spill(found);
}

result<bool> detection_store::add(const detection& found) {
    if (!error_.empty()) return read_error{.file = folder_.string(), .reason = error_};
    if (counted_only(found)) return true;
    if (fits_in_memory(found)) {
        in_memory_.push_back(found);
        return true;
    }
    return spill(found);
}

result<bool> detection_store::flush() {
    if (!error_.empty()) return read_error{.file = folder_.string(), .reason = error_};
    if (buffer_.empty()) return true;
    return write_buffer();
}

void detection_store::for_each(const std::function<void(const detection&)>& visit) const {
    if (counted_only_ > 0) throw std::logic_error("the detections of this run were counted, not kept");
    for (const detection& found : in_memory_) visit(found);
    if (spilled_ == 0) return;
    if (!buffer_.empty()) throw std::runtime_error("detections visited before the store was flushed");
    std::vector<char> buffer(read_block);
    std::size_t begin = 0, end = 0;
    std::uint64_t offset = 0;  // in the file, of buffer[end]
    // At least `wanted` unread bytes in the buffer, unless the file ends.
    auto fill = [&](std::size_t wanted) {
        if (end - begin >= wanted) return true;
        std::memmove(buffer.data(), buffer.data() + begin, end - begin);
        end -= begin;
        begin = 0;
        if (buffer.size() < wanted) buffer.resize(wanted);
        while (end < wanted && offset < file_bytes_) {
            const ssize_t got = ::pread(fd_, buffer.data() + end, buffer.size() - end, static_cast<off_t>(offset));
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) throw std::runtime_error("cannot read back the temporary detections file");
            end += static_cast<std::size_t>(got);
            offset += static_cast<std::uint64_t>(got);
        }
        return end - begin >= wanted;
    };
    detection found;
    for (std::uint64_t i = 0; i < spilled_; ++i) {
        if (!fill(1)) throw std::runtime_error("the temporary detections file is shorter than written");
        fill(10);
        const auto [size, length_bytes] = read_length_prefix(buffer.data() + begin, buffer.data() + end);
        if (!fill(length_bytes + static_cast<std::size_t>(size)))
            throw std::runtime_error("the temporary detections file is shorter than written");
        decode_detection_body(buffer.data() + begin + length_bytes, static_cast<std::size_t>(size), found);
        begin += length_bytes + static_cast<std::size_t>(size);
        visit(found);
    }
}

}  // namespace evtxcar
