// detections.csv: one row per detection, with the process context the
// analytic's join found (command line, parent, user, integrity level).
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
        line_.clear();
        write_row(found, line_);
        file().write(line_);
        return true;
    }

    result<bool> finish(const scan_summary&, const detection_list&) override { return complete_file(); }

private:
    // One line for a timeline tool (Timesketch's `message`): which analytic
    // or rule, where, and what the event says.
    static std::string detection_message(const detection& found) {
        std::string message = found.analytic_name.empty() ? found.analytic_id : found.analytic_name;
        message += " (";
        message += found.level.empty() ? found.label() : found.level;
        message += ") on ";
        message += found.event.text(car_field::hostname);
        message += ": ";
        message += event_message(found.event);
        return message;
    }

    void write_row(const detection& found, std::string& line) const {
        const car_event& event = found.event;
        // Process facts: from the process/create when the join found it,
        // else from the event itself (a process/create detection is its own context).
        const car_event& process = found.process ? *found.process : event;
        auto source_of = [this](const car_event& e) -> std::string_view {
            return e.file_index < files_.size() ? std::string_view(files_[e.file_index]) : "";
        };
        auto cell = [&line](std::string_view value) {
            append_csv_cell(line, value);
            line.push_back(',');
        };
        cell(format_iso8601_utc(event.time));
        cell(found.analytic_id);
        cell(found.variant);
        cell(found.technique);
        cell(event.text(car_field::hostname));
        cell(event.text(car_field::exe));
        cell(event.text(car_field::image_path));
        cell(process.text(car_field::command_line));
        cell(event.text(car_field::pid));
        cell(event.get(car_field::user) ? event.text(car_field::user) : process.text(car_field::user));
        cell(process.text(car_field::integrity_level));
        cell(event.text(car_field::src_ip));
        cell(event.text(car_field::src_port));
        cell(event.text(car_field::dest_ip));
        cell(event.text(car_field::dest_port));
        cell(event.text(car_field::network_direction));
        cell(process.text(car_field::parent_image_path));
        cell(process.text(car_field::parent_command_line));
        cell(event.text(car_field::guid));
        cell(found.reason);
        cell(event.channel);
        cell(std::to_string(event.event_id));
        cell(std::to_string(event.record_id));
        cell(source_of(event));
        cell(found.process ? std::to_string(found.process->record_id) : "");
        cell(found.process ? source_of(*found.process) : "");
        cell(found.variant == "sigma" ? std::string_view(found.analytic_name) : std::string_view());
        cell(found.level);
        cell(found.rule_path);
        cell(found.tactics);
        cell(found.status);
        line += std::to_string(1 + event.copies.size());
        line.push_back(',');
        cell(detection_message(found));
        append_csv_cell(line, event_timestamp_description);
        line += "\r\n";
    }

    csv_format format_;
    std::vector<std::string> files_;  // the summary's file paths, by file_index
    std::string line_;                // one row, reused
};

}  // namespace

std::unique_ptr<report_writer> make_detections_csv_writer(const std::filesystem::path& folder, const csv_format& format) {
    return std::make_unique<detections_csv_writer>(folder, format);
}

}  // namespace evtxcar
