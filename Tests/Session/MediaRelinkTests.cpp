// Finding moved media by name: found in folders under the one picked, the
// shallowest copy preferred, names not there reported as still missing.
#include "Session/MediaRelink.h"

#include "Helpers/TestFiles.h"

#include <catch2/catch.hpp>

using namespace crest;
using namespace crest::test;
namespace fs = std::filesystem;

TEST_CASE ("MediaRelink: missing clip files are found by name under a folder", "[session][relink]")
{
    TempFolder dir;
    fs::create_directories (dir / "moved" / "deep" / "deeper");
    writeBytes (dir / "here.wav", "x");
    writeBytes (dir / "moved" / "deep" / "kick.wav", "x");
    writeBytes (dir / "moved" / "deep" / "deeper" / "kick.wav", "x");
    writeBytes (dir / "moved" / "snare.wav", "x");

    SessionDocument session;
    session.tracks.resize (2);
    session.tracks[0].clips.push_back ({ (dir / "old" / "kick.wav").string() });
    session.tracks[0].clips.push_back ({ (dir / "old" / "kick.wav").string() });   // twice: looked for once
    session.tracks[1].clips.push_back ({ (dir / "old" / "snare.wav").string() });
    session.tracks[1].clips.push_back ({ (dir / "here.wav").string() });
    session.tracks[1].clips.push_back ({ (dir / "old" / "gone.wav").string() });

    const auto missing = missingMediaFiles (session);
    REQUIRE (missing.size() == 3);
    CHECK (missing[0] == (dir / "old" / "kick.wav").string());

    const auto search = searchForMissingMedia (missing, dir / "moved");
    CHECK (search.found.at ((dir / "old" / "kick.wav").string()) == (dir / "moved" / "deep" / "kick.wav").string());
    CHECK (search.found.at ((dir / "old" / "snare.wav").string()) == (dir / "moved" / "snare.wav").string());
    REQUIRE (search.stillMissing.size() == 1);
    CHECK (search.stillMissing[0] == (dir / "old" / "gone.wav").string());
    CHECK_FALSE (search.stoppedEarly);

    const auto limited = searchForMissingMedia (missing, dir / "moved", 2);
    CHECK (limited.stoppedEarly);
    CHECK (searchForMissingMedia (missing, dir / "no such folder").found.empty());
}
