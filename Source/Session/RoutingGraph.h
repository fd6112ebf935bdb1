// The signal graph a session describes. Every track and bus is a node;
// a channel's output, each of its sends and its sidechain key are edges.
// A session is playable only if every edge names a bus (or, for a key, a
// track or bus) that exists and the edges make no loop: the session
// reader, the model's routing edits and the plan builder all ask here, so
// all refuse the same things with the same words. JUCE-free.
#pragma once

#include "SessionDocument.h"

#include <string>
#include <vector>

namespace crest
{
struct NodeRef
{
    bool isBus = false;
    size_t index = 0;   // into SessionDocument::tracks or ::buses

    bool operator== (const NodeRef&) const = default;
};

// "" when the routing is sound; else the first problem, naming the
// channels involved: an output, send or key to something that does not
// exist, a channel that sends to itself, or a loop ("routing loop:
// bus 'A' -> bus 'B' -> bus 'A'").
std::string routingProblem (const SessionDocument& session);

// Every node once, each after every node it depends on (the ones feeding
// it and the one keying its compressor). Ties keep the session's order:
// tracks first, then buses, as listed. Requires routingProblem() == "".
std::vector<NodeRef> processingOrder (const SessionDocument& session);

// How a message names a channel: track 'Kick', bus 'Drums'.
std::string describeChannel (const SessionDocument& session, NodeRef node);
const ChannelDocument& channelOf (const SessionDocument& session, NodeRef node);
} // namespace crest
