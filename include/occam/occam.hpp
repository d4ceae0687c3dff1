#pragma once
// The one header a C++ program includes to use occam as a library.
#include "occam/dataset.hpp"
#include "occam/error.hpp"
#include "occam/interpreter.hpp"
#include "occam/metrics.hpp"
#include "occam/operators.hpp"
#include "occam/parse.hpp"
#include "occam/print.hpp"
#include "occam/tree.hpp"
