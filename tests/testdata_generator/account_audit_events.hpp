#pragma once
// Security-auditing events about accounts, groups and what persists on a
// host, with the field names, order and value types Windows writes
// (checked against real logs with evtxexport and python-evtx):
//   4720 account created (with its attributes), 4722 enabled, 4725
//   disabled, 4726 deleted, 4738 changed (begins with a field Dummy), 4781
//   renamed; 4728 / 4729, 4732 / 4733, 4756 / 4757 a member added to /
//   removed from a security-enabled global, local, universal group;
//   4798 a user's local groups enumerated;
//   4697 a service installed (ServiceType HexInt32, ServiceStartType UInt32);
//   4698 / 4699 / 4702 a scheduled task created / deleted / updated;
//   4657 a registry value changed (HandleId and ProcessId HexInt64 as
//   64-bit Windows writes pointers; value types as %%1872 + REG_* number).
// Accounts acted on come first, then the Subject; all names are strings,
// SIDs are SIDs.

#include <cstdint>
#include <string>

#include "windows_log_events.hpp"

namespace evtxcar::testdata {

// An account acted on: TargetUserName, TargetDomainName, TargetSid.
struct managed_account {
    std::string name;
    std::string domain;
    std::string sid;
};

// 4720 with the attributes a new local or domain user gets.
windows_event security_account_created(const std::string& computer, filetime time, const account& subject,
                                       const managed_account& created);
// 4722 (enabled), 4725 (disabled) or 4726 (deleted).
windows_event security_account_state(const std::string& computer, filetime time, const account& subject,
                                     const managed_account& target, std::uint16_t event_id);
// 4738 with the one attribute that changed (others "-").
windows_event security_account_changed(const std::string& computer, filetime time, const account& subject,
                                       const managed_account& target, const std::string& user_principal_name);
windows_event security_account_renamed(const std::string& computer, filetime time, const account& subject,
                                       const managed_account& renamed, const std::string& old_name);

// 4728, 4729, 4732, 4733, 4756 or 4757. member_name is "-" for local groups.
windows_event security_group_member(const std::string& computer, filetime time, const account& subject,
                                    const std::string& member_name, const std::string& member_sid,
                                    const managed_account& group, std::uint16_t event_id);

windows_event security_local_groups_enumerated(const std::string& computer, filetime time, const account& subject,
                                               const managed_account& target, std::uint64_t caller_process_id,
                                               const std::string& caller_process_name);

struct service_install {
    std::string name;
    std::string file_name;  // the command line, as Windows logs it
    std::uint32_t type = 0x10;
    std::uint32_t start_type = 3;
    std::string account = "LocalSystem";
};
windows_event security_service_installed(const std::string& computer, filetime time, const account& subject,
                                         const service_install& service);

// 4698 (created), 4699 (deleted) or 4702 (updated: the content as TaskContentNew).
windows_event security_scheduled_task(const std::string& computer, filetime time, const account& subject,
                                      const std::string& task_name, const std::string& task_xml,
                                      std::uint16_t event_id);

struct registry_value_change {
    std::string object_name;  // \REGISTRY\MACHINE\SOFTWARE\...
    std::string value_name;
    std::uint64_t handle_id = 0;
    std::string operation;    // %%1904 created, %%1905 modified, %%1906 deleted
    std::string old_type = "-";
    std::string old_value = "-";
    std::string new_type = "-";
    std::string new_value = "-";
    std::uint64_t process_id = 0;
    std::string process_name;
};
windows_event security_registry_value(const std::string& computer, filetime time, const account& subject,
                                      const registry_value_change& change);

}  // namespace evtxcar::testdata
