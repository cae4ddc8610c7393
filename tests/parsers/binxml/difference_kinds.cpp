#include "difference_kinds.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <pugixml.hpp>
#include <set>
#include <vector>

#include "text/utf8.hpp"

namespace evtxcar::testing {

namespace {

std::string first_difference(const event_record& a, const event_record& b) {
    auto text = [](const std::string& name, const std::string& x, const std::string& y) {
        return name + ": libevtx \"" + x + "\", fast \"" + y + "\"";
    };
    auto number = [&](const std::string& name, std::uint64_t x, std::uint64_t y) {
        return text(name, std::to_string(x), std::to_string(y));
    };
    if (a.provider_name != b.provider_name) return text("provider_name", a.provider_name, b.provider_name);
    if (a.provider_guid != b.provider_guid) return text("provider_guid", a.provider_guid, b.provider_guid);
    if (a.event_id != b.event_id) return number("event_id", a.event_id, b.event_id);
    if (a.event_id_qualifiers != b.event_id_qualifiers) {
        return text("event_id_qualifiers", a.event_id_qualifiers ? std::to_string(*a.event_id_qualifiers) : "none",
                    b.event_id_qualifiers ? std::to_string(*b.event_id_qualifiers) : "none");
    }
    if (a.version != b.version) return number("version", a.version, b.version);
    if (a.level != b.level) return number("level", a.level, b.level);
    if (a.task != b.task) return number("task", a.task, b.task);
    if (a.opcode != b.opcode) return number("opcode", a.opcode, b.opcode);
    if (a.keywords != b.keywords) return number("keywords", a.keywords, b.keywords);
    if (a.time_created != b.time_created) return number("time_created", a.time_created, b.time_created);
    if (a.record_id != b.record_id) return number("record_id", a.record_id, b.record_id);
    if (a.process_id != b.process_id) return number("process_id", a.process_id, b.process_id);
    if (a.thread_id != b.thread_id) return number("thread_id", a.thread_id, b.thread_id);
    if (a.channel != b.channel) return text("channel", a.channel, b.channel);
    if (a.computer != b.computer) return text("computer", a.computer, b.computer);
    if (a.user_sid != b.user_sid) return text("user_sid", a.user_sid, b.user_sid);
    if (a.kind != b.kind) return number("kind", static_cast<std::uint64_t>(a.kind), static_cast<std::uint64_t>(b.kind));
    if (a.payload_name != b.payload_name) return text("payload_name", a.payload_name, b.payload_name);
    if (a.recovered != b.recovered) return number("recovered", a.recovered, b.recovered);
    if (a.fields.size() != b.fields.size()) return number("field count", a.fields.size(), b.fields.size());
    for (std::size_t i = 0; i < a.fields.size(); ++i) {
        if (a.fields[i].name != b.fields[i].name) {
            return text("field " + std::to_string(i) + " name", a.fields[i].name, b.fields[i].name);
        }
        if (a.fields[i].value != b.fields[i].value) {
            return text("field " + a.fields[i].name + " value", a.fields[i].value, b.fields[i].value);
        }
    }
    return "no difference";
}

void append_text_content(pugi::xml_node node, std::string& out) {
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) out += child.value();
        if (child.type() == pugi::node_element) append_text_content(child, out);
    }
}

// What event_xml.cpp reads from an element whose text libevtx wrote without
// escaping it: pugixml parses the markup, and the field takes the text below.
// Empty when the text does not parse (libevtx's record would fail instead).
bool read_as_unescaped_markup(const std::string& raw, std::string& text) {
    std::string xml = "<Data>" + raw + "</Data>";
    pugi::xml_document document;
    constexpr unsigned flags =
        pugi::parse_minimal | pugi::parse_escapes | pugi::parse_cdata | pugi::parse_ws_pcdata_single;
    if (!document.load_buffer_inplace(xml.data(), xml.size(), flags)) return false;
    append_text_content(document.child("Data"), text);
    return true;
}

