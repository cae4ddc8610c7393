#pragma once
// The record engines evtxcar can read with, by the name `--engine` takes.

#include <memory>
#include <string_view>
#include <vector>

#include "record_source.hpp"

namespace evtxcar {

std::vector<std::string_view> engine_names();
// nullptr for an unknown name.
std::unique_ptr<evtx_engine> make_engine(std::string_view name);

}  // namespace evtxcar
