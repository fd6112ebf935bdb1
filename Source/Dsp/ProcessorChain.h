// An ordered list of processors run in place on one buffer: a track's
// inserts, a bus's effects, the master chain.
#pragma once

#include "Processor.h"

#include <memory>
#include <vector>

namespace crest
{
class ProcessorChain
{
public:
    void add (std::unique_ptr<Processor> processor) { processors.push_back (std::move (processor)); }

    void prepare (const ProcessSpec& spec)
    {
        for (auto& p : processors)
            p->prepare (spec);
    }

    void reset() noexcept
    {
        for (auto& p : processors)
            p->reset();
    }

    void process (AudioView io) noexcept
    {
        for (auto& p : processors)
            p->process (io);
    }

    int latencySamples() const noexcept
    {
        int total = 0;
        for (const auto& p : processors)
            total += p->latencySamples();
        return total;
    }

    bool empty() const noexcept { return processors.empty(); }
    size_t size() const noexcept { return processors.size(); }
    Processor& operator[] (size_t i) const noexcept { return *processors[i]; }

private:
    std::vector<std::unique_ptr<Processor>> processors;
};
} // namespace crest
