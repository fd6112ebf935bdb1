#include "ChangeReportHtml.h"

#include "Analysis/ThirdOctaveBands.h"
#include "Core/ClockText.h"
#include "IO/AtomicTextFile.h"
#include "SvgPlot.h"

#include <juce_core/juce_core.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace crest
{
namespace
{
    const char* mixColour = "#4a6fa5";
    const char* masterColour = "#d9731a";
    const char* differenceColour = "#7b3fa0";

    std::string fixed (double v, int decimals, bool sign = false)
    {
        if (! std::isfinite (v))
            return v < 0 ? "-inf" : "-";
        char text[32];
        std::snprintf (text, sizeof (text), sign ? "%+.*f" : "%.*f", decimals, v);
        return text;
    }

    nlohmann::ordered_json rounded (double v)
    {
        return std::isfinite (v) ? nlohmann::ordered_json (std::round (v * 100) / 100) : nlohmann::ordered_json();
    }

    std::string clock (double seconds) { return clockText (seconds, 1); }

    std::string dataUri (const std::string& bytes)
    {
        return "data:audio/mpeg;base64," + juce::Base64::toBase64 (bytes.data(), bytes.size()).toStdString();
    }

    std::vector<std::pair<double, std::string>> frequencyTicks()
    {
        return { { 31.5, "31.5" }, { 63, "63" }, { 125, "125" }, { 250, "250" }, { 500, "500" }, { 1000, "1k" },
                 { 2000, "2k" }, { 4000, "4k" }, { 8000, "8k" }, { 16000, "16k" } };
    }

    std::vector<std::pair<double, std::string>> ticks (double from, double to, double step, const char* unit = "")
    {
        std::vector<std::pair<double, std::string>> list;
        for (double v = std::ceil (from / step) * step; v <= to + 1e-9; v += step)
            list.push_back ({ v, fixed (v, step < 1 ? 1 : 0) + unit });
        return list;
    }

    // Each programme's bands relative to its own loudness: the tonal
    // balance, with the level taken out (as the ear hears it loudness-matched).
    std::array<double, 31> toneOf (const FileAnalysis& a)
    {
        auto bands = a.spectrum->thirdOctaveDb();
        for (auto& b : bands)
            b -= a.loudness.integratedLufs;
        return bands;
    }

    std::string spectraPlot (const ChangeReport& r)
    {
        const auto mix = toneOf (r.mix), master = toneOf (r.master);
        SvgSeries a { "Mix", mixColour, {} }, b { "Master", masterColour, {} };
        double high = -1e9;
        for (int i = 0; i < thirdOctave::count; ++i)
        {
            a.points.push_back ({ thirdOctave::centreHz (i), mix[(size_t) i] });
            b.points.push_back ({ thirdOctave::centreHz (i), master[(size_t) i] });
            for (const double v : { mix[(size_t) i], master[(size_t) i] })
                if (std::isfinite (v))
                    high = std::max (high, v);
        }
        const double top = std::ceil (high / 10) * 10 + 5;
        SvgAxes axes { 20, 20000, top - 60, top, true, "frequency (Hz, 1/3-octave bands)", "dB re. the programme's loudness",
                       frequencyTicks(), ticks (top - 60, top, 10) };
        return svgLinePlot (axes, { a, b });
    }

    std::string differencePlot (const ChangeReport& r)
    {
        const auto mix = toneOf (r.mix), master = toneOf (r.master);
        SvgSeries d { "Master minus mix, loudness-matched", differenceColour, {} };
        double reach = 3;
        for (int i = 0; i < thirdOctave::count; ++i)
        {
            const double v = master[(size_t) i] - mix[(size_t) i];
            d.points.push_back ({ thirdOctave::centreHz (i), v });
            if (std::isfinite (v) && thirdOctave::centreHz (i) >= 31 && thirdOctave::centreHz (i) <= 16500)
                reach = std::max (reach, std::ceil (std::abs (v) / 3) * 3);
        }
        SvgSeries zero { "", "#999", { { 20, 0.0 }, { 20000, 0.0 } }, true };
        zero.label = "no change";
        SvgAxes axes { 20, 20000, -reach, reach, true, "frequency (Hz)", "dB", frequencyTicks(), ticks (-reach, reach, reach / 3) };
        return svgLinePlot (axes, { d, zero }, 720, 200);
    }

    std::string loudnessPlot (const ChangeReport& r)
    {
        SvgSeries a { "Mix", mixColour, {} }, b { "Master", masterColour, {} };
        double seconds = 1;
        for (size_t i = 0; i < r.mix.shortTermCurve.size(); ++i)
            a.points.push_back ({ (double) (i + 1) * FileAnalysis::curveStepSeconds, r.mix.shortTermCurve[i] });
        for (size_t i = 0; i < r.master.shortTermCurve.size(); ++i)
            b.points.push_back ({ (double) (i + 1) * FileAnalysis::curveStepSeconds, r.master.shortTermCurve[i] });
        seconds = std::max ({ seconds, r.mix.loudness.seconds, r.master.loudness.seconds });
        double high = -60;
        for (const auto* c : { &r.mix.shortTermCurve, &r.master.shortTermCurve })
            for (const double v : *c)
                if (std::isfinite (v))
                    high = std::max (high, v);
        const double top = std::min (0.0, std::ceil (high / 6) * 6 + 3);
        const double step = seconds > 600 ? 120 : seconds > 120 ? 30 : seconds > 30 ? 10 : 2;
        std::vector<std::pair<double, std::string>> timeTicks;
        for (double t = 0; t <= seconds; t += step)
            timeTicks.push_back ({ t, clockText (t, 0) });
        SvgAxes axes { 0, seconds, top - 36, top, false, "time (min:s)", "short-term loudness (LUFS)", timeTicks, ticks (top - 36, top, 6) };
        return svgLinePlot (axes, { a, b });
    }

    std::string figuresTable (const ChangeReport& r)
    {
        std::string html = "<table class=\"figures\"><thead><tr><th></th><th>Mix</th><th>Master</th><th>Change</th><th></th></tr></thead><tbody>\n";
        for (const auto& row : r.rows)
            html += "<tr data-figure=\"" + escapeXml (row.name) + "\"><th>" + escapeXml (row.name) + "</th><td class=\"mix\">" + fixed (row.mix, row.decimals)
                    + "</td><td class=\"master\">" + fixed (row.master, row.decimals) + "</td><td class=\"change\">"
                    + fixed (row.difference(), row.decimals, true) + "</td><td class=\"unit\">" + escapeXml (row.unit) + "</td></tr>\n";
        return html + "</tbody></table>\n";
    }

    std::string modulesSection (const ChangeReport& r)
    {
        if (! r.modules)
            return "<p>This master has no report from Crest beside it (<code>" + escapeXml (r.masterName)
                   + ".report.json</code>), so what its chain did is not known. Masters made by <code>crest master</code>, "
                     "<code>crest deliver</code> or <code>crest report SESSION</code> carry it.</p>\n";
        std::string html = "<table class=\"modules\"><thead><tr><th>Module</th><th>Part</th><th>Deepest</th><th>Average</th>"
                           "<th>Working</th></tr></thead><tbody>\n";
        for (const auto& m : *r.modules)
        {
            if (m.reduction.empty())
            {
                html += "<tr><th>" + escapeXml (m.name) + "</th><td colspan=\"4\">" + (m.enabled ? "on (shapes tone or width; no gain reduction)" : "off")
                        + "</td></tr>\n";
                continue;
            }
            for (const auto& g : m.reduction)
                html += "<tr><th>" + escapeXml (m.name) + "</th><td>" + escapeXml (g.label) + "</td><td>" + fixed (g.deepestDb, 1) + " dB</td><td>"
                        + fixed (g.averageDb, 1) + " dB</td><td>" + fixed (g.activeShare * 100, 0) + " % of the time</td></tr>\n";
        }
        return html + "</tbody></table>\n<p class=\"note\">Gain reduction is read block by block while the master was written; "
                      "\"working\" counts the blocks reducing by more than "
               + fixed (ModuleActivityMeter::activeAboveDb, 1) + " dB.</p>\n";
    }

    std::string dataBlock (const ChangeReport& r)
    {
        nlohmann::ordered_json j;
        j["format"] = "crest-change-report";
        j["version"] = 1;
        j["mix"] = r.mixName;
        j["master"] = r.masterName;
        j["date"] = r.dateUtc;
        for (const auto& row : r.rows)
            j["figures"].push_back ({ { "name", row.name }, { "unit", row.unit }, { "mix", rounded (row.mix) }, { "master", rounded (row.master) },
                                      { "difference", rounded (row.difference()) } });
        j["loudnessMatchDb"] = rounded (r.matchGainDb);
        j["masterOffsetFrames"] = r.alignment.offsetFrames;
        auto bands = nlohmann::ordered_json::object();
        const auto mix = r.mix.spectrum->thirdOctaveDb(), master = r.master.spectrum->thirdOctaveDb();
        for (int i = 0; i < thirdOctave::count; ++i)
        {
            bands["centresHz"].push_back (std::round (thirdOctave::centreHz (i) * 10) / 10);
            bands["mixDbfs"].push_back (rounded (mix[(size_t) i]));
            bands["masterDbfs"].push_back (rounded (master[(size_t) i]));
        }
        j["thirdOctave"] = bands;
        j["excerpt"] = { { "startSeconds", rounded (r.excerpt.startSeconds) }, { "seconds", rounded (r.excerpt.seconds) } };
        j["modules"] = nullptr;   // not known: the master has no report from Crest
        if (r.modules)
        {
            j["modules"] = nlohmann::ordered_json::array();
            for (const auto& m : *r.modules)
                for (const auto& g : m.reduction)
                    j["modules"].push_back ({ { "module", m.name }, { "part", g.label }, { "deepestDb", rounded (g.deepestDb) },
                                              { "averageDb", rounded (g.averageDb) }, { "activeShare", std::round (g.activeShare * 1000) / 1000 } });
        }
        // "</" cannot end the block early: JSON allows "<\/".
        auto text = j.dump (1);
        for (size_t at = text.find ("</"); at != std::string::npos; at = text.find ("</", at + 3))
            text.replace (at, 2, "<\\/");
        return text;
    }

    const char* style = R"(
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #111; max-width: 760px; margin: 24px auto; padding: 0 16px; line-height: 1.4; }
h1 { font-size: 22px; margin-bottom: 4px; }
h2 { font-size: 16px; margin: 22px 0 6px; border-bottom: 1px solid #ccc; padding-bottom: 2px; }
p.files, p.note { color: #444; font-size: 12px; }
table { border-collapse: collapse; font-size: 13px; }
th, td { padding: 3px 10px; border-bottom: 1px solid #e4e4e4; text-align: right; }
th { text-align: left; font-weight: normal; }
thead th { font-weight: bold; text-align: right; }
td.mix { color: #4a6fa5; } td.master { color: #c2610f; } td.unit { color: #666; text-align: left; }
.listen div { margin: 6px 0; display: flex; align-items: center; gap: 12px; } .listen span { width: 240px; }
.printonly { display: none; }
section { page-break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } .listen div { display: none; } .printonly { display: block; } }
)";
} // namespace

std::string changeReportHtml (const ChangeReport& r)
{
    std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>What mastering changed: "
                       + escapeXml (r.masterName) + "</title>\n<style>" + style + "</style>\n</head>\n<body>\n";
    html += "<h1>What mastering changed</h1>\n<p class=\"files\">Mix: <b>" + escapeXml (r.mixName) + "</b> &middot; Master: <b>"
            + escapeXml (r.masterName) + "</b>" + (r.chainName.empty() ? "" : " (chain: " + escapeXml (r.chainName) + ")") + "<br>Measured "
            + escapeXml (r.dateUtc) + " by Crest " + CREST_VERSION + " (loudness: ITU-R BS.1770-4 / EBU R 128)</p>\n";

    html += "<section><h2>The figures</h2>\n" + figuresTable (r);
    if (std::isfinite (r.matchGainDb))
        html += "<p>Loudness-matched, the master plays <b>" + fixed (std::abs (r.matchGainDb), 1) + " dB " + (r.matchGainDb <= 0 ? "down" : "up")
                + "</b> to meet the mix: what is left is what mastering did beyond level. Bands are relative to each programme's RMS; width is "
                  "the side's energy over the mid's.</p>\n";
    html += "</section>\n";

    html += "<section><h2>Tone</h2>\n" + spectraPlot (r) + differencePlot (r)
            + "<p class=\"note\">Long-term average spectra (Welch, Hann windows), in 1/3-octave bands, each relative to its own integrated "
              "loudness, so a louder master does not read as brighter.</p></section>\n";

    html += "<section><h2>Loudness over time</h2>\n" + loudnessPlot (r)
            + "<p class=\"note\">Short-term loudness (3 s windows) every half second. A master that is louder but flatter shows as a higher, "
              "narrower band: its loudness range is " + fixed (r.master.loudness.loudnessRangeLu, 1) + " LU against the mix's "
            + fixed (r.mix.loudness.loudnessRangeLu, 1) + " LU.</p></section>\n";

    html += "<section><h2>What the chain did</h2>\n" + modulesSection (r) + "</section>\n";

    html += "<section class=\"listen\"><h2>Hear it</h2>\n<p>" + fixed (r.excerpt.seconds, 0) + " s from " + clock (r.excerpt.startSeconds)
            + ", where mastering changed the most. The master plays at the mix's loudness.";
    if (r.alignment.offsetFrames != 0)
        html += " The master was " + std::to_string (std::abs (r.alignment.offsetFrames)) + " samples " + (r.alignment.offsetFrames > 0 ? "late" : "early")
                + " against the mix and is aligned.";
    html += "</p>\n<p class=\"printonly\">Open the HTML file to play the mix, the master and their difference.</p>\n";
    for (const auto& [label, bytes] : { std::pair<const char*, const std::string*> { "Mix", &r.excerpt.mixMp3 },
                                        { "Master (loudness-matched)", &r.excerpt.masterMp3 },
                                        { "Difference (what mastering added)", &r.excerpt.differenceMp3 } })
        html += "<div><span>" + std::string (label) + "</span><audio controls preload=\"none\" src=\"" + dataUri (*bytes) + "\"></audio></div>\n";
    html += "</section>\n";

    html += "<script type=\"application/json\" id=\"crest-report-data\">\n" + dataBlock (r) + "\n</script>\n</body>\n</html>\n";
    return html;
}

void writeChangeReport (const ChangeReport& report, const std::filesystem::path& file)
{
    saveTextAtomically (file, changeReportHtml (report));
}
} // namespace crest
