#include "engine_output.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace evtxcar::testing {

namespace {

class collecting_visitor final : public record_visitor {
public:
    explicit collecting_visitor(engine_output& out) : out_(out) {}
    void on_record(const event_record& record) override {
        out_.arrivals.push_back(static_cast<long>(out_.records.size()));
        out_.records.push_back(record);
    }
    void on_record_error(const read_error& error, std::uint64_t records_lost) override {
        out_.arrivals.push_back(-1 - static_cast<long>(out_.errors.size()));
        out_.errors.push_back(error);
        out_.records_lost += records_lost;
    }
    void on_warning(const read_error& warning) override { out_.warnings.push_back(warning); }

private:
    engine_output& out_;
};

}  // namespace

std::vector<std::string> evtx_files(const std::string& path) {
    if (!std::filesystem::is_directory(path)) return {path};
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
        std::string extension = entry.path().extension().string();
        std::transform(extension.begin(), extension.end(), extension.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (entry.is_regular_file() && extension == ".evtx") files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

engine_output read_all(const evtx_engine& engine, const std::string& path, const read_options& options) {
    engine_output out;
    auto reader = engine.open(path, options);
    if (!reader) {
        out.open_error = reader.error();
        return out;
    }
    collecting_visitor visitor(out);
    for (std::uint32_t segment = 0; segment < (*reader)->segment_count(); ++segment) {
        (*reader)->read_segment(segment, visitor);
    }
    return out;
}

}  // namespace evtxcar::testing
