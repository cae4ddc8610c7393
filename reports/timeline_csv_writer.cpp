// timeline.csv: every normalized event, in timeline order, one row each.
// Loads unchanged into Timesketch (datetime, timestamp_desc, message).
#include <array>
#include <cstring>
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
        // The quoted cells between timestamp_desc and event_id, in order:
        // message, hostname, object, action, the column fields, details,
        // analytics, channel, provider.
        std::array<std::string_view, 4 + column_fields.size() + 4> cells{};
        std::string_view* const columns = cells.data() + 4;
        // The texts of the fields with a column, found in one walk over the event's values.
        for (const car_value& value : event.values) {
            if (value.field == car_field::hostname) cells[1] = value.text;
            const std::int8_t column = column_of[static_cast<std::size_t>(value.field)];
            if (column >= 0) columns[column] = value.text;
        }
        message_.clear();
        append_event_message(message_, event);
        details_.clear();
        append_event_details(details_, event, fields_in_columns);
        analytics_.clear();
        append_analytics_text(analytics_, event);
        cells[0] = message_;
        cells[2] = event.object;
        cells[3] = event.action;
        cells[cells.size() - 4] = details_;
        cells[cells.size() - 3] = analytics_;
        cells[cells.size() - 2] = event.channel;
        cells[cells.size() - 1] = event.provider;
        const std::string_view source_file = event.file_index < source_file_cells_.size()
                                                 ? std::string_view(source_file_cells_[event.file_index])
                                                 : std::string_view(",");
        // The row is written into a buffer that has room for its longest
        // form, so no cell checks for room.
        std::size_t bound = iso8601_utc_max_size + 1 + timestamp_description_cell_.size() +
                            3 * (decimal_digits_max + 1) + source_file.size() + 2;
        for (std::string_view text : cells) bound += csv_cell_bound(text);
        char* const start = row_.room(bound);
        char* at = put_iso8601_utc(start, event.time);  // digits, '-', 'T', ':', '.', 'Z': nothing to quote or neutralize
        *at++ = ',';
        at = put(at, timestamp_description_cell_);
        for (std::string_view text : cells) at = put_csv_cell(at, text);
        at = put_decimal(at, event.event_id);  // digits: nothing to quote
        *at++ = ',';
        at = put_decimal(at, event.record_id);
        *at++ = ',';
        at = put(at, source_file);
        at = put_decimal(at, 1 + event.copies.size());
        *at++ = '\r';
        *at++ = '\n';
        file().write(std::string_view(start, static_cast<std::size_t>(at - start)));
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
    std::string message_;    // the event's message, before it is quoted
    std::string details_;    // its details, before they are quoted
    std::string analytics_;  // its analytics' labels, before they are quoted
    csv_row_buffer row_;

    static char* put(char* at, std::string_view text) {
        std::memcpy(at, text.data(), text.size());
        return at + text.size();
    }
};

}  // namespace

std::unique_ptr<report_writer> make_timeline_csv_writer(const std::filesystem::path& folder, const csv_format& format) {
    return std::make_unique<timeline_csv_writer>(folder, format);
}

}  // namespace evtxcar
