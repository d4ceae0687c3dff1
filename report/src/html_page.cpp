#include "html_page.hpp"

#include <fmt/format.h>

#include "html_text.hpp"

namespace occam::report {
namespace {

constexpr const char* style = R"(
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; margin: 1.5em auto; max-width: 1100px;
       padding: 0 1em; color: #222; line-height: 1.4; }
h1 { font-size: 1.4em; margin-bottom: 0.2em; }
h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
.lead { color: #555; margin-top: 0; }
.summary { background: #f4f6f8; border-left: 4px solid #2c6e9b; padding: 0.6em 1em; }
.summary math { font-size: 1.25em; }
td math { display: math; margin-right: 1em; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3em 0.5em; text-align: left; vertical-align: middle; }
th { background: #f4f6f8; }
td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.recommended { background: #eef5ea; }
tr.selected { outline: 2px solid #d9822b; }
code, pre { font-family: "DejaVu Sans Mono", monospace; font-size: 0.88em; }
pre { background: #f4f6f8; padding: 0.6em; white-space: pre-wrap; word-break: break-all; }
.plots { display: flex; flex-wrap: wrap; gap: 1em; }
svg { background: white; }
svg .frame { fill: none; stroke: #999; }
svg .tick { stroke: #999; }
svg .tick-label { font-size: 11px; fill: #444; }
svg .axis-label { font-size: 12px; fill: #222; }
svg .front-line { fill: none; stroke: #2c6e9b; stroke-width: 1.5; }
svg .front-point { fill: #2c6e9b; stroke: white; cursor: pointer; }
svg .front-point.recommended { fill: #3c8d2f; stroke: #1d4d15; stroke-width: 2; }
svg .front-point.selected { fill: #d9822b; }
svg .data-point { fill: #2c6e9b; fill-opacity: 0.45; }
svg .identity { stroke: #b33; stroke-dasharray: 4 3; fill: none; }
svg .zero { stroke: #b33; stroke-dasharray: 4 3; fill: none; }
.verdict-yes { color: #1d6d15; font-weight: bold; }
.verdict-no { color: #a33; }
.note { color: #555; font-size: 0.9em; }
@media print { .plots { display: block; } tr.selected { outline: none; } }
)";

// Runs first, so that an error in the page's main script is still counted.
constexpr const char* error_counter = R"(
document.documentElement.setAttribute('data-script-errors', '0');
window.addEventListener('error', function () {
  var root = document.documentElement;
  root.setAttribute('data-script-errors', String(Number(root.getAttribute('data-script-errors')) + 1));
});
)";

// Hovering or clicking a front point marks its table row, and the other way round.
constexpr const char* linking = R"(
(function () {
  function select(index) {
    document.querySelectorAll('[data-index]').forEach(function (element) {
      element.classList.toggle('selected', element.getAttribute('data-index') === index);
    });
  }
  document.querySelectorAll('.front-point, tr[data-index]').forEach(function (element) {
    element.addEventListener('mouseenter', function () { select(element.getAttribute('data-index')); });
    element.addEventListener('click', function () {
      var index = element.getAttribute('data-index');
      select(index);
      var row = document.querySelector('tr[data-index="' + index + '"]');
      if (row && element.tagName.toLowerCase() === 'circle') row.scrollIntoView({block: 'nearest'});
    });
  });
  var root = document.documentElement;
  root.setAttribute('data-front-points', String(document.querySelectorAll('.front-point').length));
  root.setAttribute('data-report-ready', 'yes');
})();
)";

}  // namespace

std::string html_page(const std::string& title, const std::string& body) {
    return fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<meta name=\"generator\" content=\"occam\">\n<title>{}</title>\n<style>{}</style>\n"
                       "<script>{}</script>\n</head>\n<body>\n{}\n<script>{}</script>\n</body>\n</html>\n",
                       escaped(title), style, error_counter, body, linking);
}

}  // namespace occam::report
