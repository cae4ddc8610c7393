#include "output_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <new>
#include <system_error>
#include <thread>
#include <utility>

namespace evtxcar {

// The descriptor and the blocks of one output file, and the thread that
// writes its full blocks in order. The caller fills block k while the
// thread writes blocks before k; block k lives at k % blocks_in_flight.
class block_writer {
public:
    block_writer(int descriptor, output_file::block_path path)
        : descriptor_(descriptor), try_direct_(path == output_file::block_path::direct_if_possible) {
        // Aligned for O_DIRECT: to a page, more than any logical block size.
        void* memory = nullptr;
        if (::posix_memalign(&memory, alignment, output_file::block_size * output_file::blocks_in_flight) != 0)
            throw std::bad_alloc();
        memory_ = static_cast<char*>(memory);
    }
    block_writer(const block_writer&) = delete;
    block_writer& operator=(const block_writer&) = delete;
    ~block_writer() {
        stop_thread();
        if (descriptor_ >= 0) ::close(descriptor_);
        std::free(memory_);
    }

    char* block(std::uint64_t index) const {
        return memory_ + (index % output_file::blocks_in_flight) * output_file::block_size;
    }

    // Queues the full block being filled; returns the next one to fill, once
    // the thread is done with it.
    char* hand_off() {
        if (finished_) return block(handed_);  // written after complete(): dropped
        if (!thread_.joinable() && !on_caller_thread_) start_thread();
        if (on_caller_thread_) {
            const int error = error_ != 0 ? 0 : write_block(handed_);
            if (error != 0) error_ = error;
            ++handed_;
            ++written_;
            return block(handed_);
        }
        std::unique_lock lock(mutex_);
        ++handed_;
        filled_.notify_one();
        emptied_.wait(lock, [this] { return handed_ - written_ < output_file::blocks_in_flight; });
        return block(handed_);
    }

    // Waits for the full blocks, writes the last `tail_size` bytes of the
    // block being filled, syncs and closes. Returns 0 or the first errno.
    int finish(std::size_t tail_size) {
        if (finished_) return EBADF;
        finished_ = true;
        {
            std::unique_lock lock(mutex_);
            emptied_.wait(lock, [this] { return written_ == handed_; });
        }
        stop_thread();
        int error = error_;
        if (direct_.load(std::memory_order_relaxed) && error == 0) error = set_direct(false);
        if (error == 0) error = write_at(block(handed_), tail_size, handed_ * output_file::block_size);
        if (error == 0 && ::fsync(descriptor_) != 0) error = errno;
        if (::close(descriptor_) != 0 && error == 0) error = errno;
        descriptor_ = -1;
        return error;
    }

    bool wrote_directly() const { return direct_.load(std::memory_order_relaxed) && blocks_written_.load() > 0; }

private:
    static constexpr std::size_t alignment = 4096;
    static constexpr std::uint64_t writeback_stretch = std::uint64_t{16} << 20;  // page cache: bytes between writebacks

    void start_thread() {
        // Straight to the device where the file system takes it; some
        // refuse the flag (tmpfs before Linux 6.6), and then the page cache
        // it is.
        direct_.store(try_direct_ && set_direct(true) == 0, std::memory_order_relaxed);
        try {
            thread_ = std::thread([this] { run(); });
        } catch (const std::system_error&) {
            on_caller_thread_ = true;  // no thread to be had: the caller writes its blocks
        }
    }

    void run() {
        std::unique_lock lock(mutex_);
        for (;;) {
            filled_.wait(lock, [this] { return written_ < handed_ || stopping_; });
            if (stopping_) return;  // finish() waits for the blocks first; a discard drops them
            const std::uint64_t index = written_;
            const bool failed = error_ != 0;
            lock.unlock();
            const int error = failed ? 0 : write_block(index);
            lock.lock();
            if (error != 0 && error_ == 0) error_ = error;
            ++written_;
            emptied_.notify_one();
        }
    }

    int write_block(std::uint64_t index) {
        const std::uint64_t offset = index * output_file::block_size;
        int error = write_at(block(index), output_file::block_size, offset);
        if (error == EINVAL && direct_.load(std::memory_order_relaxed)) {
            // The flag was taken but this write refused (an alignment the
            // device wants larger): the page cache from here on.
            direct_.store(false, std::memory_order_relaxed);
            error = set_direct(false);
            if (error == 0) error = write_at(block(index), output_file::block_size, offset);
        }
        if (error != 0) return error;
        blocks_written_.fetch_add(1, std::memory_order_relaxed);
#if defined(__linux__)
        // Through the page cache, start writing back what is written so far:
        // finish()'s fsync then waits for the last stretch only.
        const std::uint64_t end = offset + output_file::block_size;
        if (!direct_.load(std::memory_order_relaxed) && end - writeback_started_ >= writeback_stretch) {
            ::sync_file_range(descriptor_, static_cast<off_t>(writeback_started_),
                              static_cast<off_t>(end - writeback_started_), SYNC_FILE_RANGE_WRITE);
            writeback_started_ = end;
        }
#endif
        return 0;
    }

