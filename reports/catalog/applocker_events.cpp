// AppLocker's logs (EXE and DLL, MSI and Script, Packaged app), as the
// catalog describes them: UserData <RuleAndFileData> (FilePath, TargetUser,
// RuleName, ...). Sorted by event id, then provider.
#include "catalog/catalog_parts.hpp"

namespace evtxcar::catalog {

namespace {

constexpr std::string_view applocker = "Microsoft-Windows-AppLocker";

constexpr event_description entries[] = {
    {applocker, 8001, "The AppLocker policy was applied", ""},
    {applocker, 8002, "AppLocker allowed {FilePath} for {TargetUser} (rule {RuleName})",
     "FilePath,TargetUser,RuleName,PolicyName,FileHash,Fqbn"},
    {applocker, 8003, "AppLocker (audit) would have prevented {FilePath} for {TargetUser} (rule {RuleName})",
     "FilePath,TargetUser,RuleName,PolicyName,FileHash,Fqbn"},
    {applocker, 8004, "AppLocker prevented {FilePath} for {TargetUser} (rule {RuleName})",
     "FilePath,TargetUser,RuleName,PolicyName,FileHash,Fqbn"},
    {applocker, 8005, "AppLocker allowed script {FilePath} for {TargetUser} (rule {RuleName})",
     "FilePath,TargetUser,RuleName,PolicyName,FileHash,Fqbn"},
    {applocker, 8006, "AppLocker (audit) would have prevented script {FilePath} for {TargetUser} (rule {RuleName})",
     "FilePath,TargetUser,RuleName,PolicyName,FileHash,Fqbn"},
    {applocker, 8007, "AppLocker prevented script {FilePath} for {TargetUser} (rule {RuleName})",
     "FilePath,TargetUser,RuleName,PolicyName,FileHash,Fqbn"},
    {applocker, 8020, "AppLocker allowed a packaged app", ""},
    {applocker, 8021, "AppLocker (audit) would have prevented a packaged app", ""},
    {applocker, 8022, "AppLocker prevented a packaged app", ""},
    {applocker, 8023, "AppLocker allowed the installation of a packaged app", ""},
    {applocker, 8024, "AppLocker (audit) would have prevented the installation of a packaged app", ""},
    {applocker, 8025, "AppLocker prevented the installation of a packaged app", ""},
};

}  // namespace

std::span<const event_description> applocker_events() { return entries; }

}  // namespace evtxcar::catalog
