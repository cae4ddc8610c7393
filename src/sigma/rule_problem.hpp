#pragma once
// rule_problem: why a rule (or one of its values) cannot be used, naming the
// exact construct refused; sigma_result<T>: a value or a rule_problem, for
// everything in the engine that can refuse a rule.

#include <cstddef>
#include <string>
#include <utility>
#include <variant>

namespace evtxcar::sigma {

struct rule_problem {
    std::string construct;  // what was refused, as written: "CommandLine|base64|re", "condition: sel | count() > 5"
    std::string reason;     // one line, no trailing period
    std::size_t line = 0;   // 1-based line in the file where known, else 0
};

template <typename T>
class sigma_result {
public:
    sigma_result(T value) : state_(std::move(value)) {}
    sigma_result(rule_problem problem) : state_(std::move(problem)) {}

    bool ok() const noexcept { return state_.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }
    T& value() & { return std::get<0>(state_); }
    const T& value() const& { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    const rule_problem& problem() const { return std::get<1>(state_); }
    rule_problem&& take_problem() && { return std::get<1>(std::move(state_)); }

private:
    std::variant<T, rule_problem> state_;
};

}  // namespace evtxcar::sigma
