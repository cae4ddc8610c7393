#pragma once
// Splits a `details` cell (timeline.csv, report) back into name=value pairs,
// following the documented quoting rule (reports/event_text.hpp): pairs are
// separated by "; ", a value in double quotes has its inner quotes doubled.

#include <string>
#include <utility>
#include <vector>

namespace evtxcar::test {

inline std::vector<std::pair<std::string, std::string>> split_details(const std::string& text) {
    std::vector<std::pair<std::string, std::string>> pairs;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t equals = text.find('=', i);
        if (equals == std::string::npos) break;
        std::string name = text.substr(i, equals - i);
        std::string value;
        i = equals + 1;
        if (i < text.size() && text[i] == '"') {
            ++i;
            while (i < text.size()) {
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        value.push_back('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                value.push_back(text[i++]);
            }
        } else {
            const std::size_t end = text.find("; ", i);
            value = text.substr(i, end == std::string::npos ? std::string::npos : end - i);
            i = end == std::string::npos ? text.size() : end;
        }
        pairs.emplace_back(std::move(name), std::move(value));
        if (text.compare(i, 2, "; ") == 0) i += 2;
    }
    return pairs;
}

}  // namespace evtxcar::test
