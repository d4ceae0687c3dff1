#pragma once
// The frame every report shares: a complete HTML document with its style and script inline.
#include <string>

namespace occam::report {

// body: the page's content (HTML). The script marks the page once it has run
// (data-report-ready="yes" on the root element, data-script-errors counting errors, and
// data-front-points the front's points), which tests read from the rendered page.
std::string html_page(const std::string& title, const std::string& body);

}  // namespace occam::report
