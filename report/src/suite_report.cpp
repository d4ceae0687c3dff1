// The page for a suite run (report.hpp): the summary, then a row per problem with its front drawn small.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "html_page.hpp"
#include "html_text.hpp"
#include "occam/report.hpp"
#include "svg_chart.hpp"

namespace occam {
namespace {

using report::escaped;

// A thumbnail of a problem's front: validation loss (log) against complexity, no ticks.
std::string front_thumbnail(const SuiteReportRow& row) {
    std::vector<double> complexity, loss;
    for (const auto& [c, l] : row.front) {
        complexity.push_back(c);
        loss.push_back(std::max(l, 1e-32));
    }
    const auto x = report::axis_over("complexity", complexity);
    const auto y = report::axis_over("validation loss", loss, true);
    if (!x || !y) return "";
    report::SvgChart chart(150, 60, *x, *y, /*with_ticks=*/false);
    chart.line(complexity, loss, "front-line");
    chart.points(complexity, loss, "data-point", 2);
    return chart.svg("front-thumbnail", fmt::format("The front of {}: validation loss against complexity", row.id));
}

}  // namespace

std::string suite_report(const std::string& summary, const std::string& command, const std::vector<SuiteReportRow>& rows) {
    std::string body = "<h1>occam suite</h1>\n";
    body += fmt::format("<div class=\"summary\"><p><strong>{}</strong></p></div>\n", escaped(summary));
    body += "<table class=\"suite-table\">\n<thead><tr><th>problem</th><th>verdict</th><th>time</th><th>front</th>"
            "<th>recommended formula</th></tr></thead>\n<tbody>\n";
    for (const SuiteReportRow& row : rows) {
        body += fmt::format("<tr><td>{}</td><td class=\"{}\">{}</td><td class=\"number\">{:.1f} s</td><td>{}</td>"
                            "<td><code>{}</code></td></tr>\n",
                            escaped(row.id), row.solved ? "verdict-yes" : "verdict-no", escaped(row.verdict), row.seconds,
                            front_thumbnail(row), escaped(row.formula));
    }
    body += "</tbody>\n</table>\n";
    body += "<p class=\"note\">Each thumbnail is the problem's Pareto front: validation loss (log scale) against complexity.</p>\n";
    if (!command.empty()) body += fmt::format("<h2>To run it again</h2>\n<pre class=\"command\">{}</pre>\n", escaped(command));
    return report::html_page("occam suite", body);
}

}  // namespace occam
