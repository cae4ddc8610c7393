// Catch2's main(), compiled once for every test program. A test program is
// also the program its own child processes run (child_process.hpp): the
// libevtx file service and the child_process tests' roles.
#include <iterator>
#include <vector>

#include "libevtx/libevtx_service.hpp"
#include "support/test_child_roles.hpp"

#if defined(EVTXCAR_CATCH3)
#include <catch2/catch_session.hpp>
#else
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#endif

int main(int argc, char* argv[]) {
    std::vector<evtxcar::libevtx::child_role> roles{evtxcar::libevtx::serve_file_role};
    roles.insert(roles.end(), std::begin(evtxcar::test::test_child_roles), std::end(evtxcar::test::test_child_roles));
    if (auto status = evtxcar::libevtx::run_child_role(argc, argv, roles)) return *status;
    return Catch::Session().run(argc, argv);
}
