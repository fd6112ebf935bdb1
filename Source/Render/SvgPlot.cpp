#include "SvgPlot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace crest
{
namespace
{
    std::string number (double v)
    {
        char text[32];
        std::snprintf (text, sizeof (text), "%.1f", v);
        return text;
    }
} // namespace

std::string escapeXml (const std::string& text)
{
    std::string out;
    for (const char c : text)
        switch (c)
        {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    return out;
}

std::string svgLinePlot (const SvgAxes& axes, const std::vector<SvgSeries>& series, int width, int height)
{
    const double left = 56, right = 12, top = 26, bottom = 38;
    const double plotWidth = width - left - right, plotHeight = height - top - bottom;
    auto xOf = [&] (double x) {
        const double t = axes.logX ? std::log (x / axes.xMin) / std::log (axes.xMax / axes.xMin) : (x - axes.xMin) / (axes.xMax - axes.xMin);
        return left + std::clamp (t, 0.0, 1.0) * plotWidth;
    };
    auto yOf = [&] (double y) { return top + (1.0 - std::clamp ((y - axes.yMin) / (axes.yMax - axes.yMin), 0.0, 1.0)) * plotHeight; };

    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string (width) + " " + std::to_string (height)
                      + "\" width=\"100%\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\">\n";
    svg += "<rect x=\"" + number (left) + "\" y=\"" + number (top) + "\" width=\"" + number (plotWidth) + "\" height=\"" + number (plotHeight)
           + "\" fill=\"none\" stroke=\"#888\" stroke-width=\"0.8\"/>\n";
    for (const auto& [x, label] : axes.xTicks)
    {
        svg += "<line x1=\"" + number (xOf (x)) + "\" y1=\"" + number (top) + "\" x2=\"" + number (xOf (x)) + "\" y2=\"" + number (top + plotHeight)
               + "\" stroke=\"#ddd\" stroke-width=\"0.6\"/>\n";
        svg += "<text x=\"" + number (xOf (x)) + "\" y=\"" + number (top + plotHeight + 14) + "\" text-anchor=\"middle\">" + escapeXml (label) + "</text>\n";
    }
    for (const auto& [y, label] : axes.yTicks)
    {
        svg += "<line x1=\"" + number (left) + "\" y1=\"" + number (yOf (y)) + "\" x2=\"" + number (left + plotWidth) + "\" y2=\"" + number (yOf (y))
               + "\" stroke=\"#ddd\" stroke-width=\"0.6\"/>\n";
        svg += "<text x=\"" + number (left - 6) + "\" y=\"" + number (yOf (y) + 4) + "\" text-anchor=\"end\">" + escapeXml (label) + "</text>\n";
    }
    svg += "<text x=\"" + number (left + plotWidth / 2) + "\" y=\"" + number (height - 6.0) + "\" text-anchor=\"middle\">" + escapeXml (axes.xLabel)
           + "</text>\n";
    svg += "<text x=\"14\" y=\"" + number (top + plotHeight / 2) + "\" text-anchor=\"middle\" transform=\"rotate(-90 14 " + number (top + plotHeight / 2)
           + ")\">" + escapeXml (axes.yLabel) + "</text>\n";

    double legendX = left;
    for (const auto& s : series)
    {
        std::string path;
        bool drawing = false;
        for (const auto& [x, y] : s.points)
        {
            if (! std::isfinite (y) || (axes.logX && x <= 0))
            {
                drawing = false;
                continue;
            }
            path += (drawing ? " L" : " M") + number (xOf (x)) + " " + number (yOf (y));
            drawing = true;
        }
        const std::string dash = s.dashed ? " stroke-dasharray=\"5 3\"" : "";
        if (! path.empty())
            svg += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + s.colour + "\" stroke-width=\"1.6\"" + dash + "/>\n";
        svg += "<line x1=\"" + number (legendX) + "\" y1=\"12\" x2=\"" + number (legendX + 18) + "\" y2=\"12\" stroke=\"" + s.colour
               + "\" stroke-width=\"2\"" + dash + "/>\n";
        svg += "<text x=\"" + number (legendX + 22) + "\" y=\"16\">" + escapeXml (s.label) + "</text>\n";
        legendX += 30 + 6.5 * (double) s.label.size();
    }
    return svg + "</svg>\n";
}
} // namespace crest
