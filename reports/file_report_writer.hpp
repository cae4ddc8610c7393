#pragma once
// file_report_writer: the part every single-file writer shares: the output
// file, created under a temporary name in begin() and published in commit().

#include <filesystem>
#include <optional>

#include "output_file.hpp"
#include "report_writer.hpp"

namespace evtxcar {

class file_report_writer : public report_writer {
public:
    result<bool> commit() override { return file_ ? file_->publish() : result<bool>(not_begun()); }

protected:
    explicit file_report_writer(std::filesystem::path folder) : folder_(std::move(folder)) {}

    // Creates <folder>/<file_name()> under its temporary name.
    result<bool> create_file() {
        auto created = output_file::create(folder_ / file_name());
        if (!created) return created.error();
        file_.emplace(std::move(created.value()));
        return true;
    }
    output_file& file() { return *file_; }
    result<bool> complete_file() { return file_ ? file_->complete() : result<bool>(not_begun()); }

private:
    read_error not_begun() const {
        return read_error{.file = (folder_ / file_name()).string(), .reason = "writer used before begin()"};
    }

    std::filesystem::path folder_;
    std::optional<output_file> file_;
};

}  // namespace evtxcar
