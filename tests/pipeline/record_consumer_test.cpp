// A scan worker's record_consumer keeps one event and reuses its buffers
// from record to record: nothing of one record's event may reach the next.
#include "pipeline/record_consumer.hpp"

#include "car/normalizer.hpp"
#include "catch.hpp"
#include "support/temporary_folder.hpp"

using namespace evtxcar;

namespace {

event_record make_record(std::string provider, std::uint32_t event_id, std::uint64_t record_id,
                         std::vector<payload_field> fields) {
    event_record record;
    record.provider_name = std::move(provider);
    record.channel = record.provider_name == "Microsoft-Windows-Sysmon" ? "Microsoft-Windows-Sysmon/Operational"
                                                                        : "Application";
    record.event_id = event_id;
    record.computer = "WS01.corp.example.com";
    record.record_id = record_id;
    record.time_created = 133800000000000000ULL + record_id;
    record.file_offset = 0x1000 * record_id;
    record.kind = payload_kind::event_data;
    record.fields = std::move(fields);
    return record;
}

// The events a consumer makes of `records`, in timeline order.
std::vector<car_event> consume(const std::vector<event_record>& records) {
    const auto normalizers = make_normalizers();
    const std::vector<std::unique_ptr<analytic>> analytics;
    std::vector<std::unique_ptr<event_marker>> markers;
    temporary_folder folder;
    timeline_sorter sorter(folder.path() / "sort");
    scan_tally tally(1);
    {
        run_builder runs(sorter, 1 << 20);
        record_consumer consumer(normalizers, analytics, time_window{}, timeline_scope::all, markers, tally, runs);
        for (const event_record& record : records) consumer.on_record(record);
        runs.close();
    }
    std::vector<car_event> events;
    REQUIRE(sorter.merge([&events](car_event& event) {
                events.push_back(event);
                return true;
            }).ok());
    return events;
}

}  // namespace

TEST_CASE("a consumer's events carry nothing of the records before them", "[pipeline][record_consumer]") {
    const std::vector<event_record> records = {
        make_record("Microsoft-Windows-Sysmon", 1, 1,
                    {{"Image", "C:\\Windows\\System32\\cmd.exe"},
                     {"CommandLine", "cmd.exe /c whoami /all && echo a long command line"},
                     {"ProcessId", "4242"},
                     {"ParentImage", "C:\\Windows\\explorer.exe"}}),
        make_record("Some-Application", 1000, 2, {{"", "one unnamed value"}}),
        make_record("Microsoft-Windows-Sysmon", 5, 3, {{"Image", "C:\\x.exe"}, {"ProcessId", "7"}}),
        make_record("Some-Application", 1001, 4, {}),
    };
    const std::vector<car_event> events = consume(records);
    REQUIRE(events.size() == 4);

    CHECK(events[0].object == "process");
    CHECK(events[0].action == "create");
    CHECK(events[0].text(car_field::command_line) == "cmd.exe /c whoami /all && echo a long command line");
    CHECK(events[0].fields == records[0].fields);

    // Generic: the record's own payload and System values, no CAR field but its host.
    CHECK(events[1].object == "event");
    CHECK(events[1].action.empty());
    CHECK(events[1].fields == records[1].fields);
    CHECK(events[1].channel == "Application");
    CHECK(events[1].event_id == 1000);
    for (const car_value& value : events[1].values) {
        CHECK((value.field == car_field::hostname || value.field == car_field::fqdn));
    }

    CHECK(events[2].object == "process");
    CHECK(events[2].action == "terminate");
    CHECK(events[2].fields == records[2].fields);
    CHECK(events[2].get(car_field::command_line) == nullptr);
    CHECK(events[2].get(car_field::parent_image_path) == nullptr);
    CHECK(events[2].text(car_field::pid) == "7");

    CHECK(events[3].fields.empty());
    CHECK(events[3].event_id == 1001);

    // Each the same as the event of its record scanned alone.
    for (std::size_t i = 0; i < records.size(); ++i) {
        const std::vector<car_event> alone = consume({records[i]});
        REQUIRE(alone.size() == 1);
        CHECK(alone[0] == events[i]);
    }
}
