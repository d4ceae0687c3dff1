// The HTML report of a search: formulas typeset in MathML, and a page of a 10,000-row search that
// stays small (its scatter plots subsampled) and draws every front entry once.
#include <doctest/doctest.h>

#include <string>

#include "occam/parse.hpp"
#include "occam/print.hpp"
#include "occam/report.hpp"
#include "occam/sampling.hpp"
#include "occam/search.hpp"

using namespace occam;

namespace {

std::size_t occurrences(const std::string& text, const std::string& piece) {
    std::size_t count = 0;
    for (auto at = text.find(piece); at != std::string::npos; at = text.find(piece, at + piece.size())) ++count;
    return count;
}

std::string mathml(const std::string& formula, const std::vector<std::string>& names) {
    return to_mathml(parse_formula(formula, names), names);
}

}  // namespace

TEST_CASE("MathML: fractions, roots, powers, Greek letters and subscripts as a physicist writes them") {
    const std::vector<std::string> names{"theta1", "sigma", "rho_c_0", "x"};
    CHECK(mathml("x/sigma", names) ==
          "<math display=\"block\"><mrow><mfrac><mrow><mi>x</mi></mrow><mrow><mi>&#x3C3;</mi></mrow></mfrac></mrow></math>");
    // theta1 is theta with the subscript 1; rho_c_0 is rho with the subscript "c,0"
    CHECK(mathml("theta1", names).find("<msub><mi>&#x3B8;</mi><mrow><mn>1</mn></mrow></msub>") != std::string::npos);
    CHECK(mathml("rho_c_0", names).find("<msub><mi>&#x3C1;</mi><mrow><mi>c</mi><mo>,</mo><mn>0</mn></mrow></msub>") !=
          std::string::npos);
    CHECK(mathml("sqrt(x)", names).find("<msqrt><mi>x</mi></msqrt>") != std::string::npos);
    CHECK(mathml("exp(-x)", names).find("<msup><mi>e</mi>") != std::string::npos);
    CHECK(mathml("sin(x)", names).find("<mi>sin</mi><mo>&#x2061;</mo><mrow><mo>(</mo><mi>x</mi><mo>)</mo></mrow>") !=
          std::string::npos);
    // a sum raised to a power keeps its parentheses; a product of a negative number gets them too
    CHECK(mathml("(x + sigma)^2", names).find("<msup><mrow><mrow><mo>(</mo>") != std::string::npos);
    CHECK(mathml("x*(-2.5)", names).find("<mo>&#xB7;</mo><mrow><mo>(</mo><mo>&#x2212;</mo><mn>2.5</mn>") != std::string::npos);
    CHECK(mathml("1.5e-05*x", names).find("<mn>1.5</mn><mo>&#xB7;</mo><msup><mn>10</mn><mrow><mo>&#x2212;</mo><mn>5</mn>") !=
          std::string::npos);
}

TEST_CASE("the report of a 10,000-row search draws each front entry once and stays under 2 MB") {
    const std::vector<std::string> names{"theta", "sigma"};
    const Tree law = parse_formula("exp(-(theta/sigma)^2/2)/(sqrt(2*pi)*sigma)", names);
    const Dataset data = sample_formula(law, {{"theta", 1, 3}, {"sigma", 1, 3}}, {.rows = 10000, .seed = 3, .target = "f"});
    const Problem problem(data, "f");
    SearchOptions options;
    options.seed = 1;
    options.threads = 2;
    options.budget.time_limit.reset();
    options.budget.max_generations = 8;
    const Front front = search(problem, options);
    REQUIRE(!front.empty());

    const SearchRun run{.command = "occam search gaussian.csv --target f --generations 8", .data_file = "gaussian.csv",
                        .target = "f", .seed = 1, .options = {{"generations", "8"}}, .notes = {"a note <with> markup"}};
    const std::string page = search_report(front, run, &data);
    CHECK(page.size() < 2'000'000);
    CHECK(occurrences(page, "class=\"front-point") == front.entries.size());
    CHECK(occurrences(page, "class=\"front-point recommended\"") == 1);
    CHECK(occurrences(page, "<tr data-index=") == front.entries.size());
    // a scatter of predicted against observed and one of residuals per input, each of the same
    // report_scatter_rows rows of the 10,000
    CHECK(occurrences(page, "<circle class=\"data-point\"") == report_scatter_rows * (1 + names.size()));
    CHECK(page.find("2000 of the 10000 rows are drawn") != std::string::npos);
    CHECK(page.find("a note &lt;with&gt; markup") != std::string::npos);  // text is escaped
    CHECK(page.find("http://") == page.find("http://www.w3.org/2000/svg"));  // only the SVG namespace, nothing fetched

    SUBCASE("without the data, the plots of the data are left out and the page says why") {
        const std::string without = search_report(front, run, nullptr);
        CHECK(occurrences(without, "<circle class=\"data-point\"") == 0);
        CHECK(without.find("data file was not available") != std::string::npos);
        CHECK(occurrences(without, "class=\"front-point") == front.entries.size());
    }
}