    int write_at(const char* data, std::size_t size, std::uint64_t offset) const {
        while (size > 0) {
            const ssize_t written = ::pwrite(descriptor_, data, size, static_cast<off_t>(offset));
            if (written < 0) {
                if (errno == EINTR) continue;
                return errno;
            }
            if (written == 0) return EIO;
            data += written;
            size -= static_cast<std::size_t>(written);
            offset += static_cast<std::uint64_t>(written);
        }
        return 0;
    }

    int set_direct(bool on) const {
#if defined(O_DIRECT)
        const int flags = ::fcntl(descriptor_, F_GETFL);
        if (flags < 0) return errno;
        if (::fcntl(descriptor_, F_SETFL, on ? (flags | O_DIRECT) : (flags & ~O_DIRECT)) != 0) return errno;
        return 0;
#else
        return on ? EINVAL : 0;
#endif
    }

    void stop_thread() {
        if (!thread_.joinable()) return;
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        filled_.notify_one();
        thread_.join();
    }

    int descriptor_;
    bool try_direct_;
    char* memory_ = nullptr;
    std::mutex mutex_;
    std::condition_variable filled_;   // a block was handed off, or stop
    std::condition_variable emptied_;  // a block was written
    std::uint64_t handed_ = 0;         // blocks handed off (caller; read by the thread under the lock)
    std::uint64_t written_ = 0;        // blocks the thread is done with
    bool stopping_ = false;
    int error_ = 0;                    // the first write's errno
    bool finished_ = false;            // caller only
    bool on_caller_thread_ = false;    // caller only: no thread could be started
    std::atomic<bool> direct_{false};
    std::atomic<std::uint64_t> blocks_written_{0};
    std::uint64_t writeback_started_ = 0;  // thread only
    std::thread thread_;
};

result<output_file> output_file::create(const std::filesystem::path& final_path, block_path path) {
    std::filesystem::path temporary = final_path;
    // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict, GCC
    // bug 105651) on a string literal + a temporary std::string.
    std::string name = ".";
    name += final_path.filename().string();
    name += ".partial-";
    name += std::to_string(::getpid());
    temporary.replace_filename(name);
    const int descriptor = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (descriptor < 0) {
        return read_error{.file = final_path.string(),
                          .reason = std::string("cannot create output file: ") + std::strerror(errno)};
    }
    return output_file(final_path, std::move(temporary), descriptor, path);
}

output_file::output_file(std::filesystem::path final_path, std::filesystem::path temporary_path, int descriptor,
                         block_path path)
    : final_path_(std::move(final_path)), temporary_path_(std::move(temporary_path)) {
    try {
        writer_ = std::make_unique<block_writer>(descriptor, path);
    } catch (...) {
        ::close(descriptor);
        discard();
        throw;
    }
    block_ = writer_->block(0);
}

output_file::output_file(output_file&& other) noexcept
    : final_path_(std::move(other.final_path_)),
      temporary_path_(std::exchange(other.temporary_path_, {})),
      writer_(std::move(other.writer_)),
      block_(std::exchange(other.block_, nullptr)),
      filled_(std::exchange(other.filled_, 0)),
      completed_(std::exchange(other.completed_, false)),
      closed_(std::exchange(other.closed_, false)) {}

output_file& output_file::operator=(output_file&& other) noexcept {
    if (this != &other) {
        discard();
        final_path_ = std::move(other.final_path_);
        temporary_path_ = std::exchange(other.temporary_path_, {});
        writer_ = std::move(other.writer_);
        block_ = std::exchange(other.block_, nullptr);
        filled_ = std::exchange(other.filled_, 0);
        completed_ = std::exchange(other.completed_, false);
        closed_ = std::exchange(other.closed_, false);
    }
    return *this;
}

output_file::~output_file() { discard(); }

void output_file::write_across_blocks(std::string_view bytes) {
    while (!bytes.empty()) {
        if (filled_ == block_size) hand_off_block();
        const std::size_t piece = std::min(bytes.size(), block_size - filled_);
        std::memcpy(block_ + filled_, bytes.data(), piece);
        filled_ += piece;
        bytes.remove_prefix(piece);
    }
}

void output_file::hand_off_block() {
    block_ = writer_->hand_off();
    filled_ = 0;
}

bool output_file::wrote_directly() const { return writer_ != nullptr && writer_->wrote_directly(); }

void output_file::discard() noexcept {
    writer_.reset();  // stops its thread, closes the descriptor
    block_ = nullptr;
    filled_ = 0;
    if (!temporary_path_.empty()) {
        std::error_code ignored;
        std::filesystem::remove(temporary_path_, ignored);
        temporary_path_.clear();
    }
    completed_ = false;
    closed_ = false;
}

result<bool> output_file::complete() {
    if (writer_ == nullptr || closed_) {
        return read_error{.file = final_path_.string(), .reason = "output file already closed"};
    }
    closed_ = true;
    const int error = writer_->finish(filled_);
    filled_ = 0;
    if (error != 0) {
        std::error_code ignored;
        std::filesystem::remove(temporary_path_, ignored);
        return read_error{.file = final_path_.string(),
                          .reason = std::string("cannot write output file: ") + std::strerror(error)};
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
