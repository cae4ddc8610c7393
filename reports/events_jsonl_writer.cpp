// events.jsonl: one JSON object per timeline event, in timeline order, with
// Timesketch's three required members (datetime, timestamp_desc, message),
// every CAR field under its CAR name (text, as the log has it; the number
// fields of number_fields.hpp as JSON numbers), the record's other System
// values, and its payload as logged (`event_data` or `user_data`, names as
// in `details`, values as text).
#include <cstdio>
#include <map>
#include <optional>

#include "event_text.hpp"
#include "filetime.hpp"
#include "json_text.hpp"
#include "number_fields.hpp"
#include "file_report_writer.hpp"
#include "writers.hpp"

namespace evtxcar {

namespace {

class events_jsonl_writer final : public file_report_writer {
public:
    explicit events_jsonl_writer(std::filesystem::path folder) : file_report_writer(std::move(folder)) {}

    std::string_view file_name() const override { return "events.jsonl"; }
    bool finishes_early() const override { return true; }  // reads the summary's files only
    bool reads_detections() const override { return false; }

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
        key("timestamp_desc");
        append_json_string(line_, event_timestamp_description);
        key("object");
        append_json_string(line_, event.object);
        key("action");
        append_json_string(line_, event.action);
        key("message");
        append_json_string(line_, event_message(event));
        for (const car_value& value : event.values) {
            if (is_number_field(value.field)) {
                // One JSON type per member in every record: a value that is
                // not a whole number (kept as logged, and counted as a
                // normalization warning) goes under <name>_text.
                if (const auto number = exact_whole_number(value.text)) {
                    key(name_of(value.field));
                    line_ += std::to_string(*number);
                } else {
                    key(std::string(name_of(value.field)) + "_text");
                    append_json_string(line_, value.text);
                }
                continue;
            }
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
        key("version");
        line_ += std::to_string(event.version);
        key("level");
        line_ += std::to_string(event.level);
        key("task");
        line_ += std::to_string(event.task);
        key("opcode");
        line_ += std::to_string(event.opcode);
        key("keywords");
        append_keywords(event.keywords);
        if (!event.user_sid.empty()) {
            key("user_sid");
            append_json_string(line_, event.user_sid);
        }
        append_payload(event);
        key("source_file");
        append_json_string(line_, source_of(event.file_index));
        key("copies");
        line_ += std::to_string(1 + event.copies.size());
        key("source_files");
        line_.push_back('[');
        append_json_string(line_, source_of(event.file_index));
        for (std::uint32_t copy : event.copies) {
            line_.push_back(',');
            append_json_string(line_, source_of(copy));
        }
        line_ += "]}\n";
        file().write(line_);
        return true;
    }

    result<bool> finish(const scan_summary&, const detection_list&) override { return complete_file(); }

private:
    const std::string& source_of(std::uint32_t file_index) const {
        static const std::string none;
        return file_index < source_files_.size() ? source_files_[file_index] : none;
    }

    void append_keywords(std::uint64_t keywords) {
        char hex[24];
        std::snprintf(hex, sizeof hex, "\"0x%016llx\"", static_cast<unsigned long long>(keywords));
        line_ += hex;
    }

    // The payload as one object. A name met again gets "[2]", "[3]", ...
    // so that every key is unique (a UserData list repeats its paths).
    void append_payload(const car_event& event) {
        if (event.payload == payload_kind::none) return;
        line_ += event.payload == payload_kind::event_data ? ",\"event_data\":{" : ",\"user_data\":{";
        seen_.clear();
        for (std::size_t i = 0; i < event.fields.size(); ++i) {
            std::string label = payload_label(event.fields, i);
            std::size_t& times = seen_[label];
            if (++times > 1) {
                label += '[';
                label += std::to_string(times);
                label += ']';
            }
            if (i > 0) line_.push_back(',');
            append_json_string(line_, label);
            line_.push_back(':');
            append_json_string(line_, event.fields[i].value);
        }
        line_.push_back('}');
        if (event.payload == payload_kind::user_data) {
            line_ += ",\"user_data_name\":";
            append_json_string(line_, event.payload_name);
        }
    }

    std::map<std::string, std::size_t> seen_;
    std::vector<std::string> source_files_;
    std::string line_;
};

}  // namespace

std::unique_ptr<report_writer> make_events_jsonl_writer(const std::filesystem::path& folder) {
    return std::make_unique<events_jsonl_writer>(folder);
}

}  // namespace evtxcar
