#pragma once
// Include this instead of Catch2's own header: works with Catch2 2.x and 3.x.
#if defined(EVTXCAR_CATCH3)
#include <catch2/catch_all.hpp>
#else
#include <catch2/catch.hpp>
#endif
