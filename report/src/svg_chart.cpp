#include "svg_chart.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "html_text.hpp"

namespace occam::report {
namespace {

double to_scale(double value, bool log) { return log ? std::log10(value) : value; }

// About five round values (1, 2 or 5 times a power of ten apart) within [low, high].
std::vector<double> linear_ticks(double low, double high) {
    const double raw_step = (high - low) / 5;
    if (!(raw_step > 0) || !std::isfinite(raw_step)) return {low};
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw_step)));
    double step = magnitude;
    for (const double factor : {2.0, 5.0, 10.0})
        if (step < raw_step) step = factor * magnitude;
    std::vector<double> ticks;
    for (double tick = std::ceil(low / step) * step; tick <= high + 1e-9 * step; tick += step)
        ticks.push_back(std::abs(tick) < 1e-12 * step ? 0.0 : tick);
    return ticks;
}

// Powers of ten within the range; with fewer than two, the linear ticks of the values themselves.
std::vector<double> log_ticks(double low_exponent, double high_exponent) {
    std::vector<double> ticks;
    const double first = std::ceil(low_exponent), last = std::floor(high_exponent);
    const double stride = std::max(1.0, std::ceil((last - first) / 6));
    for (double e = first; e <= last; e += stride) ticks.push_back(std::pow(10.0, e));
    if (ticks.size() >= 2) return ticks;
    return linear_ticks(std::pow(10.0, low_exponent), std::pow(10.0, high_exponent));
}

std::string tick_text(double value) { return fmt::format("{:.3g}", value); }

}  // namespace

std::optional<Axis> axis_over(std::string label, std::span<const double> values, bool log) {
    double low = INFINITY, high = -INFINITY;
    for (const double v : values) {
        if (!std::isfinite(v) || (log && v <= 0)) continue;
        low = std::min(low, to_scale(v, log));
        high = std::max(high, to_scale(v, log));
    }
    if (!(low <= high)) return std::nullopt;
    const double margin = high > low ? 0.05 * (high - low) : std::max(0.5, 0.05 * std::abs(low));
    low -= margin;
    high += margin;
    if (log) return Axis{std::move(label), std::pow(10.0, low), std::pow(10.0, high), true};
    return Axis{std::move(label), low, high, false};
}

SvgChart::SvgChart(int width, int height, Axis x, Axis y, bool with_ticks)
    : width_(width), height_(height), x_(std::move(x)), y_(std::move(y)), ticks_(with_ticks) {
    // room for tick labels and the axis titles, or a thin frame for a thumbnail
    left_ = ticks_ ? 64 : 4;
    right_ = width_ - (ticks_ ? 12 : 4);
    top_ = ticks_ ? 10 : 4;
    bottom_ = height_ - (ticks_ ? 44 : 4);
}

std::optional<double> SvgChart::pixel_x(double x) const {
    if (!std::isfinite(x) || (x_.log && x <= 0)) return std::nullopt;
    const double low = to_scale(x_.low, x_.log), high = to_scale(x_.high, x_.log);
    const double share = (to_scale(x, x_.log) - low) / (high - low);
    if (share < -1e-9 || share > 1 + 1e-9) return std::nullopt;
    return left_ + share * (right_ - left_);
}

std::optional<double> SvgChart::pixel_y(double y) const {
    if (!std::isfinite(y) || (y_.log && y <= 0)) return std::nullopt;
    const double low = to_scale(y_.low, y_.log), high = to_scale(y_.high, y_.log);
    const double share = (to_scale(y, y_.log) - low) / (high - low);
    if (share < -1e-9 || share > 1 + 1e-9) return std::nullopt;
    return bottom_ - share * (bottom_ - top_);
}

void SvgChart::points(std::span<const double> xs, std::span<const double> ys, const std::string& css_class,
                      double radius) {
    for (std::size_t i = 0; i < std::min(xs.size(), ys.size()); ++i) {
        const auto px = pixel_x(xs[i]), py = pixel_y(ys[i]);
        if (px && py)
            content_ += fmt::format("<circle class=\"{}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{}\"/>", css_class, *px, *py, radius);
    }
    content_ += '\n';
}

void SvgChart::marked_point(double x, double y, const std::string& css_class, double radius, std::size_t index,
                            const std::string& title) {
    const auto px = pixel_x(x), py = pixel_y(y);
    if (!px || !py) return;
    content_ += fmt::format("<circle class=\"{}\" data-index=\"{}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{}\"><title>{}</title></circle>\n",
                            css_class, index, *px, *py, radius, escaped(title));
}

void SvgChart::line(std::span<const double> xs, std::span<const double> ys, const std::string& css_class) {
    std::string path;
    for (std::size_t i = 0; i < std::min(xs.size(), ys.size()); ++i) {
        const auto px = pixel_x(xs[i]), py = pixel_y(ys[i]);
        if (px && py) path += fmt::format("{:.1f},{:.1f} ", *px, *py);
    }
    if (!path.empty()) content_ += fmt::format("<polyline class=\"{}\" points=\"{}\"/>\n", css_class, path);
}

std::string SvgChart::axes() const {
    std::string out = fmt::format("<rect class=\"frame\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\"/>\n",
                                  left_, top_, right_ - left_, bottom_ - top_);
    if (!ticks_) return out;
    const auto ticks_of = [](const Axis& axis) {
        return axis.log ? log_ticks(std::log10(axis.low), std::log10(axis.high)) : linear_ticks(axis.low, axis.high);
    };
    for (const double tick : ticks_of(x_)) {
        const auto px = pixel_x(tick);
        if (!px) continue;
        out += fmt::format("<line class=\"tick\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1:.1f}\" y2=\"{2:.1f}\"/>"
                           "<text class=\"tick-label\" x=\"{0:.1f}\" y=\"{3:.1f}\" text-anchor=\"middle\">{4}</text>\n",
                           *px, bottom_, bottom_ + 5, bottom_ + 18, tick_text(tick));
    }
    for (const double tick : ticks_of(y_)) {
        const auto py = pixel_y(tick);
        if (!py) continue;
        out += fmt::format("<line class=\"tick\" x1=\"{0:.1f}\" x2=\"{1:.1f}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\"/>"
                           "<text class=\"tick-label\" x=\"{3:.1f}\" y=\"{4:.1f}\" text-anchor=\"end\">{5}</text>\n",
                           left_ - 5, left_, *py, left_ - 8, *py + 4, tick_text(tick));
    }
    out += fmt::format("<text class=\"axis-label\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n",
                       (left_ + right_) / 2, static_cast<double>(height_) - 8, escaped(x_.label));
    out += fmt::format("<text class=\"axis-label\" transform=\"translate(14 {:.1f}) rotate(-90)\" text-anchor=\"middle\">{}</text>\n",
                       (top_ + bottom_) / 2, escaped(y_.label));
    return out;
}

std::string SvgChart::svg(const std::string& css_class, const std::string& description) const {
    return fmt::format("<svg class=\"{}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" "
                       "height=\"{}\" role=\"img\"><desc>{}</desc>\n{}{}</svg>",
                       css_class, width_, height_, width_, height_, escaped(description), axes(), content_);
}

}  // namespace occam::report
