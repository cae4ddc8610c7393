#include "programs.hpp"

#include <array>
#include <cctype>

#include "little_endian.hpp"

namespace evtxcar::testdata {

namespace {

struct program_version {
    const char* file_name;  // lowercase basename
    const char* file_version;
    const char* description;
    const char* product;
    const char* company;
    const char* original_file_name;
};

constexpr const char* windows_product = "Microsoft\u00AE Windows\u00AE Operating System";
constexpr const char* microsoft = "Microsoft Corporation";
constexpr const char* windows_version = "10.0.19041.3636 (WinBuild.160101.0800)";

constexpr std::array programs = {
    program_version{"cmd.exe", windows_version, "Windows Command Processor", windows_product, microsoft, "Cmd.Exe"},
    program_version{"powershell.exe", windows_version, "Windows PowerShell", windows_product, microsoft,
                    "PowerShell.EXE"},
    program_version{"cmstp.exe", "7.2.19041.1 (WinBuild.160101.0800)", "Microsoft Connection Manager Profile Installer",
                    windows_product, microsoft, "CMSTP.EXE"},
    program_version{"explorer.exe", windows_version, "Windows Explorer", windows_product, microsoft, "EXPLORER.EXE"},
    program_version{"svchost.exe", windows_version, "Host Process for Windows Services", windows_product, microsoft,
                    "svchost.exe"},
    program_version{"rundll32.exe", windows_version, "Windows host process (Rundll32)", windows_product, microsoft,
                    "RUNDLL32.EXE"},
    program_version{"conhost.exe", windows_version, "Console Window Host", windows_product, microsoft, "CONHOST.EXE"},
    program_version{"taskhostw.exe", windows_version, "Host Process for Windows Tasks", windows_product, microsoft,
                    "taskhostw.exe"},
    program_version{"userinit.exe", windows_version, "Userinit Logon Application", windows_product, microsoft,
                    "USERINIT.EXE"},
    program_version{"services.exe", windows_version, "Services and Controller app", windows_product, microsoft,
                    "services.exe"},
    program_version{"winlogon.exe", windows_version, "Windows Logon Application", windows_product, microsoft,
                    "WINLOGON.EXE"},
    program_version{"whoami.exe", windows_version, "whoami - displays logged on user information", windows_product,
                    microsoft, "whoami.exe"},
    program_version{"ipconfig.exe", windows_version, "IP Configuration Utility", windows_product, microsoft,
                    "ipconfig.exe"},
    program_version{"net.exe", windows_version, "Net Command", windows_product, microsoft, "net.exe"},
    program_version{"notepad.exe", windows_version, "Notepad", windows_product, microsoft, "NOTEPAD.EXE"},
    program_version{"mmc.exe", windows_version, "Microsoft Management Console", windows_product, microsoft, "MMC.EXE"},
    program_version{"dsac.exe", windows_version, "Active Directory Administrative Center", windows_product, microsoft,
                    "DSAC.exe"},
    program_version{"msedge.exe", "122.0.2365.80", "Microsoft Edge", "Microsoft Edge", microsoft, "msedge.exe"},
    program_version{"winword.exe", "16.0.17328.20162", "Microsoft Word", "Microsoft Office", microsoft, "WinWord.exe"},
    program_version{"outlook.exe", "16.0.17328.20162", "Microsoft Outlook", "Microsoft Outlook", microsoft,
                    "Outlook.exe"},
    program_version{"excel.exe", "16.0.17328.20162", "Microsoft Excel", "Microsoft Office", microsoft, "Excel.exe"},
    program_version{"teams.exe", "1.7.00.6058", "Microsoft Teams", "Microsoft Teams", microsoft, "Teams.exe"},
    program_version{"onedrive.exe", "24.035.0218.0003", "Microsoft OneDrive", "Microsoft OneDrive", microsoft,
                    "OneDrive.exe"},
    program_version{"msmpeng.exe", "4.18.24020.7", "Antimalware Service Executable", windows_product, microsoft,
                    "MsMpEng.exe"},
};

std::string lowercase_basename(const std::string& path) {
    const std::size_t slash = path.find_last_of('\\');
    std::string name = path.substr(slash == std::string::npos ? 0 : slash + 1);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return name;
}

}  // namespace

guid logon_guid(const sysmon_host& host, const logon_session& session) {
    guid value = evtx_writer::guid_from_seed(host.computer + "|logon|" + std::to_string(session.logon_id));
    evtx_writer::store_le(value.bytes.data(), host.guid_prefix);
    // The LogonId sits in the last bytes, as in Sysmon's LogonGuids.
    evtx_writer::store_le(value.bytes.data() + 8, static_cast<std::uint64_t>(session.logon_id) << 32);
    return value;
}

sysmon_process program_process(const sysmon_host& host, filetime start, std::string_view seed, std::uint32_t process_id,
                               const std::string& image, const std::string& command_line, const logon_session& session,
                               const std::string& current_directory) {
    sysmon_process process;
    process.process_guid = sysmon_process_guid(host, start, seed);
    process.process_id = process_id;
    process.image = image;
    process.command_line = command_line;
    process.current_directory = current_directory;
    process.user = session.user;
    process.logon_guid = logon_guid(host, session);
    process.logon_id = session.logon_id;
    process.terminal_session_id = session.terminal_session_id;
    process.integrity_level = session.integrity_level;
    const std::string name = lowercase_basename(image);
    for (const program_version& program : programs) {
        if (name != program.file_name) continue;
        process.file_version = program.file_version;
        process.description = program.description;
        process.product = program.product;
        process.company = program.company;
        process.original_file_name = program.original_file_name;
    }
    return process;
}

}  // namespace evtxcar::testdata
