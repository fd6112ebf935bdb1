// A catalogue through `crest deliver`: twenty inputs delivered serially,
// with --jobs 2, and as one crest command per input under GNU parallel
// give byte-identical files; one corrupt input among them is reported by
// name and the other nineteen deliver; a session is delivered from its mix
// through its own chain; inputs that would collide are refused first.
#include "Helpers/CliRunner.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"

#include "Session/SessionFile.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <numbers>

using namespace crest;
using namespace crest::test;
namespace fs = std::filesystem;

namespace
{
// Twenty short "songs", each its own tone and beat; number 7 corrupt.
std::vector<fs::path> writeCatalogue (const TempFolder& dir)
{
    std::vector<fs::path> inputs;
    fs::create_directories (dir / "in");
    for (int i = 0; i < 20; ++i)
    {
        const auto file = dir / ("in/song" + std::to_string (i + 10) + ".wav");
        if (i == 7)
            writeBytes (file, "RIFF\x24\x00\x00\x00WAVEfmt not really");
        else
            writeAudio (file, 2, 44100, 3 * 44100, [i] (int64_t n, int ch) {
                const double t = (double) n / 44100;
                const double beat = std::exp (-std::fmod (t, 0.4 + 0.01 * i) * 10.0);
                return (float) ((0.2 + 0.01 * i) * beat * std::sin (2 * std::numbers::pi * (60 + 5 * i) * t)
                                + 0.04 * std::sin (2 * std::numbers::pi * (ch == 0 ? 700 + 13 * i : 800 + 11 * i) * t));
            });
        inputs.push_back (file);
    }
    return inputs;
}

std::string joined (const std::vector<fs::path>& files)
{
    std::string s;
    for (const auto& f : files)
        s += " " + shellQuote (f.string());
    return s;
}

// Every delivered file and report in `folder`, by name, as bytes.
std::map<std::string, std::string> contentsOf (const fs::path& folder)
{
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::directory_iterator (folder))
        if (entry.is_regular_file())
        {
            auto bytes = readBytes (entry.path());
            // A report names its folder; compare what it says about the audio.
            if (entry.path().string().ends_with (".report.json") || entry.path().string().ends_with (".report.txt"))
                for (size_t at; (at = bytes.find (folder.string())) != std::string::npos;)
                    bytes.replace (at, folder.string().size(), "<folder>");
            files[entry.path().filename().string()] = bytes;
        }
    return files;
}
} // namespace

TEST_CASE ("a catalogue of 20 delivers the same bytes serially, with --jobs 2 and under GNU parallel; a corrupt input is named", "[cli][deliver][batch]")
{
    TempFolder dir;
    const auto inputs = writeCatalogue (dir);
    const auto targets = " --targets spotify,cd";

    const auto serial = runCrest ("deliver" + joined (inputs) + targets + " -o " + shellQuote ((dir / "serial").string()));
    INFO (serial.output);
    CHECK (serial.exitCode == 1);   // one input failed
    CHECK_THAT (serial.output, Catch::Contains ("song17.wav") && Catch::Contains ("19 of 20 inputs delivered"));

    const auto two = runCrest ("deliver" + joined (inputs) + targets + " --jobs 2 -o " + shellQuote ((dir / "two").string()));
    CHECK (two.exitCode == 1);
    CHECK_THAT (two.output, Catch::Contains ("song17.wav") && Catch::Contains ("19 of 20 inputs delivered"));

    // One independent command per input, as a scheduler would run them.
    const auto crest = std::string (CREST_CLI_PATH);
    const auto parallel = "parallel --will-cite --jobs 2 " + shellQuote (crest) + " deliver {}" + targets + " -o "
                          + shellQuote ((dir / "parallel").string()) + " ::: " + joined (inputs) + " > " + shellQuote ((dir / "parallel.log").string())
                          + " 2>&1";
    const int status = std::system (parallel.c_str());
    CHECK (WEXITSTATUS (status) == 1);   // GNU parallel: the number of jobs that failed
    CHECK_THAT (readBytes (dir / "parallel.log"), Catch::Contains ("song17.wav"));

    const auto a = contentsOf (dir / "serial"), b = contentsOf (dir / "two"), c = contentsOf (dir / "parallel");
    CHECK (a.size() == 19 * 2 * 3);   // two targets, each a file and two reports
    CHECK (a.count ("song17-spotify.wav") == 0);
    REQUIRE (a.size() == b.size());
    REQUIRE (a.size() == c.size());
    for (const auto& [name, bytes] : a)
    {
        INFO (name);
        CHECK (b.at (name) == bytes);
        CHECK (c.at (name) == bytes);
    }
}

