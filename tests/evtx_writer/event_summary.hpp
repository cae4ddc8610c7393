#pragma once
// What one rendered event says, reduced the way parsers/event_record.hpp
// defines a record: the <System> values as shown, and the payload fields
// (EventData: one per child; UserData: attribute and leaf-element paths
// below the single element). Used for the expected data of testdata/ and to
// read the independent tools' output in tests. Independent of parsers/.

#include <string>
#include <utility>
#include <vector>

#include "rendered_xml.hpp"
#include "windows_event.hpp"

namespace evtxcar::evtx_writer {

using field_list = std::vector<std::pair<std::string, std::string>>;

struct event_summary {
    // <System>, as the XML shows the values ("" when absent)
    std::string provider_name;
    std::string provider_guid;
    std::string event_id;
    std::string qualifiers;
    std::string version;
    std::string level;
    std::string task;
    std::string opcode;
    std::string keywords;
    std::string system_time;
    std::string record_id;
    std::string process_id;
    std::string thread_id;
    std::string channel;
    std::string computer;
    std::string user_sid;
    // payload
    payload_kind kind = payload_kind::none;
    std::string payload_name;  // UserData: the element below <UserData>
    field_list fields;

    friend bool operator==(const event_summary&, const event_summary&) = default;
};

// `event` is a rendered <Event> element.
event_summary summarize_event(const rendered_element& event);

}  // namespace evtxcar::evtx_writer
