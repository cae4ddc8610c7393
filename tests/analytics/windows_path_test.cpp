// Paths of the same file as different sensors log them: drive paths
// (Sysmon, 4688), device paths (Filtering Platform events), long-path and
// volume-GUID forms.
#include "analytics/windows_path.hpp"

#include "catch.hpp"

using namespace evtxcar;

TEST_CASE("the part of a path below its volume", "[analytics][path]") {
    CHECK(path_after_volume("C:\\Windows\\System32\\cmstp.exe") == "\\Windows\\System32\\cmstp.exe");
    CHECK(path_after_volume("\\device\\harddiskvolume2\\windows\\system32\\cmstp.exe") ==
          "\\windows\\system32\\cmstp.exe");
    CHECK(path_after_volume("\\Device\\HarddiskVolume13\\Tools\\a.exe") == "\\Tools\\a.exe");
    CHECK(path_after_volume("\\\\?\\D:\\Windows\\x.exe") == "\\Windows\\x.exe");
    CHECK(path_after_volume("\\??\\C:\\Windows\\x.exe") == "\\Windows\\x.exe");
    CHECK(path_after_volume("\\\\?\\Volume{0b7c5e2a-1d3f-4e5a-9b8c-7d6e5f4a3b2c}\\Windows\\x.exe") == "\\Windows\\x.exe");
    // No volume evtxcar knows: the whole path.
    CHECK(path_after_volume("cmstp.exe") == "cmstp.exe");
    CHECK(path_after_volume("\\\\fileserver\\share\\cmstp.exe") == "\\\\fileserver\\share\\cmstp.exe");
    CHECK(path_after_volume("\\Device\\HarddiskVolume2") == "");
}

TEST_CASE("the same file below the volume, letter case folded", "[analytics][path]") {
    CHECK(same_path_after_volume("\\device\\harddiskvolume2\\windows\\system32\\cmstp.exe",
                                 "C:\\Windows\\System32\\CMSTP.exe"));
    CHECK(same_path_after_volume("c:\\WINDOWS\\system32\\CmStP.ExE", "C:\\Windows\\System32\\CMSTP.exe"));
    CHECK_FALSE(same_path_after_volume("\\device\\harddiskvolume2\\windows\\syswow64\\cmstp.exe",
                                       "C:\\Windows\\System32\\CMSTP.exe"));
    CHECK_FALSE(same_path_after_volume("C:\\Users\\x\\Windows\\System32\\cmstp.exe", "C:\\Windows\\System32\\CMSTP.exe"));
    CHECK_FALSE(same_path_after_volume("cmstp.exe", "C:\\Windows\\System32\\CMSTP.exe"));
}
