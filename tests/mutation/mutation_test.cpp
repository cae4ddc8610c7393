// The mutation test: seeded mutants (evtx_mutator) of the intact logs of
// testdata/ and of a sample of ../shared/corpus, each read by the fast
// engine, must keep the accounting promise:
//   - never more live records than the intact file holds (whatever else is
//     delivered comes flagged recovered);
//   - fewer live records than the intact file holds only with the file
//     marked: records reported lost (the file is partial, exit status 3),
//     or the file refused (unreadable, exit status 3);
//   - every record of the intact file read or counted lost;
//   - no more records counted lost than the intact file holds;
//   - no mutant takes longer than a few seconds (no hang).
// A sample of the mutants is read by the libevtx engine too, which must
// never take the test down (its libevtx runs in a child process) and must
// mark every file it reads fewer records of.
//
// What the intact file holds: for testdata/, the records the scenario wrote
// (MANIFEST.tsv); for the corpus sample (files the fast engine reads whole),
// its live records as the fast engine reads the intact file, which the
// differential test holds to libevtx.
//
// EVTXCAR_MUTANTS sets the number of mutants per source (default below);
// sanitizer builds run the same test (CI's second pass).
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "binxml/binxml_engine.hpp"
#include "catch.hpp"
#include "evtx_mutator.hpp"
#include "libevtx/libevtx_engine.hpp"
#include "support/expected_records.hpp"
#include "support/temporary_folder.hpp"

using namespace evtxcar;
namespace fs = std::filesystem;

namespace {

struct source_file {
    std::string name;  // for messages
    mutation::bytes bytes;
    std::uint64_t live_records = 0;  // what the intact file holds
};

// The chunk count the intact file's header states (bytes 42-43).
std::uint64_t stated_chunk_count(const mutation::bytes& file) {
    return file.size() >= 44 ? std::uint64_t{file[42]} | (std::uint64_t{file[43]} << 8) : 0;
}

bool stated_dirty(const mutation::bytes& file) { return file.size() >= 124 && (file[120] & 1) != 0; }

// Records chunk `chunk` of the intact file holds, by its header's record numbers.
std::uint64_t chunk_records(const mutation::bytes& file, std::uint64_t chunk) {
    const std::uint64_t at = 4096 + chunk * 65536;
    if (at + 24 > file.size()) return 0;
    auto u64 = [&](std::uint64_t offset) {
        std::uint64_t value = 0;
        for (int i = 7; i >= 0; --i) value = (value << 8) | file[at + offset + static_cast<std::uint64_t>(i)];
        return value;
    };
    const std::uint64_t first = u64(8), last = u64(16);
    return last >= first ? last - first + 1 : 0;
}

// Records a cut leaves no witness of: those of the chunks beyond the ones
// the header counts (a dirty file's header lags behind its chunks) that the
// cut removes, or leaves too few bytes of to show their first record id.
// The rest is a valid, shorter log: nothing in it says they were there.
std::uint64_t unwitnessed_by_cut(const source_file& source, const mutation::mutation& change) {
    if (change.kind != mutation::mutation_kind::truncate) return 0;
    std::uint64_t records = 0;
    const std::uint64_t chunks = source.bytes.size() > 4096 ? (source.bytes.size() - 4096) / 65536 : 0;
    for (std::uint64_t chunk = stated_chunk_count(source.bytes); chunk < chunks; ++chunk) {
        if (4096 + chunk * 65536 + 32 > change.offset) records += chunk_records(source.bytes, chunk);
    }
    return records;
}

struct reading {
    bool opened = false;
    std::string open_error;
    std::uint64_t live = 0;
    std::uint64_t recovered = 0;
    std::uint64_t lost = 0;
    std::uint64_t errors = 0;
    bool lower_bound = false;  // a loss was reported as "at least" that many
};

class counting_visitor final : public record_visitor {
public:
    explicit counting_visitor(reading& out) : out_(out) {}
    void on_record(const event_record& record) override { ++(record.recovered ? out_.recovered : out_.live); }
    void on_record_error(const read_error& error, std::uint64_t lost) override {
        ++out_.errors;
        out_.lower_bound = out_.lower_bound || error.reason.find("at least") != std::string::npos;
        out_.lost += lost == 0 ? 1 : lost;  // as the scan counts it (record_consumer)
    }
    void on_warning(const read_error&) override {}

private:
    reading& out_;
};

reading read_all(evtx_file_reader& reader) {
    reading out;
    out.opened = true;
    counting_visitor visitor(out);
    for (std::uint32_t segment = 0; segment < reader.segment_count(); ++segment) reader.read_segment(segment, visitor);
    return out;
}

reading read_fast(const source_file& source, const mutation::bytes& bytes, bool recovered) {
    read_options options;
    options.include_recovered = recovered;
    auto reader = open_evtx_bytes(source.name, bytes, options);
    if (!reader) return {.open_error = reader.error().reason};
    return read_all(**reader);
}

reading read_libevtx(const evtx_engine& engine, const fs::path& path, bool recovered) {
    read_options options;
    options.include_recovered = recovered;
    auto reader = engine.open(path.string(), options);
    if (!reader) return {.open_error = reader.error().reason};
    return read_all(**reader);
}

mutation::bytes file_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return mutation::bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::uint64_t mutants_per_source(std::uint64_t fallback) {
    const char* text = std::getenv("EVTXCAR_MUTANTS");
    return text != nullptr && *text != '\0' ? std::strtoull(text, nullptr, 10) : fallback;
}

// The intact logs of testdata/ (MANIFEST outcome "ok"), with the records their scenarios wrote.
std::vector<source_file> testdata_sources() {
    std::vector<source_file> sources;
    for (const auto& [path, entry] : test::read_manifest()) {
        // The regression files of mutations/ are damaged already: not intact logs to mutate.
        if (entry.outcome != "ok" || !path.ends_with(".evtx") || path.rfind("mutations/", 0) == 0) continue;
        sources.push_back({"testdata/" + path, file_bytes(test::testdata_root() / path), entry.records_readable});
    }
    return sources;
}

// Every `step`-th corpus file of at most 2.2 MB that the fast engine reads
// whole (no record lost), with its live records.
std::vector<source_file> corpus_sources(std::size_t step) {
    const fs::path corpus = fs::path(EVTXCAR_SHARED_DIR) / "corpus";
    std::vector<source_file> sources;
    if (!fs::is_directory(corpus)) return sources;
    std::vector<fs::path> paths;
    for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
        if (entry.is_regular_file() && entry.path().extension() == ".evtx" && entry.file_size() <= 2200000) {
            paths.push_back(entry.path());
        }
    }
    std::sort(paths.begin(), paths.end());
    for (std::size_t i = 0; i < paths.size(); i += step) {
        source_file source{fs::relative(paths[i], corpus).string(), file_bytes(paths[i]), 0};
        const reading intact = read_fast(source, source.bytes, false);
        if (!intact.opened || intact.lost > 0 || intact.live == 0) continue;
        source.live_records = intact.live;
        sources.push_back(std::move(source));
    }
    return sources;
}

