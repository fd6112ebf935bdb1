// The "what mastering changed" page: one self-contained HTML file (styles,
// SVG plots and the excerpts as data: URIs inside; no script runs), laid
// out for A4 so a teacher can print it and hand it out. Its figures are
// also in a JSON block (id "crest-report-data"), rounded as crest ab
// --json rounds them, for tools and tests. JUCE only for base64.
#pragma once

#include "ChangeReport.h"

#include <filesystem>
#include <string>

namespace crest
{
std::string changeReportHtml (const ChangeReport& report);

// Writes the page atomically; throws CrestError naming the file.
void writeChangeReport (const ChangeReport& report, const std::filesystem::path& file);
} // namespace crest
