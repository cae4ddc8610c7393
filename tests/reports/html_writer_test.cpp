// report.html as a file: written completely or not at all, and no text from
// a log can end the data element, become markup, or make the page load
// anything. What it looks like in a browser is tests/browser's job.
#include "html_writer.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "catch.hpp"
#include "support/temporary_folder.hpp"
#include "synthetic_scan.hpp"

using namespace evtxcar;
using namespace evtxcar::testing;

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string write_report(const std::filesystem::path& folder, const synthetic_scan& scan, std::uint64_t max_rows) {
    html_report_writer writer(folder, max_rows);
    REQUIRE(writer.begin(scan.summary).ok());
    for (const car_event& event : scan.events) REQUIRE(writer.write_event(event).ok());
    REQUIRE(writer.finish(scan.summary, detections_in_memory(scan.detections)).ok());
    REQUIRE(writer.commit().ok());
    return read_file(folder / "report.html");
}

std::size_t count_of(const std::string& text, std::string_view part) {
    std::size_t count = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
    return count;
}

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

}  // namespace

TEST_CASE("report.html appears only when the writer commits", "[report]") {
    temporary_folder folder;
    const synthetic_scan scan = make_synthetic_scan({.events = 200});
    html_report_writer writer(folder.path());
    CHECK(writer.file_name() == "report.html");
    REQUIRE(writer.begin(scan.summary).ok());
    for (const car_event& event : scan.events) REQUIRE(writer.write_event(event).ok());
    CHECK_FALSE(std::filesystem::exists(folder.path() / "report.html"));
    REQUIRE(writer.finish(scan.summary, detections_in_memory(scan.detections)).ok());
    CHECK_FALSE(std::filesystem::exists(folder.path() / "report.html"));
    REQUIRE(writer.commit().ok());
    CHECK(std::filesystem::exists(folder.path() / "report.html"));
    // Nothing else is left in the folder: no temporary file.
    CHECK(std::distance(std::filesystem::directory_iterator(folder.path()), std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("a report writer destroyed before committing leaves no file", "[report]") {
    temporary_folder folder;
    const synthetic_scan scan = make_synthetic_scan({.events = 50});
    {
        html_report_writer writer(folder.path());
        REQUIRE(writer.begin(scan.summary).ok());
        for (const car_event& event : scan.events) REQUIRE(writer.write_event(event).ok());
    }
    CHECK(std::filesystem::is_empty(folder.path()));
    {
        html_report_writer writer(folder.path());
        REQUIRE(writer.begin(scan.summary).ok());
        for (const car_event& event : scan.events) REQUIRE(writer.write_event(event).ok());
        REQUIRE(writer.finish(scan.summary, detections_in_memory(scan.detections)).ok());
    }
    CHECK(std::filesystem::is_empty(folder.path()));
}

TEST_CASE("a report writer says why it cannot create its file", "[report]") {
    temporary_folder folder;
    const synthetic_scan scan = make_synthetic_scan({.events = 5});
    html_report_writer writer(folder.path() / "no-such-folder");
    const auto begun = writer.begin(scan.summary);
    REQUIRE_FALSE(begun.ok());
    CHECK(begun.error().reason.find("cannot create output file") != std::string::npos);
    CHECK_FALSE(writer.write_event(scan.events.front()).ok());
}

TEST_CASE("hostile log text cannot end the report's script elements or become markup", "[report]") {
    temporary_folder folder;
    const synthetic_scan scan = make_synthetic_scan({.events = 300, .hostile = true});
    const std::string page = write_report(folder.path(), scan, html_report_writer::default_max_rows);
    const std::string page_lower = lower(page);

    // Three script elements: the rows, the report data, the page's code; and
    // exactly as many end tags, in any letter case.
    CHECK(count_of(page_lower, "<script") == 3);
    CHECK(count_of(page_lower, "</script") == 3);
    CHECK(count_of(page, R"(<script type="text/plain" id="evtxcar-rows">)") == 1);
    CHECK(count_of(page, R"(<script type="application/json" id="evtxcar-report">)") == 1);
    // The planted markup is nowhere in the file as markup; its text is there, escaped
    // (the rows' own way, "<l", and the JSON's, \u003c).
    for (std::string_view planted : {"<img", "<svg", "<b>", "alert(2)</script>", "<!--"}) {
        CAPTURE(planted);
        CHECK(page_lower.find(planted) == std::string::npos);
    }
    CHECK(page.find(R"(<l/script><lscript>alert(2)<l/script>)") != std::string::npos);
    CHECK(page.find(R"(\u003c/script\u003e\u003cscript\u003ealert(2)\u003c/script\u003e)") != std::string::npos);
    // U+2028 ends a line in older JavaScript: escaped in the JSON; the rows are no script code.
    const std::size_t rows_begin = page.find(R"(id="evtxcar-rows">)");
    const std::size_t rows_end = page.find("</script>", rows_begin);
    const std::size_t raw_separator = page.find("\u2028");
    CHECK((raw_separator == std::string::npos || (raw_separator > rows_begin && raw_separator < rows_end)));
    CHECK(page.find("\u2028", rows_end) == std::string::npos);
    // In the rows, every '<' begins an escape or a reference: none can start a tag.
    for (std::size_t at = page.find('<', rows_begin + 1); at < rows_end; at = page.find('<', at + 1)) {
        const char next = page[at + 1];
        CHECK((next == 'l' || next == 't' || next == 'n' || next == 'r' || next == 'x' || (next >= '0' && next <= '9')));
    }
}

TEST_CASE("report.html refers to nothing outside itself and forbids loading anything", "[report]") {
    temporary_folder folder;
    const synthetic_scan scan = make_synthetic_scan({.events = 100});
    const std::string page = lower(write_report(folder.path(), scan, html_report_writer::default_max_rows));
    CHECK(page.find(R"(<meta http-equiv="content-security-policy" content="default-src 'none';)") != std::string::npos);
    CHECK(page.find("script-src 'sha256-") != std::string::npos);
    CHECK(page.find("unsafe-inline") == std::string::npos);
    CHECK(page.find("unsafe-eval") == std::string::npos);
    for (std::string_view loader : {"src=", "@import", "<link", "<iframe", "<object", "<embed", "<img", "<form"}) {
        CAPTURE(loader);
        CHECK(page.find(loader) == std::string::npos);
    }
    // No url() in the style; nothing in the script that talks to a network (a
    // CSV export is a local blob the browser saves).
    const std::size_t style_begin = page.find("<style>");
    const std::string style = page.substr(style_begin, page.find("</style>") - style_begin);
    CHECK(style.find("url(") == std::string::npos);
    for (std::string_view network : {"fetch(", "xmlhttprequest", "websocket", "eventsource", "sendbeacon", "import(",
                                     "navigator.", "window.open", "location."}) {
        CAPTURE(network);
        CHECK(page.find(network) == std::string::npos);
    }
    // Links only within the page.
    std::size_t links = 0;
    for (std::size_t at = page.find("href=\""); at != std::string::npos; at = page.find("href=\"", at + 1)) {
        CHECK(page[at + 6] == '#');
        ++links;
    }
    CHECK(links == 6);  // the contents: summary, activity, detections, coverage, timeline, errors
    // The code builds the page from text: no markup parsing, no code from strings.
    for (std::string_view sink : {"innerhtml", "outerhtml", "insertadjacenthtml", "document.write", "eval(", "new function", "settimeout('", "settimeout(\""}) {
        CAPTURE(sink);
        CHECK(page.find(sink) == std::string::npos);
    }
}

TEST_CASE("report.html states the row cap and keeps every event that fired", "[report]") {
    temporary_folder folder;
    // Scenarios every 2,500 events: 3 scenarios of 3 events that fired each.
    const synthetic_scan scan = make_synthetic_scan({.events = 7000});
    std::size_t fired = 0;
    for (const car_event& event : scan.events) {
        if (!event.analytics.empty()) ++fired;
    }
    REQUIRE(fired == 9);
    const std::string page = write_report(folder.path(), scan, 100);
    CHECK(page.find(R"("capped":true)") != std::string::npos);
    // 9 that fired, with 50 before and 50 after each scenario's first and
    // last; the cap (100) cuts the context of later scenarios but never a hit.
    CHECK(page.find(R"("max_rows":100,)") != std::string::npos);
    const std::size_t rows_at = page.find(R"("rows":)");
    const std::size_t left_out_at = page.find(R"("left_out":)");
    REQUIRE(rows_at != std::string::npos);
    REQUIRE(left_out_at != std::string::npos);
    const std::uint64_t rows = std::stoull(page.substr(rows_at + 7));
    const std::uint64_t left_out = std::stoull(page.substr(left_out_at + 11));
    CHECK(rows + left_out == 7000);
    CHECK(rows >= 9);
    CHECK(rows <= 100 + 9);
}
