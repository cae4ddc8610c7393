#pragma once
// Turns windows_events into template instances with the template layout
// Windows uses: the <System> values at fixed substitution indices (0..16),
// the computer name as literal text, the payload last. Templates are made
// once per shape (computer, provider style, payload field names and types)
// and get a GUID derived from that shape, so equal shapes share a template
// and regeneration gives the same bytes.

#include <memory>
#include <string>
#include <unordered_map>

#include "windows_event.hpp"
#include "xml_template.hpp"

namespace evtxcar::evtx_writer {

// Substitution indices of the <System> values.
namespace system_index {
inline constexpr std::uint16_t level = 0;
inline constexpr std::uint16_t opcode = 1;
inline constexpr std::uint16_t task = 2;
inline constexpr std::uint16_t event_id = 3;
inline constexpr std::uint16_t qualifiers = 4;
inline constexpr std::uint16_t keywords = 5;
inline constexpr std::uint16_t time_created = 6;
inline constexpr std::uint16_t activity_id = 7;
inline constexpr std::uint16_t process_id = 8;
inline constexpr std::uint16_t thread_id = 9;
inline constexpr std::uint16_t record_id = 10;
inline constexpr std::uint16_t version = 11;
inline constexpr std::uint16_t user_sid = 12;
inline constexpr std::uint16_t related_activity_id = 13;
inline constexpr std::uint16_t provider_name = 14;
inline constexpr std::uint16_t provider_guid = 15;
inline constexpr std::uint16_t channel = 16;
inline constexpr std::uint16_t payload = 17;  // nested payload, or the first inline data value
}  // namespace system_index

inline constexpr const char* event_namespace = "http://schemas.microsoft.com/win/2004/08/events/event";

class event_template_cache {
public:
    // The record's event; its values are moved out of `event`.
    template_instance instance_of(windows_event event, std::uint64_t record_id);

private:
    std::shared_ptr<const xml_template> system_template(const windows_event& event);
    std::shared_ptr<const xml_template> event_data_template(const windows_event& event);
    // The template of `key`, made by `make_root` the first time.
    template <typename MakeRoot>
    std::shared_ptr<const xml_template> cached(const std::string& key, MakeRoot make_root);

    std::unordered_map<std::string, std::shared_ptr<const xml_template>> templates_;  // by shape
};

}  // namespace evtxcar::evtx_writer
