#include "sigma/rule_source_reader.hpp"

#include <fstream>
#include <iterator>

namespace evtxcar::sigma {

parsed_rule_source parse_rule_source(const rule_source& source) {
    parsed_rule_source parsed;
    parsed.file = source.file;
    if (!source.from_disk) {
        parsed.documents = parse_yaml_documents(source.text);
        return parsed;
    }
    std::ifstream in(source.file, std::ios::binary);
    if (!in) {
        parsed.opened = false;
        return parsed;
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) {
        parsed.opened = false;
        return parsed;
    }
    parsed.documents = parse_yaml_documents(text);
    return parsed;
}

rule_source_reader::rule_source_reader(std::vector<rule_source> sources, unsigned threads, std::size_t window)
    : sources_(std::move(sources)), parsed_(sources_.size()), window_(window == 0 ? 1 : window) {
    if (sources_.size() < 2) threads = 0;  // nothing to overlap
    for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
}

rule_source_reader::~rule_source_reader() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    for (std::thread& thread : threads_) thread.join();
}

void rule_source_reader::work() {
    std::unique_lock lock(mutex_);
    for (;;) {
        changed_.wait(lock, [&] {
            return stopping_ || !used_.empty() || (next_ < sources_.size() && next_ < taken_ + window_);
        });
        if (stopping_) return;
        if (!used_.empty()) {
            std::vector<parsed_rule_source> done = std::move(used_);
            used_.clear();
            lock.unlock();
            done.clear();
            lock.lock();
            continue;
        }
        const std::size_t index = next_++;
        lock.unlock();
        parsed_rule_source parsed = parse_rule_source(sources_[index]);
        lock.lock();
        parsed_[index] = std::move(parsed);
        changed_.notify_all();
    }
}

const parsed_rule_source& rule_source_reader::take(std::size_t index) {
    if (threads_.empty()) {
        current_ = parse_rule_source(sources_[index]);
        return *current_;
    }
    std::unique_lock lock(mutex_);
    if (current_) used_.push_back(std::move(*current_));
    changed_.wait(lock, [&] { return parsed_[index].has_value(); });
    current_ = std::move(*parsed_[index]);
    parsed_[index].reset();
    taken_ = index + 1;
    lock.unlock();
    changed_.notify_all();
    return *current_;
}

}  // namespace evtxcar::sigma