struct tally {
    std::uint64_t mutants = 0;
    std::uint64_t fewer = 0;      // mutants of which fewer live records were read
    std::uint64_t refused = 0;    // mutants the engine refused to open
    std::uint64_t marked = 0;     // mutants with records reported lost
    std::uint64_t lower_bounds = 0;      // mutants whose loss is known only as "at least"
    std::uint64_t beyond_witnesses = 0;  // cuts that remove records nothing left witnesses
    std::vector<std::string> broken;  // invariants that failed, in words
    std::map<std::string, std::uint64_t> by_kind;
};

// The invariants for one reading of one mutant; what failed goes to `out`.
void check_reading(const source_file& source, const mutation::mutation& change, std::uint64_t seed, const reading& got,
                   const char* engine, bool recovered, double seconds, tally& out) {
    const std::uint64_t held = source.live_records;
    auto fail = [&](const std::string& what) {
        if (out.broken.size() >= 40) return;
        out.broken.push_back(std::string(engine) + (recovered ? " --recovered" : "") + ": " + source.name + " seed " +
                             std::to_string(seed) + " (" + change.describe() + "): " + what + "; live " +
                             std::to_string(got.live) + ", recovered " + std::to_string(got.recovered) + ", lost " +
                             std::to_string(got.lost) + " of " + std::to_string(held) +
                             (got.opened ? "" : ", refused: " + got.open_error));
    };
    ++out.mutants;
    if (!got.opened) {
        ++out.refused;
        ++out.fewer;
        return;  // an unreadable file is marked as such (exit 3)
    }
    if (got.lost > 0) ++out.marked;
    if (got.live < held) ++out.fewer;
    if (got.live > held) fail("more live records than the intact file holds");
    // Of the records a cut removes, those nothing in the rest of the file
    // witnesses are not expected back; a dirty header's next record id lags,
    // so a cut file of it can only be said to have lost records, not how many.
    const std::uint64_t unwitnessed = unwitnessed_by_cut(source, change);
    if (unwitnessed > 0) ++out.beyond_witnesses;
    const std::uint64_t witnessed = held - std::min(held, unwitnessed);
    if (got.live < witnessed && got.lost == 0) fail("fewer live records and nothing reported lost");
    const bool count_witnessed = !(change.kind == mutation::mutation_kind::truncate && stated_dirty(source.bytes));
    // Where no witness says how many records a damaged part held, the engine counts at least one and says so.
    if (count_witnessed && got.live + got.lost < witnessed) {
        if (got.lower_bound) {
            ++out.lower_bounds;
        } else {
            fail("records neither read nor counted lost");
        }
    }
    if (got.lost > held) fail("more records counted lost than the file holds");
    if (seconds > 10) fail("took " + std::to_string(seconds) + " s");
}

void print(const char* title, const tally& t) {
    std::cout << title << ": " << t.mutants << " mutants, " << t.fewer << " with fewer live records (" << t.refused
              << " refused), " << t.marked << " with records reported lost (" << t.lower_bounds
               << " known as at least), " << t.beyond_witnesses << " cut beyond what the rest witnesses, " << t.broken.size()
              << " broke an invariant\n";
    for (const auto& [kind, count] : t.by_kind) std::cout << "  " << count << "  " << kind << "\n";
}

