#pragma once
// A plain SVG chart: two axes (linear or log, with round ticks), points and lines in data
// coordinates. No script and no external style beyond the page's CSS classes, so a chart prints as
// it shows.
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace occam::report {

struct Axis {
    std::string label;
    double low = 0;
    double high = 1;
    bool log = false;
};

// An axis over the finite values (the positive ones on a log axis), a little wider than they
// span; nullopt when there is nothing to show.
std::optional<Axis> axis_over(std::string label, std::span<const double> values, bool log = false);

class SvgChart {
public:
    SvgChart(int width, int height, Axis x, Axis y, bool with_ticks = true);

    // One circle per point within the axes, class `css_class`.
    void points(std::span<const double> xs, std::span<const double> ys, const std::string& css_class, double radius);
    // One circle that names itself: data-index (to link it with a table row) and a title shown on hover.
    void marked_point(double x, double y, const std::string& css_class, double radius, std::size_t index,
                      const std::string& title);
    // A polyline through the points (those off the axes' range skipped).
    void line(std::span<const double> xs, std::span<const double> ys, const std::string& css_class);

    std::string svg(const std::string& css_class, const std::string& description) const;

private:
    std::optional<double> pixel_x(double x) const;
    std::optional<double> pixel_y(double y) const;
    std::string axes() const;

    int width_, height_;
    Axis x_, y_;
    bool ticks_;
    double left_, right_, top_, bottom_;  // the plot area, in pixels
    std::string content_;
};

}  // namespace occam::report
