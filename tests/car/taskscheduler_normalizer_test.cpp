// Task Scheduler Operational -> evtxcar's scheduled_task: 106 (TaskName,
// UserContext), 140 / 141 (TaskName, UserName), 200 (TaskName,
// ActionName, TaskInstanceId; version 1 adds EnginePID), 201 (TaskName,
// TaskInstanceId, ActionName, ResultCode; version 2 adds EnginePID), as the
// provider's manifest names them.
#include "log_normalizer_support.hpp"

using namespace evtxcar;
using test::log_record;
using test::normalize_record;

namespace {

constexpr const char* task_scheduler = "Microsoft-Windows-TaskScheduler";

event_record task_record(std::uint32_t event_id, std::vector<payload_field> fields) {
    return log_record(task_scheduler, "Microsoft-Windows-TaskScheduler/Operational", event_id,
                      payload_kind::event_data, std::move(fields));
}

}  // namespace

TEST_CASE("106 registered, 140 updated, 141 deleted: the task and the account", "[car][taskscheduler]") {
    const auto created = normalize_record(task_record(106, {{"TaskName", "\\Microsoft\\Windows\\WinUpd"}, {"UserContext", "CORP\\helpdesk"}}));
    REQUIRE(created.mapped);
    CHECK(created.problem.empty());
    CHECK(created.event.object == "scheduled_task");
    CHECK(created.event.action == "create");
    CHECK(created.fields.at("task_name") == "\\Microsoft\\Windows\\WinUpd");
    CHECK(created.fields.at("user") == "CORP\\helpdesk");
    const auto updated = normalize_record(task_record(140, {{"TaskName", "\\WinUpd"}, {"UserName", "CORP\\helpdesk"}}));
    CHECK(updated.event.action == "update");
    CHECK(updated.fields.at("user") == "CORP\\helpdesk");
    const auto deleted = normalize_record(task_record(141, {{"TaskName", "\\WinUpd"}, {"UserName", "S-1-5-18"}}));
    CHECK(deleted.event.action == "delete");
    CHECK(deleted.fields.at("user") == "S-1-5-18");
    const auto nameless = normalize_record(task_record(106, {{"TaskName", "\\x"}}));
    CHECK_FALSE(nameless.has("user"));
}

TEST_CASE("200 action started and 201 completed, in each version's layout", "[car][taskscheduler]") {
    const auto v0 = normalize_record(task_record(200, {{"TaskName", "\\WinUpd"},
                                                       {"ActionName", "C:\\Users\\Public\\upd.exe"},
                                                       {"TaskInstanceId", "{6C2D1B5E-0D7A-4B8C-9E1F-2A3B4C5D6E7F}"}}));
    REQUIRE(v0.mapped);
    CHECK(v0.event.action == "start");
    CHECK(v0.fields.at("action_name") == "C:\\Users\\Public\\upd.exe");
    CHECK(v0.fields.at("task_instance_id") == "{6C2D1B5E-0D7A-4B8C-9E1F-2A3B4C5D6E7F}");
    CHECK_FALSE(v0.has("result_code"));
    const auto v1 = normalize_record(task_record(200, {{"TaskName", "\\WinUpd"}, {"ActionName", "{0F87369F-A4E5-4CFC-BD3E-73E6154572DD}"},
                                                       {"TaskInstanceId", "{6C2D1B5E-0D7A-4B8C-9E1F-2A3B4C5D6E7F}"}, {"EnginePID", "3308"}}));
    CHECK(v1.fields.at("action_name") == "{0F87369F-A4E5-4CFC-BD3E-73E6154572DD}");  // a COM handler
    CHECK_FALSE(v1.has("pid"));  // EnginePID is the engine's, not the action's process
    const auto done = normalize_record(task_record(201, {{"TaskName", "\\WinUpd"},
                                                         {"TaskInstanceId", "{6C2D1B5E-0D7A-4B8C-9E1F-2A3B4C5D6E7F}"},
                                                         {"ActionName", "C:\\Users\\Public\\upd.exe"},
                                                         {"ResultCode", "2147942402"},
                                                         {"EnginePID", "3308"}}));
    REQUIRE(done.mapped);
    CHECK(done.event.action == "complete");
    CHECK(done.fields.at("result_code") == "2147942402");
    CHECK(done.fields.at("task_name") == "\\WinUpd");
}

TEST_CASE("the Task Scheduler's other events stay generic", "[car][taskscheduler]") {
    CHECK_FALSE(normalize_record(task_record(129, {{"TaskName", "\\x"}, {"Path", "a.exe"}, {"ProcessID", "5"}})).mapped);
    CHECK_FALSE(normalize_record(task_record(100, {{"TaskName", "\\x"}})).mapped);
    CHECK(test::mapped_event_ids(task_scheduler) == std::vector<std::uint32_t>{106, 140, 141, 200, 201});
}
