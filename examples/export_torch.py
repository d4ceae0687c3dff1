#!/usr/bin/python3
"""Export a PyTorch feed-forward network as an occam component (JSON, format version 1).

occam loads feed-forward networks ("components") from JSON files of this shape::

    {
      "format": "occam-component",
      "version": 1,
      "inputs": ["r"],
      "outputs": ["phi"],
      "input_normalization":  {"shift": [...], "scale": [...]},   # optional
      "output_normalization": {"shift": [...], "scale": [...]},   # optional
      "layers": [
        {"weight": [[...], ...], "bias": [...], "activation": "tanh"}
      ]
    }

The network sees ``(x - shift) / scale`` of the inputs and the component returns ``y * scale + shift``
of the network's outputs. Each layer is an affine map (``weight`` is outputs x inputs, PyTorch's
``nn.Linear`` layout; ``bias`` has one entry per output) followed by its activation, one of
``linear, relu, tanh, sigmoid, softplus, gelu, exp`` (softplus with beta = 1, gelu in the exact erf form).

Supported model: an ``nn.Sequential`` of ``nn.Linear`` modules, each optionally followed by one
activation module: ``nn.ReLU``, ``nn.Tanh``, ``nn.Sigmoid``, ``nn.Softplus`` (beta = 1, threshold = 20),
``nn.GELU(approximate='none')``, ``nn.Identity`` or :class:`Exp` (defined here). A Linear without a
following activation gets ``"linear"``. Anything else raises ``ValueError`` naming the module index
and type.

Floats are written as Python's ``repr`` of the float64 value (the JSON module does this), so every
parameter round-trips exactly; float32 parameters are converted to float64 first (exact).

Python use::

    from export_torch import export_component, Exp
    export_component(model, "phi.json", inputs=["r"], outputs=["phi"],
                     input_normalization={"shift": [0.0], "scale": [0.4]})

Command line (a model saved whole with ``torch.save(model, path)``)::

    /usr/bin/python3 examples/export_torch.py model.pt out.json --inputs r --outputs phi \\
        [--input-shift 0] [--input-scale 0.4] [--output-shift ...] [--output-scale ...]

Needs PyTorch (Debian: ``apt-get install python3-torch``, for /usr/bin/python3). occam itself never
needs Python; this script only writes files occam reads.
"""

import argparse
import json
import math

import torch
from torch import nn

FORMAT = "occam-component"
VERSION = 1


class Exp(nn.Module):
    """Element-wise exponential activation (exported as ``"exp"``)."""

    def forward(self, x):
        return torch.exp(x)


def _activation_name(module, index):
    """Return the occam activation name of an activation module, or None if it is not one."""
    if isinstance(module, nn.Identity):
        return "linear"
    if isinstance(module, nn.ReLU):
        return "relu"
    if isinstance(module, nn.Tanh):
        return "tanh"
    if isinstance(module, nn.Sigmoid):
        return "sigmoid"
    if isinstance(module, Exp):
        return "exp"
    if isinstance(module, nn.Softplus):
        if module.beta != 1 or module.threshold != 20:
            raise ValueError(
                f"module {index} (Softplus): only beta=1 and threshold=20 are supported, "
                f"got beta={module.beta}, threshold={module.threshold}")
        return "softplus"
    if isinstance(module, nn.GELU):
        approximate = getattr(module, "approximate", "none")
        if approximate != "none":
            raise ValueError(
                f"module {index} (GELU): only approximate='none' is supported, got {approximate!r}")
        return "gelu"
    return None


def _floats(values):
    """Convert a tensor to (nested) lists of Python floats, exactly, via float64."""
    t = values.detach().to(dtype=torch.float64, device="cpu")
    out = t.tolist()

    def check(v):
        if isinstance(v, list):
            for e in v:
                check(e)
        elif not math.isfinite(v):
            raise ValueError("parameters must be finite")

    check(out)
    return out


def _normalization(norm, width, what):
    """Validate an optional {"shift": [...], "scale": [...]} mapping; return it with float lists."""
    if norm is None:
        return None
    try:
        shift = [float(v) for v in norm["shift"]]
        scale = [float(v) for v in norm["scale"]]
    except (KeyError, TypeError) as e:
        raise ValueError(f"{what}: needs 'shift' and 'scale' lists") from e
    if len(shift) != width or len(scale) != width:
        raise ValueError(f"{what}: shift and scale need {width} entries, got {len(shift)} and {len(scale)}")
    for v in shift + scale:
        if not math.isfinite(v):
            raise ValueError(f"{what}: values must be finite")
    if any(v == 0.0 for v in scale):
        raise ValueError(f"{what}: scale entries must be nonzero")
    return {"shift": shift, "scale": scale}


