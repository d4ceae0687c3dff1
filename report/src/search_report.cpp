// The page for one search (report.hpp): its sections in reading order.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include <fmt/format.h>

#include "html_page.hpp"
#include "html_text.hpp"
#include "occam/interpreter.hpp"
#include "occam/print.hpp"
#include "occam/report.hpp"
#include "svg_chart.hpp"

namespace occam {
namespace {

using report::Axis;
using report::axis_over;
using report::escaped;
using report::SvgChart;

// Losses of exact formulas reach 0; a log axis shows them at this floor (the table has the value).
constexpr double plotted_loss_floor = 1e-32;

std::string number(double value) { return std::isfinite(value) ? fmt::format("{:.4g}", value) : "&#x2013;"; }

// The rows drawn in the scatter plots: all of them, or report_scatter_rows chosen at random with a
// fixed seed (the same page for the same run), in table order.
std::vector<Eigen::Index> shown_rows(Eigen::Index rows) {
    std::vector<Eigen::Index> all(static_cast<std::size_t>(rows));
    std::iota(all.begin(), all.end(), Eigen::Index{0});
    if (all.size() <= report_scatter_rows) return all;
    std::mt19937_64 random(1);
    for (std::size_t i = 0; i < report_scatter_rows; ++i) {
        std::uniform_int_distribution<std::size_t> pick(i, all.size() - 1);
        std::swap(all[i], all[pick(random)]);
    }
    all.resize(report_scatter_rows);
    std::sort(all.begin(), all.end());
    return all;
}

std::string front_section(const Front& front) {
    std::vector<double> complexity, loss;
    std::vector<std::string> titles;
    for (const FrontEntry& entry : front.entries) {
        complexity.push_back(entry.complexity);
        loss.push_back(std::max(entry.validation_loss, plotted_loss_floor));
        titles.push_back(fmt::format("complexity {}, validation loss {:.3g}: {}", entry.complexity, entry.validation_loss,
                                     to_infix(entry.formula, front.variables)));
    }
    const std::string loss_name = front.log_scale ? fmt::format("validation NMSE of log|{}|", front.log_scale->target)
                                                  : "validation NMSE";
    const auto x = axis_over("complexity", complexity);
    const auto y = axis_over(loss_name + " (log scale)", loss, true);
    std::string out = "<h2>Pareto front</h2>\n";
    if (!x || !y) return out + "<p>The front is empty.</p>\n";
    SvgChart chart(640, 360, *x, *y);
    chart.line(complexity, loss, "front-line");
    for (std::size_t i = 0; i < front.entries.size(); ++i) {
        const bool recommended = i == front.recommended;
        chart.marked_point(complexity[i], loss[i], recommended ? "front-point recommended" : "front-point",
                           recommended ? 7.0 : 5.0, i, titles[i]);
    }
    out += chart.svg("front-plot", "Validation loss against complexity for each formula of the Pareto front");
    out += fmt::format("<p class=\"note\">One point per formula ({} in all); the recommended one is larger and green. "
                       "Hover over a point or a row to link them.{}</p>\n",
                       front.entries.size(),
                       front.recommendation_rule.empty() ? "" : " Recommended: " + escaped(front.recommendation_rule) + ".");
    return out;
}

std::string table_section(const Front& front) {
    std::string out = "<h2>Formulas</h2>\n<table class=\"front-table\">\n<thead><tr><th>complexity</th><th>validation loss</th>"
                      "<th>R&#xB2;</th><th>constants &#xB1; standard error</th><th>formula</th></tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < front.entries.size(); ++i) {
        const FrontEntry& entry = front.entries[i];
        std::string constants;
        const std::vector<double> values = entry.formula.constants();
        for (std::size_t k = 0; k < values.size(); ++k) {
            if (!constants.empty()) constants += "<br>";
            constants += number(values[k]);
            if (k < entry.constant_errors.size()) constants += " &#xB1; " + number(entry.constant_errors[k]);
        }
        out += fmt::format("<tr data-index=\"{}\"{}><td class=\"number\">{}</td><td class=\"number\">{}</td>"
                           "<td class=\"number\">{}</td><td class=\"number\">{}</td><td>{}<code>{}</code></td></tr>\n",
                           i, i == front.recommended ? " class=\"recommended\"" : "", entry.complexity,
                           number(entry.validation_loss), number(entry.validation_r2), constants.empty() ? "none" : constants,
                           to_mathml(entry.formula, front.variables), escaped(to_infix(entry.formula, front.variables)));
    }
    return out + "</tbody>\n</table>\n";
}

// Predicted against observed, and the residuals against each input, for the recommended formula.
std::string data_section(const Front& front, const SearchRun& run, const Dataset* data) {
    std::string out = "<h2>The recommended formula on the data</h2>\n";
    if (front.empty()) return out + "<p>The front is empty.</p>\n";
    if (data == nullptr)
        return out + "<p>The data file was not available to this report, so the data are not plotted "
                     "(<code>occam report</code> reads it again when the file is where the search read it, or with --data).</p>\n";
    const Eigen::ArrayXXd inputs = data->columns(front.variables, run.data_file);
    const Eigen::ArrayXd observed = data->column(run.target);
    Eigen::ArrayXd predicted(observed.size());
    Interpreter interpreter;
    if (!interpreter.evaluate(front.best().formula, inputs, predicted))
        return out + "<p>The recommended formula is not finite on every row of the data, so the data are not plotted.</p>\n";
    // relative errors: the search judged the logs, and so do these plots
    const bool one_sign = ((observed > 0).all() && (predicted > 0).all()) || ((observed < 0).all() && (predicted < 0).all());
    const bool logs = front.log_scale.has_value() && one_sign;
    const std::vector<Eigen::Index> rows = shown_rows(observed.size());
    std::vector<double> shown_observed, shown_predicted, residual;
    for (const Eigen::Index r : rows) {
        shown_observed.push_back(logs ? std::abs(observed[r]) : observed[r]);
        shown_predicted.push_back(logs ? std::abs(predicted[r]) : predicted[r]);
        residual.push_back(logs ? std::log(std::abs(observed[r] / predicted[r])) : observed[r] - predicted[r]);
    }
    std::vector<double> both = shown_observed;
    both.insert(both.end(), shown_predicted.begin(), shown_predicted.end());
    const std::string scale = logs ? " (log scale, magnitudes)" : "";
    out += "<div class=\"plots\">\n";
    if (const auto axis = axis_over("", both, logs)) {
        Axis x = *axis, y = *axis;
        x.label = "observed " + run.target + scale;
        y.label = "predicted " + run.target + scale;
        SvgChart chart(420, 360, x, y);
        chart.line(std::vector<double>{x.low, x.high}, std::vector<double>{x.low, x.high}, "identity");
        chart.points(shown_observed, shown_predicted, "data-point", 2.2);
        out += chart.svg("scatter-plot", "Predicted against observed values of the target; the dashed line is equality");
    }
    const std::string residual_name = logs ? fmt::format("log(observed / predicted {})", run.target)
                                           : fmt::format("observed &#x2212; predicted {}", run.target);
    for (std::size_t c = 0; c < front.variables.size(); ++c) {
        std::vector<double> xs;
        for (const Eigen::Index r : rows) xs.push_back(inputs(r, static_cast<Eigen::Index>(c)));
        const auto x = axis_over(front.variables[c], xs);
        auto y = axis_over("", residual);
        if (!x || !y) continue;
        y->label = logs ? "log(observed / predicted)" : "observed - predicted";
        SvgChart chart(340, 260, *x, *y);
        chart.line(std::vector<double>{x->low, x->high}, std::vector<double>{0, 0}, "zero");
        chart.points(xs, residual, "data-point", 1.8);
        out += chart.svg("residual-plot", fmt::format("Residuals of the recommended formula against {}", front.variables[c]));
    }
    out += "</div>\n";
    out += fmt::format("<p class=\"note\">Residuals are {}. {}</p>\n", residual_name,
                       rows.size() < static_cast<std::size_t>(observed.size())
                           ? fmt::format("{} of the {} rows are drawn, chosen at random (the same rows in every plot, "
                                         "the same choice on every report of this data).",
                                         rows.size(), observed.size())
                           : fmt::format("All {} rows are drawn.", observed.size()));
    return out;
}

std::string run_section(const Front& front, const SearchRun& run, const Dataset* data) {
    const Progress& progress = front.final_progress;
    std::string out = "<h2>The run</h2>\n<table class=\"run-table\">\n";
    const auto row = [&](std::string_view name, const std::string& value) {
        out += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", name, value);
    };
    row("data", fmt::format("<code>{}</code>{}", escaped(run.data_file),
                            data ? fmt::format(", {} rows", data->rows()) : std::string()));
    row("target", escaped(run.target));
    row("inputs", escaped(fmt::format("{}", fmt::join(front.variables, ", "))));
    row("seed", std::to_string(run.seed));
    row("time", fmt::format("{:.1f} s", progress.elapsed_seconds));
    row("evaluations", fmt::format("{} ({} generations)", progress.evaluations, progress.generations));
    if (front.interrupted) row("stopped", "interrupted: the front found until then");
    else if (front.stalled) row("stopped", "the selection had not improved for the stall budget: the data had said all they could");
    for (const auto& [name, value] : run.options) row(escaped(name), fmt::format("<code>{}</code>", escaped(value)));
    out += "</table>\n";
    if (!run.notes.empty()) {
        out += "<h3>Pre-checks and notes</h3>\n<ul class=\"notes\">\n";
        for (const std::string& note : run.notes) out += fmt::format("<li>{}</li>\n", escaped(note));
        out += "</ul>\n";
    }
    if (!run.command.empty()) {
        out += fmt::format("<h3>To run it again</h3>\n<pre class=\"command\">{}</pre>\n", escaped(run.command));
        out += "<p class=\"note\">With a time limit the result depends on the machine's speed; with --generations or "
               "--evaluations it is the same on any machine and thread count.</p>\n";
    }
    return out;
}

}  // namespace

std::string search_report(const Front& front, const SearchRun& run, const Dataset* data) {
    std::string body = fmt::format("<h1>occam: {} from {}</h1>\n", escaped(run.target), escaped(run.data_file));
    body += fmt::format("<p class=\"lead\">{} formulas on the Pareto front, found in {:.1f} s.</p>\n", front.entries.size(),
                        front.final_progress.elapsed_seconds);
    if (!front.empty()) {
        const FrontEntry& best = front.best();
        body += fmt::format("<div class=\"summary\"><p>Recommended (complexity {}, validation R&#xB2; {}):</p>{}"
                            "<p><code>{} = {}</code></p></div>\n",
                            best.complexity, number(best.validation_r2), to_mathml(best.formula, front.variables),
                            escaped(run.target), escaped(to_infix(best.formula, front.variables)));
    }
    body += front_section(front);
    body += table_section(front);
    body += data_section(front, run, data);
    body += run_section(front, run, data);
    return report::html_page(fmt::format("occam: {} from {}", run.target, run.data_file), body);
}

}  // namespace occam
