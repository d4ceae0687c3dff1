#pragma once
// Network components as JSON files (format "occam-component", version 1; README.md documents it and
// examples/export_torch.py writes it from a PyTorch nn.Sequential).
#include <filesystem>
#include <string>
#include <string_view>

#include "occam/feed_forward.hpp"

namespace occam {

// input_error on unreadable files, malformed JSON (file:line:column) and on missing fields, wrong
// shapes or unknown activations (file: $.json.path: what is wrong).
FeedForward read_component(const std::filesystem::path& path);
FeedForward parse_component(std::string_view text, std::string_view source_name);

std::string component_to_json(const FeedForward& network);
void write_component(const FeedForward& network, const std::filesystem::path& path);  // atomically

}  // namespace occam
