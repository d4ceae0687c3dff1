#include "occam/operators.hpp"

namespace occam {

std::optional<Op> op_from_name(std::string_view name) {
    for (const auto& row : op_table) {
        if (row.name == name) return row.op;
        for (auto alias : row.aliases) {
            if (!alias.empty() && alias == name) return row.op;
        }
    }
    return std::nullopt;
}

}  // namespace occam
