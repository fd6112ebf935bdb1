// `crest report`: the "what mastering changed" page made from the demo's
// mix and master carries the numbers crest analyze and crest ab give for
// the same files (parsed out of the HTML: the visible table and the data
// block); it holds both spectra, both loudness curves, what the chain did
// (from the report crest master wrote beside the master) and three MP3
// excerpts; a session gives crest ab's session figures; bad input and
// existing files are refused by name.
#include "Helpers/CliRunner.h"
#include "Helpers/TestFiles.h"

#include <catch2/catch.hpp>
#include <juce_core/juce_core.h>
#include <nlohmann/json.hpp>

#include <regex>

using namespace crest::test;

namespace
{
nlohmann::json dataBlock (const std::string& html)
{
    const std::string open = "<script type=\"application/json\" id=\"crest-report-data\">";
    const auto from = html.find (open);
    REQUIRE (from != std::string::npos);
    const auto to = html.find ("</script>", from);
    return nlohmann::json::parse (html.substr (from + open.size(), to - from - open.size()));
}

// The visible table's cell for a figure: "mix", "master" or "change".
std::string cell (const std::string& page, const std::string& figure, const std::string& column)
{
    // As the page writes the name (HTML-escaped), then as a regular expression.
    const auto html = std::regex_replace (std::regex_replace (figure, std::regex ("<"), "&lt;"), std::regex (">"), "&gt;");
    const std::regex row ("<tr data-figure=\"" + std::regex_replace (html, std::regex (R"([()/.+*?])"), R"(\$&)")
                          + "\">.*?<td class=\"" + column + "\">([^<]*)</td>");
    std::smatch m;
    REQUIRE (std::regex_search (page, m, row));
    return m[1];
}

nlohmann::json figureOf (const nlohmann::json& figures, const std::string& name)
{
    for (const auto& f : figures)
        if (f["name"] == name)
            return f;
    FAIL ("no figure " << name);
    return {};
}

std::string oneDecimal (double v)
{
    char text[32];
    std::snprintf (text, sizeof (text), "%.1f", v);
    return text;
}

struct Demo
{
    TempFolder dir;
    std::filesystem::path session = dir / "demo" / "demo.crest", mix = dir / "mix.wav", master = dir / "master.wav";
    Demo()
    {
        REQUIRE (runCrest ("demo " + (dir / "demo").string()).exitCode == 0);
        REQUIRE (runCrest ("render " + session.string() + " --pre-master --bits 32f -o " + mix.string()).exitCode == 0);
        REQUIRE (runCrest ("master " + mix.string() + " -o " + master.string() + " --target spotify --chain loud --bits 32f").exitCode == 0);
    }
};

Demo& demo()
{
    static Demo d;
    return d;
}
} // namespace

