#pragma once
// CAR-2020-11-010, CMSTP (ATT&CK T1218.003): cmstp.exe seen with external
// communication. Three variants; docs/analytics/CAR-2020-11-010.md explains
// each, the HOMENET rules and the blind spots.
//   car          flow/start, image_path C:\Windows\System32\CMSTP.exe (any case,
//                compared below the volume: a device path matches too),
//                src_ip outside HOMENET: the analytic as published
//   remote       flow/start of cmstp.exe (any folder, or renamed: OriginalFileName),
//                remote end (dest_ip outbound, src_ip inbound) outside HOMENET
//   cmdline-url  process/create of cmstp.exe whose command line names a
//                remote resource (http/https/ftp URL or UNC path)

#include <optional>
#include <string>

#include "analytics/analytic.hpp"

namespace evtxcar {

class car_2020_11_010 final : public analytic {
public:
    explicit car_2020_11_010(const analytic_settings& settings) : homenet_(settings.homenet) {}

    std::string_view id() const override { return "CAR-2020-11-010"; }
    std::string_view name() const override { return "CMSTP"; }
    std::string_view technique() const override { return "T1218.003"; }
    std::vector<analytic_variant> variants() const override;
    bool wants_process(const car_event& process_create) const override;
    void evaluate(const car_event& event, const process_context& processes, detection_output& out,
                  analytic_warnings& warnings) const override;

private:
    enum class verdict { inside, external, unparsable, absent };
    verdict judge(std::string_view address) const;
    verdict judge_host(std::string_view host) const;
    std::optional<std::string> remote_resource(std::string_view command_line) const;
    void evaluate_flow(const car_event& event, const process_context& processes, detection_output& out,
                       analytic_warnings& warnings) const;
    void evaluate_process_create(const car_event& event, detection_output& out) const;
    detection make_detection(const car_event& event, std::string variant, std::string reason) const;

    std::vector<cidr_block> homenet_;
};

}  // namespace evtxcar
