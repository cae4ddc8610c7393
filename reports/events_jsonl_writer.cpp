// events.jsonl: one JSON object per normalized event, in timeline order, with
// every CAR field under its CAR name (values as text, as the log has them).
#include <optional>

#include "event_text.hpp"
#include "filetime.hpp"
#include "json_text.hpp"
#include "file_report_writer.hpp"
#include "writers.hpp"

namespace evtxcar {

namespace {

class events_jsonl_writer final : public file_report_writer {
public:
    explicit events_jsonl_writer(std::filesystem::path folder) : file_report_writer(std::move(folder)) {}

    std::string_view file_name() const override { return "events.jsonl"; }

    result<bool> begin(const scan_summary& summary) override {
        if (auto created = create_file(); !created) return created;
        for (const file_outcome& file : summary.files) source_files_.push_back(file.path);
        return true;
    }

    result<bool> write_event(const car_event& event) override {
        line_.clear();
        auto key = [this](std::string_view name) {
            line_.push_back(',');
            append_json_string(line_, name);
            line_.push_back(':');
        };
        line_ += "{\"datetime\":\"";
        append_iso8601_utc(line_, event.time);  // nothing in it needs escaping
        line_ += '"';
        key("object");
        append_json_string(line_, event.object);
        key("action");
        append_json_string(line_, event.action);
        key("message");
        append_json_string(line_, event_message(event));
        for (const car_value& value : event.values) {
            key(name_of(value.field));
            append_json_string(line_, value.text);
        }
        key("analytics");
        line_.push_back('[');
        for (std::size_t i = 0; i < event.analytics.size(); ++i) {
            if (i > 0) line_.push_back(',');
            append_json_string(line_, event.analytics[i]);
        }
        line_.push_back(']');
        key("channel");
        append_json_string(line_, event.channel);
        key("provider");
        append_json_string(line_, event.provider);
        key("event_id");
        line_ += std::to_string(event.event_id);
        key("record_id");
        line_ += std::to_string(event.record_id);
        key("source_file");
        append_json_string(line_, event.file_index < source_files_.size() ? source_files_[event.file_index] : "");
        line_ += "}\n";
        file().write(line_);
        return true;
    }

    result<bool> finish(const scan_summary&, const std::vector<detection>&) override { return complete_file(); }

private:
    std::vector<std::string> source_files_;
    std::string line_;
};

}  // namespace

std::unique_ptr<report_writer> make_events_jsonl_writer(const std::filesystem::path& folder) {
    return std::make_unique<events_jsonl_writer>(folder);
}

}  // namespace evtxcar
