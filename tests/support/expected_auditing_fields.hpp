#pragma once
// What evtxcar must make of a Security auditing session, authentication,
// account, group, service, scheduled task or registry event, worked out
// from the record's own fields (as the event XML shows them) and the rules
// of docs/data-model.md, written for the tests without evtxcar's code.
// Used on testdata/ (expected/*.jsonl) and on the corpus (evtxexport's XML).

#include <cctype>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace evtxcar::test {

using record_fields = std::vector<std::pair<std::string, std::string>>;

struct expected_car_event {
    std::string object;
    std::string action;
    // CAR field -> value; "" means the field must be absent.
    std::map<std::string, std::string> fields;
};

// The Security auditing event ids these mappings cover (docs/data-model.md).
inline const std::set<int>& auditing_ids_beyond_processes() {
    static const std::set<int> ids = {4624, 4625, 4634, 4647, 4648, 4657, 4697, 4698, 4699, 4702, 4720,
                                      4722, 4725, 4726, 4728, 4729, 4732, 4733, 4738, 4756, 4757, 4768,
                                      4769, 4771, 4776, 4778, 4779, 4781, 4800, 4801};
    return ids;
}

namespace auditing_rules {

inline std::string first(const record_fields& fields, const std::string& name) {
    for (const auto& [field, value] : fields) {
        if (field == name) return value;
    }
    return "";
}

inline bool placeholder(const std::string& value) { return value.empty() || value == "-"; }

inline std::string unless_placeholder(const std::string& value) { return placeholder(value) ? "" : value; }

inline bool is_hex(const std::string& value) {
    if (value.size() < 3 || value[0] != '0' || (value[1] != 'x' && value[1] != 'X')) return false;
    return value.find_first_not_of("0123456789abcdefABCDEF", 2) == std::string::npos;
}

// "0x00000017" -> "0x17", the value itself when it is not hexadecimal.
inline std::string short_hex(const std::string& value) {
    if (!is_hex(value)) return unless_placeholder(value);
    std::string digits = value.substr(2);
    for (char& c : digits) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::size_t nonzero = digits.find_first_not_of('0');
    return "0x" + (nonzero == std::string::npos ? std::string("0") : digits.substr(nonzero));
}

// A process id (hexadecimal or decimal) in decimal; 0 means no process.
inline std::string process_id(const std::string& value) {
    if (placeholder(value)) return "";
    const std::uint64_t number = is_hex(value) ? std::stoull(value.substr(2), nullptr, 16) : std::stoull(value);
    return number == 0 ? "" : std::to_string(number);
}

inline std::string basename(const std::string& path) {
    const std::size_t slash = path.find_last_of("\\/");
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

inline std::string address(const std::string& value) {
    if (placeholder(value)) return "";
    if (value.rfind("::ffff:", 0) == 0 && value.find('.') != std::string::npos) return value.substr(7);
    return value;
}

inline std::string trimmed(std::string value) {
    while (!value.empty() && value.back() == ' ') value.pop_back();
    return unless_placeholder(value);
}

struct account_names {
    std::string user, sid, logon_id;
};

// DOMAIN\name (a name with '@' alone), the SID unless NULL; nothing when both are absent.
inline account_names account(const record_fields& f, const std::string& sid_name, const std::string& name_name,
                             const std::string& domain_name, const std::string& logon_name) {
    const std::string sid = sid_name.empty() ? "" : first(f, sid_name);
    const std::string name = first(f, name_name);
    const std::string domain = domain_name.empty() ? "" : first(f, domain_name);
    const bool no_sid = placeholder(sid) || sid == "S-1-0-0";
    if (no_sid && placeholder(name)) return {};
    account_names a;
    if (!placeholder(name)) {
        a.user = placeholder(domain) || name.find('@') != std::string::npos ? name : domain + "\\" + name;
    }
    if (!no_sid) a.sid = sid;
    if (!logon_name.empty()) a.logon_id = first(f, logon_name);
    return a;
}

inline void put(expected_car_event& e, const std::string& user, const std::string& sid, const std::string& logon,
                const account_names& a) {
    e.fields[user] = a.user;
    e.fields[sid] = a.sid;
    if (!logon.empty()) e.fields[logon] = a.logon_id;
}

inline void process(expected_car_event& e, const record_fields& f, const std::string& pid, const std::string& image) {
    const std::string path = unless_placeholder(first(f, image));
    e.fields["image_path"] = path;
    e.fields["exe"] = path.empty() ? "" : basename(path);
    e.fields["pid"] = process_id(first(f, pid));
}

inline std::string guid(const std::string& value) {
    return value == "{00000000-0000-0000-0000-000000000000}" ? "" : unless_placeholder(value);
}

// The words docs/data-model.md gives for the codes of the test data and the
// corpus; nothing for others (the test then leaves decision_reason unchecked).
inline std::optional<std::string> reason_words(int event_id, const std::string& code) {
    static const std::map<std::string, std::string> failure_reasons = {
        {"%%2304", "logon error"}, {"%%2309", "password expired"}, {"%%2310", "account disabled"},
        {"%%2313", "unknown user name or bad password"}};
    static const std::map<std::string, std::string> kerberos = {
        {"0x6", "unknown user (KDC_ERR_C_PRINCIPAL_UNKNOWN)"},
        {"0x12", "account disabled, expired or locked out (KDC_ERR_CLIENT_REVOKED)"},
        {"0x18", "bad password (KDC_ERR_PREAUTH_FAILED)"},
        {"0x25", "clocks too far apart (KRB_AP_ERR_SKEW)"}};
    static const std::map<std::string, std::string> ntstatus = {
        {"0xc0000064", "unknown user name (STATUS_NO_SUCH_USER)"},
        {"0xc000006a", "bad password (STATUS_WRONG_PASSWORD)"},
        {"0xc0000072", "account disabled (STATUS_ACCOUNT_DISABLED)"},
        {"0xc0000234", "account locked out (STATUS_ACCOUNT_LOCKED_OUT)"}};
    const auto& table = event_id == 4625 ? failure_reasons : event_id == 4776 ? ntstatus : kerberos;
    const auto found = table.find(code);
    if (found == table.end()) return std::nullopt;
    return found->second;
}

inline std::string service_words(const std::string& logged, bool start_type) {
    static const std::map<std::string, std::string> types = {
        {"0x1", "kernel mode driver"}, {"0x2", "file system driver"}, {"0x10", "user mode service"},
        {"0x20", "user mode service"}};
    static const std::map<std::string, std::string> starts = {
        {"0", "boot start"}, {"1", "system start"}, {"2", "auto start"}, {"3", "demand start"}, {"4", "disabled"}};
    const auto& table = start_type ? starts : types;
    const auto found = table.find(start_type ? logged : short_hex(logged));
    return found == table.end() ? unless_placeholder(logged) : found->second;
}

inline std::string registry_type(const std::string& logged) {
    static const std::map<std::string, std::string> types = {
        {"%%1872", "REG_NONE"},      {"%%1873", "REG_SZ"},       {"%%1874", "REG_EXPAND_SZ"},
        {"%%1875", "REG_BINARY"},    {"%%1876", "REG_DWORD"},    {"%%1879", "REG_MULTI_SZ"},
        {"%%1883", "REG_QWORD"}};
    const auto found = types.find(logged);
    return found == types.end() ? unless_placeholder(logged) : found->second;
}

}  // namespace auditing_rules

// The expected event, or nothing for an event id outside these mappings.
// Fields it does not list are not checked (host, provenance, the payload).
inline std::optional<expected_car_event> expected_auditing_event(int id, const record_fields& f) {
    using namespace auditing_rules;
    if (auditing_ids_beyond_processes().count(id) == 0) return std::nullopt;
    expected_car_event e;
    const auto get = [&f](const char* name) { return first(f, name); };
    const auto subject = account(f, "SubjectUserSid", "SubjectUserName", "SubjectDomainName", "SubjectLogonId");
    const auto target = account(f, "TargetUserSid", "TargetUserName", "TargetDomainName", "TargetLogonId");
    if (id == 4624 || id == 4634 || id == 4647) {
        e.object = "user_session";
        e.action = id == 4624 ? "login" : "logout";
        put(e, "user", "uid", "logon_id", target);
        e.fields["login_type"] = get("LogonType");
        if (id == 4624) {
            put(e, "subject_user", "subject_uid", "subject_logon_id", subject);
            e.fields["logon_process"] = trimmed(get("LogonProcessName"));
            e.fields["method"] = unless_placeholder(get("AuthenticationPackageName"));
            e.fields["src_hostname"] = unless_placeholder(get("WorkstationName"));
            e.fields["logon_guid"] = guid(get("LogonGuid"));
            process(e, f, "ProcessId", "ProcessName");
            e.fields["src_ip"] = address(get("IpAddress"));
            e.fields["src_port"] = unless_placeholder(get("IpPort"));
            const std::string elevated = get("ElevatedToken");
            e.fields["elevated_token"] = elevated == "%%1842" ? "true" : elevated == "%%1843" ? "false" : elevated;
        }
    } else if (id == 4778 || id == 4779) {
        e.object = "user_session";
        e.action = id == 4778 ? "reconnect" : "disconnect";
        put(e, "user", "uid", "logon_id", account(f, "", "AccountName", "AccountDomain", "LogonID"));
        e.fields["session_name"] = unless_placeholder(get("SessionName"));
        e.fields["src_hostname"] = unless_placeholder(get("ClientName"));
        e.fields["src_ip"] = address(get("ClientAddress"));
    } else if (id == 4800 || id == 4801) {
        e.object = "user_session";
        e.action = id == 4800 ? "lock" : "unlock";
        put(e, "user", "uid", "logon_id", target);
        e.fields["terminal_session_id"] = get("SessionId");
    } else if (id == 4625 || id == 4648 || id == 4768 || id == 4769 || id == 4771 || id == 4776) {
        e.object = "authentication";
        if (id == 4625 || id == 4648) put(e, "user", "uid", "logon_id", subject);
        if (id == 4625) {
            e.action = "failure";
            put(e, "target_user", "target_uid", "", account(f, "TargetUserSid", "TargetUserName", "TargetDomainName", ""));
            e.fields["status"] = short_hex(get("Status"));
            e.fields["sub_status"] = short_hex(get("SubStatus"));
            if (const auto words = reason_words(id, get("FailureReason"))) e.fields["decision_reason"] = *words;
            e.fields["login_type"] = get("LogonType");
            e.fields["logon_process"] = trimmed(get("LogonProcessName"));
            e.fields["method"] = unless_placeholder(get("AuthenticationPackageName"));
            e.fields["src_hostname"] = unless_placeholder(get("WorkstationName"));
            process(e, f, "ProcessId", "ProcessName");
        } else if (id == 4648) {
            e.action = "explicit_credentials";
            put(e, "target_user", "target_uid", "", account(f, "", "TargetUserName", "TargetDomainName", ""));
            e.fields["auth_target"] = unless_placeholder(get("TargetServerName"));
            e.fields["logon_guid"] = guid(get("LogonGuid"));
            process(e, f, "ProcessId", "ProcessName");
        } else {
            const std::string status = short_hex(get("Status"));
            e.action = id == 4771 || status != "0x0" ? "failure" : "success";
            e.fields["status"] = status;
            if (status != "0x0") {
                if (const auto words = reason_words(id, status)) e.fields["decision_reason"] = *words;
            } else {
                e.fields["decision_reason"] = "";
            }
            if (id == 4776) {
                e.fields["method"] = unless_placeholder(get("PackageName"));
                put(e, "target_user", "target_uid", "", account(f, "", "TargetUserName", "", ""));
                e.fields["src_hostname"] = unless_placeholder(get("Workstation"));
            } else {
                e.fields["method"] = "Kerberos";
                put(e, "target_user", "target_uid", "",
                    account(f, "TargetSid", "TargetUserName", id == 4771 ? "" : "TargetDomainName", ""));
                e.fields["ticket_service"] = unless_placeholder(get("ServiceName"));
                e.fields["ticket_options"] = short_hex(get("TicketOptions"));
                e.fields["ticket_encryption_type"] = short_hex(get("TicketEncryptionType"));
                e.fields["pre_auth_type"] = unless_placeholder(get("PreAuthType"));
                if (id == 4769) e.fields["logon_guid"] = guid(get("LogonGuid"));
            }
        }
        if (id != 4776) {
            e.fields["src_ip"] = address(get("IpAddress"));
            e.fields["src_port"] = unless_placeholder(get("IpPort"));
        }
    } else if (id == 4720 || id == 4722 || id == 4725 || id == 4726 || id == 4738 || id == 4781) {
        e.object = "account";
        const std::map<int, std::string> actions = {{4720, "create"}, {4722, "enable"}, {4725, "disable"},
                                                    {4726, "delete"}, {4738, "change"}, {4781, "rename"}};
        e.action = actions.at(id);
        put(e, "user", "uid", "logon_id", subject);
        if (id == 4781) {
            put(e, "target_user", "target_uid", "", account(f, "TargetSid", "NewTargetUserName", "TargetDomainName", ""));
            e.fields["previous_target_user"] = account(f, "", "OldTargetUserName", "TargetDomainName", "").user;
        } else {
            put(e, "target_user", "target_uid", "", account(f, "TargetSid", "TargetUserName", "TargetDomainName", ""));
        }
    } else if (id == 4728 || id == 4729 || id == 4732 || id == 4733 || id == 4756 || id == 4757) {
        e.object = "group";
        e.action = id == 4728 || id == 4732 || id == 4756 ? "member_add" : "member_remove";
        e.fields["group_scope"] = id <= 4729 ? "global" : id <= 4733 ? "local" : "universal";
        put(e, "user", "uid", "logon_id", subject);
        put(e, "target_user", "target_uid", "", account(f, "MemberSid", "MemberName", "", ""));
        put(e, "group_name", "group_uid", "", account(f, "TargetSid", "TargetUserName", "TargetDomainName", ""));
    } else if (id == 4697) {
        e.object = "service";
        e.action = "create";
        e.fields["name"] = unless_placeholder(get("ServiceName"));
        e.fields["image_path"] = unless_placeholder(get("ServiceFileName"));
        e.fields["service_type"] = service_words(get("ServiceType"), false);
        e.fields["start_type"] = service_words(get("ServiceStartType"), true);
        e.fields["user"] = unless_placeholder(get("ServiceAccount"));
        put(e, "subject_user", "uid", "subject_logon_id", subject);
    } else if (id == 4698 || id == 4699 || id == 4702) {
        e.object = "scheduled_task";
        e.action = id == 4698 ? "create" : id == 4699 ? "delete" : "update";
        e.fields["task_name"] = unless_placeholder(get("TaskName"));
        e.fields["task_content"] = unless_placeholder(get(id == 4702 ? "TaskContentNew" : "TaskContent"));
        put(e, "user", "uid", "logon_id", subject);
    } else if (id == 4657) {
        e.object = "registry";
        const std::string operation = get("OperationType");
        e.action = operation == "%%1906" ? "remove" : "value_edit";
        std::string object = get("ObjectName");
        e.fields["hive"] = "";
        for (const auto& [root, hive] : {std::pair<std::string, std::string>{"\\REGISTRY\\MACHINE", "HKLM"},
                                         {"\\REGISTRY\\USER", "HKU"}}) {
            if (object.rfind(root, 0) == 0 && (object.size() == root.size() || object[root.size()] == '\\')) {
                e.fields["hive"] = hive;
                object = object.size() > root.size() ? object.substr(root.size() + 1) : "";
            }
        }
        e.fields["key"] = object;
        e.fields["value"] = get("ObjectValueName");
        e.fields["type"] = registry_type(get("NewValueType"));
        e.fields["data"] = unless_placeholder(get("NewValue"));
        e.fields["previous_type"] = registry_type(get("OldValueType"));
        e.fields["previous_data"] = unless_placeholder(get("OldValue"));
        process(e, f, "ProcessId", "ProcessName");
        put(e, "user", "uid", "logon_id", subject);
    }
    return e;
}

}  // namespace evtxcar::test
