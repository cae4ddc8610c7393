#include "engine_table.hpp"

#include "binxml/binxml_engine.hpp"
#include "libevtx/libevtx_engine.hpp"

namespace evtxcar {

std::vector<std::string_view> engine_names() { return {"fast", "libevtx"}; }

std::unique_ptr<evtx_engine> make_engine(std::string_view name) {
    if (name == "fast") return std::make_unique<binxml_engine>();
    if (name == "libevtx") return std::make_unique<libevtx_engine>();
    return nullptr;
}

}  // namespace evtxcar
