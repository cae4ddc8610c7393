// The Windows logsources of the Sigma taxonomy (appendix "Taxonomy",
// Windows folder and services) as evtxcar's timeline events.
#include "rules/logsource_table.hpp"

#include <array>

namespace evtxcar::rules {

namespace {

constexpr std::string_view sysmon_channel = "Microsoft-Windows-Sysmon/Operational";
constexpr std::string_view not_logged = "an ETW provider (Microsoft-Windows-Kernel-File) that event logs do not record";

template <std::size_t N>
constexpr std::span<const car_kind> kinds(const car_kind (&list)[N]) {
    return list;
}
template <std::size_t N>
constexpr std::span<const channel_kind> channels(const channel_kind (&list)[N]) {
    return list;
}

// --- categories: CAR events, from whichever sensor logs them
constexpr car_kind process_creation[] = {{"process", "create"}};
constexpr car_kind process_termination[] = {{"process", "terminate"}};
constexpr car_kind process_access[] = {{"process", "access"}};
constexpr car_kind process_tampering[] = {{"process", "tamper"}};
constexpr car_kind network_connection[] = {{"flow", "start"}};
constexpr car_kind file_change[] = {{"file", "timestomp"}};
constexpr car_kind file_event[] = {{"file", "create"}};
constexpr car_kind file_delete[] = {{"file", "delete", 23}};
constexpr car_kind file_delete_detected[] = {{"file", "delete", 26}};
constexpr car_kind file_block_executable[] = {{"file", "block_executable"}};
constexpr car_kind file_block_shredding[] = {{"file", "block_shredding"}};
constexpr car_kind file_executable_detected[] = {{"file", "executable_detected"}};
constexpr car_kind create_stream_hash[] = {{"file", "create_stream_hash"}};
constexpr car_kind raw_access_thread[] = {{"file", "raw_access_read"}};
constexpr car_kind driver_load[] = {{"driver", "load"}};
constexpr car_kind image_load[] = {{"module", "load"}};
constexpr car_kind create_remote_thread[] = {{"thread", "remote_create"}};
// Sysmon 12 is both: its EventType (CreateKey, DeleteValue, ...) tells them apart, and rules test it.
constexpr car_kind registry_add_delete[] = {{"registry", "add"}, {"registry", "remove"}};
constexpr car_kind registry_set[] = {{"registry", "value_edit"}};
constexpr car_kind registry_rename[] = {{"registry", "key_edit"}};
constexpr car_kind registry_event[] = {
    {"registry", "add"}, {"registry", "remove"}, {"registry", "value_edit"}, {"registry", "key_edit"}};
constexpr car_kind pipe_created[] = {{"pipe", "create"}, {"pipe", "connect"}};
constexpr car_kind wmi_event[] = {{"wmi", "filter"}, {"wmi", "consumer"}, {"wmi", "binding"}};
constexpr car_kind dns_query[] = {{"dns", "query"}};
constexpr car_kind clipboard_capture[] = {{"clipboard", "change"}};
constexpr car_kind sysmon_status[] = {{"sensor", "state_change"}, {"sensor", "config_change"}};
constexpr car_kind sysmon_error[] = {{"sensor", "error"}};

// --- categories CAR has no object for: records of a channel and event id
constexpr channel_kind ps_classic_start[] = {{"Windows PowerShell", 400}};
constexpr channel_kind ps_classic_provider_start[] = {{"Windows PowerShell", 600}};
constexpr channel_kind ps_classic_script[] = {{"Windows PowerShell", 800}};
constexpr channel_kind ps_module[] = {{"Microsoft-Windows-PowerShell/Operational", 4103}, {"PowerShellCore/Operational", 4103}};
constexpr channel_kind ps_script[] = {{"Microsoft-Windows-PowerShell/Operational", 4104}, {"PowerShellCore/Operational", 4104}};

// --- services: the records of their channels
constexpr channel_kind application[] = {{"Application"}};
constexpr channel_kind application_experience[] = {{"Microsoft-Windows-Application-Experience/Program-Telemetry"},
                                                   {"Microsoft-Windows-Application-Experience/Program-Compatibility-Assistant"}};
constexpr channel_kind applocker[] = {{"Microsoft-Windows-AppLocker/MSI and Script"}, {"Microsoft-Windows-AppLocker/EXE and DLL"},
                                      {"Microsoft-Windows-AppLocker/Packaged app-Deployment"},
                                      {"Microsoft-Windows-AppLocker/Packaged app-Execution"}};
constexpr channel_kind appmodel_runtime[] = {{"Microsoft-Windows-AppModel-Runtime/Admin"}};
constexpr channel_kind appxdeployment_server[] = {{"Microsoft-Windows-AppXDeploymentServer/Operational"}};
constexpr channel_kind appxpackaging_om[] = {{"Microsoft-Windows-AppxPackaging/Operational"}};
constexpr channel_kind bitlocker[] = {{"Microsoft-Windows-BitLocker/BitLocker Management"}};
constexpr channel_kind bits_client[] = {{"Microsoft-Windows-Bits-Client/Operational"}};
constexpr channel_kind capi2[] = {{"Microsoft-Windows-CAPI2/Operational"}};
constexpr channel_kind certificate_lifecycle[] = {{"Microsoft-Windows-CertificateServicesClient-Lifecycle-System/Operational"}};
constexpr channel_kind codeintegrity[] = {{"Microsoft-Windows-CodeIntegrity/Operational"}};
constexpr channel_kind dhcp[] = {{"Microsoft-Windows-DHCP-Server/Operational"}};
constexpr channel_kind diagnosis_scripted[] = {{"Microsoft-Windows-Diagnosis-Scripted/Operational"}};
constexpr channel_kind dns_client[] = {{"Microsoft-Windows-DNS Client Events/Operational"}};
constexpr channel_kind dns_server[] = {{"DNS Server"}};
constexpr channel_kind dns_server_analytic[] = {{"Microsoft-Windows-DNS-Server/Analytical"}};
constexpr channel_kind dns_server_audit[] = {{"Microsoft-Windows-DNS-Server/Audit"}};
constexpr channel_kind driver_framework[] = {{"Microsoft-Windows-DriverFrameworks-UserMode/Operational"}};
constexpr channel_kind firewall_as[] = {{"Microsoft-Windows-Windows Firewall With Advanced Security/Firewall"}};
constexpr channel_kind hyper_v_worker[] = {{"Microsoft-Windows-Hyper-V-Worker"}};
constexpr channel_kind iis_configuration[] = {{"Microsoft-IIS-Configuration/Operational"}};
constexpr channel_kind kernel_event_tracing[] = {{"Microsoft-Windows-Kernel-EventTracing"}};
constexpr channel_kind kernel_shimengine[] = {{"Microsoft-Windows-Kernel-ShimEngine/Operational"},
                                              {"Microsoft-Windows-Kernel-ShimEngine/Diagnostic"}};
constexpr channel_kind ldap[] = {{"Microsoft-Windows-LDAP-Client/Debug"}};
constexpr channel_kind lsa_server[] = {{"Microsoft-Windows-LSA/Operational"}};
constexpr channel_kind msexchange_management[] = {{"MSExchange Management"}};
constexpr channel_kind ntfs[] = {{"Microsoft-Windows-Ntfs/Operational"}};
constexpr channel_kind ntlm[] = {{"Microsoft-Windows-NTLM/Operational"}};
constexpr channel_kind openssh[] = {{"OpenSSH/Operational"}};
constexpr channel_kind powershell[] = {{"Microsoft-Windows-PowerShell/Operational"}};
constexpr channel_kind powershell_classic[] = {{"Windows PowerShell"}};
constexpr channel_kind printservice_admin[] = {{"Microsoft-Windows-PrintService/Admin"}};
constexpr channel_kind printservice_operational[] = {{"Microsoft-Windows-PrintService/Operational"}};
constexpr channel_kind security[] = {{"Security"}};
constexpr channel_kind security_mitigations[] = {{"Microsoft-Windows-Security-Mitigations/Kernel Mode"},
                                                 {"Microsoft-Windows-Security-Mitigations/User Mode"}};
constexpr channel_kind sense[] = {{"Microsoft-Windows-SENSE/Operational"}};
constexpr channel_kind servicebus_client[] = {{"Microsoft-ServiceBus-Client/Operational"}, {"Microsoft-ServiceBus-Client/Admin"}};
constexpr channel_kind shell_core[] = {{"Microsoft-Windows-Shell-Core/Operational"}};
constexpr channel_kind smbclient_security[] = {{"Microsoft-Windows-SmbClient/Security"}};
constexpr channel_kind smbclient_connectivity[] = {{"Microsoft-Windows-SmbClient/Connectivity"}};
constexpr channel_kind smbserver_connectivity[] = {{"Microsoft-Windows-SMBServer/Connectivity"}};
constexpr channel_kind sysmon[] = {{sysmon_channel}};
constexpr channel_kind system[] = {{"System"}};
constexpr channel_kind taskscheduler[] = {{"Microsoft-Windows-TaskScheduler/Operational"}};
constexpr channel_kind terminalservices_lsm[] = {{"Microsoft-Windows-TerminalServices-LocalSessionManager/Operational"}};
constexpr channel_kind vhdmp[] = {{"Microsoft-Windows-VHDMP/Operational"}};
constexpr channel_kind windefend[] = {{"Microsoft-Windows-Windows Defender/Operational"}};
constexpr channel_kind wmi[] = {{"Microsoft-Windows-WMI-Activity/Operational"}};

constexpr std::string_view sysmon_only = "Sysmon";

constexpr logsource_entry entries[] = {
    {"process_creation", {}, kinds(process_creation), {}, "Sysmon 1, Security 4688"},
    {"process_termination", {}, kinds(process_termination), {}, "Sysmon 5, Security 4689"},
    {"process_access", {}, kinds(process_access), {}, "Sysmon 10"},
    {"process_tampering", {}, kinds(process_tampering), {}, "Sysmon 25"},
    {"network_connection", {}, kinds(network_connection), {}, "Sysmon 3, Security 5156"},
    {"file_change", {}, kinds(file_change), {}, "Sysmon 2"},
    {"file_event", {}, kinds(file_event), {}, "Sysmon 11"},
    {"file_delete", {}, kinds(file_delete), {}, "Sysmon 23"},
    {"file_delete_detected", {}, kinds(file_delete_detected), {}, "Sysmon 26"},
    {"file_block_executable", {}, kinds(file_block_executable), {}, "Sysmon 27"},
    {"file_block_shredding", {}, kinds(file_block_shredding), {}, "Sysmon 28"},
    {"file_executable_detected", {}, kinds(file_executable_detected), {}, "Sysmon 29"},
    {"file_access", {}, {}, {}, "", not_logged},
    {"file_rename", {}, {}, {}, "", not_logged},
    {"create_stream_hash", {}, kinds(create_stream_hash), {}, "Sysmon 15"},
    {"raw_access_thread", {}, kinds(raw_access_thread), {}, "Sysmon 9"},
    {"driver_load", {}, kinds(driver_load), {}, "Sysmon 6"},
    {"image_load", {}, kinds(image_load), {}, "Sysmon 7"},
    {"create_remote_thread", {}, kinds(create_remote_thread), {}, "Sysmon 8"},
    {"registry_add", {}, kinds(registry_add_delete), {}, "Sysmon 12"},
    {"registry_delete", {}, kinds(registry_add_delete), {}, "Sysmon 12"},
    {"registry_set", {}, kinds(registry_set), {}, "Sysmon 13, Security 4657"},
    {"registry_rename", {}, kinds(registry_rename), {}, "Sysmon 14"},
    {"registry_event", {}, kinds(registry_event), {}, "Sysmon 12, 13, 14, Security 4657"},
    {"pipe_created", {}, kinds(pipe_created), {}, "Sysmon 17, 18"},
    {"wmi_event", {}, kinds(wmi_event), {}, "Sysmon 19, 20, 21"},
    {"dns_query", {}, kinds(dns_query), {}, "Sysmon 22"},
    {"clipboard_capture", {}, kinds(clipboard_capture), {}, "Sysmon 24"},
    {"sysmon_status", {}, kinds(sysmon_status), {}, "Sysmon 4, 16"},
    {"sysmon_error", {}, kinds(sysmon_error), {}, "Sysmon 255"},
    {"ps_classic_start", {}, {}, channels(ps_classic_start), "Windows PowerShell 400"},
    {"ps_classic_provider_start", {}, {}, channels(ps_classic_provider_start), "Windows PowerShell 600"},
    {"ps_classic_script", {}, {}, channels(ps_classic_script), "Windows PowerShell 800"},
    {"ps_module", {}, {}, channels(ps_module), "PowerShell 4103"},
    {"ps_script", {}, {}, channels(ps_script), "PowerShell 4104"},

    {{}, "application", {}, channels(application), "Application log"},
    {{}, "application-experience", {}, channels(application_experience), "Application-Experience logs"},
    {{}, "applocker", {}, channels(applocker), "AppLocker logs"},
    {{}, "appmodel-runtime", {}, channels(appmodel_runtime), "AppModel-Runtime/Admin"},
    {{}, "appxdeployment-server", {}, channels(appxdeployment_server), "AppXDeploymentServer/Operational"},
    {{}, "appxpackaging-om", {}, channels(appxpackaging_om), "AppxPackaging/Operational"},
    {{}, "bitlocker", {}, channels(bitlocker), "BitLocker Management"},
    {{}, "bits-client", {}, channels(bits_client), "Bits-Client/Operational"},
    {{}, "capi2", {}, channels(capi2), "CAPI2/Operational"},
    {{}, "certificateservicesclient-lifecycle-system", {}, channels(certificate_lifecycle),
     "CertificateServicesClient-Lifecycle-System/Operational"},
    {{}, "codeintegrity-operational", {}, channels(codeintegrity), "CodeIntegrity/Operational"},
    {{}, "dhcp", {}, channels(dhcp), "DHCP-Server/Operational"},
    {{}, "diagnosis-scripted", {}, channels(diagnosis_scripted), "Diagnosis-Scripted/Operational"},
    {{}, "dns-client", {}, channels(dns_client), "DNS Client Events/Operational"},
    {{}, "dns-server", {}, channels(dns_server), "DNS Server log"},
    {{}, "dns-server-analytic", {}, channels(dns_server_analytic), "DNS-Server/Analytical"},
    {{}, "dns-server-audit", {}, channels(dns_server_audit), "DNS-Server/Audit"},
    {{}, "driver-framework", {}, channels(driver_framework), "DriverFrameworks-UserMode/Operational"},
    {{}, "firewall-as", {}, channels(firewall_as), "Windows Firewall With Advanced Security/Firewall"},
    {{}, "hyper-v-worker", {}, channels(hyper_v_worker), "Hyper-V-Worker"},
    {{}, "iis-configuration", {}, channels(iis_configuration), "IIS-Configuration/Operational"},
    {{}, "kernel-event-tracing", {}, channels(kernel_event_tracing), "Kernel-EventTracing"},
    {{}, "kernel-shimengine", {}, channels(kernel_shimengine), "Kernel-ShimEngine logs"},
    {{}, "ldap", {}, channels(ldap), "LDAP-Client/Debug"},
    {{}, "lsa-server", {}, channels(lsa_server), "LSA/Operational"},
    {{}, "msexchange-management", {}, channels(msexchange_management), "MSExchange Management"},
    {{}, "ntfs", {}, channels(ntfs), "Ntfs/Operational"},
    {{}, "ntlm", {}, channels(ntlm), "NTLM/Operational"},
    {{}, "openssh", {}, channels(openssh), "OpenSSH/Operational"},
    {{}, "powershell", {}, channels(powershell), "PowerShell/Operational"},
    {{}, "powershell-classic", {}, channels(powershell_classic), "Windows PowerShell log"},
    {{}, "printservice-admin", {}, channels(printservice_admin), "PrintService/Admin"},
    {{}, "printservice-operational", {}, channels(printservice_operational), "PrintService/Operational"},
    {{}, "security", {}, channels(security), "Security log"},
    {{}, "security-mitigations", {}, channels(security_mitigations), "Security-Mitigations logs"},
    {{}, "sense", {}, channels(sense), "SENSE/Operational"},
    {{}, "servicebus-client", {}, channels(servicebus_client), "ServiceBus-Client logs"},
    {{}, "microsoft-servicebus-client", {}, channels(servicebus_client), "ServiceBus-Client logs"},
    {{}, "shell-core", {}, channels(shell_core), "Shell-Core/Operational"},
    {{}, "smbclient-security", {}, channels(smbclient_security), "SmbClient/Security"},
    {{}, "smbclient-connectivity", {}, channels(smbclient_connectivity), "SmbClient/Connectivity"},
    {{}, "smbserver-connectivity", {}, channels(smbserver_connectivity), "SMBServer/Connectivity"},
    {{}, "sysmon", {}, channels(sysmon), sysmon_only},
    {{}, "system", {}, channels(system), "System log"},
    {{}, "taskscheduler", {}, channels(taskscheduler), "TaskScheduler/Operational"},
    {{}, "terminalservices-localsessionmanager", {}, channels(terminalservices_lsm),
     "TerminalServices-LocalSessionManager/Operational"},
    {{}, "vhdmp", {}, channels(vhdmp), "VHDMP/Operational"},
    {{}, "windefend", {}, channels(windefend), "Windows Defender/Operational"},
    {{}, "wmi", {}, channels(wmi), "WMI-Activity/Operational"},
};

}  // namespace

const logsource_entry* find_windows_logsource(std::string_view category, std::string_view service) {
    for (const logsource_entry& entry : entries) {
        if (!category.empty() ? entry.category == category : (!service.empty() && entry.service == service)) {
            return &entry;
        }
    }
    return nullptr;
}

std::span<const logsource_entry> windows_logsources() { return entries; }

}  // namespace evtxcar::rules
