#include "RoutingGraph.h"

#include <algorithm>
#include <map>
#include <optional>
#include <queue>
#include <set>

namespace crest
{
namespace
{
    // Nodes numbered tracks first, then buses.
    struct Graph
    {
        std::vector<NodeRef> nodes;
        std::map<std::string, size_t> byId;
        std::vector<std::vector<size_t>> feeds;   // node -> the nodes that must run after it
        std::string problem;
    };

    Graph graphOf (const SessionDocument& session)
    {
        Graph g;
        for (size_t i = 0; i < session.tracks.size(); ++i)
            g.nodes.push_back ({ false, i });
        for (size_t i = 0; i < session.buses.size(); ++i)
            g.nodes.push_back ({ true, i });
        g.feeds.resize (g.nodes.size());
        for (size_t n = 0; n < g.nodes.size(); ++n)
        {
            const auto& id = channelOf (session, g.nodes[n]).id;
            if (! g.byId.emplace (id, n).second && g.problem.empty())
                g.problem = describeChannel (session, g.nodes[n]) + " has the id \"" + id + "\", which is already used";
        }

        auto busNamed = [&] (const std::string& id) -> std::optional<size_t> {
            const auto found = g.byId.find (id);
            if (found == g.byId.end() || ! g.nodes[found->second].isBus)
                return std::nullopt;
            return found->second;
        };
        for (size_t n = 0; n < g.nodes.size() && g.problem.empty(); ++n)
        {
            const auto& channel = channelOf (session, g.nodes[n]);
            const auto who = describeChannel (session, g.nodes[n]);
            if (! channel.output.empty())
            {
                const auto target = busNamed (channel.output);
                if (! target)
                    g.problem = who + " outputs to \"" + channel.output + "\", which is not a bus in this session";
                else if (*target == n)
                    g.problem = who + " outputs to itself";
                else
                    g.feeds[n].push_back (*target);
            }
            std::set<std::string> sentTo;
            for (const auto& send : channel.sends)
            {
                if (! g.problem.empty())
                    break;
                const auto target = busNamed (send.bus);
                if (! target)
                    g.problem = who + " sends to \"" + send.bus + "\", which is not a bus in this session";
                else if (*target == n)
                    g.problem = who + " sends to itself";
                else if (! sentTo.insert (send.bus).second)
                    g.problem = who + " has two sends to " + describeChannel (session, g.nodes[*target]);
                else
                    g.feeds[n].push_back (*target);
            }
            if (! channel.sidechain.empty() && g.problem.empty())
            {
                const auto key = g.byId.find (channel.sidechain);
                if (key == g.byId.end())
                    g.problem = who + " has its compressor keyed by \"" + channel.sidechain + "\", which is not a track or bus in this session";
                else if (key->second == n)
                    g.problem = who + " has its compressor keyed by itself; leave the key empty for that";
                else
                    g.feeds[key->second].push_back (n);
            }
        }
        return g;
    }

    // Kahn's algorithm, always taking the lowest-numbered ready node, so
    // the order is the session's wherever the graph leaves a choice.
    std::vector<size_t> sorted (const Graph& g)
    {
        std::vector<int> pending (g.nodes.size(), 0);
        for (const auto& targets : g.feeds)
            for (auto t : targets)
                ++pending[t];
        std::priority_queue<size_t, std::vector<size_t>, std::greater<>> ready;
        for (size_t n = 0; n < g.nodes.size(); ++n)
            if (pending[n] == 0)
                ready.push (n);
        std::vector<size_t> order;
        while (! ready.empty())
        {
            const auto next = ready.top();
            ready.pop();
            order.push_back (next);
            for (auto t : g.feeds[next])
                if (--pending[t] == 0)
                    ready.push (t);
        }
        return order;   // shorter than the graph when the rest is a loop
    }

    // A loop among the nodes the sort could not place. Each of them waits
    // on an unplaced node, so walking from one to whatever it waits on
    // must come back to a node already on the walk: that stretch is a loop.
    std::string describeLoop (const SessionDocument& session, const Graph& g, const std::vector<size_t>& order)
    {
        std::vector<bool> placed (g.nodes.size(), false);
        for (auto n : order)
            placed[n] = true;
        std::vector<size_t> waitsOn (g.nodes.size(), g.nodes.size());
        for (size_t from = 0; from < g.nodes.size(); ++from)
            if (! placed[from])
                for (auto to : g.feeds[from])
                    waitsOn[to] = from;
        std::vector<int> onWalk (g.nodes.size(), -1);
        std::vector<size_t> walk { (size_t) (std::find (placed.begin(), placed.end(), false) - placed.begin()) };
        onWalk[walk[0]] = 0;
        for (;;)
        {
            const auto previous = waitsOn[walk.back()];
            if (onWalk[previous] >= 0)
            {
                // The walk runs against the signal: read it backwards.
                std::string text = "routing loop: " + describeChannel (session, g.nodes[previous]);
                for (auto i = walk.size(); i > (size_t) onWalk[previous]; --i)
                    text += " -> " + describeChannel (session, g.nodes[walk[i - 1]]);
                return text;
            }
            onWalk[previous] = (int) walk.size();
            walk.push_back (previous);
        }
    }
} // namespace

const ChannelDocument& channelOf (const SessionDocument& session, NodeRef node)
{
    if (node.isBus)
        return session.buses[node.index];
    return session.tracks[node.index];
}

std::string describeChannel (const SessionDocument& session, NodeRef node)
{
    const auto& channel = channelOf (session, node);
    return std::string (node.isBus ? "bus '" : "track '") + (channel.name.empty() ? channel.id : channel.name) + "'";
}

std::string routingProblem (const SessionDocument& session)
{
    const auto g = graphOf (session);
    if (! g.problem.empty())
        return g.problem;
    const auto order = sorted (g);
    if (order.size() < g.nodes.size())
        return describeLoop (session, g, order);
    return {};
}

std::vector<NodeRef> processingOrder (const SessionDocument& session)
{
    const auto g = graphOf (session);
    std::vector<NodeRef> order;
    for (auto n : sorted (g))
        order.push_back (g.nodes[n]);
    return order;
}
} // namespace crest
