#include "pipeline/output_folder.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

#include "catch.hpp"
#include "pipeline/output_manifest.hpp"
#include "pipeline/stale_temporaries.hpp"
#include "support/child_process.hpp"
#include "support/temporary_folder.hpp"

using namespace evtxcar;

namespace {

namespace fs = std::filesystem;

const std::vector<std::string> output_names = {"timeline.csv", "detections.csv", "coverage.csv",
                                               "summary.json", "events.jsonl", "report.html"};

output_folder_settings settings_for(const fs::path& folder, std::vector<std::string> this_run, bool overwrite = false) {
    output_folder_settings settings;
    settings.folder = folder;
    settings.overwrite = overwrite;
    settings.this_run_writes = std::move(this_run);
    settings.output_names = output_names;
    settings.tool_version = "0.0.0-test";
    return settings;
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const output_folder_refusal* refusal_of(const std::variant<output_folder, output_folder_refusal>& claimed) {
    return std::get_if<output_folder_refusal>(&claimed);
}

}  // namespace

TEST_CASE("process ids are read from evtxcar's temporary names only", "[pipeline][output_folder]") {
    CHECK(process_id_after(".timeline.csv.partial-4242", ".timeline.csv.partial-") == 4242);
    CHECK_FALSE(process_id_after(".timeline.csv.partial-", ".timeline.csv.partial-"));
    CHECK_FALSE(process_id_after(".timeline.csv.partial-42x", ".timeline.csv.partial-"));
    CHECK_FALSE(process_id_after(".timeline.csv.partial-0", ".timeline.csv.partial-"));
    CHECK_FALSE(process_id_after("timeline.csv.partial-42", ".timeline.csv.partial-"));
    CHECK(output_folder::is_state_or_temporary(".evtxcar", output_names));
    CHECK(output_folder::is_state_or_temporary(".report.html.partial-17", output_names));
    CHECK(output_folder::is_state_or_temporary(".evtxcar.partial-17", output_names));
    CHECK(output_folder::is_state_or_temporary(".evtxcar-sort-17", output_names));
    CHECK_FALSE(output_folder::is_state_or_temporary("report.html", output_names));
    CHECK_FALSE(output_folder::is_state_or_temporary(".notes.txt.partial-17", output_names));
    CHECK_FALSE(output_folder::is_state_or_temporary("Security.evtx", output_names));
}

TEST_CASE("a missing output folder is created, and removed again when nothing was published",
          "[pipeline][output_folder]") {
    temporary_folder folder;
    const fs::path out = folder.path() / "new" / "out";
    {
        auto claimed = output_folder::claim(settings_for(out, {"timeline.csv"}));
        REQUIRE(refusal_of(claimed) == nullptr);
        CHECK(fs::is_directory(out / ".evtxcar"));
        CHECK(std::get<output_folder>(claimed).spill_folder() == out / ".evtxcar" / ("sort-" + std::to_string(::getpid())));
    }
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("an output folder holding files evtxcar did not write is refused, even with --overwrite where it would replace one",
          "[pipeline][output_folder]") {
    temporary_folder folder;
    const fs::path evidence = folder.path();
    std::ofstream(evidence / "Security.evtx") << "evidence";
    std::ofstream(evidence / "events.jsonl") << "evidence too";

    auto plain = output_folder::claim(settings_for(evidence, {"timeline.csv"}));
    REQUIRE(refusal_of(plain) != nullptr);
    CHECK(refusal_of(plain)->what == output_folder_refusal::kind::refused);
    CHECK(refusal_of(plain)->message.find("holds files evtxcar did not write (Security.evtx, events.jsonl)") !=
          std::string::npos);

    auto replacing = output_folder::claim(settings_for(evidence, {"timeline.csv", "events.jsonl"}, true));
    REQUIRE(refusal_of(replacing) != nullptr);
    CHECK(refusal_of(replacing)->what == output_folder_refusal::kind::refused);
    CHECK(refusal_of(replacing)->message.find("holds events.jsonl, which evtxcar did not write") != std::string::npos);

    {
        auto beside = output_folder::claim(settings_for(evidence, {"timeline.csv"}, true));
        REQUIRE(refusal_of(beside) == nullptr);
        output_folder& claimed = std::get<output_folder>(beside);
        REQUIRE(claimed.begin_publish());
        std::ofstream(evidence / "timeline.csv") << "ours";
        REQUIRE(claimed.end_publish());
    }
    CHECK(read_text(evidence / "Security.evtx") == "evidence");
    CHECK(read_text(evidence / "events.jsonl") == "evidence too");
    CHECK(read_output_manifest(evidence / ".evtxcar", output_names) == std::vector<std::string>{"timeline.csv"});
}

TEST_CASE("an earlier run's outputs are replaced only with --overwrite, and only those it wrote are removed",
          "[pipeline][output_folder]") {
    temporary_folder folder;
    const fs::path out = folder.path();
    {
        auto first = output_folder::claim(settings_for(out, {"timeline.csv", "events.jsonl"}));
        REQUIRE(refusal_of(first) == nullptr);
        REQUIRE(std::get<output_folder>(first).begin_publish());
        std::ofstream(out / "timeline.csv") << "first";
        std::ofstream(out / "events.jsonl") << "first";
        REQUIRE(std::get<output_folder>(first).end_publish());
    }
    auto refused = output_folder::claim(settings_for(out, {"timeline.csv"}));
    REQUIRE(refusal_of(refused) != nullptr);
    CHECK(refusal_of(refused)->what == output_folder_refusal::kind::refused);
    CHECK(refusal_of(refused)->message.find("holds the outputs of an earlier run (events.jsonl, timeline.csv)") !=
          std::string::npos);

    auto second = output_folder::claim(settings_for(out, {"timeline.csv"}, true));
    REQUIRE(refusal_of(second) == nullptr);
    output_folder& claimed = std::get<output_folder>(second);
    REQUIRE(claimed.begin_publish());
    // Until the new outputs are in place, the manifest names both runs'.
    CHECK(read_output_manifest(out / ".evtxcar", output_names) ==
          std::vector<std::string>{"timeline.csv", "events.jsonl"});
    std::ofstream(out / "timeline.csv") << "second";
    REQUIRE(claimed.end_publish());
    CHECK_FALSE(fs::exists(out / "events.jsonl"));
    CHECK(read_text(out / "timeline.csv") == "second");
    CHECK(read_output_manifest(out / ".evtxcar", output_names) == std::vector<std::string>{"timeline.csv"});
}

TEST_CASE("a manifest names only files evtxcar can write", "[pipeline][output_folder]") {
    temporary_folder folder;
    const fs::path state = folder.path() / ".evtxcar";
    fs::create_directories(state);
    std::ofstream(state / "manifest.json") << R"({"files": ["timeline.csv", "Security.evtx", "../x"]})";
    CHECK(read_output_manifest(state, output_names) == std::vector<std::string>{"timeline.csv"});
    std::ofstream(state / "manifest.json") << "not json";
    CHECK(read_output_manifest(state, output_names).empty());
}

TEST_CASE("one run at a time writes into an output folder", "[pipeline][output_folder]") {
    temporary_folder folder;
    fs::create_directories(folder.path() / ".evtxcar");
    const int held = ::open((folder.path() / ".evtxcar" / "lock").c_str(), O_RDWR | O_CREAT, 0644);
    REQUIRE(held >= 0);
    REQUIRE(::write(held, "4242\n", 5) == 5);
    // flock locks belong to the open file: a child process holds it, as another run would.
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    const pid_t holder = ::fork();
    if (holder == 0) {
        if (::flock(held, LOCK_EX) != 0) ::_exit(1);
        [[maybe_unused]] const ssize_t told = ::write(ready[1], "x", 1);
        ::pause();
        ::_exit(0);
    }
    char byte = 0;
    REQUIRE(::read(ready[0], &byte, 1) == 1);
    ::close(held);
    auto claimed = output_folder::claim(settings_for(folder.path(), {"timeline.csv"}));
    ::kill(holder, SIGKILL);
    int status = 0;
    ::waitpid(holder, &status, 0);
    REQUIRE(refusal_of(claimed) != nullptr);
    CHECK(refusal_of(claimed)->what == output_folder_refusal::kind::in_use);
    CHECK(refusal_of(claimed)->message.find("in use by another evtxcar run (process 4242)") != std::string::npos);
    auto after = output_folder::claim(settings_for(folder.path(), {"timeline.csv"}));
    CHECK(refusal_of(after) == nullptr);
}

TEST_CASE("temporaries of runs whose process is gone are removed, others kept", "[pipeline][output_folder]") {
    temporary_folder folder;
    const fs::path out = folder.path();
    const fs::path temp = folder.path() / "temp";
    fs::create_directories(temp);
    const std::string gone = std::to_string(test::gone_process_id());
    const std::string alive = std::to_string(::getppid());
    fs::create_directories(out / ".evtxcar" / ("sort-" + gone));
    std::ofstream(out / ".evtxcar" / ("sort-" + gone) / "run-0.bin") << "spilled";
    fs::create_directories(out / (".evtxcar-sort-" + gone));  // where older versions spilled
    std::ofstream(out / (".timeline.csv.partial-" + gone)) << "partial";
    std::ofstream(out / (".timeline.csv.partial-" + alive)) << "a run still going";
    std::ofstream(out / (".notes.txt.partial-" + gone)) << "not evtxcar's";
    fs::create_directories(temp / ("evtxcar-sort-" + gone));
    fs::create_directories(temp / ("evtxcar-sort-" + alive));

    auto settings = settings_for(out, {"timeline.csv"}, true);
    settings.temp_dir = temp;
    auto claimed = output_folder::claim(settings);
    // The foreign .notes.txt.partial file is someone else's: with --overwrite, written beside.
    REQUIRE(refusal_of(claimed) == nullptr);
    CHECK(std::get<output_folder>(claimed).stale_temporaries_removed() == 4);
    CHECK_FALSE(fs::exists(out / ".evtxcar" / ("sort-" + gone)));
    CHECK_FALSE(fs::exists(out / (".evtxcar-sort-" + gone)));
    CHECK_FALSE(fs::exists(out / (".timeline.csv.partial-" + gone)));
    CHECK_FALSE(fs::exists(temp / ("evtxcar-sort-" + gone)));
    CHECK(fs::exists(out / (".timeline.csv.partial-" + alive)));
    CHECK(fs::exists(out / (".notes.txt.partial-" + gone)));
    CHECK(fs::exists(temp / ("evtxcar-sort-" + alive)));
    CHECK(std::get<output_folder>(claimed).spill_folder() == temp / ("evtxcar-sort-" + std::to_string(::getpid())));
}

TEST_CASE("an output folder or --temp-dir that cannot be used is a fatal error", "[pipeline][output_folder]") {
    temporary_folder folder;
    std::ofstream(folder.path() / "a-file") << "x";
    auto under_a_file = output_folder::claim(settings_for(folder.path() / "a-file" / "out", {"timeline.csv"}));
    REQUIRE(refusal_of(under_a_file) != nullptr);
    CHECK(refusal_of(under_a_file)->what == output_folder_refusal::kind::cannot_write);

    auto settings = settings_for(folder.path() / "out", {"timeline.csv"});
    settings.temp_dir = folder.path() / "no-such-folder";
    auto no_temp = output_folder::claim(settings);
    REQUIRE(refusal_of(no_temp) != nullptr);
    CHECK(refusal_of(no_temp)->what == output_folder_refusal::kind::cannot_write);
    CHECK(refusal_of(no_temp)->message.find("no such folder") != std::string::npos);
}

TEST_CASE("the walk leaves out evtxcar's own files in the output folder, and only those", "[pipeline][output_folder]") {
    temporary_folder folder;
    const fs::path out = folder.path();
    {
        auto first = output_folder::claim(settings_for(out, {"timeline.csv", "report.html"}));
        REQUIRE(refusal_of(first) == nullptr);
        REQUIRE(std::get<output_folder>(first).begin_publish());
        std::ofstream(out / "timeline.csv") << "first";
        std::ofstream(out / "report.html") << "first";
        REQUIRE(std::get<output_folder>(first).end_publish());
    }
    std::ofstream(out / "events.jsonl") << "someone else's";
    auto second = output_folder::claim(settings_for(out, {"timeline.csv", "summary.json"}, true));
    REQUIRE(refusal_of(second) == nullptr);
    const discovery_settings walk = std::get<output_folder>(second).exclusions();
    CHECK(walk.output_folder == identity_of(out.string()));
    CHECK(walk.is_own_file("report.html"));   // the earlier run's
    CHECK(walk.is_own_file("summary.json"));  // this run's
    CHECK(walk.is_own_file(".evtxcar"));
    CHECK(walk.is_own_file(".timeline.csv.partial-12"));
    CHECK_FALSE(walk.is_own_file("events.jsonl"));  // not evtxcar's: input like any other file
    CHECK_FALSE(walk.is_own_file("Security.evtx"));
}