TEST_CASE ("the report of the demo's mix and master carries crest analyze's and crest ab's numbers", "[cli][report]")
{
    auto& d = demo();
    const auto out = d.dir / "report.html";
    const auto run = runCrest ("report " + d.mix.string() + " " + d.master.string() + " -o " + out.string());
    INFO (run.output);
    REQUIRE (run.exitCode == 0);
    const auto html = readBytes (out);
    const auto data = dataBlock (html);
    const auto ab = nlohmann::json::parse (runCrest ("ab --json " + d.mix.string() + " " + d.master.string(), true).output);
    const auto analyzed = nlohmann::json::parse (runCrest ("analyze --json " + d.mix.string() + " " + d.master.string(), true).output);

    // Every figure of crest ab, to the hundredth, and in the table as shown.
    REQUIRE (data["figures"].size() == ab["figures"].size());
    for (const auto& f : ab["figures"])
    {
        const std::string name = f["name"];
        INFO (name);
        CHECK (figureOf (data["figures"], name) == f);
        if (f["mix"].is_number())
        {
            const int decimals = name == "correlation" ? 2 : 1;
            char mixText[32], masterText[32];
            std::snprintf (mixText, sizeof (mixText), "%.*f", decimals, f["mix"].get<double>());
            std::snprintf (masterText, sizeof (masterText), "%.*f", decimals, f["master"].get<double>());
            // The table rounds the unrounded figure; the JSON's hundredths can differ by one in the last place.
            CHECK (std::abs (std::stod (cell (html, name, "mix")) - std::stod (mixText)) <= 0.1001);
            CHECK (std::abs (std::stod (cell (html, name, "master")) - std::stod (masterText)) <= 0.1001);
        }
    }
    CHECK (data["loudnessMatchDb"] == ab["loudnessMatchDb"]);
    // And crest analyze's own figures for each file.
    for (const auto& [which, index] : { std::pair { "mix", 0 }, std::pair { "master", 1 } })
    {
        INFO (which);
        CHECK (figureOf (data["figures"], "integrated")[which].get<double>() == Approx (analyzed[index]["integratedLufs"].get<double>()).margin (0.005));
        CHECK (figureOf (data["figures"], "true peak")[which].get<double>() == Approx (analyzed[index]["truePeakDbtp"].get<double>()).margin (0.005));
        CHECK (figureOf (data["figures"], "loudness range")[which].get<double>()
               == Approx (analyzed[index]["loudnessRangeLu"].get<double>()).margin (0.005));
        CHECK (figureOf (data["figures"], "max short-term")[which].get<double>()
               == Approx (analyzed[index]["maxShortTermLufs"].get<double>()).margin (0.005));
    }
    CHECK (cell (html, "integrated", "mix") == oneDecimal (analyzed[0]["integratedLufs"].get<double>()));

    // The plots: two spectra and a difference, two loudness curves.
    // (Plain searches: std::regex recurses per character, too deep for a page of this size.)
    const auto firstSvg = html.find ("<svg "), firstEnd = html.find ("</svg>");
    REQUIRE (firstSvg != std::string::npos);
    const auto spectra = html.substr (firstSvg, firstEnd - firstSvg);
    CHECK (spectra.find (">Mix<") != std::string::npos);
    CHECK (spectra.find (">Master<") != std::string::npos);
    int svgs = 0;
    for (auto at = html.find ("<svg "); at != std::string::npos; at = html.find ("<svg ", at + 1))
        ++svgs;
    CHECK (svgs == 3);
    CHECK (data["thirdOctave"]["centresHz"].size() == 31);
    // What the chain did, from the report crest master wrote beside the master.
    REQUIRE (data["modules"].is_array());
    CHECK (! data["modules"].empty());
    CHECK (html.find ("Multiband") != std::string::npos);
    // Three excerpts, each an MP3 of about ten seconds.
    const std::string audio = "src=\"data:audio/mpeg;base64,";
    int excerpts = 0;
    for (auto at = html.find (audio); at != std::string::npos; at = html.find (audio, at + 1), ++excerpts)
    {
        const auto from = at + audio.size();
        juce::MemoryOutputStream bytes;
        REQUIRE (juce::Base64::convertFromBase64 (bytes, juce::String (html.substr (from, html.find ('"', from) - from))));
        const auto file = d.dir / ("excerpt" + std::to_string (excerpts) + ".mp3");
        writeBytes (file, std::string ((const char*) bytes.getData(), bytes.getDataSize()));
        const auto decoded = readAudio (file);
        CHECK (decoded.frames() / decoded.sampleRate == Approx (10.0).margin (0.2));
    }
    CHECK (excerpts == 3);
    CHECK (data["excerpt"]["seconds"].get<double>() == Approx (10.0));
    // Prints well: a print style that hides the players.
    CHECK (html.find ("@media print") != std::string::npos);
}

TEST_CASE ("the report of a session carries crest ab's session figures and what its chain did", "[cli][report]")
{
    auto& d = demo();
    const auto out = d.dir / "session-report.html";
    const auto run = runCrest ("report " + d.session.string() + " -o " + out.string());
    INFO (run.output);
    REQUIRE (run.exitCode == 0);
    const auto data = dataBlock (readBytes (out));
    const auto ab = nlohmann::json::parse (runCrest ("ab --json " + d.session.string(), true).output);
    for (const auto& f : ab["figures"])
        CHECK (figureOf (data["figures"], f["name"]) == f);
    CHECK (data["modules"].is_array());
}

TEST_CASE ("crest report refuses what it cannot compare or would overwrite, naming it", "[cli][report][badinput]")
{
    auto& d = demo();
    writeAudio (d.dir / "other-rate.wav", 2, 44100, 44100 * 4, [] (int64_t n, int) { return (float) (0.1 * std::sin (n * 0.01)); });
    const auto rate = runCrest ("report " + d.mix.string() + " " + (d.dir / "other-rate.wav").string() + " -o " + (d.dir / "x.html").string());
    CHECK (rate.exitCode == 1);
    CHECK_THAT (rate.output, Catch::Contains ("other-rate.wav") && Catch::Contains ("44100"));
    CHECK (! std::filesystem::exists (d.dir / "x.html"));

    writeBytes (d.dir / "kept.html", "<p>mine</p>");
    const auto kept = runCrest ("report " + d.mix.string() + " " + d.master.string() + " -o " + (d.dir / "kept.html").string());
    CHECK (kept.exitCode == 1);
    CHECK_THAT (kept.output, Catch::Contains ("kept.html"));
    CHECK (readBytes (d.dir / "kept.html") == "<p>mine</p>");
    // Not over an input, even with --force.
    const auto onto = runCrest ("report " + d.mix.string() + " " + d.master.string() + " -o " + d.master.string() + " --force");
    CHECK (onto.exitCode == 1);
    writeBytes (d.dir / "broken.wav", "RIFF....WAVEjunk");
    const auto broken = runCrest ("report " + d.mix.string() + " " + (d.dir / "broken.wav").string() + " -o " + (d.dir / "y.html").string());
    CHECK (broken.exitCode == 1);
    CHECK_THAT (broken.output, Catch::Contains ("broken.wav"));
}