// Every field equal but the ones whose libevtx value is the fast value read
// as markup (libevtx leaves ANSI strings unescaped).
bool differs_by_unescaped_markup(const event_record& libevtx, const event_record& fast) {
    if (libevtx.fields.size() != fast.fields.size()) return false;
    event_record a = libevtx;
    event_record b = fast;
    a.file_offset = b.file_offset = 0;
    bool any = false;
    for (std::size_t i = 0; i < a.fields.size(); ++i) {
        if (a.fields[i].value == b.fields[i].value) continue;
        std::string as_markup;
        if (b.fields[i].value.find_first_of("<&") == std::string::npos) return false;
        if (!read_as_unescaped_markup(b.fields[i].value, as_markup) || as_markup != a.fields[i].value) return false;
        a.fields[i].value = b.fields[i].value;
        any = true;
    }
    return any && a == b;
}

// Equal but for the recovered flag: the fast engine read the record as live.
bool differs_by_recovered_flag(const event_record& libevtx, const event_record& fast) {
    if (!libevtx.recovered || fast.recovered) return false;
    event_record a = libevtx;
    event_record b = fast;
    a.file_offset = b.file_offset = 0;
    a.recovered = false;
    return a == b;
}

// Code points of valid UTF-8 (the engines only produce valid UTF-8).
std::vector<std::uint32_t> code_points(const std::string& text) {
    std::vector<std::uint32_t> points;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        std::uint32_t point = length == 1 ? lead : lead & (0x3Fu >> (length - 1));
        for (std::size_t k = 1; k < length && i + k < text.size(); ++k) {
            point = (point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
        }
        points.push_back(point);
        i += length;
    }
    return points;
}

std::string utf8_of(const std::vector<std::uint32_t>& points) {
    std::string text;
    for (std::uint32_t point : points) append_code_point(text, point);
    return text;
}

// libevtx's text for a negative value: '-' and the value's bits below the
// sign bit (2^(bits-1) when those are all zero), for some width.
bool is_sign_magnitude_of(const std::string& libevtx, const std::string& fast) {
    if (fast.size() < 2 || fast[0] != '-' || libevtx.size() < 2 || libevtx[0] != '-') return false;
    const std::uint64_t magnitude = std::stoull(fast.substr(1));
    const std::uint64_t shown = std::stoull(libevtx.substr(1));
    for (unsigned bits : {8u, 16u, 32u, 64u}) {
        const std::uint64_t half = std::uint64_t{1} << (bits - 1);
        if (magnitude > half) continue;
        const std::uint64_t low_bits = half - magnitude;  // (2^bits - magnitude) without its sign bit
        if (shown == (low_bits == 0 ? half : low_bits)) return true;
    }
    return false;
}

// The fast text with each character outside the BMP moved 0x3FF down, as
// libevtx's surrogate pair arithmetic does.
std::string with_pairs_misdecoded(const std::string& fast) {
    std::vector<std::uint32_t> points = code_points(fast);
    for (std::uint32_t& point : points) {
        if (point >= 0x10000) point -= 0x3FF;
    }
    return utf8_of(points);
}

// True when libevtx's text is the fast text without some characters that
// follow a U+FFFD (what libevtx swallows with an unpaired high surrogate).
bool drops_after_replacement(const std::string& libevtx, const std::string& fast) {
    const std::vector<std::uint32_t> a = code_points(libevtx);
    const std::vector<std::uint32_t> b = code_points(fast);
    std::size_t i = 0;
    bool dropped = false;
    for (std::size_t j = 0; j < b.size(); ++j) {
        if (i < a.size() && a[i] == b[j]) {
            ++i;
        } else if (j > 0 && b[j - 1] == 0xFFFD) {
            dropped = true;
        } else {
            return false;
        }
    }
    return dropped && i == a.size();
}

