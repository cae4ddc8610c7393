// Remote Desktop Services -> CAR user_session. RemoteConnectionManager 1149
// (UserData EventXML Param1 user, Param2 domain, Param3 address, as
// evtxexport shows real logs) and LocalSessionManager 21-25 (EventXML
// User, SessionID, Address; 23 has no Address).
#include "log_normalizer_support.hpp"

using namespace evtxcar;
using test::log_record;
using test::normalize_record;

namespace {

constexpr const char* remote_connection = "Microsoft-Windows-TerminalServices-RemoteConnectionManager";
constexpr const char* local_session = "Microsoft-Windows-TerminalServices-LocalSessionManager";

event_record event_xml(const char* provider, std::uint32_t event_id, std::vector<payload_field> fields) {
    event_record record = log_record(provider, std::string(provider) + "/Operational", event_id,
                                     payload_kind::user_data, std::move(fields));
    record.payload_name = "EventXML";
    return record;
}

}  // namespace

TEST_CASE("1149 becomes user_session/login of type 10 with the user, domain and client address",
          "[car][terminal_services]") {
    const auto out = normalize_record(
        event_xml(remote_connection, 1149, {{"Param1", "administrator"}, {"Param2", "ie11win7"}, {"Param3", "10.0.2.16"}}));
    REQUIRE(out.mapped);
    CHECK(out.problem.empty());
    CHECK(out.event.object == "user_session");
    CHECK(out.event.action == "login");
    CHECK(out.fields.at("user") == "ie11win7\\administrator");
    CHECK(out.fields.at("src_ip") == "10.0.2.16");
    CHECK(out.fields.at("login_type") == "10");
    const auto no_domain = normalize_record(event_xml(remote_connection, 1149, {{"Param1", "administrator"}, {"Param2", ""}, {"Param3", ""}}));
    CHECK(no_domain.fields.at("user") == "administrator");
    CHECK_FALSE(no_domain.has("src_ip"));
    CHECK_FALSE(normalize_record(event_xml(remote_connection, 261, {{"listenerName", "RDP-Tcp"}})).mapped);
    CHECK(test::mapped_event_ids(remote_connection) == std::vector<std::uint32_t>{1149});
}

TEST_CASE("LocalSessionManager 21-25: logon, shell start, logoff, disconnect, reconnect", "[car][terminal_services]") {
    struct session_case {
        std::uint32_t event_id;
        const char* action;
    };
    for (const session_case& c : {session_case{21, "login"}, session_case{22, "shell_start"},
                                  session_case{24, "disconnect"}, session_case{25, "reconnect"}}) {
        CAPTURE(c.event_id);
        const auto out = normalize_record(
            event_xml(local_session, c.event_id, {{"User", "CORP\\helpdesk"}, {"SessionID", "3"}, {"Address", "198.51.100.44"}}));
        REQUIRE(out.mapped);
        CHECK(out.problem.empty());
        CHECK(out.event.object == "user_session");
        CHECK(out.event.action == c.action);
        CHECK(out.fields.at("user") == "CORP\\helpdesk");
        CHECK(out.fields.at("terminal_session_id") == "3");
        CHECK(out.fields.at("src_ip") == "198.51.100.44");
        CHECK(out.fields.at("login_type") == "10");
    }
    const auto logoff = normalize_record(event_xml(local_session, 23, {{"User", "CORP\\helpdesk"}, {"SessionID", "3"}}));
    CHECK(logoff.event.action == "logout");
    CHECK_FALSE(logoff.has("src_ip"));
    CHECK_FALSE(logoff.has("login_type"));
}

TEST_CASE("a console session (Address LOCAL) has no address nor logon type; a bad session id is kept and warned",
          "[car][terminal_services]") {
    const auto console = normalize_record(
        event_xml(local_session, 21, {{"User", "CORP\\jdoe"}, {"SessionID", "1"}, {"Address", "LOCAL"}}));
    REQUIRE(console.mapped);
    CHECK_FALSE(console.has("src_ip"));
    CHECK_FALSE(console.has("login_type"));
    CHECK(console.fields.at("terminal_session_id") == "1");
    const auto bad = normalize_record(event_xml(local_session, 25, {{"User", "CORP\\jdoe"}, {"SessionID", "one"}}));
    REQUIRE(bad.mapped);
    CHECK(bad.fields.at("terminal_session_id") == "one");
    CHECK(bad.problem == "SessionID 'one' is not a number");
    CHECK_FALSE(normalize_record(event_xml(local_session, 40, {{"Session", "3"}, {"Reason", "5"}})).mapped);
    CHECK(test::mapped_event_ids(local_session) == std::vector<std::uint32_t>{21, 22, 23, 24, 25});
}
