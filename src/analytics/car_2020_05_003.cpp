#include "analytics/car_2020_05_003.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "analytics/catalogue_support.hpp"
#include "car/event_fields.hpp"

namespace evtxcar {

namespace {

// CAR's list of LOLBAS programs (lower case). Its DLL and script entries
// are kept: a process never has such a name, so they never count.
const std::set<std::string, std::less<>>& lolbas() {
    static const std::set<std::string, std::less<>> names = {
        "at.exe", "atbroker.exe", "bash.exe", "bitsadmin.exe", "certutil.exe", "cmd.exe", "cmdkey.exe", "cmstp.exe",
        "control.exe", "csc.exe", "cscript.exe", "dfsvc.exe", "diskshadow.exe", "dnscmd.exe", "esentutl.exe",
        "eventvwr.exe", "expand.exe", "extexport.exe", "extrac32.exe", "findstr.exe", "forfiles.exe", "ftp.exe",
        "gpscript.exe", "hh.exe", "ie4uinit.exe", "ieexec.exe", "infdefaultinstall.exe", "installutil.exe", "jsc.exe",
        "makecab.exe", "mavinject.exe", "microsoft.workflow.r.exe", "mmc.exe", "msbuild.exe", "msconfig.exe",
        "msdt.exe", "mshta.exe", "msiexec.exe", "odbcconf.exe", "pcalua.exe", "pcwrun.exe", "presentationhost.exe",
        "print.exe", "reg.exe", "regasm.exe", "regedit.exe", "register-cimprovider.exe", "regsvcs.exe",
        "regsvr32.exe", "replace.exe", "rpcping.exe", "rundll32.exe", "runonce.exe", "runscripthelper.exe", "sc.exe",
        "schtasks.exe", "scriptrunner.exe", "syncappvpublishingserver.exe", "tttracer.exe", "verclsid.exe", "wab.exe",
        "wmic.exe", "wscript.exe", "wsreset.exe", "xwizard.exe", "advpack.dll", "comsvcs.dll", "ieadvpack.dll",
        "ieaframe.dll", "mshtml.dll", "pcwutl.dll", "setupapi.dll", "shdocvw.dll", "shell32.dll", "syssetup.dll",
        "url.dll", "zipfldr.dll", "appvlp.exe", "bginfo.exe", "cdb.exe", "csi.exe", "devtoolslauncher.exe", "dnx.exe",
        "dxcap.exe", "excel.exe", "mftrace.exe", "msdeploy.exe", "msxsl.exe", "powerpnt.exe", "rcsi.exe", "sqler.exe",
        "sqlps.exe", "sqltoolsps.exe", "squirrel.exe", "te.exe", "tracker.exe", "update.exe", "vsjitdebugger.exe",
        "winword.exe", "wsl.exe", "cl_mutexverifiers.ps1", "cl_invocation.ps1", "manage-bde.wsf", "pubprn.vbs",
        "slmgr.vbs", "syncappvpublishingserver.vbs", "winrm.vbs", "pester.bat"};
    return names;
}

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", value);
    return text;
}

}  // namespace

std::vector<analytic_variant> car_2020_05_003::variants() const {
    return {{"pseudocode", {"process", "create", car_field::command_line, "Sysmon 1, Security 4688",
                            "Security 4688 logs the command line only with command-line process auditing on"}},
            {"splunk", {"process", "create", car_field::original_file_name, "Sysmon 1 (OriginalFileName, Sysmon 10 and later)"}}};
}

void car_2020_05_003::count(tally& into, const car_event& event) {
    const std::string* line = event.get(car_field::command_line);
    if (line == nullptr) return;
    ++into.runs;
    std::string key = fold_case(*line);
    auto found = into.lines.find(key);
    if (found == into.lines.end()) {
        if (into.lines.size() >= most_command_lines) {
            ++into.not_kept;
            return;
        }
        found = into.lines.emplace(std::move(key), command_line{}).first;
    }
    if (found->second.runs.size() < runs_kept) found->second.runs.push_back(without_payload(event));
    ++found->second.count;
}

void car_2020_05_003::evaluate(const car_event& event, const process_context&, detection_output&,
                               analytic_warnings&) const {
    if (event.object != "process" || event.action != "create") return;
    if (lolbas().count(fold_case(event.text(car_field::exe))) > 0) count(by_name_, event);
    const std::string_view original = event.text(car_field::original_file_name);
    if (!original.empty() && lolbas().count(fold_case(original)) > 0) count(by_original_name_, event);
}

void car_2020_05_003::report(const tally& from, std::string_view variant, std::vector<detection>& out) const {
    const std::size_t distinct = from.lines.size();
    if (distinct < 2) return;  // no spread to judge by
    double sum = 0;
    for (const auto& [line, seen] : from.lines) sum += static_cast<double>(seen.count);
    const double mean = sum / static_cast<double>(distinct);
    double squares = 0;
    for (const auto& [line, seen] : from.lines) squares += (static_cast<double>(seen.count) - mean) * (static_cast<double>(seen.count) - mean);
    const double deviation = std::sqrt(squares / static_cast<double>(distinct - 1));  // sample deviation, as Splunk's stdev
    const double bound = mean - deviations * deviation;
    for (const auto& [line, seen] : from.lines) {
        if (static_cast<double>(seen.count) >= bound) continue;
        const std::string reason =
            "command line seen " + std::to_string(seen.count) + " time(s) among " + std::to_string(from.runs) +
            " runs of LOLBAS programs in the collection (" + std::to_string(distinct) +
            " distinct command lines: mean " + number(mean) + " runs each, standard deviation " + number(deviation) +
            "; rare is below mean - 1.5 x deviation = " + number(bound) + ")" +
            (seen.count > seen.runs.size() ? "; the first " + std::to_string(seen.runs.size()) + " runs are detections"
                                           : "") +
            (from.not_kept > 0 ? "; " + std::to_string(from.not_kept) + " runs of further command lines not counted" : "");
        for (const car_event& run : seen.runs) {
            out.push_back(catalogue_detection(*this, std::string(variant), reason, run, "low",
                                              "discovery, defense-evasion, persistence, privilege-escalation"));
        }
    }
}

void car_2020_05_003::finish(std::vector<detection>& out) const {
    const std::size_t first = out.size();
    report(by_name_, "pseudocode", out);
    report(by_original_name_, "splunk", out);
    sort_by_event(out, first);
}

}  // namespace evtxcar
