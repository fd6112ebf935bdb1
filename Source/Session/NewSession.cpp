#include "NewSession.h"

#include "Core/ParameterSpec.h"

namespace crest
{
void addDefaultReturns (SessionDocument& session)
{
    BusDocument reverb;
    reverb.id = "reverb";
    reverb.name = "Reverb";
    reverb.strip.set ("reverb.enabled", 1);
    reverb.strip.set ("reverb.mix", 100);
    reverb.strip.set ("reverb.decaySeconds", 1.8);

    BusDocument delay;
    delay.id = "delay";
    delay.name = "Delay";
    delay.strip.set ("delay.enabled", 1);
    delay.strip.set ("delay.mix", 100);
    delay.strip.set ("delay.noteValue", 4);   // an eighth at the session's tempo
    delay.strip.set ("delay.highPassHz", 150);
    delay.strip.set ("delay.lowPassHz", 6000);

    for (const auto* bus : { &reverb, &delay })
    {
        session.buses.push_back (*bus);
        for (auto& track : session.tracks)
            track.sends.push_back ({ bus->id, params::sendLevelDb.defaultValue, 0.0, false });
    }
}
} // namespace crest
