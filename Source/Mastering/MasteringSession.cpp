#include "MasteringSession.h"

#include "ChainPresets.h"

#include <cmath>

namespace crest
{
StemImport masteringSessionFrom (const std::vector<std::filesystem::path>& files, double sessionRate)
{
    auto result = sessionFromStems (files, sessionRate);
    auto& session = result.session;
    session.buses.clear();   // no reverb or delay to send to
    for (auto& track : session.tracks)
        track.sends.clear();
    session.panLaw = PanLaw::zeroDb;
    const auto gap = (int64_t) std::llround (masteringGapSeconds * session.sampleRate);
    int64_t start = 0;
    for (auto& track : session.tracks)
    {
        auto& clip = track.clips.front();
        clip.startSample = start;
        start += clip.lengthSamples + gap;
    }
    session.masterChain = defaultMasteringChain();
    return result;
}
} // namespace crest
