#pragma once
// rule_source_reader: the rule sources of one load (texts the program
// carries, then files) read and parsed as YAML ahead of the loader, by
// `threads` threads, and handed over one by one in their order. The loader
// compiles in one thread (field ids are handed out in rule order), so the
// reading and parsing, about half of a load, overlaps the compiling. With
// no threads every source is read and parsed when taken. At most `window`
// sources wait parsed, so memory stays bounded however many files there are.
// A parsed source is freed by the threads that parsed it (glibc's malloc
// locks an arena freed into from another thread: freeing the trees in the
// loader made the parsing thread wait on its own arena).

#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "sigma/rule_problem.hpp"
#include "sigma/yaml_document.hpp"

namespace evtxcar::sigma {

struct rule_source {
    std::string file;       // the name rules and problems are reported with
    std::string_view text;  // a text the program carries (outlives the reader), or
    bool from_disk = false; // read from `file`
};

struct parsed_rule_source {
    std::string file;
    bool opened = true;  // false: the file could not be read
    sigma_result<std::vector<yaml_node>> documents = std::vector<yaml_node>();
};

// The source read and parsed, in the calling thread.
parsed_rule_source parse_rule_source(const rule_source& source);

class rule_source_reader {
public:
    rule_source_reader(std::vector<rule_source> sources, unsigned threads, std::size_t window = 64);
    ~rule_source_reader();
    rule_source_reader(const rule_source_reader&) = delete;
    rule_source_reader& operator=(const rule_source_reader&) = delete;

    std::size_t size() const { return sources_.size(); }
    // Source `index`, waiting for it; each is taken once, in order. What
    // it returns lives until the next take or the reader's end.
    const parsed_rule_source& take(std::size_t index);

private:
    void work();

    std::vector<rule_source> sources_;
    std::vector<std::optional<parsed_rule_source>> parsed_;
    std::optional<parsed_rule_source> current_;  // the one taken last
    std::vector<parsed_rule_source> used_;       // taken and done with: for the threads to free
    std::size_t window_;
    std::size_t next_ = 0;   // the next source a thread parses
    std::size_t taken_ = 0;  // sources taken so far
    bool stopping_ = false;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::thread> threads_;
};

}  // namespace evtxcar::sigma
