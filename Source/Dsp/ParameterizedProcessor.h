// A Processor whose parameters are a fixed list of ParameterSpecs, held as
// atomics: setParameter() clamps to the declared range and may be called
// from any thread; the audio thread reads them with parameter(). Every
// module of the strip and the master derives from this, so ranges and
// defaults are declared once, in the module's spec table.
#pragma once

#include "Processor.h"

#include <atomic>
#include <memory>

namespace crest
{
class ParameterizedProcessor : public Processor
{
public:
    // `specs` must outlive the processor (a static table).
    explicit ParameterizedProcessor (std::span<const ParameterSpec> specs)
        : specList (specs), values (std::make_unique<std::atomic<double>[]> (specs.size()))
    {
        for (size_t i = 0; i < specs.size(); ++i)
            values[i].store (specs[i].defaultValue, std::memory_order_relaxed);
    }

    std::span<const ParameterSpec> parameterSpecs() const noexcept override { return specList; }

    void setParameter (size_t index, double value) noexcept override
    {
        if (index < specList.size())
            values[index].store (specList[index].clamp (value), std::memory_order_relaxed);
    }

    double parameter (size_t index) const noexcept { return values[index].load (std::memory_order_relaxed); }

private:
    std::span<const ParameterSpec> specList;
    std::unique_ptr<std::atomic<double>[]> values;
};
} // namespace crest
