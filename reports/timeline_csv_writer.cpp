// timeline.csv: every normalized event, in timeline order, one row each.
// Loads unchanged into Timesketch (datetime, timestamp_desc, message).
#include <array>
#include <charconv>
#include <optional>

#include "csv_text.hpp"
#include "event_text.hpp"
#include "filetime.hpp"
#include "file_report_writer.hpp"
#include "writers.hpp"

namespace evtxcar {

namespace {

constexpr std::string_view header =
    "datetime,timestamp_desc,message,hostname,object,action,exe,image_path,pid,ppid,guid,command_line,"
    "parent_image_path,user,src_ip,src_port,dest_ip,dest_port,details,analytics,channel,provider,event_id,"
    "record_id,source_file,copies\r\n";

class timeline_csv_writer final : public file_report_writer {
public:
    timeline_csv_writer(std::filesystem::path folder, const csv_format& format)
        : file_report_writer(std::move(folder)), format_(format) {}

    std::string_view file_name() const override { return "timeline.csv"; }
    bool finishes_early() const override { return true; }  // reads the summary's files only
    bool reads_detections() const override { return false; }

    result<bool> begin(const scan_summary& summary) override {
        if (auto created = create_file(); !created) return created;
        for (const file_outcome& file : summary.files) {
            std::string& cell = source_file_cells_.emplace_back();
            append_csv_cell(cell, file.path);
            cell.push_back(',');
        }
        append_csv_cell(timestamp_description_cell_, event_timestamp_description);
        timestamp_description_cell_.push_back(',');
        file().write(csv_file_start(format_));
        file().write(header);
        return true;
    }

    result<bool> write_event(const car_event& event) override {
        line_.clear();
        auto cell = [this](std::string_view value) {
            append_csv_cell(line_, value);
            line_.push_back(',');
        };
        // The texts of the fields with a column, found in one walk over the event's values.
        std::array<std::string_view, column_fields.size()> columns{};
        std::string_view hostname;
        for (const car_value& value : event.values) {
            if (value.field == car_field::hostname) hostname = value.text;
            const std::int8_t column = column_of[static_cast<std::size_t>(value.field)];
            if (column >= 0) columns[static_cast<std::size_t>(column)] = value.text;
        }
        append_iso8601_utc(line_, event.time);  // digits, '-', 'T', ':', '.', 'Z': nothing to quote or neutralize
        line_.push_back(',');
        line_ += timestamp_description_cell_;
        scratch_.clear();
        append_event_message(scratch_, event);
        cell(scratch_);
        cell(hostname);
        cell(event.object);
        cell(event.action);
        for (std::string_view text : columns) cell(text);
        scratch_.clear();
        append_event_details(scratch_, event, fields_in_columns);
        cell(scratch_);
        scratch_.clear();
        append_analytics_text(scratch_, event);
        cell(scratch_);
        cell(event.channel);
        cell(event.provider);
        cell(decimal(event.event_id));
        cell(decimal(event.record_id));
        line_ += event.file_index < source_file_cells_.size() ? std::string_view(source_file_cells_[event.file_index])
                                                              : std::string_view(",");
        line_ += decimal(1 + event.copies.size());  // digits: nothing to quote
        line_ += "\r\n";
        file().write(line_);
        return true;
    }

    result<bool> finish(const scan_summary&, const detection_list&) override { return complete_file(); }

private:
    // The CAR fields with a column of their own after `action`, in order;
    // every other field goes to `details`.
    static constexpr std::array column_fields = {
        car_field::exe,  car_field::image_path, car_field::pid,    car_field::ppid,     car_field::guid,
        car_field::command_line, car_field::parent_image_path,  car_field::user,     car_field::src_ip,
        car_field::src_port,     car_field::dest_ip,            car_field::dest_port};
    static constexpr std::array fields_in_columns = {
        car_field::hostname, car_field::exe,  car_field::image_path, car_field::pid,    car_field::ppid,
        car_field::guid,     car_field::command_line, car_field::parent_image_path,  car_field::user,
        car_field::src_ip,   car_field::src_port,     car_field::dest_ip,            car_field::dest_port};

    // For each car_field, its index in column_fields, or -1.
    static constexpr std::array<std::int8_t, 256> column_of = [] {
        std::array<std::int8_t, 256> of{};
        of.fill(-1);
        for (std::size_t i = 0; i < column_fields.size(); ++i) of[static_cast<std::size_t>(column_fields[i])] = static_cast<std::int8_t>(i);
        return of;
    }();

    csv_format format_;
    std::vector<std::string> source_file_cells_;  // per file: its path as a cell, and the comma after it
    std::string timestamp_description_cell_;
    std::string line_;
    std::string scratch_;  // the message, then the details, before they are quoted
    char digits_[24];

    std::string_view decimal(std::uint64_t value) {
        const auto end = std::to_chars(digits_, digits_ + sizeof digits_, value).ptr;
        return {digits_, static_cast<std::size_t>(end - digits_)};
    }
};

}  // namespace

std::unique_ptr<report_writer> make_timeline_csv_writer(const std::filesystem::path& folder, const csv_format& format) {
    return std::make_unique<timeline_csv_writer>(folder, format);
}

}  // namespace evtxcar
