#include "occam/component_json.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "occam/atomic_file.hpp"
#include "occam/error.hpp"
#include "occam/json_syntax_error.hpp"

namespace occam {
namespace {

using nlohmann::json;

// Reads the JSON tree into a FeedForward, naming the JSON path of the first thing that is wrong.
class ComponentReader {
public:
    explicit ComponentReader(std::string_view source) : source_(source) {}

    FeedForward read(const json& root) const {
        require(root.is_object(), "$", "expected an object");
        const std::string format = string_at(root, "format", "$.format");
        require(format == "occam-component", "$.format", fmt::format("expected \"occam-component\", got \"{}\"", format));
        const json& version = field(root, "version", "$.version");
        require(version.is_number_integer() && version.get<long long>() == 1, "$.version",
                "only version 1 is known");
        FeedForward network;
        network.input_names = names_at(root, "inputs", "$.inputs");
        network.output_names = names_at(root, "outputs", "$.outputs");
        if (root.contains("input_normalization"))
            network.input_normalization = normalization(root["input_normalization"], "$.input_normalization");
        if (root.contains("output_normalization"))
            network.output_normalization = normalization(root["output_normalization"], "$.output_normalization");
        const json& layers = field(root, "layers", "$.layers");
        require(layers.is_array() && !layers.empty(), "$.layers", "expected a non-empty array of layers");
        for (std::size_t l = 0; l < layers.size(); ++l)
            network.layers.push_back(layer(layers[l], fmt::format("$.layers[{}]", l)));
        check_shapes(network, source_);
        return network;
    }

private:
    std::string_view source_;

    void require(bool condition, std::string_view path, std::string_view message) const {
        if (!condition) throw input_error(fmt::format("{}: {}: {}", source_, path, message));
    }

    const json& field(const json& object, const char* key, std::string_view path) const {
        require(object.is_object() && object.contains(key), path, "missing");
        return object[key];
    }

    std::string string_at(const json& object, const char* key, std::string_view path) const {
        const json& value = field(object, key, path);
        require(value.is_string(), path, "expected a string");
        return value.get<std::string>();
    }

    std::vector<std::string> names_at(const json& object, const char* key, std::string_view path) const {
        const json& value = field(object, key, path);
        require(value.is_array() && !value.empty(), path, "expected a non-empty array of names");
        std::vector<std::string> names;
        for (std::size_t i = 0; i < value.size(); ++i) {
            require(value[i].is_string() && !value[i].get<std::string>().empty(), fmt::format("{}[{}]", path, i),
                    "expected a non-empty name");
            names.push_back(value[i].get<std::string>());
        }
        return names;
    }

    Eigen::VectorXd vector(const json& value, std::string_view path) const {
        require(value.is_array(), path, "expected an array of numbers");
        Eigen::VectorXd result(static_cast<Eigen::Index>(value.size()));
        for (std::size_t i = 0; i < value.size(); ++i) {
            require(value[i].is_number(), fmt::format("{}[{}]", path, i), "expected a number");
            result[static_cast<Eigen::Index>(i)] = value[i].get<double>();
        }
        return result;
    }

    AffineNormalization normalization(const json& value, std::string_view path) const {
        const std::string shift_path = fmt::format("{}.shift", path), scale_path = fmt::format("{}.scale", path);
        return {vector(field(value, "shift", shift_path), shift_path),
                vector(field(value, "scale", scale_path), scale_path)};
    }

    DenseLayer layer(const json& value, const std::string& path) const {
        require(value.is_object(), path, "expected an object with weight, bias and activation");
        const std::string weight_path = path + ".weight";
        const json& rows = field(value, "weight", weight_path);
        require(rows.is_array() && !rows.empty(), weight_path, "expected a non-empty array of rows");
        DenseLayer layer;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const std::string row_path = fmt::format("{}[{}]", weight_path, r);
            const Eigen::VectorXd row = vector(rows[r], row_path);
            if (r == 0) {
                require(row.size() > 0, row_path, "expected at least one column");
                layer.weight.resize(static_cast<Eigen::Index>(rows.size()), row.size());
            }
            require(row.size() == layer.weight.cols(), row_path,
                    fmt::format("expected {} columns like row 0, got {}", layer.weight.cols(), row.size()));
            layer.weight.row(static_cast<Eigen::Index>(r)) = row.transpose();
        }
        const std::string bias_path = path + ".bias";
        layer.bias = vector(field(value, "bias", bias_path), bias_path);
        const std::string activation_path = path + ".activation";
        const std::string name = string_at(value, "activation", activation_path);
        const auto activation = activation_from_name(name);
        require(activation.has_value(), activation_path,
                fmt::format("unknown activation \"{}\" (known: linear, relu, tanh, sigmoid, softplus, gelu, exp)", name));
        layer.activation = *activation;
        return layer;
    }
};

// Byte offset of the first number outside strings too large for a double (1e999), which
// nlohmann reports without a place; the text's end when there is none.
std::size_t overflowing_number(std::string_view text) {
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') {
            in_string = true;
            continue;
        }
        if (c != '-' && !std::isdigit(static_cast<unsigned char>(c))) continue;
        std::size_t end = i + 1;
        while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) ||
                                     std::string_view(".eE+-").find(text[end]) != std::string_view::npos))
            ++end;
        if (!std::isfinite(std::strtod(std::string(text.substr(i, end - i)).c_str(), nullptr))) return i;
        i = end - 1;
    }
    return text.size();
}

json vector_json(const Eigen::VectorXd& values) { return json(std::vector<double>(values.begin(), values.end())); }

json normalization_json(const AffineNormalization& normalization) {
    return {{"shift", vector_json(normalization.shift)}, {"scale", vector_json(normalization.scale)}};
}

}  // namespace

FeedForward parse_component(std::string_view text, std::string_view source_name) {
    json root;
    try {
        root = json::parse(text);
    } catch (const json::parse_error& e) {
        throw json_syntax_error(source_name, text, e.byte, e.what());
    } catch (const json::out_of_range&) {
        // a number past the largest double: no weight or bias can hold it
        const auto [line, column] = line_and_column(text, overflowing_number(text));
        throw input_error(fmt::format("{}:{}:{}: a number too large for a double", source_name, line, column));
    }
    return ComponentReader(source_name).read(root);
}

FeedForward read_component(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw input_error(fmt::format("{}: cannot open the component file", path.string()));
    std::ostringstream text;
    text << file.rdbuf();
    return parse_component(text.str(), path.string());
}

std::string component_to_json(const FeedForward& network) {
    json root = {{"format", "occam-component"}, {"version", 1}, {"inputs", network.input_names},
                 {"outputs", network.output_names}};
    if (network.input_normalization) root["input_normalization"] = normalization_json(*network.input_normalization);
    if (network.output_normalization) root["output_normalization"] = normalization_json(*network.output_normalization);
    json layers = json::array();
    for (const DenseLayer& layer : network.layers) {
        json rows = json::array();
        for (Eigen::Index r = 0; r < layer.weight.rows(); ++r) rows.push_back(vector_json(layer.weight.row(r).transpose()));
        layers.push_back({{"weight", rows}, {"bias", vector_json(layer.bias)},
                          {"activation", std::string(activation_name(layer.activation))}});
    }
    root["layers"] = layers;
    return root.dump(1) + "\n";
}

void write_component(const FeedForward& network, const std::filesystem::path& path) {
    write_file_atomically(path.string(), component_to_json(network), "component");
}

}  // namespace occam
