// Windows' codes in Security auditing events and the words evtxcar writes
// for them. The wording of reasons is evtxcar's own; the names in
// parentheses are those of RFC 4120 (Kerberos) and of Windows' NTSTATUS
// codes, so that a reader can look them up.
#include <iterator>
#include <span>

#include "car/security/security_mappings.hpp"

namespace evtxcar::security {

namespace {

struct coded_words {
    std::uint64_t code;
    std::string_view words;
};

struct named_value {
    std::string_view logged;
    std::string_view words;
};

std::string_view words_for(std::span<const coded_words> table, std::uint64_t code) {
    for (const coded_words& entry : table) {
        if (entry.code == code) return entry.words;
    }
    return {};
}

// The message ids 4625 logs as FailureReason.
constexpr named_value logon_failure_reasons[] = {
    {"%%2304", "logon error"},
    {"%%2305", "account expired"},
    {"%%2306", "Netlogon not active"},
    {"%%2307", "account locked out"},
    {"%%2308", "logon type not granted on this computer"},
    {"%%2309", "password expired"},
    {"%%2310", "account disabled"},
    {"%%2311", "outside the account's logon hours"},
    {"%%2312", "not allowed to log on at this computer"},
    {"%%2313", "unknown user name or bad password"},
};

constexpr coded_words kerberos_errors[] = {
    {0x1, "client's entry expired (KDC_ERR_NAME_EXP)"},
    {0x2, "server's entry expired (KDC_ERR_SERVICE_EXP)"},
    {0x6, "unknown user (KDC_ERR_C_PRINCIPAL_UNKNOWN)"},
    {0x7, "unknown service (KDC_ERR_S_PRINCIPAL_UNKNOWN)"},
    {0xC, "refused by policy (KDC_ERR_POLICY)"},
    {0xD, "option not granted (KDC_ERR_BADOPTION)"},
    {0xE, "encryption type not supported (KDC_ERR_ETYPE_NOSUPP)"},
    {0x10, "pre-authentication type not supported (KDC_ERR_PADATA_TYPE_NOSUPP)"},
    {0x12, "account disabled, expired or locked out (KDC_ERR_CLIENT_REVOKED)"},
    {0x17, "password expired (KDC_ERR_KEY_EXPIRED)"},
    {0x18, "bad password (KDC_ERR_PREAUTH_FAILED)"},
    {0x19, "pre-authentication required (KDC_ERR_PREAUTH_REQUIRED)"},
    {0x1B, "user-to-user required (KDC_ERR_MUST_USE_USER2USER)"},
    {0x1F, "integrity check failed (KRB_AP_ERR_BAD_INTEGRITY)"},
    {0x20, "ticket expired (KRB_AP_ERR_TKT_EXPIRED)"},
    {0x22, "request replayed (KRB_AP_ERR_REPEAT)"},
    {0x25, "clocks too far apart (KRB_AP_ERR_SKEW)"},
    {0x29, "message modified (KRB_AP_ERR_MODIFIED)"},
    {0x3C, "generic error (KRB_ERR_GENERIC)"},
};

constexpr coded_words ntstatus_reasons[] = {
    {0xC000005E, "no logon server available (STATUS_NO_LOGON_SERVERS)"},
    {0xC0000064, "unknown user name (STATUS_NO_SUCH_USER)"},
    {0xC000006A, "bad password (STATUS_WRONG_PASSWORD)"},
    {0xC000006D, "bad user name or password (STATUS_LOGON_FAILURE)"},
    {0xC000006E, "account restriction (STATUS_ACCOUNT_RESTRICTION)"},
    {0xC000006F, "outside the account's logon hours (STATUS_INVALID_LOGON_HOURS)"},
    {0xC0000070, "not allowed from this workstation (STATUS_INVALID_WORKSTATION)"},
    {0xC0000071, "password expired (STATUS_PASSWORD_EXPIRED)"},
    {0xC0000072, "account disabled (STATUS_ACCOUNT_DISABLED)"},
    {0xC0000133, "clocks too far apart (STATUS_TIME_DIFFERENCE_AT_DC)"},
    {0xC000015B, "logon type not granted (STATUS_LOGON_TYPE_NOT_GRANTED)"},
    {0xC0000193, "account expired (STATUS_ACCOUNT_EXPIRED)"},
    {0xC0000224, "password must be changed (STATUS_PASSWORD_MUST_CHANGE)"},
    {0xC0000234, "account locked out (STATUS_ACCOUNT_LOCKED_OUT)"},
    {0xC0000413, "refused by the authentication firewall (STATUS_AUTHENTICATION_FIREWALL_FAILED)"},
};

// The service types and start types of the Service Control Manager, in the
// words System 7045 logs them.
constexpr coded_words service_types[] = {
    {0x1, "kernel mode driver"},
    {0x2, "file system driver"},
    {0x10, "user mode service"},  // own process
    {0x20, "user mode service"},  // shares a process (svchost.exe)
};

constexpr coded_words start_types[] = {
    {0, "boot start"}, {1, "system start"}, {2, "auto start"}, {3, "demand start"}, {4, "disabled"},
};

// The value types of the registry (winnt.h REG_*) by number; 4657 logs
// type n as message id %%(1872 + n).
constexpr std::string_view registry_types[] = {
    "REG_NONE", "REG_SZ",
    "REG_EXPAND_SZ", "REG_BINARY",
    "REG_DWORD", "REG_DWORD_BIG_ENDIAN",
    "REG_LINK", "REG_MULTI_SZ",
    "REG_RESOURCE_LIST", "REG_FULL_RESOURCE_DESCRIPTOR",
    "REG_RESOURCE_REQUIREMENTS_LIST", "REG_QWORD",
};
constexpr std::uint64_t first_registry_type_message = 1872;

// A number in a service's table -> its words; a number without words stays
// as logged; a word of the table stays as logged (7045 logs words);
// anything else is not a service value.
std::optional<std::string> words_or_logged(std::span<const coded_words> table, std::string_view logged) {
    if (const std::optional<std::uint64_t> code = logged_number(logged)) {
        const std::string_view words = words_for(table, *code);
        return std::string(words.empty() ? logged : words);
    }
    for (const coded_words& entry : table) {
        if (iequals(entry.words, logged)) return std::string(logged);
    }
    return std::nullopt;
}

}  // namespace

std::string logon_failure_reason(std::string_view logged) {
    for (const named_value& reason : logon_failure_reasons) {
        if (reason.logged == logged) return std::string(reason.words);
    }
    return std::string(logged);
}

std::string_view kerberos_error(std::uint64_t code) { return words_for(kerberos_errors, code); }

std::string_view ntstatus_reason(std::uint64_t code) { return words_for(ntstatus_reasons, code); }

std::optional<std::string> service_type_words(std::string_view logged) {
    return words_or_logged(service_types, logged);
}

std::optional<std::string> start_type_words(std::string_view logged) { return words_or_logged(start_types, logged); }

std::string registry_type_name(std::string_view logged) {
    if (logged.size() > 2 && logged.starts_with("%%")) {
        const std::optional<std::uint64_t> message = logged_number(logged.substr(2));
        if (message && *message >= first_registry_type_message &&
            *message - first_registry_type_message < std::size(registry_types)) {
            return std::string(registry_types[*message - first_registry_type_message]);
        }
    }
    return std::string(logged);
}

std::optional<std::string> yes_no(std::string_view logged) {
    if (logged == "%%1842" || iequals(logged, "Yes")) return "true";
    if (logged == "%%1843" || iequals(logged, "No")) return "false";
    return std::nullopt;
}

}  // namespace evtxcar::security
