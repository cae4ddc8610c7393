#include "sessions_scenario.hpp"

#include "account_audit_events.hpp"
#include "session_audit_events.hpp"

namespace evtxcar::testdata {

namespace {

using namespace evtx_writer;

constexpr const char* domain_sid = "S-1-5-21-3623811015-3361044348-30300820";

account domain_account(const std::string& name, unsigned rid, std::uint64_t logon_id) {
    return {std::string(domain_sid) + "-" + std::to_string(rid), name, "CORP", logon_id};
}

managed_account domain_group(const std::string& name, unsigned rid) {
    return {name, "CORP", std::string(domain_sid) + "-" + std::to_string(rid)};
}

// One host's Security log told in order, a few seconds between events.
class security_log {
public:
    security_log(std::string computer, filetime start) : computer_(std::move(computer)), time_(start) {}

    const std::string& computer() const { return computer_; }
    filetime next(std::uint64_t seconds = 3) { return time_ += seconds * ticks_per_second + 211'307; }
    void add(windows_event event, std::string why, std::vector<std::string> detections = {}) {
        records_.push_back({std::move(event), std::move(why), std::move(detections)});
    }
    std::vector<scenario_record> records() const { return records_; }

private:
    std::string computer_;
    filetime time_;
    std::vector<scenario_record> records_;
};

const account dc01_system = {"S-1-5-18", "DC01$", "CORP", 0x3E7};
const account domain_admin = domain_account("Administrator", 500, 0x1A2B3C);
const account jdoe = domain_account("jdoe", 1105, 0x5D2F1A);
const managed_account backdoor = {"backdoor", "CORP", std::string(domain_sid) + "-1601"};
const account nobody = {"S-1-0-0", "-", "-", 0};

std::vector<scenario_record> dc01_records() {
    security_log log("DC01.corp.example.com", to_filetime({2026, 3, 12, 7, 58, 0, 0}));
    const std::string dc = log.computer();

    kerberos_request tgt;
    tgt.user = "jdoe";
    tgt.realm = "CORP.EXAMPLE.COM";
    tgt.user_sid = jdoe.sid;
    tgt.service = "krbtgt";
    tgt.service_sid = std::string(domain_sid) + "-502";
    tgt.ip_address = "::ffff:10.20.5.55";
    tgt.ip_port = "49822";
    log.add(security_kerberos_tgt(dc, log.next(), tgt), "4768: jdoe gets a TGT (AES256), IPv4-mapped client address");

    kerberos_request service = tgt;
    service.user = "jdoe@CORP.EXAMPLE.COM";
    service.service = "WS10$";
    service.service_sid = std::string(domain_sid) + "-1210";
    service.ticket_options = 0x40810000;
    service.ip_port = "49823";
    service.logon_guid_seed = "DC01 jdoe WS10";
    log.add(security_kerberos_service_ticket(dc, log.next(), service), "4769: a service ticket for WS10$ (AES256)");

    kerberos_request roast = service;
    roast.service = "svc_sql";
    roast.service_sid = std::string(domain_sid) + "-1310";
    roast.encryption_type = 0x17;
    roast.ip_port = "49840";
    roast.logon_guid_seed = "DC01 jdoe svc_sql";
    log.add(security_kerberos_service_ticket(dc, log.next(), roast),
            "4769: a service ticket for svc_sql with RC4 (0x17): Kerberoasting");

    kerberos_request spray;
    spray.realm = "CORP.EXAMPLE.COM";
    spray.service = "krbtgt/CORP.EXAMPLE.COM";
    spray.ticket_options = 0x10;
    spray.status = 0x18;
    spray.ip_address = "10.20.7.99";
    const char* sprayed[] = {"Administrator", "helpdesk", "svc_backup"};
    const unsigned rids[] = {500, 1142, 1188};
    for (std::size_t i = 0; i < 3; ++i) {
        spray.user = sprayed[i];
        spray.user_sid = std::string(domain_sid) + "-" + std::to_string(rids[i]);
        spray.ip_port = std::to_string(55960 + i);
        log.add(security_kerberos_preauth_failed(dc, log.next(1), spray),
                std::string("4771: password spray, bad password for ") + sprayed[i]);
    }
    kerberos_request unknown = spray;
    unknown.user = "sqladmin";
    unknown.user_sid = "S-1-0-0";
    unknown.service_sid = "S-1-0-0";
    unknown.status = 0x6;
    unknown.encryption_type = 0xFFFFFFFF;
    unknown.pre_auth_type = "-";
    unknown.ip_port = "55970";
    log.add(security_kerberos_tgt(dc, log.next(1), unknown), "4768 refused: a user the domain does not know (0x6)");

    log.add(security_credential_validation(dc, log.next(), "Administrator", "ATTACKER01", 0xC000006A),
            "4776: NTLM validation fails, bad password");
    log.add(security_credential_validation(dc, log.next(), "jdoe", "WS10", 0), "4776: NTLM validation succeeds");

    log.add(security_account_created(dc, log.next(20), domain_admin, backdoor), "4720: an account is created");
    log.add(security_account_state(dc, log.next(), domain_admin, backdoor, 4722), "4722: the account is enabled");
    log.add(security_account_changed(dc, log.next(), domain_admin, backdoor, "backdoor@corp.example.com"),
            "4738: the account gets a user principal name");
    log.add(security_group_member(dc, log.next(), domain_admin, "CN=backdoor,CN=Users,DC=corp,DC=example,DC=com",
                                  backdoor.sid, domain_group("Domain Admins", 512), 4728),
            "4728: the account joins Domain Admins (global group)");
    log.add(security_group_member(dc, log.next(), domain_admin, "CN=backdoor,CN=Users,DC=corp,DC=example,DC=com",
                                  backdoor.sid, domain_group("Enterprise Admins", 519), 4756),
            "4756: the account joins Enterprise Admins (universal group)");
    log.add(security_special_privileges(dc, log.next(), domain_admin), "generic: 4672 special privileges");
    managed_account renamed = backdoor;
    renamed.name = "svc_update";
    log.add(security_account_renamed(dc, log.next(40), domain_admin, renamed, "backdoor"),
            "4781: the account is renamed");
    log.add(security_group_member(dc, log.next(), domain_admin, "CN=svc_update,CN=Users,DC=corp,DC=example,DC=com",
                                  backdoor.sid, domain_group("Enterprise Admins", 519), 4757),
            "4757: the account leaves Enterprise Admins");
    log.add(security_group_member(dc, log.next(), domain_admin, "CN=svc_update,CN=Users,DC=corp,DC=example,DC=com",
                                  backdoor.sid, domain_group("Domain Admins", 512), 4729),
            "4729: the account leaves Domain Admins");
    log.add(security_account_state(dc, log.next(), domain_admin, renamed, 4725), "4725: the account is disabled");
    log.add(security_account_state(dc, log.next(), domain_admin, renamed, 4726), "4726: the account is deleted");

    logon_details network;
    network.logon_type = 3;
    network.logon_process = "Kerberos";
    network.authentication_package = "Kerberos";
    network.workstation = "-";
    network.process_name = "-";
    network.process_id = 0;
    network.ip_address = "10.20.5.55";
    network.ip_port = "49850";
    account jdoe_network = jdoe;
    jdoe_network.logon_id = 0x7C0FFE;
    log.add(security_logon(dc, log.next(), nobody, jdoe_network, network),
            "4624 v2: jdoe's network logon (Kerberos), no process");
    log.add(security_logoff(dc, log.next(), jdoe_network, 3), "4634: the network logon ends");
    return log.records();
}

std::vector<scenario_record> ws10_records() {
    security_log log("WS10.corp.example.com", to_filetime({2026, 3, 12, 8, 30, 0, 0}));
    const std::string ws = log.computer();
    const account system = {"S-1-5-18", "WS10$", "CORP", 0x3E7};
    const std::string attacker = "203.0.113.50";

    logon_details interactive;
    interactive.logon_type = 2;
    interactive.workstation = "WS10";
    interactive.process_name = "C:\\Windows\\System32\\svchost.exe";
    interactive.process_id = 0x2F0;
    interactive.ip_address = "127.0.0.1";
    interactive.ip_port = "0";
    log.add(security_logon(ws, log.next(), system, jdoe, interactive), "4624 v2: jdoe logs on at the console");
    log.add(security_workstation_lock(ws, log.next(600), jdoe, 1, true), "4800: jdoe locks the workstation");
    log.add(security_workstation_lock(ws, log.next(300), jdoe, 1, false), "4801: jdoe unlocks it");

    logon_failure guess;
    guess.subject = nobody;
    guess.target = {"S-1-0-0", "Administrator", "WS10", 0};
    guess.details.logon_type = 3;
    guess.details.logon_process = "NtLmSsp ";
    guess.details.authentication_package = "NTLM";
    guess.details.workstation = "KALI";
    guess.details.process_name = "-";
    guess.details.process_id = 0;
    guess.details.ip_address = attacker;
    for (unsigned i = 0; i < 3; ++i) {
        guess.details.ip_port = std::to_string(60170 + i);
        log.add(security_logon_failed(ws, log.next(1), guess), "4625: brute force over the network, bad password");
    }
    logon_failure disabled = guess;
    disabled.target = {"S-1-5-21-1004336348-1177238915-682003330-501", "Guest", "WS10", 0};
    disabled.status = 0xC000006E;
    disabled.failure_reason = "%%2310";
    disabled.sub_status = 0xC0000072;
    disabled.details.ip_port = "60180";
    log.add(security_logon_failed(ws, log.next(1), disabled), "4625: the disabled Guest account is tried");

    logon_details remote;
    remote.logon_type = 10;
    remote.workstation = "WS10";
    remote.process_name = "C:\\Windows\\System32\\svchost.exe";
    remote.process_id = 0x4A8;
    remote.ip_address = attacker;
    remote.ip_port = "0";
    remote.elevated = true;
    const account admin = {"S-1-5-21-1004336348-1177238915-682003330-500", "Administrator", "WS10", 0x9E11D};
    log.add(security_logon(ws, log.next(20), system, admin, remote), "4624 v2: RDP logon (type 10), elevated token",
            {"CAR-2016-04-005:pseudocode", "CAR-2013-02-008:interactive"});  // a second person within the hour
    log.add(security_special_privileges(ws, log.next(0), admin), "generic: 4672 special privileges for the RDP logon");
    const window_station station = {"Administrator", "WS10", admin.logon_id, "RDP-Tcp#3", "KALI", attacker};
    log.add(security_session_station(ws, log.next(900), station, false), "4779: the RDP session is disconnected");
    log.add(security_session_station(ws, log.next(600), station, true), "4778: the RDP session is reconnected");

    explicit_logon runas;
    runas.subject = admin;
    runas.target_user = "svc_backup";
    runas.target_domain = "CORP";
    runas.target_server = "localhost";
    runas.target_info = "localhost";
    runas.process_id = 0x1B3C;
    runas.process_name = "C:\\Windows\\System32\\runas.exe";
    runas.ip_address = "::1";
    runas.ip_port = "0";
    log.add(security_explicit_credentials(ws, log.next(), runas), "4648: runas with svc_backup's credentials");

    service_install implant;
    implant.name = "WinUpdateSvc";
    implant.file_name = "C:\\Users\\Public\\updater.exe -service";
    implant.start_type = 2;
    log.add(security_service_installed(ws, log.next(), admin, implant),
            "4697: a service is installed (ServiceType 0x10, auto start)",
            {"CAR-2013-09-005:logpoint", "CAR-2021-05-012:splunk"});  // rare, and from C:\Users\Public
    const std::string task_xml =
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n<Task version=\"1.2\" "
        "xmlns=\"http://schemas.microsoft.com/windows/2004/02/mit/task\">\r\n  <Actions Context=\"Author\">\r\n"
        "    <Exec>\r\n      <Command>C:\\Users\\Public\\updater.exe</Command>\r\n    </Exec>\r\n  </Actions>\r\n</Task>";
    log.add(security_scheduled_task(ws, log.next(), admin, "\\Microsoft\\Windows\\UpdateCheck", task_xml, 4698),
            "4698: a scheduled task is created", {"CAR-2021-12-001:task"});
    log.add(security_scheduled_task(ws, log.next(), admin, "\\Microsoft\\Windows\\UpdateCheck", task_xml, 4702),
            "4702: the scheduled task is updated", {"CAR-2021-12-001:task"});

    registry_value_change run;
    run.object_name = "\\REGISTRY\\MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run";
    run.value_name = "Updater";
    run.handle_id = 0x208;
    run.operation = "%%1904";
    run.new_type = "%%1873";
    run.new_value = "C:\\Users\\Public\\updater.exe";
    run.process_id = 0x1D40;
    run.process_name = "C:\\Windows\\System32\\reg.exe";
    log.add(security_registry_value(ws, log.next(), admin, run), "4657: a Run value is created (%%1904)");
    registry_value_change edit = run;
    edit.operation = "%%1905";
    edit.old_type = "%%1873";
    edit.old_value = run.new_value;
    edit.new_value = "C:\\Users\\Public\\updater.exe /quiet";
    log.add(security_registry_value(ws, log.next(), admin, edit), "4657: the Run value is modified (%%1905)");
    registry_value_change removed = edit;
    removed.operation = "%%1906";
    removed.old_value = edit.new_value;
    removed.new_type = "-";
    removed.new_value = "-";
    log.add(security_registry_value(ws, log.next(), admin, removed), "4657: the Run value is deleted (%%1906)");

    const managed_account administrators = {"Administrators", "Builtin", "S-1-5-32-544"};
    log.add(security_group_member(ws, log.next(), admin, "-", jdoe.sid, administrators, 4732),
            "4732: jdoe joins the local Administrators (member by SID only)");
    log.add(security_local_groups_enumerated(ws, log.next(), admin, {"jdoe", "CORP", jdoe.sid}, 0x1E2C,
                                             "C:\\Windows\\System32\\net1.exe"),
            "generic: 4798 jdoe's local groups enumerated");
    log.add(security_group_member(ws, log.next(), admin, "-", jdoe.sid, administrators, 4733),
            "4733: jdoe leaves the local Administrators");
    log.add(security_scheduled_task(ws, log.next(), admin, "\\Microsoft\\Windows\\UpdateCheck", task_xml, 4699),
            "4699: the scheduled task is deleted");
    log.add(security_user_logoff(ws, log.next(), admin), "4647: the RDP user logs off");
    log.add(security_logoff(ws, log.next(1), admin, 10), "4634: the RDP logon ends");
    return log.records();
}

// WS03: Windows 7 (4624 version 0), in a workgroup.
std::vector<scenario_record> ws03_records() {
    security_log log("WS03", to_filetime({2026, 3, 12, 9, 15, 0, 0}));
    const std::string ws = log.computer();
    const account system = {"S-1-5-18", "WS03$", "WORKGROUP", 0x3E7};
    const account local_admin = {"S-1-5-21-2977773840-2930198165-1551093962-500", "Administrator", "WS03", 0x3A1F2};
    logon_details console;
    console.logon_type = 2;
    console.workstation = "WS03";
    console.process_name = "C:\\Windows\\System32\\winlogon.exe";
    console.process_id = 0x1F4;
    console.ip_address = "127.0.0.1";
    console.ip_port = "0";
    log.add(security_logon_version(ws, log.next(), system, local_admin, console, 0),
            "4624 v0: no ImpersonationLevel, the process id as a decimal size_t");
    log.add(security_logoff(ws, log.next(60), local_admin, 2), "4634: the console logon ends");
    return log.records();
}

// SRV12: Windows Server 2012 R2 (4624 version 1).
std::vector<scenario_record> srv12_records() {
    security_log log("SRV12.corp.example.com", to_filetime({2026, 3, 12, 9, 20, 0, 0}));
    const account system = {"S-1-5-18", "SRV12$", "CORP", 0x3E7};
    logon_details service;
    service.logon_type = 5;
    service.logon_process = "Advapi  ";
    service.workstation = "-";
    service.process_name = "C:\\Windows\\System32\\services.exe";
    service.process_id = 0x254;
    log.add(security_logon_version(log.computer(), log.next(), system,
                                   {"S-1-5-19", "LOCAL SERVICE", "NT AUTHORITY", 0x3E5}, service, 1),
            "4624 v1: ImpersonationLevel, a service logon without address or workstation");
    return log.records();
}

}  // namespace

std::vector<scenario_file> sessions_files() {
    return {log_file("sessions/DC01/Security.evtx",
                     "Kerberos (4768, 4769 RC4, 4771 spray), NTLM (4776), an account's life (4720, 4722, 4738, "
                     "4781, 4725, 4726) and its groups (4728, 4756, 4757, 4729)",
                     dc01_records(), 7711020),
            log_file("sessions/WS10/Security.evtx",
                     "logons (4624 v2, 4625 brute force, RDP), 4778/4779, 4800/4801, 4648, 4697, 4698/4702/4699, "
                     "4657, 4732/4733, 4647/4634",
                     ws10_records(), 301544),
            log_file("sessions/WS03/Security.evtx", "4624 version 0 (Windows 7), process id as a size_t",
                     ws03_records(), 5120),
            log_file("sessions/SRV12/Security.evtx", "4624 version 1 (Windows Server 2012 R2): ImpersonationLevel",
                     srv12_records(), 88410)};
}

}  // namespace evtxcar::testdata
