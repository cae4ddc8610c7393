// detections.csv: one row per detection, with the process context the
// analytic's join found (command line, parent, user, integrity level).
#include <array>
#include <optional>

#include "csv_text.hpp"
#include "event_text.hpp"
#include "filetime.hpp"
#include "file_report_writer.hpp"
#include "writers.hpp"

namespace evtxcar {

namespace {

constexpr std::string_view header =
    "datetime,analytic_id,variant,technique,hostname,exe,image_path,command_line,pid,user,integrity_level,"
    "src_ip,src_port,dest_ip,dest_port,direction,parent_image_path,parent_command_line,process_guid,reason,"
    "channel,event_id,record_id,source_file,process_record_id,process_source_file,rule_title,level,rule_path,"
    "tactics,status,copies,message,timestamp_desc\r\n";

class detections_csv_writer final : public file_report_writer {
public:
    detections_csv_writer(std::filesystem::path folder, const csv_format& format)
        : file_report_writer(std::move(folder)), format_(format) {}

    std::string_view file_name() const override { return "detections.csv"; }
    bool finishes_early() const override { return true; }  // reads the summary's files only

    // Its rows are the detections in the order the pass makes them.
    bool takes_detections() const override { return true; }
    bool reads_detections() const override { return false; }

    result<bool> begin(const scan_summary& summary) override {
        auto created = create_file();
        if (!created) return created;
        files_.clear();
        for (const auto& file : summary.files) files_.push_back(file.path);
        file().write(csv_file_start(format_));
        file().write(header);
        return true;
    }

    result<bool> write_event(const car_event&) override { return true; }

    result<bool> write_detection(const detection& found) override {
        file().write(write_row(found));
        return true;
    }

    result<bool> finish(const scan_summary&, const detection_list&) override { return complete_file(); }

private:
    // The event's fields a cell shows, and the process's (the process/create
    // the join found, else the event itself).
    static constexpr std::array event_fields = {
        car_field::hostname, car_field::exe,      car_field::image_path, car_field::pid,
        car_field::user,     car_field::src_ip,   car_field::src_port,   car_field::dest_ip,
        car_field::dest_port, car_field::network_direction, car_field::guid};
    static constexpr std::array process_fields = {car_field::command_line, car_field::user, car_field::integrity_level,
                                                  car_field::parent_image_path, car_field::parent_command_line};

    // The texts of `fields` in `event`, found in one walk over its values;
    // an absent field's text has no data (a present one's always has).
    template <std::size_t count>
    static std::array<std::string_view, count> texts_of(const car_event& event, const std::array<car_field, count>& fields) {
        std::array<std::string_view, count> texts{};
        for (const car_value& value : event.values) {
            for (std::size_t i = 0; i < count; ++i) {
                if (value.field == fields[i]) texts[i] = value.text;
            }
        }
        return texts;
    }

    // One line for a timeline tool (Timesketch's `message`): which analytic
    // or rule, where, and what the event says.
    void make_message(const detection& found, std::string_view hostname) {
        message_ = found.analytic_name.empty() ? found.analytic_id : found.analytic_name;
        message_ += " (";
        message_ += found.level.empty() ? found.label() : found.level;
        message_ += ") on ";
        message_ += hostname;
        message_ += ": ";
        append_event_message(message_, found.event);
    }

    // The row of `found`, in the writer's buffer.
    std::string_view write_row(const detection& found) {
        const car_event& event = found.event;
        // Process facts: from the process/create when the join found it,
        // else from the event itself (a process/create detection is its own context).
        const car_event& process = found.process ? *found.process : event;
        auto source_of = [this](const car_event& e) -> std::string_view {
            return e.file_index < files_.size() ? std::string_view(files_[e.file_index]) : "";
        };
        const auto of_event = texts_of(event, event_fields);
        const auto of_process = texts_of(process, process_fields);
        const std::string_view event_user = of_event[4];
        make_message(found, of_event[0]);
        char time[iso8601_utc_max_size];
        char event_id[decimal_digits_max], record_id[decimal_digits_max], process_record_id[decimal_digits_max],
            copies[decimal_digits_max];
        const std::array<std::string_view, 34> cells = {
            std::string_view(time, static_cast<std::size_t>(put_iso8601_utc(time, event.time) - time)),
            found.analytic_id,
            found.variant,
            found.technique,
            of_event[0],  // hostname
            of_event[1],  // exe
            of_event[2],  // image_path
            of_process[0],  // command_line
            of_event[3],  // pid
            event_user.data() != nullptr ? event_user : of_process[1],  // user: the event's, else the process's
            of_process[2],  // integrity_level
            of_event[5],  // src_ip
            of_event[6],  // src_port
            of_event[7],  // dest_ip
            of_event[8],  // dest_port
            of_event[9],  // network_direction
            of_process[3],  // parent_image_path
            of_process[4],  // parent_command_line
            of_event[10],  // guid
            found.reason,
            event.channel,
            decimal(event_id, event.event_id),
            decimal(record_id, event.record_id),
            source_of(event),
            found.process ? decimal(process_record_id, found.process->record_id) : std::string_view(),
            found.process ? source_of(*found.process) : std::string_view(),
            found.variant == "sigma" ? std::string_view(found.analytic_name) : std::string_view(),
            found.level,
            found.rule_path,
            found.tactics,
            found.status,
            decimal(copies, 1 + event.copies.size()),
            message_,
            event_timestamp_description,
        };
        // Room for the row's longest form, so no cell checks for room.
        std::size_t bound = 1;
        for (std::string_view cell : cells) bound += csv_cell_bound(cell);
        char* const start = row_.room(bound);
        char* at = start;
        for (std::string_view cell : cells) at = put_csv_cell(at, cell);
        at[-1] = '\r';  // the last cell ends the line, not with a comma
        *at++ = '\n';
        return {start, static_cast<std::size_t>(at - start)};
    }

    static std::string_view decimal(char (&digits)[decimal_digits_max], std::uint64_t value) {
        return {digits, static_cast<std::size_t>(put_decimal(digits, value) - digits)};
    }

    csv_format format_;
    std::vector<std::string> files_;  // the summary's file paths, by file_index
    std::string message_;             // one detection's message, reused
    csv_row_buffer row_;
};

}  // namespace

std::unique_ptr<report_writer> make_detections_csv_writer(const std::filesystem::path& folder, const csv_format& format) {
    return std::make_unique<detections_csv_writer>(folder, format);
}

}  // namespace evtxcar