TEST_CASE ("a session in a batch is delivered from its mix through its own chain; colliding names are refused first", "[cli][deliver][batch]")
{
    TempFolder dir;
    writeAudio (dir / "stem.wav", 2, 48000, 4 * 48000, [] (int64_t n, int) { return (float) (0.2 * std::sin (2 * std::numbers::pi * 220 * (double) n / 48000)); });
    auto session = sessionOf ({ dir / "stem.wav" });
    session.masterChain.add ("limiter").set ("ceilingDb", -2.0);
    saveSessionFile (session, dir / "single.crest", SaveMode::createNew);
    const auto run = runCrest ("deliver " + shellQuote ((dir / "single.crest").string()) + " --targets spotify -o " + shellQuote ((dir / "out").string()));
    INFO (run.output);
    CHECK (run.exitCode == 0);
    CHECK (fs::exists (dir / "out" / "single-spotify.wav"));
    CHECK_FALSE (fs::exists (dir / "out" / (".crest-deliver-work-")));

    fs::create_directories (dir / "a");
    fs::create_directories (dir / "b");
    fs::copy_file (dir / "stem.wav", dir / "a" / "song.wav");
    fs::copy_file (dir / "stem.wav", dir / "b" / "song.wav");
    const auto clash = runCrest ("deliver " + shellQuote ((dir / "a/song.wav").string()) + " " + shellQuote ((dir / "b/song.wav").string())
                                 + " --targets spotify -o " + shellQuote ((dir / "clash").string()));
    CHECK (clash.exitCode == 1);
    CHECK_THAT (clash.output, Catch::Contains ("same name"));
    CHECK_FALSE (fs::exists (dir / "clash" / "song-spotify.wav"));
}

TEST_CASE ("an album in a batch is rendered as an album: CD files, CUE and DDP, and each track for streaming at the album's level", "[cli][deliver][batch][album]")
{
    TempFolder dir;
    std::vector<fs::path> songs;
    for (int i = 0; i < 2; ++i)
    {
        songs.push_back (dir / ("song" + std::to_string (i + 1) + ".wav"));
        writeAudio (songs.back(), 2, 44100, 5 * 44100, [i] (int64_t n, int) {
            return (float) ((0.1 + 0.1 * i) * std::sin (2 * std::numbers::pi * (220 + 110 * i) * (double) n / 44100));
        });
    }
    const auto album = dir / "record.crest-album";
    REQUIRE (runCrest ("album new " + shellQuote (album.string()) + joined (songs) + " --cd --title Record").exitCode == 0);
    const auto single = dir / "single.wav";
    fs::copy_file (songs[0], single);
    const auto run = runCrest ("deliver " + shellQuote (album.string()) + " " + shellQuote (single.string())
                               + " --targets cd,spotify --jobs 2 -o " + shellQuote ((dir / "out").string()));
    INFO (run.output);
    CHECK (run.exitCode == 0);
    const auto into = dir / "out" / "record";
    CHECK (fs::exists (into / "record.wav"));
    CHECK (fs::exists (into / "record.cue"));
    CHECK (fs::exists (into / "record-ddp" / "DDPID"));
    CHECK (fs::exists (into / "01 song1.wav"));
    CHECK (fs::exists (into / "record-streaming" / "01 song1-spotify.wav"));
    CHECK (fs::exists (into / "record-streaming" / "02 song2-spotify.wav.report.txt"));
    CHECK (fs::exists (dir / "out" / "single-spotify.wav"));   // the file beside it delivered as a file
    CHECK_THAT (run.output, Catch::Contains ("DDP 2.00 image read back"));
}
