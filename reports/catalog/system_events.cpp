// The System log's events, as the catalog describes them: the Service
// Control Manager, shutdowns and restarts, the kernel's time, power and
// boot events, drivers and devices, and the other services that write to
// it. (The event log service's own events are in eventlog_events.cpp, DNS
// client timeouts in dns_client_events.cpp, Group Policy processing in
// grouppolicy_events.cpp.) Sorted by event id, then provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view service_control = "Service Control Manager";
constexpr std::string_view user32 = "User32";
constexpr std::string_view kernel_general = "Microsoft-Windows-Kernel-General";
constexpr std::string_view kernel_power = "Microsoft-Windows-Kernel-Power";
constexpr std::string_view kernel_boot = "Microsoft-Windows-Kernel-Boot";
constexpr std::string_view kernel_pnp = "Microsoft-Windows-Kernel-PnP";
constexpr std::string_view user_pnp = "Microsoft-Windows-UserPnp";
constexpr std::string_view winlogon = "Microsoft-Windows-Winlogon";
constexpr std::string_view time_service = "Microsoft-Windows-Time-Service";
constexpr std::string_view netlogon = "NETLOGON";
constexpr std::string_view filter_manager = "Microsoft-Windows-FilterManager";
constexpr std::string_view windows_update = "Microsoft-Windows-WindowsUpdateClient";
constexpr std::string_view application_popup = "Application Popup";
constexpr std::string_view ntfs = "Microsoft-Windows-Ntfs";
constexpr std::string_view dhcp_client = "Microsoft-Windows-Dhcp-Client";
constexpr std::string_view dhcpv6_client = "Microsoft-Windows-DHCPv6-Client";
constexpr std::string_view user_mode_drivers = "Microsoft-Windows-DriverFrameworks-UserMode";

