// Line plots as SVG text, for the HTML reports: axes with ticks and
// labels, a grid, any number of series (a gap where a value is not
// finite), a legend. Plain, printable (black text, thin lines, no
// scripts). JUCE-free; any thread.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace crest
{
struct SvgSeries
{
    std::string label, colour;
    std::vector<std::pair<double, double>> points;   // x, y
    bool dashed = false;
};

struct SvgAxes
{
    double xMin = 0, xMax = 1, yMin = 0, yMax = 1;
    bool logX = false;
    std::string xLabel, yLabel;
    std::vector<std::pair<double, std::string>> xTicks, yTicks;
};

std::string svgLinePlot (const SvgAxes& axes, const std::vector<SvgSeries>& series, int width = 720, int height = 260);

// Text made safe for HTML and SVG.
std::string escapeXml (const std::string& text);
} // namespace crest
