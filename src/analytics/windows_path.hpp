#pragma once
// Windows paths as different sensors log the same file: Sysmon and 4688
// write drive paths (C:\Windows\System32\cmstp.exe), the Filtering Platform
// events device paths (\device\harddiskvolume2\windows\system32\cmstp.exe).
// Analytics compare paths on the part after the volume.

#include <string_view>

namespace evtxcar {

// The path below its volume: "C:\Windows\x.exe", "\\?\C:\Windows\x.exe",
// "\Device\HarddiskVolume2\Windows\x.exe" and
// "\\?\Volume{...}\Windows\x.exe" all give "\Windows\x.exe". A path
// without a volume evtxcar recognizes is returned whole.
std::string_view path_after_volume(std::string_view path);

// Same file below the volume, letter case folded (Windows paths are not
// case sensitive).
bool same_path_after_volume(std::string_view a, std::string_view b);

}  // namespace evtxcar
