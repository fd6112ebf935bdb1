// The streaming-normalisation preview: on three test albums (quiet, loud,
// mixed), each service's gains equal its documented rule, worked out by
// hand here (docs/streaming-preview.md gives the rules and their sources).
#include "Mastering/StreamingPreview.h"

#include <catch2/catch.hpp>

#include <map>
#include <string>

using namespace crest;

namespace
{
struct TestAlbum
{
    std::vector<TrackLoudness> tracks;
    double integrated;
};

const std::map<std::string, TestAlbum>& albums()
{
    static const std::map<std::string, TestAlbum> list {
        { "quiet", { { { -20, -5 }, { -22, -3 }, { -18, -8 } }, -19.8 } },
        { "loud", { { { -8, -0.2 }, { -9, -0.5 }, { -7.5, -0.1 } }, -8.1 } },
        { "mixed", { { { -10, -0.5 }, { -20, -6 }, { -14, -2 } }, -12.5 } },
    };
    return list;
}

void check (const std::string& service, bool albumMode, const std::map<std::string, std::vector<double>>& expected)
{
    const auto preset = findTargetPreset (service);
    REQUIRE (preset.has_value());
    REQUIRE (preset->playback.has_value());
    for (const auto& [name, gains] : expected)
    {
        INFO (service << (albumMode ? " album mode, " : " track mode, ") << name << " album");
        const auto& album = albums().at (name);
        const auto got = playbackGainsDb (*preset->playback, albumMode, album.tracks, album.integrated);
        REQUIRE (got.size() == gains.size());
        for (size_t i = 0; i < gains.size(); ++i)
            CHECK (got[i] == Approx (gains[i]).margin (1e-9));
    }
}
} // namespace

TEST_CASE ("Spotify: album mode from the loudest track, turned up no further than -1 dBTP", "[streaming]")
{
    // Quiet: the loudest track (-18) wants +4, the album's peak (-3 dBTP) allows +2.
    check ("spotify", true, { { "quiet", { 2, 2, 2 } }, { "loud", { -6.5, -6.5, -6.5 } }, { "mixed", { -4, -4, -4 } } });
    // Track by track (shuffle, playlists): each to -14, up only to -1 dBTP.
    check ("spotify", false, { { "quiet", { 4, 2, 4 } }, { "loud", { -6, -5, -6.5 } }, { "mixed", { -4, 5, 0 } } });
    CHECK (findTargetPreset ("spotify")->playback->official);
}

TEST_CASE ("Apple Music: album mode from the album's loudness, at -16, turned up to 0 dBTP at most", "[streaming]")
{
    check ("apple", true, { { "quiet", { 3, 3, 3 } }, { "loud", { -7.9, -7.9, -7.9 } }, { "mixed", { -3.5, -3.5, -3.5 } } });
    CHECK_FALSE (findTargetPreset ("apple")->playback->official);
}

TEST_CASE ("YouTube and Amazon Music: each track turned down to -14, never up", "[streaming]")
{
    for (const auto* service : { "youtube", "amazon" })
        check (service, false, { { "quiet", { 0, 0, 0 } }, { "loud", { -6, -5, -6.5 } }, { "mixed", { -4, 0, 0 } } });
}

TEST_CASE ("TIDAL: album mode from the loudest track, never up", "[streaming]")
{
    check ("tidal", true, { { "quiet", { 0, 0, 0 } }, { "loud", { -6.5, -6.5, -6.5 } }, { "mixed", { -4, -4, -4 } } });
}

TEST_CASE ("Deezer: each track turned down to -15, never up", "[streaming]")
{
    check ("deezer", false, { { "quiet", { 0, 0, 0 } }, { "loud", { -7, -6, -7.5 } }, { "mixed", { -5, 0, -1 } } });
}

TEST_CASE ("every streaming preset says how it plays back, and where that comes from", "[streaming]")
{
    for (const auto* service : { "spotify", "apple", "youtube", "amazon", "tidal", "deezer" })
    {
        INFO (service);
        const auto preset = findTargetPreset (service);
        REQUIRE (preset->playback.has_value());
        CHECK (preset->playback->source.size() > 40);
    }
    CHECK_FALSE (findTargetPreset ("cd")->playback.has_value());
}
