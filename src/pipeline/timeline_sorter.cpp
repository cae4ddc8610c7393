#include "pipeline/timeline_sorter.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <queue>
#include <stdexcept>

#include "pipeline/car_event_codec.hpp"

namespace evtxcar {

namespace {

constexpr std::size_t max_fan_in = 200;           // open run files per merge pass
constexpr std::size_t run_read_buffer = 64 << 10;
constexpr std::size_t run_slack = 64 << 10;  // room for the event that fills a run's budget
constexpr std::size_t max_run_reserve = std::size_t{256} << 20;

struct file_closer {
    void operator()(std::FILE* file) const noexcept { std::fclose(file); }
};
using file_pointer = std::unique_ptr<std::FILE, file_closer>;

// One sorted source for the k-way merge: a run file or an in-memory run.
class run_cursor {
public:
    run_cursor(encoded_run* memory, const event_layouts& layouts) : memory_(memory), layouts_(layouts) { advance(); }
    run_cursor(file_pointer file, const event_layouts& layouts)
        : layouts_(layouts),
          file_(std::move(file)),
          reader_(std::make_unique<car_event_reader>(file_.get(), run_read_buffer, &layouts)) {
        std::setvbuf(file_.get(), nullptr, _IONBF, 0);  // the reader reads in blocks of its own
        advance();
    }
    bool done() const { return done_; }
    car_event& current() { return *current_; }
    // The event, for a visitor that exchanges it for another (never null).
    std::unique_ptr<car_event>& current_handle() { return current_; }
    void advance() {
        if (memory_ != nullptr) {
            if (next_ < memory_->entries.size()) {
                memory_->decode(next_++, *current_, spares_, layouts_);
            } else {
                done_ = true;
                *memory_ = encoded_run{};  // give the memory back
            }
        } else {
            done_ = !reader_->next(*current_);
        }
    }

private:
    encoded_run* memory_ = nullptr;
    const event_layouts& layouts_;
    std::size_t next_ = 0;
    file_pointer file_;
    std::unique_ptr<car_event_reader> reader_;
    std::unique_ptr<car_event> current_ = std::make_unique<car_event>();
    car_event_spares spares_;  // for the in-memory run (a reader keeps its own)
    bool done_ = false;
};

// Runs the k-way merge over `cursors`; stops early when visit returns false.
std::uint64_t merge_cursors(std::vector<std::unique_ptr<run_cursor>>& cursors,
                            const std::function<bool(std::unique_ptr<car_event>&)>& visit) {
    auto later = [&cursors](std::size_t a, std::size_t b) {
        car_event& x = cursors[a]->current();
        car_event& y = cursors[b]->current();
        if (timeline_before(y, x)) return true;
        if (timeline_before(x, y)) return false;
        return a > b;
    };
    std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> heap(later);
    for (std::size_t i = 0; i < cursors.size(); ++i) {
        if (!cursors[i]->done()) heap.push(i);
    }
    std::uint64_t count = 0;
    while (!heap.empty()) {
        const std::size_t top = heap.top();
        heap.pop();
        ++count;
        if (!visit(cursors[top]->current_handle())) return count;
        cursors[top]->advance();
        if (!cursors[top]->done()) heap.push(top);
    }
    return count;
}

}  // namespace

std::uint32_t encoded_run::name_id(std::string_view name, std::uint32_t& last) {
    if (last < names.size() && names[last] == name) return last;  // most events: the last one's host and channel
    if (const auto found = ids_.find(name); found != ids_.end()) return last = found->second;
    const auto id = static_cast<std::uint32_t>(names.size());
    names.emplace_back(name);
    ids_.emplace(std::string(name), id);  // a collector's log names thousands of hosts
    return last = id;
}

void encoded_run::add(const car_event& event, std::uint32_t layout) {
    entry added;
    added.time = event.time;
    added.record_id = event.record_id;
    added.record_offset = event.record_offset;
    added.file_index = event.file_index;
    added.host = name_id(event.computer(), last_host_);
    added.channel = name_id(event.channel, last_channel_);
    added.offset = bytes.size();
    encode_car_event(event, layout, bytes);
    added.size = static_cast<std::uint32_t>(bytes.size() - added.offset);
    entries.push_back(added);
}

void encoded_run::sort() {
    auto before = [this](const entry& a, const entry& b) {
        if (a.time != b.time) return a.time < b.time;
        if (a.host != b.host) {
            if (const int host = names[a.host].compare(names[b.host]); host != 0) return host < 0;
        }
        if (a.channel != b.channel) {
            if (const int channel = names[a.channel].compare(names[b.channel]); channel != 0) return channel < 0;
        }
        if (a.record_id != b.record_id) return a.record_id < b.record_id;
        if (a.file_index != b.file_index) return a.file_index < b.file_index;
        return a.record_offset < b.record_offset;
    };
    if (!std::is_sorted(entries.begin(), entries.end(), before)) std::sort(entries.begin(), entries.end(), before);
}

void encoded_run::clear() {
    bytes.clear();
    entries.clear();
    names.clear();
    ids_.clear();
    last_host_ = 0;
    last_channel_ = 0;
}

void encoded_run::decode(std::size_t index, car_event& event, car_event_spares& spares,
                         const event_layouts& layouts) const {
    const entry& at = entries[index];
    const char* start = bytes.data() + at.offset;
    const auto [size, length_bytes] = read_length_prefix(start, start + at.size);
    decode_car_event_body(start + length_bytes, static_cast<std::size_t>(size), event, spares, layouts);
}

run_builder::run_builder(timeline_sorter& sorter, std::size_t memory_budget)
    : sorter_(sorter), memory_budget_(memory_budget), layouts_(sorter.layouts_) {}

void run_builder::add(const car_event& event) {
    // The whole budget at once: growing by doubling would hold up to twice
    // the budget while the last doubling copies. A budget beyond
    // max_run_reserve (--memory-budget up to 64 GiB) grows as it fills: a
    // system that does not overcommit would refuse so much at once.
    if (run_.bytes.capacity() == 0) run_.bytes.reserve(std::min(memory_budget_ + run_slack, max_run_reserve));
    run_.add(event, layouts_.number_of(event));
    if (run_.bytes.size() + run_.entries.size() * sizeof(encoded_run::entry) >= memory_budget_) {
        sorter_.spill_run(run_);
        run_.clear();  // its buffers serve the next run
        spilled_ = true;
    }
}

void run_builder::close() {
    // A builder that spilled has touched its whole budget: keeping its last
    // run would hold the budget through the merge, beside the merge's own
    // state. Spilled, the last run costs only a read buffer there.
    if (!run_.entries.empty()) {
        if (spilled_) {
            sorter_.spill_run(run_);
        } else {
            sorter_.keep_run(std::move(run_));
        }
    }
    run_ = encoded_run{};
}

timeline_sorter::timeline_sorter(std::filesystem::path temporary_folder) : folder_(std::move(temporary_folder)) {}

timeline_sorter::~timeline_sorter() {
    std::error_code ignored;
    if (!run_files_.empty() || std::filesystem::exists(folder_, ignored)) std::filesystem::remove_all(folder_, ignored);
}

void timeline_sorter::keep_run(encoded_run&& run) {
    run.sort();
    // The buffer stays as it is: the pages of its reserve the run never
    // wrote never became resident, and a copy to fit would hold the run
    // twice at the peak of the scan.
    std::lock_guard lock(mutex_);
    memory_runs_.push_back(std::move(run));
}

void timeline_sorter::spill_run(encoded_run& run) {
    run.sort();
    auto written = write_run(run);
    std::lock_guard lock(mutex_);
    if (written) {
        run_files_.push_back(written.value());
    } else if (first_error_.empty()) {
        first_error_ = written.error().describe();
    }
}

result<std::filesystem::path> timeline_sorter::write_run(const encoded_run& run) {
    std::error_code error;
    std::filesystem::create_directories(folder_, error);
    if (error) {
        return read_error{.file = folder_.string(), .reason = "cannot create temporary folder: " + error.message()};
    }
    const std::filesystem::path path = folder_ / ("run-" + std::to_string(next_run_++) + ".bin");
    file_pointer file(std::fopen(path.c_str(), "wb"));
    if (!file) return read_error{.file = path.string(), .reason = std::string("cannot create sort run: ") + std::strerror(errno)};
    std::string buffer;
    bool ok = true;
    for (const encoded_run::entry& entry : run.entries) {
        buffer.append(run.bytes, entry.offset, entry.size);
        if (buffer.size() >= (1 << 20)) {
            ok = ok && std::fwrite(buffer.data(), 1, buffer.size(), file.get()) == buffer.size();
            spilled_bytes_ += buffer.size();
            buffer.clear();
        }
    }
    ok = ok && std::fwrite(buffer.data(), 1, buffer.size(), file.get()) == buffer.size();
    spilled_bytes_ += buffer.size();
    ok = std::fclose(file.release()) == 0 && ok;
    if (!ok) return read_error{.file = path.string(), .reason = std::string("cannot write sort run: ") + std::strerror(errno)};
    return path;
}

result<std::uint64_t> timeline_sorter::merge(const std::function<bool(car_event&)>& visit) {
    return merge_handing_over([&visit](std::unique_ptr<car_event>& event) { return visit(*event); });
}

result<std::uint64_t> timeline_sorter::merge_handing_over(const std::function<bool(std::unique_ptr<car_event>&)>& visit) {
    if (!first_error_.empty()) return read_error{.reason = first_error_};
    try {
        // Too many run files to open at once: merge groups into bigger runs first.
        while (run_files_.size() + memory_runs_.size() > max_fan_in) {
            std::vector<std::filesystem::path> merged;
            for (std::size_t start = 0; start < run_files_.size(); start += max_fan_in) {
                const std::size_t end = std::min(run_files_.size(), start + max_fan_in);
                std::vector<std::unique_ptr<run_cursor>> cursors;
                for (std::size_t i = start; i < end; ++i) {
                    file_pointer file(std::fopen(run_files_[i].c_str(), "rb"));
                    if (!file) return read_error{.file = run_files_[i].string(), .reason = "cannot reopen sort run"};
                    cursors.push_back(std::make_unique<run_cursor>(std::move(file), layouts_));
                }
                const std::filesystem::path target = folder_ / ("run-" + std::to_string(next_run_++) + ".bin");
                file_pointer out(std::fopen(target.c_str(), "wb"));
                if (!out) return read_error{.file = target.string(), .reason = "cannot create sort run"};
                std::string buffer;
                bool ok = true;
                merge_cursors(cursors, [&](std::unique_ptr<car_event>& event) {
                    encode_car_event(*event, event->layout.number, buffer);
                    if (buffer.size() >= (1 << 20)) {
                        ok = ok && std::fwrite(buffer.data(), 1, buffer.size(), out.get()) == buffer.size();
                        buffer.clear();
                    }
                    return ok;
                });
                ok = ok && std::fwrite(buffer.data(), 1, buffer.size(), out.get()) == buffer.size();
                ok = std::fclose(out.release()) == 0 && ok;
                if (!ok) return read_error{.file = target.string(), .reason = "cannot write sort run"};
                cursors.clear();
                for (std::size_t i = start; i < end; ++i) std::filesystem::remove(run_files_[i]);
                merged.push_back(target);
            }
            if (merged.size() >= run_files_.size()) break;  // cannot shrink further
            run_files_ = std::move(merged);
        }

        std::vector<std::unique_ptr<run_cursor>> cursors;
        for (auto& memory : memory_runs_) cursors.push_back(std::make_unique<run_cursor>(&memory, layouts_));
        for (const auto& path : run_files_) {
            file_pointer file(std::fopen(path.c_str(), "rb"));
            if (!file) return read_error{.file = path.string(), .reason = "cannot reopen sort run"};
            cursors.push_back(std::make_unique<run_cursor>(std::move(file), layouts_));
        }
        return merge_cursors(cursors, visit);
    } catch (const std::runtime_error& failure) {
        return read_error{.file = folder_.string(), .reason = failure.what()};
    }
}

}  // namespace evtxcar
