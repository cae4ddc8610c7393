#include "template_cache.hpp"

namespace evtxcar::binxml {

void template_cache::reset() {
    used_ = 0;
    ops_ = 0;
    by_definition_.clear();
}

const compiled_xml& template_cache::get(std::uint32_t definition, token_compiler& compiler) {
    if (auto index = by_definition_.find(definition)) return *templates_[*index];
    if (used_ == templates_.size()) templates_.push_back(std::make_unique<compiled_xml>());
    compiled_xml& compiled = *templates_[used_];
    compiler.compile_template(definition, compiled);
    ops_ += compiled.ops.size();
    if (ops_ > op_budget) {
        compiled.clear();
        compiled.error = {definition, "the chunk's templates exceed the decoding budget"};
    }
    by_definition_.insert(definition, static_cast<std::uint32_t>(used_));
    ++used_;
    return compiled;
}

}  // namespace evtxcar::binxml