def component_dict(model, inputs, outputs, input_normalization=None, output_normalization=None):
    """Build the component as a dict (the JSON document) from an nn.Sequential."""
    if not isinstance(model, nn.Sequential):
        raise ValueError(f"model must be an nn.Sequential, got {type(model).__name__}")
    modules = list(model)
    layers = []
    i = 0
    while i < len(modules):
        m = modules[i]
        if not isinstance(m, nn.Linear):
            if _activation_name(m, i) is not None:
                raise ValueError(f"module {i} ({type(m).__name__}): activation without a preceding Linear")
            raise ValueError(f"module {i} ({type(m).__name__}): unsupported module type")
        weight = _floats(m.weight)
        bias = _floats(m.bias) if m.bias is not None else [0.0] * m.out_features
        activation = "linear"
        if i + 1 < len(modules) and not isinstance(modules[i + 1], nn.Linear):
            name = _activation_name(modules[i + 1], i + 1)
            if name is None:
                raise ValueError(
                    f"module {i + 1} ({type(modules[i + 1]).__name__}): unsupported module type")
            activation = name
            i += 1
        layers.append({"weight": weight, "bias": bias, "activation": activation})
        i += 1
    if not layers:
        raise ValueError("model has no Linear layers")
    for k in range(1, len(layers)):
        if len(layers[k]["weight"][0]) != len(layers[k - 1]["bias"]):
            raise ValueError(f"layer {k}: input width does not match the previous layer's output width")
    n_in = len(layers[0]["weight"][0])
    n_out = len(layers[-1]["bias"])
    inputs = list(inputs)
    outputs = list(outputs)
    if len(inputs) != n_in:
        raise ValueError(f"model has {n_in} inputs but {len(inputs)} input names were given")
    if len(outputs) != n_out:
        raise ValueError(f"model has {n_out} outputs but {len(outputs)} output names were given")

    doc = {"format": FORMAT, "version": VERSION, "inputs": inputs, "outputs": outputs}
    inorm = _normalization(input_normalization, n_in, "input_normalization")
    onorm = _normalization(output_normalization, n_out, "output_normalization")
    if inorm is not None:
        doc["input_normalization"] = inorm
    if onorm is not None:
        doc["output_normalization"] = onorm
    doc["layers"] = layers
    return doc


def export_component(model, path, inputs, outputs, input_normalization=None, output_normalization=None):
    """Write ``model`` (an nn.Sequential) to ``path`` as an occam component JSON file.

    inputs, outputs: names, one per input feature / output.
    input_normalization, output_normalization: optional {"shift": [...], "scale": [...]} mappings;
    the network sees (x - shift) / scale and the component returns y * scale + shift.
    """
    doc = component_dict(model, inputs, outputs, input_normalization, output_normalization)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, allow_nan=False)
        f.write("\n")
    return doc


def _main():
    p = argparse.ArgumentParser(description="Export a saved nn.Sequential (torch.save) as an occam component.")
    p.add_argument("model", help="file written by torch.save(model, path) holding an nn.Sequential")
    p.add_argument("output", help="component JSON file to write")
    p.add_argument("--inputs", nargs="+", required=True, help="input names")
    p.add_argument("--outputs", nargs="+", required=True, help="output names")
    p.add_argument("--input-shift", nargs="+", type=float)
    p.add_argument("--input-scale", nargs="+", type=float)
    p.add_argument("--output-shift", nargs="+", type=float)
    p.add_argument("--output-scale", nargs="+", type=float)
    a = p.parse_args()

    def norm(shift, scale, what):
        if shift is None and scale is None:
            return None
        if shift is None or scale is None:
            p.error(f"{what}: give both --{what}-shift and --{what}-scale")
        return {"shift": shift, "scale": scale}

    try:
        model = torch.load(a.model, map_location="cpu", weights_only=False)
    except TypeError:  # older PyTorch without weights_only
        model = torch.load(a.model, map_location="cpu")
    export_component(model, a.output, a.inputs, a.outputs,
                     norm(a.input_shift, a.input_scale, "input"),
                     norm(a.output_shift, a.output_scale, "output"))


if __name__ == "__main__":
    _main()
