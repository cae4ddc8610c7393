#include "sigma/yaml_document.hpp"

#include <map>
#include <memory>

#include <yaml.h>

namespace evtxcar::sigma {

namespace {

const yaml_node null_node;

bool is_null_text(std::string_view text) {
    return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

std::string text_of(const yaml_char_t* text, std::size_t length) {
    return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text), length);
}

std::string anchor_of(const yaml_char_t* anchor) {
    return anchor == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(anchor));
}

// Builds nodes from the event stream: a stack of open collections, each
// with the key waiting for its value when it is a map.
class tree_builder {
public:
    // False on a problem (kept in `problem`).
    bool take(const yaml_event_t& event) {
        const std::size_t line = event.start_mark.line + 1;
        switch (event.type) {
        case YAML_DOCUMENT_START_EVENT:
            stack_.clear();
            return true;
        case YAML_DOCUMENT_END_EVENT:
            documents.push_back(std::move(root_));
            root_ = yaml_node();
            return true;
        case YAML_SCALAR_EVENT: {
            std::string text = text_of(event.data.scalar.value, event.data.scalar.length);
            const bool quoted = event.data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
                                event.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE ||
                                event.data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
                                event.data.scalar.style == YAML_FOLDED_SCALAR_STYLE;
            yaml_node node = !quoted && is_null_text(text) ? yaml_node::null_value(line)
                                                           : yaml_node::scalar(std::move(text), line, quoted);
            remember(anchor_of(event.data.scalar.anchor), node);
            return place(std::move(node), line);
        }
        case YAML_SEQUENCE_START_EVENT:
            stack_.push_back({yaml_node::sequence(line), anchor_of(event.data.sequence_start.anchor), {}, false});
            return true;
        case YAML_MAPPING_START_EVENT:
            stack_.push_back({yaml_node::map(line), anchor_of(event.data.mapping_start.anchor), {}, false});
            return true;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: {
            open_collection done = std::move(stack_.back());
            stack_.pop_back();
            remember(done.anchor, done.node);
            return place(std::move(done.node), done.node.line());
        }
        case YAML_ALIAS_EVENT: {
            const auto found = anchors_.find(anchor_of(event.data.alias.anchor));
            if (found == anchors_.end()) return refuse("an alias to an unknown anchor", line);
            return place(found->second, line);
        }
        default:
            return true;
        }
    }

    std::vector<yaml_node> documents;
    rule_problem problem;

private:
    struct open_collection {
        yaml_node node;
        std::string anchor;
        std::string key;   // maps: the key read, waiting for its value
        bool has_key = false;
        std::size_t key_line = 0;
    };

    bool refuse(std::string reason, std::size_t line) {
        problem = {"YAML", std::move(reason), line};
        return false;
    }

    void remember(const std::string& anchor, const yaml_node& node) {
        if (!anchor.empty()) anchors_[anchor] = node;
    }

    bool place(yaml_node node, std::size_t line) {
        if (stack_.empty()) {
            root_ = std::move(node);
            return true;
        }
        open_collection& top = stack_.back();
        if (top.node.is_sequence()) {
            top.node.add_item(std::move(node));
            return true;
        }
        if (!top.has_key) {
            if (node.is_map() || node.is_sequence()) return refuse("a map key that is not a scalar", line);
            top.key = node.is_null() ? std::string() : node.text();
            top.has_key = true;
            top.key_line = line;
            return true;
        }
        top.node.add_entry(std::move(top.key), std::move(node), top.key_line);
        top.key.clear();
        top.has_key = false;
        return true;
    }

    std::vector<open_collection> stack_;
    yaml_node root_;
    std::map<std::string, yaml_node> anchors_;
};

}  // namespace

yaml_node yaml_node::scalar(std::string text, std::size_t line, bool quoted) {
    yaml_node node;
    node.what_ = kind::scalar;
    node.text_ = std::move(text);
    node.line_ = line;
    node.quoted_ = quoted;
    return node;
}

yaml_node yaml_node::null_value(std::size_t line) {
    yaml_node node;
    node.line_ = line;
    return node;
}

yaml_node yaml_node::sequence(std::size_t line) {
    yaml_node node;
    node.what_ = kind::sequence;
    node.line_ = line;
    return node;
}

yaml_node yaml_node::map(std::size_t line) {
    yaml_node node;
    node.what_ = kind::map;
    node.line_ = line;
    return node;
}

std::size_t yaml_node::size() const {
    return what_ == kind::map ? entries_.size() : what_ == kind::sequence ? items_.size() : 0;
}

const yaml_node& yaml_node::get(std::string_view key) const {
    for (const yaml_entry& entry : entries_)
        if (entry.key == key) return entry.value;
    return null_node;
}

bool yaml_node::has(std::string_view key) const {
    for (const yaml_entry& entry : entries_)
        if (entry.key == key) return true;
    return false;
}

void yaml_node::add_item(yaml_node item) { items_.push_back(std::move(item)); }

void yaml_node::add_entry(std::string key, yaml_node value, std::size_t line) {
    entries_.push_back({std::move(key), std::move(value), line});
}

void yaml_node::set(const std::string& key, yaml_node value) {
    for (yaml_entry& entry : entries_)
        if (entry.key == key) {
            entry.value = std::move(value);
            return;
        }
    add_entry(key, std::move(value));
}

sigma_result<std::vector<yaml_node>> parse_yaml_documents(std::string_view text) {
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) return rule_problem{"YAML", "the YAML parser could not start", 0};
    struct parser_guard {
        yaml_parser_t* parser;
        ~parser_guard() { yaml_parser_delete(parser); }
    } guard{&parser};
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    tree_builder builder;
    while (true) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            std::string reason = parser.problem != nullptr ? parser.problem : "not valid YAML";
            if (parser.context != nullptr) reason = std::string(parser.context) + ": " + reason;
            return rule_problem{"YAML", "the file is not valid YAML: " + reason, parser.problem_mark.line + 1};
        }
        const bool end = event.type == YAML_STREAM_END_EVENT;
        const bool taken = builder.take(event);
        yaml_event_delete(&event);
        if (!taken) return builder.problem;
        if (end) break;
    }
    return std::move(builder.documents);
}

}  // namespace evtxcar::sigma