constexpr event_description entries[] = {
    {kernel_general, 1, "The system time was changed from {OldTime} to {NewTime} (reason {Reason})",
     "NewTime,OldTime,Reason"},
    {filter_manager, 6, "File system filter {DeviceName} loaded and registered with the Filter Manager (status {FinalStatus})",
     "DeviceName,FinalStatus"},
    {kernel_general, 12, "The operating system started at {StartTime} (Windows {MajorVersion}.{MinorVersion} build {BuildVersion})",
     "StartTime,MajorVersion,MinorVersion,BuildVersion"},
    {kernel_general, 13, "The operating system is shutting down at {StopTime}", "StopTime"},
    {windows_update, 19, "Windows Update installed {updateTitle}", "updateTitle"},
    {kernel_boot, 20, "The last shutdown succeeded: {LastShutdownGood}; the last boot succeeded: {LastBootGood}",
     "LastShutdownGood,LastBootGood"},
    {windows_update, 20, "Windows Update failed to install {updateTitle}: error {errorCode}", "updateTitle,errorCode"},
    {application_popup, 26, "Application popup: {Caption}: {Message}", "Caption,Message"},
    {kernel_boot, 27, "The boot type was {BootType} (0 cold boot, 1 fast startup, 2 resume from hibernation)",
     "BootType"},
    {time_service, 35, "The time service is synchronizing the system time with {TimeSource}", "TimeSource"},
    {time_service, 37, "The time provider NtpClient is receiving valid time data from {TimeSource}", "TimeSource"},
    {kernel_power, 41, "The system rebooted without cleanly shutting down first (bug check {BugcheckCode})",
     "BugcheckCode"},
    {kernel_power, 42, "The system is entering sleep (target state {TargetState}, reason {Reason})",
     "TargetState,Reason"},
    {windows_update, 43, "Windows Update started installing {updateTitle}", "updateTitle"},
    {windows_update, 44, "Windows Update started downloading {updateTitle}", "updateTitle"},
    {ntfs, 98, "Volume {DriveName} ({DeviceName}) was checked: corruption action state {CorruptionActionState}",
     "DriveName,DeviceName,CorruptionActionState"},
    {kernel_power, 107, "The system resumed from sleep (state {WakeFromState})", "WakeFromState,TargetState"},
    {kernel_power, 109, "The kernel power manager started a shutdown transition (action {ShutdownActionType}, reason {ShutdownReason})",
     "ShutdownActionType,ShutdownEventCode,ShutdownReason"},
    {kernel_power, 172, "Connectivity state in standby: {State} (reason {Reason})", "State,Reason"},
    {kernel_pnp, 219, "The driver {FailureName} failed to load for device {DriverName} (status {Status})",
     "FailureName,DriverName,Status"},
    {user32, 1074, "{param1} started the {param5} of {param2} on behalf of {param7}: {param3} (code {param4})",
     "param1,param2,param3,param4,param5,param6,param7"},
    {netlogon, 5805, "The session setup from computer {Data[1]} failed to authenticate: {Data[2]}", ""},
    {service_control, 7000, "Service {param1} failed to start: {param2}", "param1,param2"},
    {winlogon, 7001, "User logon notification: {UserSid}, session {TSId}", "UserSid,TSId"},
    {service_control, 7001, "Service {param1} depends on {param2}, which failed to start: {param3}",
     "param1,param2,param3"},
    {winlogon, 7002, "User logoff notification: {UserSid}, session {TSId}", "UserSid,TSId"},
    {service_control, 7009, "A timeout ({param1} ms) was reached waiting for service {param2} to connect",
     "param2,param1"},
    {service_control, 7011, "A timeout ({param1} ms) was reached waiting for a transaction response from service {param2}",
     "param2,param1"},
    {service_control, 7022, "Service {param1} hung on starting", "param1"},
    {service_control, 7023, "Service {param1} terminated with error: {param2}", "param1,param2"},
    {service_control, 7024, "Service {param1} terminated with service-specific error {param2}", "param1,param2"},
    {service_control, 7026, "Boot-start or system-start drivers failed to load: {param1}", "param1"},
    {service_control, 7030, "Service {param1} is marked as an interactive service, which the system does not allow",
     "param1"},
    {service_control, 7031, "Service {param1} terminated unexpectedly ({param2} times); corrective action in {param3} ms: {param5}",
     "param1,param2,param3,param5"},
    {service_control, 7032, "The corrective action ({param1}) after service {param2} terminated unexpectedly failed: {param3}",
     "param2,param1,param3"},
    {service_control, 7034, "Service {param1} terminated unexpectedly ({param2} times)", "param1,param2"},
    {service_control, 7035, "Service {param1} was sent a {param2} control", "param1,param2"},
    {service_control, 7036, "Service {param1} entered the {param2} state", "param1,param2"},
    {service_control, 7040, "Service {param1}: start type changed from {param2} to {param3}",
     "param1,param2,param3,param4"},
    {service_control, 7043, "Service {param1} did not shut down properly after a preshutdown control", "param1"},
    {service_control, 7045, "Service installed: {ServiceName} ({ImagePath}), start {StartType}, account {AccountName}",
     "ServiceName,ImagePath,ServiceType,StartType,AccountName"},
    {user_mode_drivers, 10000, "A user-mode driver package is being installed on device {DeviceId}", "DeviceId"},
    {user_mode_drivers, 10100, "A user-mode driver installation finished with status {FinalStatus}", "FinalStatus"},
    {user_pnp, 20001, "Driver {DriverName} ({DriverDescription}, {DriverProvider}, version {DriverVersion}) installed for device {DeviceInstanceID}: status {InstallStatus}",
     "DriverName,DriverDescription,DriverProvider,DriverVersion,DeviceInstanceID,InstallStatus"},
    {user_pnp, 20003, "Service {ServiceName} ({DriverFileName}) added for device {DeviceInstanceID}: status {AddServiceStatus}",
     "ServiceName,DriverFileName,DeviceInstanceID,AddServiceStatus"},
    {dhcp_client, 50036, "The DHCPv4 client service started", ""},
    {dhcp_client, 50037, "The DHCPv4 client service stopped", ""},
    {dhcpv6_client, 51046, "The DHCPv6 client service started", ""},
    {dhcpv6_client, 51047, "The DHCPv6 client service stopped", ""},
};

}  // namespace

std::span<const event_description> system_events() { return entries; }

}  // namespace evtxcar::catalog
