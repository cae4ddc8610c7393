#include "written_scenario.hpp"

#include <sstream>
#include <stdexcept>

#include "event_templates.hpp"
#include "evtx_file_writer.hpp"
#include "rendered_xml.hpp"

namespace evtxcar::testdata {

written_scenario write_scenario(const scenario_file& file) {
    written_scenario written;
    written.scenario = &file;
    if (file.raw_content) {
        written.bytes = *file.raw_content;
        written.verdict = file.raw_verdict.value();
        return written;
    }
    byte_buffer older;
    if (!file.written_over.empty()) {
        std::stringstream older_out;
        evtx_writer::evtx_file_writer older_writer(older_out);
        evtx_writer::event_template_cache older_templates;
        for (const scenario_record& record : file.written_over) {
            const std::uint64_t id = older_writer.next_record_id();
            older_writer.write_record(id, record.event.system.time_created, older_templates.instance_of(record.event, id));
        }
        older_writer.finish();
        const std::string text = older_out.str();
        older.assign(text.begin(), text.end());
    }
    std::stringstream out;
    evtx_writer::evtx_file_writer writer = file.written_over.empty()
                                               ? evtx_writer::evtx_file_writer(out, file.first_record_id)
                                               : evtx_writer::evtx_file_writer(out, file.first_record_id, older);
    evtx_writer::event_template_cache templates;
    std::vector<record_location> locations;
    for (const scenario_record& record : file.records) {
        const std::uint64_t id = writer.next_record_id();
        const evtx_writer::template_instance instance = templates.instance_of(record.event, id);
        locations.push_back(writer.write_record(id, record.event.system.time_created, instance));
        written.records.push_back(
            {record.event.system.event_record_id.value_or(id), &record, evtx_writer::summarize_event(evtx_writer::render(instance).at(0)), true});
    }
    writer.finish();
    written.chunks = writer.chunks_written();
    const std::string text = out.str();
    written.bytes.assign(text.begin(), text.end());

    if (file.damage) {
        written.verdict = file.damage(written.bytes, locations);
    } else {
        written.verdict = {file.records.size(), file_outcome::ok, "intact", {}};
        std::string misread;
        for (const written_record& record : written.records) {
            if (!record.scenario->libevtx_differs.empty())
                misread += (misread.empty() ? "" : ", ") + std::to_string(record.record_id);
        }
        if (!misread.empty())
            written.verdict.reason += "; libevtx 20181227 misreads records " + misread + " (see README.md)";
    }
    if (!written.verdict.record_readable.empty()) {
        if (written.verdict.record_readable.size() != written.records.size()) {
            throw std::logic_error(file.path + ": the verdict does not cover every record");
        }
        for (std::size_t i = 0; i < written.records.size(); ++i) {
            written.records[i].readable = written.verdict.record_readable[i];
        }
    }
    return written;
}

}  // namespace evtxcar::testdata
