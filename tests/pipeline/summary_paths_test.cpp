#include "pipeline/summary_paths.hpp"

#include "catch.hpp"

using namespace evtxcar;

TEST_CASE("paths that are not UTF-8 are shown with U+FFFD and kept exactly", "[pipeline][summary_paths]") {
    const std::string exact = "logs/Sec\xff\xfe.evtx";
    const std::string shown = "logs/Sec\xef\xbf\xbd\xef\xbf\xbd.evtx";  // one U+FFFD per invalid byte
    scan_summary summary;
    summary.run.inputs = {"logs\xff"};
    summary.run.command_line = {"evtxcar", "scan", "logs\xff"};
    summary.files.push_back({.path = exact});
    summary.files.push_back({.path = "logs/Security.evtx"});
    summary.problems.push_back({read_error{.file = exact, .reason = "chunk 2 of logs/Sec\xff\xfe.evtx"}, 1, false});
    summary.skipped_examples = {"logs/\xc3(.txt"};

    make_summary_paths_valid_utf8(summary);
    CHECK(summary.files[0].path == shown);
    CHECK(summary.files[0].path_bytes == exact);
    CHECK(summary.files[1].path == "logs/Security.evtx");
    CHECK(summary.files[1].path_bytes.empty());
    CHECK(summary.problems[0].error.file == shown);
    CHECK(summary.problems[0].file_bytes == exact);
    CHECK(summary.problems[0].error.reason == "chunk 2 of " + shown);
    CHECK(summary.run.inputs[0] == "logs\xef\xbf\xbd");
    CHECK(summary.run.command_line[2] == "logs\xef\xbf\xbd");
    CHECK(summary.skipped_examples[0] == "logs/\xef\xbf\xbd(.txt");
}
