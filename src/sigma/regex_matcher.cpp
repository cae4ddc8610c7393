#include "sigma/regex_matcher.hpp"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

namespace evtxcar::sigma {

namespace {

// Backtracking bounds per match: far above what the rules' patterns need on
// event values (kilobytes), far below a stall.
constexpr std::uint32_t match_limit = 1'000'000;
constexpr std::uint32_t depth_limit = 10'000;

// Per-thread match block and limits, made once per thread.
struct match_scratch {
    pcre2_match_data* data = pcre2_match_data_create(1, nullptr);
    pcre2_match_context* context = [] {
        pcre2_match_context* made = pcre2_match_context_create(nullptr);
        pcre2_set_match_limit(made, match_limit);
        pcre2_set_depth_limit(made, depth_limit);
        return made;
    }();
    ~match_scratch() {
        pcre2_match_data_free(data);
        pcre2_match_context_free(context);
    }
};

match_scratch& scratch() {
    thread_local match_scratch per_thread;
    return per_thread;
}

}  // namespace

struct regex_matcher::compiled {
    pcre2_code* code = nullptr;
    ~compiled() { pcre2_code_free(code); }
};

sigma_result<regex_matcher> regex_matcher::compile(std::string_view pattern, regex_flags flags) {
    std::uint32_t options = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
    if (flags.insensitive) options |= PCRE2_CASELESS;
    if (flags.multiline) options |= PCRE2_MULTILINE;
    if (flags.dot_all) options |= PCRE2_DOTALL;
    int error_code = 0;
    PCRE2_SIZE error_offset = 0;
    pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options,
                                     &error_code, &error_offset, nullptr);
    if (code == nullptr) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(error_code, message, sizeof message);
        return rule_problem{std::string(pattern), "regular expression does not compile at offset " +
                                                      std::to_string(error_offset) + ": " +
                                                      reinterpret_cast<const char*>(message)};
    }
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);  // without JIT, pcre2_match interprets: slower, same answers
    regex_matcher matcher;
    auto holder = std::make_shared<compiled>();
    holder->code = code;
    matcher.code_ = std::move(holder);
    matcher.pattern_ = pattern;
    return matcher;
}

bool regex_matcher::matches(std::string_view value) const {
    match_scratch& block = scratch();
    const int rc = pcre2_match(code_->code, reinterpret_cast<PCRE2_SPTR>(value.data()), value.size(), 0, 0,
                               block.data, block.context);
    return rc >= 0;  // 0: matched, the 1-pair block too small for the groups (we need none)
}

}  // namespace evtxcar::sigma
