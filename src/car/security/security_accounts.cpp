// Security auditing -> evtxcar's own objects account (create 4720, enable
// 4722, disable 4725, delete 4726, change 4738, rename 4781) and group
// (member_add 4728 / 4732 / 4756, member_remove 4729 / 4733 / 4757). The
// account acted on is target_user / target_uid, as in CAR's
// authentication; the account that acted is user / uid with its logon id.
#include "car/security/security_mappings.hpp"

namespace evtxcar::security {

namespace {

std::string_view account_action(std::uint32_t event_id) {
    switch (event_id) {
        case 4720:
            return "create";
        case 4722:
            return "enable";
        case 4725:
            return "disable";
        case 4726:
            return "delete";
        default:
            return "change";  // 4738
    }
}

struct group_event {
    std::uint32_t event_id;
    std::string_view action;
    std::string_view scope;  // of the security-enabled group
};

constexpr group_event group_events[] = {
    {4728, "member_add", "global"},    {4729, "member_remove", "global"}, {4732, "member_add", "local"},
    {4733, "member_remove", "local"},  {4756, "member_add", "universal"}, {4757, "member_remove", "universal"},
};

}  // namespace

std::string map_account(const event_fields& in, car_event& out) {
    out.object = "account";
    out.action = account_action(in.record().event_id);
    set_account(in, managed_account, out, account_target);
    set_account(in, subject_account, out, account_user);
    return {};
}

std::string map_account_rename(const event_fields& in, car_event& out) {
    out.object = "account";
    out.action = "rename";
    set_account(in, {"TargetSid", "NewTargetUserName", "TargetDomainName", ""}, out, account_target);
    set_account(in, {"", "OldTargetUserName", "TargetDomainName", ""}, out,
                {car_field::previous_target_user, car_field::target_uid, std::nullopt});
    set_account(in, subject_account, out, account_user);
    return {};
}

std::string map_group_member(const event_fields& in, car_event& out) {
    out.object = "group";
    for (const group_event& known : group_events) {
        if (known.event_id == in.record().event_id) {
            out.action = known.action;
            out.set(car_field::group_scope, std::string(known.scope));
        }
    }
    // The member: a distinguished name in domain groups, "-" in local ones.
    set_account(in, {"MemberSid", "MemberName", "", ""}, out, account_target);
    set_account(in, managed_account, out, {car_field::group_name, car_field::group_uid, std::nullopt});
    set_account(in, subject_account, out, account_user);
    return {};
}

}  // namespace evtxcar::security
