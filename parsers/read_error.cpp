#include "result.hpp"

#include <cstdio>

namespace evtxcar {

std::string read_error::describe() const {
    std::string where;
    auto add = [&where](const std::string& part) {
        where += where.empty() ? "" : ", ";
        where += part;
    };
    char buffer[64];
    if (chunk != unknown) {
        std::snprintf(buffer, sizeof buffer, "chunk %llu", static_cast<unsigned long long>(chunk));
        add(buffer);
    }
    if (offset != unknown) {
        std::snprintf(buffer, sizeof buffer, "offset 0x%llx", static_cast<unsigned long long>(offset));
        add(buffer);
    }
    if (record_index != unknown) {
        std::snprintf(buffer, sizeof buffer, "record index %llu",
                      static_cast<unsigned long long>(record_index));
        add(buffer);
    }
    if (record_id != unknown) {
        std::snprintf(buffer, sizeof buffer, "record id %llu", static_cast<unsigned long long>(record_id));
        add(buffer);
    }
    std::string text = file;
    if (!where.empty()) text += (text.empty() ? "" : ": ") + where;
    text += (text.empty() ? "" : ": ") + reason;
    return text;
}

}  // namespace evtxcar