// The category that explains one differing value, if one does.
std::optional<std::string> explain_value(const std::string& libevtx, const std::string& fast) {
    if (is_sign_magnitude_of(libevtx, fast)) return std::string(kind_negative_integer);
    if (with_pairs_misdecoded(fast) == libevtx) return std::string(kind_outside_bmp);
    if (drops_after_replacement(libevtx, fast)) return std::string(kind_after_lone_surrogate);
    if (fast.rfind("\xEF\xBB\xBF", 0) == 0 && fast.substr(3) == libevtx) return std::string(kind_leading_bom);
    return std::nullopt;
}

// Every differing payload value explained by a kind of value difference.
std::optional<std::string> explain_values(const event_record& libevtx, const event_record& fast) {
    if (libevtx.fields.size() != fast.fields.size()) return std::nullopt;
    event_record a = libevtx;
    event_record b = fast;
    a.file_offset = b.file_offset = 0;
    std::set<std::string> kinds;
    for (std::size_t i = 0; i < a.fields.size(); ++i) {
        if (a.fields[i].value == b.fields[i].value) continue;
        const auto kind = explain_value(a.fields[i].value, b.fields[i].value);
        if (!kind) return std::nullopt;
        kinds.insert(*kind);
        a.fields[i].value = b.fields[i].value;
    }
    if (kinds.empty() || !(a == b)) return std::nullopt;
    std::string joined;
    for (const std::string& kind : kinds) joined += (joined.empty() ? "" : " + ") + kind;
    return joined;
}

// Equal but for fields the fast engine has and libevtx lacks.
bool lacks_some_fields(const event_record& libevtx, const event_record& fast) {
    if (libevtx.fields.size() >= fast.fields.size()) return false;
    std::size_t i = 0;
    for (const payload_field& field : fast.fields) {
        if (i < libevtx.fields.size() && libevtx.fields[i] == field) ++i;
    }
    if (i != libevtx.fields.size()) return false;
    event_record a = libevtx;
    event_record b = fast;
    a.file_offset = b.file_offset = 0;
    a.fields.clear();
    b.fields.clear();
    return a == b;
}

struct failure_kind {
    const char* libevtx_message;  // a part of libevtx's error
    const char* category;
};

constexpr std::array<failure_kind, 7> known_failures = {{
    {"libuna_unicode_character_copy_to_utf8: UTF-8 string too small", kind_lone_special_character},
    // An element start without the dependency id: libevtx reads two bytes of
    // the data size as one and goes astray.
    {"read_element: invalid element data offset value out of bounds", kind_no_dependency_id},
    {"read_attribute: invalid binary XML token - unsupported type: 0x05", kind_no_dependency_id},
    {"read_attribute: invalid binary XML sub token - unsupported type: 0x49", kind_entity_reference_in_attribute},
    {"read_attribute: invalid binary XML sub token - unsupported type: 0x48", kind_character_reference},
    {"read_character_reference", kind_character_reference},
    {"event XML does not parse", kind_xml_does_not_parse},
}};

}  // namespace

std::string classify_difference(const event_record& libevtx, const event_record& fast, std::string& detail) {
    detail = first_difference(libevtx, fast);
    if (differs_by_unescaped_markup(libevtx, fast)) return kind_unescaped_ansi_markup;
    if (differs_by_recovered_flag(libevtx, fast)) return kind_live_after_damage;
    if (auto kinds = explain_values(libevtx, fast)) return *kinds;
    if (lacks_some_fields(libevtx, fast)) return kind_cdata_element;
    return "unexplained: " + detail.substr(0, detail.find(':'));
}

std::string classify_libevtx_failure(const engine_output& libevtx, const std::string* reason) {
    if (reason != nullptr) {
        for (const failure_kind& kind : known_failures) {
            if (reason->find(kind.libevtx_message) != std::string::npos) return kind.category;
        }
        return "unexplained: libevtx fails: " + *reason;
    }
    if (libevtx.open_error) return "unexplained: libevtx cannot open the file: " + libevtx.open_error->reason;
    return "unexplained: libevtx does not deliver the record";
}

}  // namespace evtxcar::testing
