#include "scan_summary.hpp"

#include <algorithm>

namespace evtxcar {

std::size_t scan_summary::files_unreadable() const {
    return static_cast<std::size_t>(std::count_if(files.begin(), files.end(), [](const file_outcome& f) {
        return f.status == file_status::unreadable;
    }));
}

const char* to_string(file_status status) {
    switch (status) {
        case file_status::complete: return "complete";
        case file_status::partial: return "partial";
        case file_status::unreadable: return "unreadable";
    }
    return "unknown";
}

}  // namespace evtxcar
