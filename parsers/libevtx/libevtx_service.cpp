#include "libevtx_service.hpp"

#include <libevtx.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "../event_xml.hpp"
#include "../filetime.hpp"
#include "libevtx_handle.hpp"
#include "record_wire.hpp"

namespace evtxcar::libevtx {

namespace {

// Sent when this much is waiting, and at the end of every request.
constexpr std::size_t flush_bytes = 64 * 1024;

bool write_all(int socket, const std::vector<std::uint8_t>& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t sent = ::send(socket, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR) continue;
        if (sent <= 0) return false;
        done += static_cast<std::size_t>(sent);
    }
    return true;
}

bool read_all(int socket, std::uint8_t* data, std::size_t size) {
    while (size > 0) {
        const ssize_t got = ::recv(socket, data, size, 0);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return false;
        data += got;
        size -= static_cast<std::size_t>(got);
    }
    return true;
}

bool read_frame(int socket, std::vector<std::uint8_t>& message) {
    std::uint8_t size_bytes[4];
    if (!read_all(socket, size_bytes, sizeof size_bytes)) return false;
    std::uint32_t size = 0;
    std::memcpy(&size, size_bytes, sizeof size);
    if (size > (1u << 20)) return false;  // requests are a few bytes
    message.resize(size);
    return read_all(socket, message.data(), size);
}

class record_renderer {
public:
    record_renderer(const file_handle& file, wire_writer& out) : file_(file), out_(out) {}

    void render(int index, bool recovered) {
        auto handle = file_.record(index, recovered);
        if (!handle) {
            out_.failure(handle.error(), false, 0);
            return;
        }
        libevtx_record_t* raw = handle->get();
        libevtx_error_t* error = nullptr;
        off64_t offset = 0;
        const bool has_offset = libevtx_record_get_offset(raw, &offset, nullptr) == 1;
        std::uint64_t identifier = 0;
        const bool has_identifier = libevtx_record_get_identifier(raw, &identifier, nullptr) == 1;
        std::uint64_t written = 0;
        const bool has_written = libevtx_record_get_written_time(raw, &written, nullptr) == 1;
        auto fail = [&](std::string reason) {
            // The record header still says when the record was written.
            if (has_written) reason += "; record written " + format_iso8601_utc(written);
            read_error failure{.record_index = static_cast<std::uint64_t>(index), .reason = std::move(reason)};
            if (has_offset) failure.offset = static_cast<std::uint64_t>(offset);
            if (has_identifier) failure.record_id = identifier;
            out_.failure(failure, has_identifier, identifier);
        };
        std::size_t size = 0;
        if (libevtx_record_get_utf8_xml_string_size(raw, &size, &error) != 1 || size == 0) {
            fail("libevtx cannot render the record: " + take_error_message(error));
            return;
        }
        xml_.resize(size);
        if (libevtx_record_get_utf8_xml_string(raw, reinterpret_cast<std::uint8_t*>(xml_.data()), size, &error) != 1) {
            fail("libevtx cannot render the record: " + take_error_message(error));
            return;
        }
        xml_.resize(size - 1);  // drop the terminating NUL
        record_ = event_record{};
        auto parsed = read_event_xml(xml_, record_);
        if (!parsed) {
            fail(parsed.error().reason);
            return;
        }
        record_.file_offset = has_offset ? static_cast<std::uint64_t>(offset) : 0;
        out_.record(record_, has_identifier, identifier);
    }

private:
    const file_handle& file_;
    wire_writer& out_;
    std::string xml_;      // reused for every record
    event_record record_;  // reused for every record
};

}  // namespace

void serve_file(int socket, const std::string& path) {
    wire_writer out;
    wire_file_facts facts;
    auto file = file_handle::open(path);
    if (!file) {
        facts.open_error = file.error().reason;
        out.file_facts(facts);
        write_all(socket, out.bytes());
        return;
    }
    facts.opened = true;
    file->version(facts.major_version, facts.minor_version);
    facts.flags = file->flags();
    facts.records = file->record_count();
    facts.recovered_records = file->recovered_record_count();
    out.file_facts(facts);
    if (!write_all(socket, out.bytes())) return;
    out.clear();

    record_renderer renderer(*file, out);
    std::vector<std::uint8_t> message;
    while (read_frame(socket, message)) {
        wire_reader in(message);
        wire_request request;
        if (in.kind() != wire_kind::request || !in.request(request)) return;
        for (int index = request.first; index < request.end; ++index) {
            renderer.render(index, request.recovered);
            if (out.bytes().size() >= flush_bytes) {
                if (!write_all(socket, out.bytes())) return;
                out.clear();
            }
        }
        out.done();
        if (!write_all(socket, out.bytes())) return;
        out.clear();
    }
}

void serve_file_role_run(int socket, const std::vector<std::string>& arguments) {
    if (arguments.size() != 1) return;  // the parent hears nothing and says so
    serve_file(socket, arguments.front());
}

}  // namespace evtxcar::libevtx
