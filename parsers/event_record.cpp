#include "event_record.hpp"

namespace evtxcar {

const std::string* event_record::field(std::string_view name) const {
    for (const payload_field& f : fields) {
        if (f.name == name) return &f.value;
    }
    return nullptr;
}

}  // namespace evtxcar
