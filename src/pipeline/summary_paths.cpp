#include "pipeline/summary_paths.hpp"

#include "text/utf8.hpp"

namespace evtxcar {

namespace {

// Replaces `text` by its displayable form; returns the exact bytes when they differ.
std::string make_valid(std::string& text) {
    if (is_valid_utf8(text)) return {};
    std::string exact = std::move(text);
    text = sanitize_utf8(exact);
    return exact;
}

void make_valid(std::vector<std::string>& texts) {
    for (std::string& text : texts) make_valid(text);
}

}  // namespace

std::string displayable_path(std::string_view path) { return sanitize_utf8(path); }

void make_summary_paths_valid_utf8(scan_summary& summary) {
    make_valid(summary.run.command_line);
    make_valid(summary.run.inputs);
    make_valid(summary.run.output_directory);
    for (file_outcome& file : summary.files) {
        std::string exact = make_valid(file.path);
        if (!exact.empty()) file.path_bytes = std::move(exact);
        make_valid(file.reason);
    }
    for (scan_summary::problem& problem : summary.problems) {
        std::string exact = make_valid(problem.error.file);
        if (!exact.empty()) problem.file_bytes = std::move(exact);
        make_valid(problem.error.reason);
    }
    make_valid(summary.skipped_examples);
    make_valid(summary.normalization_warning_examples);
}

}  // namespace evtxcar
