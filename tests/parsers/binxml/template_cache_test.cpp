// The fast engine's template cache across the chunks of a file: a template
// GUID that comes back with another definition (a damaged or crafted file)
// must be read by the definition in its own chunk, and a definition with the
// same bytes elsewhere is taken from the earlier chunk. The files come from
// the test-only EVTX writer (tests/evtx_writer, which shares no code with
// the engine); the expected values are the texts written into them.
#include <algorithm>
#include <cstring>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "binxml/binxml_engine.hpp"
#include "binxml/binxml_format.hpp"
#include "binxml/name_table.hpp"
#include "binxml/template_cache.hpp"
#include "binxml/token_compiler.hpp"
#include "catch.hpp"
#include "evtx_file_writer.hpp"
#include "guid.hpp"
#include "substitution_value.hpp"
#include "xml_template.hpp"

using namespace evtxcar;
namespace ew = evtxcar::evtx_writer;

namespace {

constexpr ew::filetime some_time = 133'000'000'000'000'000ULL;

// <Event><System><Provider Name=PROVIDER/><EventID>%0</EventID></System>
// <EventData><Data Name=FIELD>%1</Data></EventData></Event>
std::shared_ptr<const ew::xml_template> event_template(const ew::guid& id, const std::string& provider,
                                                       const std::string& field) {
    using ew::attribute;
    using ew::element;
    ew::xml_node root = element(
        "Event", {},
        {element("System", {},
                 {element("Provider", {attribute("Name", {ew::text(provider)})}),
                  element("EventID", {}, {ew::substitution(0, binxml::value_uint16)})}),
         element("EventData", {},
                 {element("Data", {attribute("Name", {ew::text(field)})}, {ew::substitution(1, binxml::value_string)})})});
    return std::make_shared<const ew::xml_template>(ew::xml_template{id, std::move(root)});
}

ew::template_instance instance(const std::shared_ptr<const ew::xml_template>& definition, std::uint64_t id,
                               const std::string& value) {
    return {definition, {ew::uint16_value(static_cast<std::uint16_t>(id)), ew::string_value(value)}};
}

// Of one size for every id, so that all records of a template are alike.
std::string value_of(std::uint64_t id) {
    std::string digits = std::to_string(id);
    return "value " + std::string(6 - digits.size(), '0') + digits;
}

// A file of records, each with the template `templates[i]` and value_of(id).
struct written {
    std::vector<std::uint8_t> bytes;
    std::vector<ew::record_location> locations;
};

written write_file(const std::vector<std::shared_ptr<const ew::xml_template>>& templates) {
    std::stringstream out(std::ios::in | std::ios::out | std::ios::binary);
    written file;
    {
        ew::evtx_file_writer writer(out);
        for (const auto& definition : templates) {
            const std::uint64_t id = writer.next_record_id();
            file.locations.push_back(writer.write_record(id, some_time + id, instance(definition, id, value_of(id))));
        }
        writer.finish();
    }
    const std::string text = out.str();
    file.bytes.assign(text.begin(), text.end());
    return file;
}

// Records of template `definition` that fill one chunk (all alike in size).
std::size_t records_per_chunk(const std::shared_ptr<const ew::xml_template>& definition) {
    const written probe = write_file(std::vector(2000, definition));
    std::size_t count = 0;
    while (count < probe.locations.size() && probe.locations[count].chunk_index == 0) ++count;
    REQUIRE(count < probe.locations.size());
    return count;
}

struct delivered {
    std::vector<event_record> records;
    std::uint64_t lost = 0;
};

class collecting_visitor final : public record_visitor {
public:
    explicit collecting_visitor(delivered& out) : out_(out) {}
    void on_record(const event_record& record) override { out_.records.push_back(record); }
    void on_record_error(const read_error&, std::uint64_t records_lost) override { out_.lost += records_lost; }
    void on_warning(const read_error&) override {}

private:
    delivered& out_;
};

delivered read_bytes(const std::vector<std::uint8_t>& bytes, bool last_segment_first) {
    auto reader = open_evtx_bytes("template-cache.evtx", bytes, read_options{});
    REQUIRE(reader.ok());
    delivered out;
    collecting_visitor visitor(out);
    const std::uint32_t segments = (*reader)->segment_count();
    for (std::uint32_t n = 0; n < segments; ++n) (*reader)->read_segment(last_segment_first ? segments - 1 - n : n, visitor);
    // In record order (the template has no EventRecordID: EventID counts the records).
    std::sort(out.records.begin(), out.records.end(),
              [](const event_record& a, const event_record& b) { return a.event_id < b.event_id; });
    return out;
}

binxml::byte_span chunk_of(const written& file, std::uint64_t index) {
    return binxml::byte_span(file.bytes.data() + binxml::file_header_size + index * binxml::chunk_size,
                             binxml::chunk_size);
}

// Chunk offset of the definition that the record at `location` holds
// inline: record header, fragment header, template instance header.
std::uint32_t inline_definition(const ew::record_location& location) {
    const std::uint64_t in_chunk =
        location.file_offset - binxml::file_header_size - location.chunk_index * binxml::chunk_size;
    return static_cast<std::uint32_t>(in_chunk + binxml::record_header_size + binxml::fragment_header_size +
                                      binxml::template_instance_header_size);
}

// The names and texts a compiled template holds.
std::set<std::string> words_of(const binxml::compiled_xml& xml) {
    std::set<std::string> words;
    for (std::uint32_t i = 0; i < xml.names.size(); ++i) words.insert(std::string(xml.name(i).text));
    for (const binxml::xml_op& op : xml.ops) {
        if (op.code == binxml::op_code::text) words.insert(std::string(xml.text_of(op)));
    }
    return words;
}

// The chunk-level view the engine has: the name table and the template
// cache of one reader, moved from chunk to chunk.
struct chunk_view {
    binxml::name_table names;
    binxml::template_cache templates{names};

