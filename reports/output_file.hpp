#pragma once
// output_file: a file that appears complete or not at all. Bytes go to a
// temporary name in the same folder; complete() flushes it to disk and
// publish() renames it to the final name. Destroyed before publish(), it
// removes the temporary file.
//
// Writing: bytes are gathered in aligned blocks (block_size). A file that
// grows past one block gets a writer thread of its own (`block_writer`,
// output_file.cpp), which writes the filled blocks in order while the caller
// fills the next ones (blocks_in_flight at most), straight to the device
// where the file system allows it (O_DIRECT: no copy into the page cache)
// and through the page cache where it does not (a file system that refuses
// the flag, a direct write refused) or where the caller asks for it. The last, partial block is written through the page cache by
// complete(), before the fsync. A file of less than one block is written by
// complete() alone.

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "result.hpp"

namespace evtxcar {

class block_writer;

class output_file {
public:
    static constexpr std::size_t block_size = std::size_t{512} << 10;
    static constexpr std::size_t blocks_in_flight = 4;  // filled or being filled, per file

    // How full blocks reach the file: straight to the device where the file
    // system takes it (the default), or always through the page cache.
    enum class block_path { direct_if_possible, page_cache };

    static result<output_file> create(const std::filesystem::path& final_path,
                                      block_path path = block_path::direct_if_possible);

    output_file(output_file&& other) noexcept;
    output_file& operator=(output_file&& other) noexcept;
    output_file(const output_file&) = delete;
    output_file& operator=(const output_file&) = delete;
    ~output_file();

    void write(std::string_view bytes) {
        if (bytes.size() <= block_size - filled_) {
            if (bytes.empty()) return;  // an empty view may hold no pointer, which memcpy must not see
            std::memcpy(block_ + filled_, bytes.data(), bytes.size());
            filled_ += bytes.size();
            return;
        }
        write_across_blocks(bytes);
    }
    void put(char c) {
        if (filled_ == block_size) hand_off_block();
        block_[filled_++] = c;
    }
    // Flushes to disk and checks that every write succeeded.
    result<bool> complete();
    // Renames the completed file into place.
    result<bool> publish();

    const std::filesystem::path& final_path() const { return final_path_; }
    const std::filesystem::path& temporary_path() const { return temporary_path_; }
    // How the full blocks went to the file so far: true when straight to the
    // device (O_DIRECT), false when through the page cache or when no block
    // has been written yet. For tests and benchmarks.
    bool wrote_directly() const;

private:
    output_file(std::filesystem::path final_path, std::filesystem::path temporary_path, int descriptor, block_path path);
    void write_across_blocks(std::string_view bytes);
    void hand_off_block();
    void discard() noexcept;

    std::filesystem::path final_path_;
    std::filesystem::path temporary_path_;
    std::unique_ptr<block_writer> writer_;  // owns the descriptor and the blocks
    char* block_ = nullptr;                 // the block being filled (the writer's)
    std::size_t filled_ = 0;
    bool completed_ = false;
    bool closed_ = false;  // complete() was called
};

}  // namespace evtxcar
