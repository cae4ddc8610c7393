#include "sigma/condition_parser.hpp"

#include <charconv>

#include "text/ascii_case.hpp"

namespace evtxcar::sigma {

namespace {

struct token {
    enum class kind { word, open, close, pipe, end };
    kind what = kind::end;
    std::string_view text;
};

std::vector<token> tokenize(std::string_view text) {
    std::vector<token> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { ++i; continue; }
        if (c == '(') { tokens.push_back({token::kind::open, text.substr(i, 1)}); ++i; continue; }
        if (c == ')') { tokens.push_back({token::kind::close, text.substr(i, 1)}); ++i; continue; }
        if (c == '|') { tokens.push_back({token::kind::pipe, text.substr(i)}); break; }
        const std::size_t start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r' &&
               text[i] != '(' && text[i] != ')' && text[i] != '|')
            ++i;
        tokens.push_back({token::kind::word, text.substr(start, i - start)});
    }
    tokens.push_back({token::kind::end, {}});
    return tokens;
}

bool word_is(const token& t, std::string_view word) {
    if (t.what != token::kind::word || t.text.size() != word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (fold_ascii(t.text[i]) != word[i]) return false;
    return true;
}

class parser {
public:
    parser(std::string_view text) : text_(text), tokens_(tokenize(text)) {}

    sigma_result<condition_node> parse() {
        condition_node root = parse_or();
        if (!problem_.reason.empty()) return problem_;
        if (peek().what != token::kind::end) {
            if (peek().what == token::kind::pipe)
                refuse(std::string(peek().text), "aggregation in the condition (Sigma 1 syntax; a correlation rule says this now)");
            else if (word_is(peek(), "near"))
                refuse("near", "`near` (Sigma 1 temporal syntax; a temporal correlation rule says this now)");
            else
                refuse(std::string(peek().text), "unexpected token in the condition");
            return problem_;
        }
        return root;
    }

private:
    const token& peek(std::size_t ahead = 0) const { return tokens_[std::min(next_ + ahead, tokens_.size() - 1)]; }
    const token& take() { return tokens_[std::min(next_++, tokens_.size() - 1)]; }
    bool failed() const { return !problem_.reason.empty(); }
    void refuse(std::string construct, std::string reason) {
        if (failed()) return;
        problem_ = {std::move(construct), std::move(reason)};
    }

    static condition_node combine(condition_node::kind what, std::vector<condition_node> parts) {
        if (parts.size() == 1) return std::move(parts[0]);
        condition_node node;
        node.what = what;
        node.children = std::move(parts);
        return node;
    }

    condition_node parse_or() {
        std::vector<condition_node> parts;
        parts.push_back(parse_and());
        while (!failed() && word_is(peek(), "or")) {
            take();
            parts.push_back(parse_and());
        }
        return combine(condition_node::kind::any_of, std::move(parts));
    }

    condition_node parse_and() {
        std::vector<condition_node> parts;
        parts.push_back(parse_not());
        while (!failed() && word_is(peek(), "and")) {
            take();
            parts.push_back(parse_not());
        }
        return combine(condition_node::kind::all_of, std::move(parts));
    }

    // Nesting is bounded: a condition is a line of text, not a program, and
    // the plan is evaluated recursively.
    static constexpr std::size_t max_depth = 64;

    condition_node parse_not() {
        if (++depth_ > max_depth) {
            refuse(std::string(text_), "the condition nests deeper than 64 levels");
            return {};
        }
        struct leave {
            std::size_t& depth;
            ~leave() { --depth; }
        } guard{depth_};
        if (word_is(peek(), "not")) {
            take();
            condition_node node;
            node.what = condition_node::kind::negation;
            node.children.push_back(parse_not());
            return node;
        }
        return parse_primary();
    }

    static bool is_quantifier(const token& t) {
        if (word_is(t, "all") || word_is(t, "any")) return true;
        if (t.what != token::kind::word || t.text.empty()) return false;
        for (char c : t.text)
            if (c < '0' || c > '9') return false;
        return true;
    }

    condition_node parse_primary() {
        const token& t = peek();
        if (t.what == token::kind::open) {
            take();
            condition_node inner = parse_or();
            if (failed()) return inner;
            if (peek().what != token::kind::close) {
                refuse(std::string(text_), "unbalanced parenthesis in the condition");
                return inner;
            }
            take();
            return inner;
        }
        if (t.what != token::kind::word) {
            refuse(std::string(t.what == token::kind::end ? text_ : t.text),
                   t.what == token::kind::end ? "the condition ends where a search identifier is expected"
                                              : "unexpected token in the condition");
            return {};
        }
        if (is_quantifier(t) && word_is(peek(1), "of")) {
            condition_node node;
            node.what = condition_node::kind::quantified;
            if (word_is(t, "all")) {
                node.at_least = 0;
            } else if (word_is(t, "any")) {
                node.at_least = 1;
            } else {
                std::size_t count = 0;
                std::from_chars(t.text.data(), t.text.data() + t.text.size(), count);
                if (count == 0) {
                    refuse(std::string(t.text) + " of", "a count of 0 in `x of`");
                    return {};
                }
                node.at_least = count;
            }
            take();
            take();
            const token& target = take();
            if (target.what != token::kind::word || word_is(target, "and") || word_is(target, "or") ||
                word_is(target, "not")) {
                refuse(std::string(text_), "`of` without a search-identifier pattern or `them`");
                return {};
            }
            node.name = word_is(target, "them") ? "them" : std::string(target.text);
            return node;
        }
        if (word_is(t, "near")) {
            refuse("near", "`near` (Sigma 1 temporal syntax; a temporal correlation rule says this now)");
            return {};
        }
        if (word_is(t, "and") || word_is(t, "or") || word_is(t, "of")) {
            refuse(std::string(t.text), "an operator where a search identifier is expected");
            return {};
        }
        take();
        condition_node node;
        node.what = condition_node::kind::identifier;
        node.name = std::string(t.text);
        return node;
    }

    std::string_view text_;
    std::vector<token> tokens_;
    std::size_t next_ = 0;
    std::size_t depth_ = 0;
    rule_problem problem_;
};

}  // namespace

sigma_result<condition_node> parse_condition(std::string_view text) { return parser(text).parse(); }

bool identifier_matches(std::string_view pattern, std::string_view identifier) {
    // `*` only; greedy with backtracking to the last star.
    std::size_t p = 0, s = 0, star = std::string_view::npos, mark = 0;
    while (s < identifier.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = s;
        } else if (p < pattern.size() && pattern[p] == identifier[s]) {
            ++p;
            ++s;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            s = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

}  // namespace evtxcar::sigma
