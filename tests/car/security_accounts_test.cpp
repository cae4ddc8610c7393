// Security auditing -> evtxcar's account and group objects: 4720, 4722,
// 4725, 4726, 4738, 4781, 4728, 4729, 4732, 4733, 4756, 4757. Field names and
// order are those Windows writes (the account acted on first, then the
// Subject); the CAR names those of docs/data-model.md.
#include "security_test_support.hpp"

using namespace evtxcar;
using namespace evtxcar::test;

namespace {

std::vector<payload_field> managed(std::string name = "backdoor") {
    return with({{"TargetUserName", std::move(name)},
                 {"TargetDomainName", "CORP"},
                 {"TargetSid", "S-1-5-21-3623811015-3361044348-30300820-1601"}},
                admin_subject);
}

std::vector<payload_field> member(std::string member_name, std::string group, std::string group_domain,
                                  std::string group_sid) {
    return with(with({{"MemberName", std::move(member_name)},
                      {"MemberSid", "S-1-5-21-3623811015-3361044348-30300820-1601"},
                      {"TargetUserName", std::move(group)},
                      {"TargetDomainName", std::move(group_domain)},
                      {"TargetSid", std::move(group_sid)}},
                     admin_subject),
                {{"PrivilegeList", "-"}});
}

}  // namespace

TEST_CASE("4720 becomes account/create: the account acted on and who acted", "[car][security][accounts]") {
    auto fields = with(managed(), {{"PrivilegeList", "-"}, {"SamAccountName", "backdoor"}, {"DisplayName", "%%1793"}});
    const auto out = normalize(security_record(4720, fields));
    REQUIRE(out.mapped);
    CHECK(out.problem.empty());
    CHECK(out.event.object == "account");
    CHECK(out.event.action == "create");
    CHECK(out.fields.at("target_user") == "CORP\\backdoor");
    CHECK(out.fields.at("target_uid") == "S-1-5-21-3623811015-3361044348-30300820-1601");
    CHECK(out.fields.at("user") == "CORP\\Administrator");
    CHECK(out.fields.at("uid") == "S-1-5-21-3623811015-3361044348-30300820-500");
    CHECK(out.fields.at("logon_id") == "0x00000000001a2b3c");
    CHECK(out.fields.size() == 7);  // and hostname, fqdn: the rest stays in the payload
}

TEST_CASE("4722, 4725, 4726, 4738 enable, disable, delete, change; 4781 renames", "[car][security][accounts]") {
    CHECK(normalize(security_record(4722, managed())).event.action == "enable");
    CHECK(normalize(security_record(4725, managed())).event.action == "disable");
    CHECK(normalize(security_record(4726, with(managed(), {{"PrivilegeList", "-"}}))).event.action == "delete");
    // 4738 begins with a field named Dummy.
    auto changed = with({{"Dummy", "-"}}, managed());
    changed.push_back({"SamAccountName", "-"});
    const auto change = normalize(security_record(4738, changed));
    CHECK(change.event.action == "change");
    CHECK(change.fields.at("target_user") == "CORP\\backdoor");

    const auto rename = normalize(security_record(
        4781, with({{"OldTargetUserName", "backdoor"},
                    {"NewTargetUserName", "svc_update"},
                    {"TargetDomainName", "CORP"},
                    {"TargetSid", "S-1-5-21-3623811015-3361044348-30300820-1601"}},
                   with(admin_subject, {{"PrivilegeList", "-"}}))));
    REQUIRE(rename.mapped);
    CHECK(rename.event.object == "account");
    CHECK(rename.event.action == "rename");
    CHECK(rename.fields.at("target_user") == "CORP\\svc_update");
    CHECK(rename.fields.at("previous_target_user") == "CORP\\backdoor");
    CHECK(rename.fields.at("target_uid") == "S-1-5-21-3623811015-3361044348-30300820-1601");
    CHECK(rename.fields.at("user") == "CORP\\Administrator");
}

TEST_CASE("group member events: the member, the group and its scope", "[car][security][accounts]") {
    // A local group logs the member's SID only (MemberName "-").
    const auto local = normalize(security_record(4732, member("-", "Administrators", "Builtin", "S-1-5-32-544")));
    REQUIRE(local.mapped);
    CHECK(local.problem.empty());
    CHECK(local.event.object == "group");
    CHECK(local.event.action == "member_add");
    CHECK(local.fields.at("group_scope") == "local");
    CHECK(local.fields.at("group_name") == "Builtin\\Administrators");
    CHECK(local.fields.at("group_uid") == "S-1-5-32-544");
    CHECK(local.fields.at("target_uid") == "S-1-5-21-3623811015-3361044348-30300820-1601");
    CHECK_FALSE(local.has("target_user"));
    CHECK(local.fields.at("user") == "CORP\\Administrator");
    CHECK(local.fields.at("logon_id") == "0x00000000001a2b3c");

    // A domain group logs the member's distinguished name.
    const auto global = normalize(security_record(
        4728, member("CN=backdoor,CN=Users,DC=corp,DC=example,DC=com", "Domain Admins", "CORP",
                     "S-1-5-21-3623811015-3361044348-30300820-512")));
    CHECK(global.event.action == "member_add");
    CHECK(global.fields.at("group_scope") == "global");
    CHECK(global.fields.at("target_user") == "CN=backdoor,CN=Users,DC=corp,DC=example,DC=com");
    CHECK(global.fields.at("group_name") == "CORP\\Domain Admins");

    struct expectation {
        std::uint32_t id;
        const char* action;
        const char* scope;
    };
    for (const expectation& e : {expectation{4729, "member_remove", "global"}, {4733, "member_remove", "local"},
                                 {4756, "member_add", "universal"}, {4757, "member_remove", "universal"}}) {
        CAPTURE(e.id);
        const auto out = normalize(security_record(e.id, member("-", "Group", "CORP", "S-1-5-21-1-2-3-1500")));
        CHECK(out.event.action == e.action);
        CHECK(out.fields.at("group_scope") == e.scope);
    }
}
