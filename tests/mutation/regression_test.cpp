// The regression files of testdata/mutations/ (made by the test data
// generator with the mutator, one per accounting case): each read exactly as
// MANIFEST.tsv says, which the generator worked out from where the writer
// put each record: the records read, the records reported lost, and nothing
// more delivered as live with --recovered. The libevtx engine reads fewer of
// some (docs/engine-differences.md), but never without counting them lost.
#include <string>

#include "binxml/binxml_engine.hpp"
#include "catch.hpp"
#include "libevtx/libevtx_engine.hpp"
#include "support/expected_records.hpp"

using namespace evtxcar;

namespace {

struct reading {
    bool opened = false;
    std::uint64_t live = 0;
    std::uint64_t recovered = 0;
    std::uint64_t lost = 0;
};

class counting_visitor final : public record_visitor {
public:
    explicit counting_visitor(reading& out) : out_(out) {}
    void on_record(const event_record& record) override { ++(record.recovered ? out_.recovered : out_.live); }
    void on_record_error(const read_error&, std::uint64_t lost) override { out_.lost += lost == 0 ? 1 : lost; }
    void on_warning(const read_error&) override {}

private:
    reading& out_;
};

reading read(const evtx_engine& engine, const std::string& path, bool recovered) {
    read_options options;
    options.include_recovered = recovered;
    reading out;
    auto reader = engine.open(path, options);
    if (!reader) return out;
    out.opened = true;
    counting_visitor visitor(out);
    for (std::uint32_t segment = 0; segment < (*reader)->segment_count(); ++segment) {
        (*reader)->read_segment(segment, visitor);
    }
    return out;
}

std::vector<test::manifest_entry> mutation_entries() {
    std::vector<test::manifest_entry> entries;
    for (const auto& [path, entry] : test::read_manifest()) {
        if (path.rfind("mutations/", 0) == 0) entries.push_back(entry);
    }
    return entries;
}

}  // namespace

TEST_CASE("the fast engine reads each regression file of testdata/mutations exactly as MANIFEST.tsv says",
          "[mutation][regression]") {
    const auto entries = mutation_entries();
    REQUIRE(entries.size() >= 13);
    const binxml_engine engine;
    for (const test::manifest_entry& entry : entries) {
        CAPTURE(entry.path, entry.reason);
        REQUIRE(entry.records_lost.has_value());
        for (const bool recovered : {false, true}) {
            CAPTURE(recovered);
            const reading got = read(engine, (test::testdata_root() / entry.path).string(), recovered);
            if (entry.outcome == "unreadable") {
                CHECK_FALSE(got.opened);
                continue;
            }
            REQUIRE(got.opened);
            CHECK(got.live == entry.records_readable);
            CHECK(got.lost == *entry.records_lost);
            if (!recovered) CHECK(got.recovered == 0);
            CHECK((entry.outcome == "partial") == (got.lost > 0));
        }
    }
}

TEST_CASE("the libevtx engine counts as lost every record of testdata/mutations it does not read",
          "[mutation][regression]") {
    const libevtx_engine engine;
    for (const test::manifest_entry& entry : mutation_entries()) {
        CAPTURE(entry.path, entry.reason);
        const reading got = read(engine, (test::testdata_root() / entry.path).string(), false);
        if (entry.outcome == "unreadable") {
            CHECK_FALSE(got.opened);
            continue;
        }
        if (!got.opened) continue;  // refused: the file is reported unreadable, nothing passes as read
        CHECK(got.live <= entry.records_written);
        CHECK(got.live + got.lost >= entry.records_written);
    }
}
