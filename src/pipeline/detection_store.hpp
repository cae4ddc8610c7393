#pragma once
// detection_store: the detections of a run, in the order they were added
// (timeline order), with bounded memory. The first stay in memory up to
// `memory_budget` (estimated, approximate_size); the rest are written, in
// blocks, to a temporary file in the spill folder that is unlinked as soon
// as it is open, so nothing is left behind however the run ends. Visits
// (detection_list::for_each) read the file with their own offset and
// buffer: several may run at once. A store made with `keep` false (no
// writer visits the run's detections) keeps only their number and tallies.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "analytics/detection_list.hpp"
#include "result.hpp"

namespace evtxcar {

inline constexpr std::size_t default_detection_memory = std::size_t{4} << 20;

class detection_store final : public detection_list {
public:
    // Without a folder every detection stays in memory.
    explicit detection_store(std::filesystem::path spill_folder = {}, std::size_t memory_budget = default_detection_memory,
                             bool keep = true);
    ~detection_store() override;
    detection_store(detection_store&& other) noexcept;
    detection_store& operator=(detection_store&& other) noexcept;
    detection_store(const detection_store&) = delete;
    detection_store& operator=(const detection_store&) = delete;

    // Adds `found`; an error when the spill file cannot be written (the
    // detection is then not kept, and every later add fails the same way).
    result<bool> add(detection&& found);
    result<bool> add(const detection& found);  // the same, copying what it keeps in memory
    // Writes what is still buffered; call before visiting.
    result<bool> flush();

    std::uint64_t size() const override { return in_memory_.size() + spilled_ + counted_only_; }
    // Throws std::runtime_error when the spill file cannot be read back, or
    // when the store was made not to keep its detections and counted some.
    void for_each(const std::function<void(const detection&)>& visit) const override;
    const detection_tallies& tallies() const override { return tallies_; }

    std::uint64_t spilled() const { return spilled_; }
    std::uint64_t spilled_bytes() const { return file_bytes_ + buffer_.size(); }

private:
    // Counts `found` in the tallies; true when the store keeps no detection.
    bool counted_only(const detection& found);
    // True when `found` is kept in memory (counted); else it goes to the file.
    bool fits_in_memory(const detection& found);
    result<bool> spill(const detection& found);
    result<bool> open_file();
    result<bool> write_buffer();

    std::filesystem::path folder_;
    std::size_t memory_budget_;
    bool keep_ = true;
    std::uint64_t counted_only_ = 0;  // detections added to a store that keeps none
    std::size_t memory_bytes_ = 0;
    std::vector<detection> in_memory_;
    int fd_ = -1;                // the unlinked spill file, once opened
    std::uint64_t spilled_ = 0;  // detections in the file and the buffer
    std::uint64_t file_bytes_ = 0;
    std::string buffer_;         // encoded detections not yet written
    std::string error_;          // the first write failure
    detection_tallies tallies_;  // of every detection added
};

}  // namespace evtxcar
