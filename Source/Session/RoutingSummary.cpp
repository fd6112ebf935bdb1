#include "RoutingSummary.h"

#include "Core/ParameterSpec.h"
#include "RoutingGraph.h"

#include <cstdio>

namespace crest
{
namespace
{
    std::string nameOf (const SessionDocument& session, const std::string& id)
    {
        for (size_t i = 0; i < session.tracks.size(); ++i)
            if (session.tracks[i].id == id)
                return describeChannel (session, { false, i });
        for (size_t i = 0; i < session.buses.size(); ++i)
            if (session.buses[i].id == id)
                return describeChannel (session, { true, i });
        return "'" + id + "'";
    }

    std::string busName (const SessionDocument& session, const std::string& id)
    {
        for (const auto& bus : session.buses)
            if (bus.id == id)
                return bus.name.empty() ? bus.id : bus.name;
        return id;
    }
} // namespace

std::vector<std::string> summarizeRouting (const SessionDocument& session, const ChannelDocument& channel)
{
    std::vector<std::string> lines;
    if (! channel.output.empty())
        lines.push_back ("out: " + nameOf (session, channel.output));
    if (! channel.sends.empty())
    {
        std::string line = "sends:";
        for (size_t i = 0; i < channel.sends.size(); ++i)
        {
            const auto& send = channel.sends[i];
            char level[64];
            if (send.levelDb <= params::sendLevelDb.minimum)
                std::snprintf (level, sizeof (level), "-inf");
            else
                std::snprintf (level, sizeof (level), "%+.1f dB", send.levelDb);
            line += (i == 0 ? " " : ", ") + busName (session, send.bus) + " " + level + (send.preFader ? " pre" : " post");
            if (send.pan != 0)
            {
                char pan[32];
                std::snprintf (pan, sizeof (pan), " pan %+.0f", send.pan);
                line += pan;
            }
        }
        lines.push_back (line);
    }
    if (! channel.sidechain.empty())
        lines.push_back ("compressor keyed by " + nameOf (session, channel.sidechain));
    if (! channel.automation.empty())
    {
        const char* modes[] = { "off", "read", "touch", "latch", "write" };
        std::string line = "automation:";
        for (size_t i = 0; i < channel.automation.size(); ++i)
        {
            const auto& lane = channel.automation[i];
            line += (i == 0 ? " " : ", ") + lane.parameter + " (" + modes[(int) lane.mode] + ", " + std::to_string (lane.points.size())
                    + (lane.points.size() == 1 ? " point)" : " points)");
        }
        lines.push_back (line);
    }
    return lines;
}
} // namespace crest