    const binxml::compiled_xml& get(binxml::byte_span chunk, std::uint32_t definition) {
        names.reset(chunk);
        templates.reset(chunk);
        binxml::token_compiler compiler(chunk, names);
        return templates.get(definition, compiler);
    }
};

}  // namespace

TEST_CASE("a template GUID that comes back with another definition is read by its own chunk's definition",
          "[binxml][templates]") {
    const ew::guid shared_id = ew::guid_from_seed("one GUID, two definitions");
    // The same GUID and the same sizes: only the bytes of the texts differ.
    const auto alpha = event_template(shared_id, "Alpha-1", "First");
    const auto bravo = event_template(shared_id, "Bravo-2", "Other");
    const std::size_t per_chunk = records_per_chunk(alpha);
    REQUIRE(per_chunk == records_per_chunk(bravo));
    std::vector<std::shared_ptr<const ew::xml_template>> templates;
    for (const auto& definition : {alpha, bravo, alpha}) templates.insert(templates.end(), per_chunk, definition);
    const written file = write_file(templates);
    REQUIRE(file.locations.front().chunk_index == 0);
    REQUIRE(file.locations[per_chunk].chunk_index == 1);
    REQUIRE(file.locations[2 * per_chunk].chunk_index == 2);
    REQUIRE(file.locations.back().chunk_index == 2);

    for (const bool last_segment_first : {false, true}) {
        CAPTURE(last_segment_first);
        const delivered out = read_bytes(file.bytes, last_segment_first);
        CHECK(out.lost == 0);
        REQUIRE(out.records.size() == templates.size());
        for (std::size_t i = 0; i < out.records.size(); ++i) {
            const event_record& record = out.records[i];
            const std::uint64_t id = i + 1;
            const bool in_bravo_chunk = i >= per_chunk && i < 2 * per_chunk;
            CAPTURE(id);
            CHECK(record.record_id == 0);  // the template has no EventRecordID element
            CHECK(record.provider_name == (in_bravo_chunk ? "Bravo-2" : "Alpha-1"));
            CHECK(record.event_id == id);
            REQUIRE(record.fields.size() == 1);
            CHECK(record.fields[0].name == (in_bravo_chunk ? "Other" : "First"));
            CHECK(record.fields[0].value == value_of(id));
        }
    }
}