std::string kind_of(const mutation::mutation& change) {
    const std::string text = change.describe();
    return text.substr(0, text.find(':')) + (change.fix_checksums ? " (checksums fixed)" : "");
}

void mutate_and_check(const std::vector<source_file>& sources, std::uint64_t mutants, std::uint64_t seed_base,
                      tally& out) {
    for (std::size_t s = 0; s < sources.size(); ++s) {
        const source_file& source = sources[s];
        for (std::uint64_t n = 0; n < mutants; ++n) {
            const std::uint64_t seed = seed_base + s * 1000003u + n;
            const mutation::mutation change = mutation::random_mutation(source.bytes, seed);
            const mutation::bytes mutant = mutation::apply(source.bytes, change);
            const bool recovered = n % 2 == 1;  // every other mutant with recovered records too
            const auto start = std::chrono::steady_clock::now();
            const reading got = read_fast(source, mutant, recovered);
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            ++out.by_kind[kind_of(change)];
            check_reading(source, change, seed, got, "fast", recovered, seconds, out);
        }
    }
}

}  // namespace

TEST_CASE("mutants of the testdata logs: every record read or counted lost, and fewer never silently",
          "[mutation]") {
    const std::vector<source_file> sources = testdata_sources();
    REQUIRE(sources.size() >= 20);
    tally result;
    mutate_and_check(sources, mutants_per_source(120), 0x7E57DA7A, result);
    print("testdata mutants (fast engine)", result);
    for (const std::string& broken : result.broken) UNSCOPED_INFO(broken);
    CHECK(result.broken.empty());
    CHECK(result.fewer > 0);  // the mutator does damage
}

TEST_CASE("mutants of a corpus sample: every record read or counted lost, and fewer never silently", "[mutation]") {
    const std::vector<source_file> sources = corpus_sources(12);
    if (sources.empty()) {
        WARN("../shared/corpus is absent: the corpus mutants are skipped");
        return;
    }
    tally result;
    mutate_and_check(sources, mutants_per_source(40), 0xC0B5C0B5, result);
    print("corpus sample mutants (fast engine)", result);
    for (const std::string& broken : result.broken) UNSCOPED_INFO(broken);
    CHECK(result.broken.empty());
}

TEST_CASE("mutants read by the libevtx engine: nothing takes the run down, fewer never silently", "[mutation]") {
    // libevtx is slow: a sample of the testdata mutants, one file per mutant.
    const std::vector<source_file> sources = testdata_sources();
    const libevtx_engine engine(libevtx::child_limits{.memory_bytes = std::uint64_t{1} << 30, .silence_seconds = 30});
    temporary_folder folder;
    tally result;
    const std::uint64_t mutants = std::max<std::uint64_t>(1, mutants_per_source(120) / 12);
    for (std::size_t s = 0; s < sources.size(); ++s) {
        const source_file& source = sources[s];
        for (std::uint64_t n = 0; n < mutants; ++n) {
            const std::uint64_t seed = 0x11B3F7 + s * 1000003u + n;
            const mutation::mutation change = mutation::random_mutation(source.bytes, seed);
            const mutation::bytes mutant = mutation::apply(source.bytes, change);
            const fs::path path = folder.path() / "mutant.evtx";
            std::ofstream(path, std::ios::binary | std::ios::trunc)
                .write(reinterpret_cast<const char*>(mutant.data()), static_cast<std::streamsize>(mutant.size()));
            const bool recovered = n % 2 == 1;
            const auto start = std::chrono::steady_clock::now();
            const reading got = read_libevtx(engine, path, recovered);
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            ++result.by_kind[kind_of(change)];
            ++result.mutants;
            // libevtx reads fewer records than the fast engine where it stops at damage; what it must
            // never do is read fewer than the file holds without saying so, or crash the test.
            if (got.opened && got.live + unwitnessed_by_cut(source, change) < source.live_records && got.lost == 0 &&
                result.broken.size() < 40) {
                result.broken.push_back(source.name + " seed " + std::to_string(seed) + " (" + change.describe() +
                                        "): libevtx read " + std::to_string(got.live) + " of " +
                                        std::to_string(source.live_records) + " and reported nothing lost");
            }
            if (got.opened && got.live > source.live_records && result.broken.size() < 40) {
                result.broken.push_back(source.name + " seed " + std::to_string(seed) + " (" + change.describe() +
                                        "): libevtx read " + std::to_string(got.live) + " live records of " +
                                        std::to_string(source.live_records));
            }
            if (seconds > 60 && result.broken.size() < 40) {
                result.broken.push_back(source.name + " seed " + std::to_string(seed) + ": took " +
                                        std::to_string(seconds) + " s");
            }
            if (!got.opened || got.live < source.live_records) ++result.fewer;
            if (got.lost > 0) ++result.marked;
        }
    }
    print("testdata mutants (libevtx engine)", result);
    for (const std::string& broken : result.broken) UNSCOPED_INFO(broken);
    CHECK(result.broken.empty());
}
