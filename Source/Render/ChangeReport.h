// "What mastering changed": a mix and its master measured side by side
// (the figures of crest ab and crest analyze, by the same code), their
// 1/3-octave spectra and short-term loudness curves, what each module of
// the chain did when Crest made the master, and a short excerpt of the
// mix, the master and their difference to play. Written as one
// self-contained HTML page with SVG plots that prints well
// (ChangeReportHtml), from crest report and from the app. Off the audio
// thread and the message thread: it reads both files twice or so.
#pragma once

#include "Analysis/FileAnalysis.h"
#include "Analysis/ProgramComparison.h"
#include "Analysis/SignalAlignment.h"
#include "Mastering/ModuleActivity.h"
#include "ReportExcerpt.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace crest
{
struct ChangeReportRequest
{
    std::filesystem::path mix, master;
    std::string mixName, masterName;   // how the page names them (their file names when empty)
    // What the chain did, when Crest made the master; else read from the
    // report beside the master, if there is one.
    std::optional<std::vector<ModuleActivity>> modules;
    std::string chainName;             // "the session's", a preset's name
    double excerptSeconds = 10;
    std::function<void (double)> progress;
};

struct ChangeReport
{
    std::string mixName, masterName, chainName, dateUtc;
    FileAnalysis mix, master;
    std::vector<ComparisonRow> rows;
    double matchGainDb = 0;   // plays the master at the mix's loudness
    Alignment alignment;      // the master's lag behind the mix
    std::optional<std::vector<ModuleActivity>> modules;
    ReportExcerpt excerpt;
};

// Throws CrestError naming the file that cannot be read or compared.
ChangeReport makeChangeReport (const ChangeReportRequest& request);
} // namespace crest
