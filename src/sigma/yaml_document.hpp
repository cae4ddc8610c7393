#pragma once
// yaml_node: a YAML document as the Sigma loader reads it, built from
// libyaml's parser events (the reference C implementation of YAML, about
// ten times faster than yaml-cpp on the SigmaHQ rules: docs/dependencies.md).
// Scalars keep their text and whether they were quoted; plain `null`, `~`
// and empty scalars are null; every node keeps its line. Aliases are
// resolved to copies of their anchors. Map entries keep their order (and
// duplicate keys, as written).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "sigma/rule_problem.hpp"

namespace evtxcar::sigma {

struct yaml_entry;

class yaml_node {
public:
    enum class kind : unsigned char { null, scalar, sequence, map };

    yaml_node() = default;
    static yaml_node scalar(std::string text, std::size_t line = 0, bool quoted = false);
    static yaml_node sequence(std::size_t line = 0);
    static yaml_node map(std::size_t line = 0);
    static yaml_node null_value(std::size_t line = 0);

    kind what() const { return what_; }
    bool is_null() const { return what_ == kind::null; }
    bool is_scalar() const { return what_ == kind::scalar; }
    bool is_sequence() const { return what_ == kind::sequence; }
    bool is_map() const { return what_ == kind::map; }
    // Scalars: the text ("" for others).
    const std::string& text() const { return text_; }
    bool quoted() const { return quoted_; }
    std::size_t line() const { return line_; }  // 1-based; 0 when made, not read

    const std::vector<yaml_node>& items() const { return items_; }
    const std::vector<yaml_entry>& entries() const { return entries_; }
    std::size_t size() const;

    // Maps: the value of the first entry named `key`; a null node when
    // there is none or this is no map.
    const yaml_node& get(std::string_view key) const;
    bool has(std::string_view key) const;

    void add_item(yaml_node item);
    void add_entry(std::string key, yaml_node value, std::size_t line = 0);
    // Maps: replaces the first entry named `key`, or adds it.
    void set(const std::string& key, yaml_node value);

private:
    kind what_ = kind::null;
    bool quoted_ = false;
    std::size_t line_ = 0;
    std::string text_;
    std::vector<yaml_node> items_;
    std::vector<yaml_entry> entries_;
};

struct yaml_entry {
    std::string key;
    yaml_node value;
    std::size_t line = 0;
};

// Every document of `text`; a problem (construct "YAML", the parser's
// message and line) when the text is not valid YAML.
sigma_result<std::vector<yaml_node>> parse_yaml_documents(std::string_view text);

}  // namespace evtxcar::sigma