TEST_CASE("template cache: same GUID, other bytes are compiled; the same bytes elsewhere are taken over",
          "[binxml][templates]") {
    const ew::guid shared_id = ew::guid_from_seed("template cache units");
    const auto alpha = event_template(shared_id, "Alpha-1", "First");
    const auto bravo = event_template(shared_id, "Bravo-2", "Other");
    const auto carol = event_template(ew::guid_from_seed("another template"), "Carol-3", "Third");
    // Each first in a chunk of its own: the definition inline at the same
    // place, with its names inline.
    const written alpha_alone = write_file({alpha});
    const written bravo_alone = write_file({bravo});
    // Carol's record first stores every name; alpha's definition after it
    // refers to them. A longer value moves alpha's definition further on.
    const written carol_short = write_file({carol, alpha});
    std::vector<std::uint8_t> carol_long_bytes;
    std::vector<ew::record_location> carol_long_locations;
    {
        std::stringstream out(std::ios::in | std::ios::out | std::ios::binary);
        ew::evtx_file_writer writer(out);
        carol_long_locations.push_back(
            writer.write_record(1, some_time, instance(carol, 1, std::string(300, 'x'))));
        carol_long_locations.push_back(writer.write_record(2, some_time, instance(alpha, 2, value_of(2))));
        writer.finish();
        const std::string text = out.str();
        carol_long_bytes.assign(text.begin(), text.end());
    }
    const written carol_long{carol_long_bytes, carol_long_locations};

    const std::uint32_t alpha_inline = inline_definition(alpha_alone.locations[0]);
    const std::uint32_t bravo_inline = inline_definition(bravo_alone.locations[0]);
    const std::uint32_t alpha_after_short = inline_definition(carol_short.locations[1]);
    const std::uint32_t alpha_after_long = inline_definition(carol_long.locations[1]);
    REQUIRE(alpha_inline == bravo_inline);  // same place, same GUID, other text
    REQUIRE(alpha_after_short != alpha_after_long);

    chunk_view view;
    const auto& first = view.get(chunk_of(alpha_alone, 0), alpha_inline);
    REQUIRE(first.ok);
    CHECK(words_of(first).count("Alpha-1") == 1);
    CHECK(view.templates.compiled() == 1);
    CHECK(view.templates.reused() == 0);

    // Same GUID, same place, other bytes: compiled afresh, read as written.
    const auto& other = view.get(chunk_of(bravo_alone, 0), bravo_inline);
    REQUIRE(other.ok);
    CHECK(words_of(other).count("Bravo-2") == 1);
    CHECK(words_of(other).count("Other") == 1);
    CHECK(words_of(other).count("Alpha-1") == 0);
    CHECK(view.templates.compiled() == 2);
    CHECK(view.templates.reused() == 0);

    // Alpha's bytes again in another chunk: taken over.
    const auto& again = view.get(chunk_of(alpha_alone, 0), alpha_inline);
    CHECK(words_of(again).count("Alpha-1") == 1);
    CHECK(view.templates.compiled() == 2);
    CHECK(view.templates.reused() == 1);

    // Alpha after carol: its names are carol's, elsewhere in the chunk.
    const auto& after_short = view.get(chunk_of(carol_short, 0), alpha_after_short);
    REQUIRE(after_short.ok);
    CHECK(words_of(after_short).count("Provider") == 1);
    CHECK(view.templates.compiled() == 3);
    // The same definition further on (carol's value is longer): taken over.
    const auto& after_long = view.get(chunk_of(carol_long, 0), alpha_after_long);
    CHECK(words_of(after_long).count("Alpha-1") == 1);
    CHECK(view.templates.compiled() == 3);
    CHECK(view.templates.reused() == 2);

    // The same definition bytes, but the name "Provider" it refers to now
    // reads "Providex": compiled afresh, with the name as the bytes say.
    std::vector<std::uint8_t> renamed(chunk_of(carol_long, 0).data(),
                                      chunk_of(carol_long, 0).data() + binxml::chunk_size);
    const std::u16string provider = u"Provider";
    std::vector<std::uint8_t> utf16;
    for (const char16_t c : provider) {
        utf16.push_back(static_cast<std::uint8_t>(c & 0xff));
        utf16.push_back(static_cast<std::uint8_t>(c >> 8));
    }
    const auto at = std::search(renamed.begin(), renamed.end(), utf16.begin(), utf16.end());
    REQUIRE(at != renamed.end());
    REQUIRE(at - renamed.begin() < static_cast<std::ptrdiff_t>(alpha_after_long));  // carol's, before alpha's definition
    *(at + 14) = 'x';  // the last character: 'r' -> 'x'
    const auto& renamed_template = view.get(binxml::byte_span(renamed.data(), renamed.size()), alpha_after_long);
    REQUIRE(renamed_template.ok);
    CHECK(words_of(renamed_template).count("Providex") == 1);
    CHECK(words_of(renamed_template).count("Provider") == 0);
    CHECK_FALSE(renamed_template.names_intact);  // its stored hash is Provider's
    CHECK(view.templates.compiled() == 4);
    CHECK(view.templates.reused() == 2);
}
