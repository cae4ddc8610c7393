#pragma once
// output_file: a file that appears complete or not at all. Bytes go to a
// temporary name in the same folder; complete() flushes it to disk and
// publish() renames it to the final name. Destroyed before publish(), it
// removes the temporary file.

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

#include "result.hpp"

namespace evtxcar {

class output_file {
public:
    static result<output_file> create(const std::filesystem::path& final_path);

    output_file(output_file&& other) noexcept;
    output_file& operator=(output_file&& other) noexcept;
    output_file(const output_file&) = delete;
    output_file& operator=(const output_file&) = delete;
    ~output_file();

    void write(std::string_view bytes) {
        if (buffer_.size() + bytes.size() > flush_threshold) flush_buffer();
        buffer_.append(bytes);
    }
    void put(char c) {
        if (buffer_.size() + 1 > flush_threshold) flush_buffer();
        buffer_.push_back(c);
    }
    // Flushes to disk and checks that every write succeeded.
    result<bool> complete();
    // Renames the completed file into place.
    result<bool> publish();

    const std::filesystem::path& final_path() const { return final_path_; }
    const std::filesystem::path& temporary_path() const { return temporary_path_; }

private:
    static constexpr std::size_t flush_threshold = 1 << 20;
    static constexpr std::uint64_t writeback_stretch = std::uint64_t{16} << 20;  // bytes written between writebacks
    output_file(std::filesystem::path final_path, std::filesystem::path temporary_path, std::FILE* file);
    void flush_buffer();
    void discard() noexcept;

    std::filesystem::path final_path_;
    std::filesystem::path temporary_path_;
    std::FILE* file_ = nullptr;
    std::string buffer_;
    bool write_failed_ = false;
    bool completed_ = false;
    std::uint64_t written_ = 0;            // bytes handed to file_
    std::uint64_t writeback_started_ = 0;  // bytes whose writeback has been started
};

}  // namespace evtxcar
