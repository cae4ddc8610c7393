// The built-in CAR analytics over ../shared/corpus (real logs of attack
// samples), held to the counts recorded in corpus_catalogue_counts.tsv:
// detections per analytic and variant, and the variants that could look on
// no host of the corpus. The counts were reviewed by hand once (each
// analytic's page in docs/analytics/ says which of them look wrong and why);
// a change in any of them is a change in what the catalogue finds in real
// logs and must be reviewed again. Skips (exit 77) when the corpus is absent.
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "catch.hpp"
#include "support/corpus_files.hpp"
#include "support/csv_reader.hpp"
#include "support/run_evtxcar.hpp"
#include "support/temporary_folder.hpp"

using namespace evtxcar;
using nlohmann::json;

namespace {

struct recorded_counts {
    std::map<std::string, std::uint64_t> detections;  // "CAR id:variant" -> detections on the corpus
    std::map<std::string, std::string> nowhere;        // "CAR id:variant" -> why it could look on no host
};

// Lines "detections<TAB>CAR id:variant<TAB>count" and "nowhere<TAB>CAR id:variant<TAB>why"; '#' starts a comment.
recorded_counts read_recorded_counts() {
    std::ifstream in(std::filesystem::path(EVTXCAR_SOURCE_DIR) / "tests" / "integration" / "corpus_catalogue_counts.tsv");
    REQUIRE(in.good());
    recorded_counts counts;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string kind, key, value;
        std::getline(fields, kind, '\t');
        std::getline(fields, key, '\t');
        std::getline(fields, value);
        if (kind == "detections") {
            counts.detections[key] = std::stoull(value);
        } else {
            REQUIRE(kind == "nowhere");
            counts.nowhere[key] = value;
        }
    }
    return counts;
}

}  // namespace

TEST_CASE("corpus: the CAR catalogue's detections per analytic and variant are the reviewed ones", "[integration][corpus]") {
    test::skip_without_corpus();
    const recorded_counts recorded = read_recorded_counts();
    REQUIRE_FALSE(recorded.detections.empty());

    temporary_folder out;
    const auto run = test::run_evtxcar({"scan", test::corpus_folder().string(), "-o", out.path().string(),
                                        "--no-html", "--quiet", "--threads", "2"});
    INFO(run.output);
    REQUIRE(run.signal == 0);
    REQUIRE((run.exit_status == 0 || run.exit_status == 3));

    std::map<std::string, std::uint64_t> found;
    const test::csv_table detections = test::read_csv_table((out.path() / "detections.csv").string());
    for (std::size_t i = 0; i < detections.rows.size(); ++i) {
        const std::string& id = detections.at(i, "analytic_id");
        if (id.starts_with("CAR-")) ++found[id + ":" + detections.at(i, "variant")];
    }
    const json summary = json::parse(test::read_file((out.path() / "summary.json").string()));
    std::map<std::string, std::string> nowhere;
    std::map<std::string, std::uint64_t> variants_run;  // every variant that ran, with its detections
    for (const json& analytic : summary["car_catalogue"]["runs"]) {
        for (const json& variant : analytic["variants"]) {
            const std::string key = analytic["id"].get<std::string>() + ":" + variant["variant"].get<std::string>();
            variants_run[key] = variant["detections"].get<std::uint64_t>();
            const std::string why = variant["not_anywhere"].get<std::string>();
            if (!why.empty()) nowhere[key] = why;
        }
    }

    for (const auto& [key, count] : recorded.detections) {
        INFO(key);
        CHECK(variants_run.count(key) == 1);  // the recorded variant still exists
        const auto it = found.find(key);
        CHECK((it == found.end() ? 0 : it->second) == count);
    }
    for (const auto& [key, count] : found) {
        INFO(key << ": " << count << " detections on the corpus, none recorded");
        CHECK(recorded.detections.count(key) == 1);
        CHECK(variants_run[key] == count);  // summary.json counts as detections.csv lists
    }
    for (const auto& [key, count] : variants_run) {
        INFO(key << " ran on the corpus and is not recorded");
        CHECK(recorded.detections.count(key) == 1);
    }
    CHECK(nowhere == recorded.nowhere);
}
