#include "LinearPhaseEq.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace crest
{
namespace
{
    constexpr int partitionCount = 16;
} // namespace

LinearPhaseEq::LinearPhaseEq() : ParameterizedProcessor (moduleSpecs::masterEq()) {}

LinearPhaseEq::~LinearPhaseEq()
{
    {
        const std::lock_guard<std::mutex> lock (wake);
        quitting = true;
    }
    wakeUp.notify_one();
    if (worker.joinable())
        worker.join();
}

int LinearPhaseEq::filterLengthFor (double rate) noexcept
{
    // A third of a second resolves a bell at 30 Hz (its bandwidth is tens
    // of Hz) to a tenth of a dB; a power of two for the FFTs.
    int length = 1024;
    while (length < rate / 3.0)
        length *= 2;
    return length;
}

void LinearPhaseEq::setParameter (size_t index, double value) noexcept
{
    const double before = parameter (index);
    ParameterizedProcessor::setParameter (index, value);
    if (parameter (index) == before)
        return;
    {
        // Under the lock, so the designer cannot miss the wake-up between
        // its check and its wait. Never called on the audio thread.
        const std::lock_guard<std::mutex> lock (wake);
        requested.fetch_add (1);
    }
    wakeUp.notify_one();
}

bool LinearPhaseEq::settled() const noexcept
{
    return applied.load() == requested.load() && ready.load() < 0;
}

void LinearPhaseEq::prepare (const ProcessSpec& spec)
{
    if (worker.joinable())
    {
        {
            const std::lock_guard<std::mutex> lock (wake);
            quitting = true;
        }
        wakeUp.notify_one();
        worker.join();
        quitting = false;
    }
    sampleRate = spec.sampleRate;
    filterLength = filterLengthFor (sampleRate);
    partitions = partitionCount;
    chunk = filterLength / partitions;
    chunkFft = std::make_unique<RealFft> (2 * chunk);
    filterFft = std::make_unique<RealFft> (filterLength);
    for (auto& slot : slots)
        slot = std::make_unique<Design> (chunk, partitions);
    midConvolver = std::make_unique<PartitionedConvolver> (chunk, partitions);
    sideConvolver = std::make_unique<PartitionedConvolver> (chunk, partitions);
    for (auto* buffer : { &midIn, &sideIn, &midOut, &sideOut })
        buffer->assign ((size_t) chunk, 0.0f);

    designer.prepare ({ sampleRate, 1, 2 });
    const int bins = filterLength / 2 + 1;
    binHz.resize ((size_t) bins);
    for (int k = 0; k < bins; ++k)
        binHz[(size_t) k] = k * sampleRate / filterLength;
    midMagnitude.assign ((size_t) bins, 1.0);
    sideMagnitude.assign ((size_t) bins, 1.0);
    impulse = allocateReal ((size_t) filterLength);
    scratch = allocateReal ((size_t) std::max (filterLength, 2 * chunk));
    zeroPhase = allocateComplex ((size_t) bins);

    // The settings as they are now, designed before a sample is heard.
    const auto generation = requested.load();
    design (*slots[0]);
    current = 0;
    previous = -1;
    ready = -1;
    designed = applied = generation;
    designedGeneration[0] = generation;
    reset();
    worker = std::thread ([this] { designerLoop(); });
}

void LinearPhaseEq::reset() noexcept
{
    if (midConvolver == nullptr)
        return;
    midConvolver->reset();
    sideConvolver->reset();
    for (auto* buffer : { &midIn, &sideIn, &midOut, &sideOut })
        std::fill (buffer->begin(), buffer->end(), 0.0f);
    position = 0;
}

void LinearPhaseEq::design (Design& into)
{
    for (size_t i = 0; i < parameterSpecs().size(); ++i)
        designer.setParameter (i, parameter (i));
    designer.refreshTargets();
    designer.midMagnitudesAt (binHz, midMagnitude);
    designer.sideMagnitudesAt (binHz, sideMagnitude);

    const int n = filterLength;
    auto makeFilter = [&] (const std::vector<double>& magnitude, PartitionedFilter& filter) {
        // Zero phase: the magnitude as a real spectrum; its impulse is
        // symmetric about sample 0. Moved to the middle and windowed, it is
        // symmetric about n / 2: a linear phase of n / 2 samples.
        for (size_t k = 0; k < magnitude.size(); ++k)
            zeroPhase[k] = { (float) magnitude[k], 0.0f };
        filterFft->inverse (zeroPhase.get(), impulse.get());
        for (int i = 0; i < n; ++i)
        {
            const double hann = 0.5 - 0.5 * std::cos (2.0 * std::numbers::pi * i / n);
            scratch[(size_t) i] = (float) (impulse[(size_t) ((i + n / 2) % n)] * hann / n);
        }
        std::vector<float> taps (scratch.get(), scratch.get() + n);
        filter.setFilter (taps.data(), *chunkFft, scratch.get());
    };
    makeFilter (midMagnitude, into.mid);
    makeFilter (sideMagnitude, into.side);
}

void LinearPhaseEq::designerLoop()
{
    for (;;)
    {
        uint64_t generation = 0;
        {
            std::unique_lock<std::mutex> lock (wake);
            wakeUp.wait (lock, [this] { return quitting || requested.load() != designed.load(); });
            if (quitting)
                return;
            generation = requested.load();
        }
        // A slot the audio thread is not using and has not been offered.
        int free = 0;
        while (free == current.load() || free == previous.load() || free == ready.load())
            ++free;
        design (*slots[(size_t) free]);
        designedGeneration[(size_t) free].store (generation);
        ready.store (free);   // an offer not yet taken is simply replaced
        designed.store (generation);
    }
}

void LinearPhaseEq::processChunk() noexcept
{
    const int offered = ready.exchange (-1);
    const PartitionedFilter* fadeMid = nullptr;
    const PartitionedFilter* fadeSide = nullptr;
    if (offered >= 0)
    {
        previous.store (current.load());
        current.store (offered);
        fadeMid = &slots[(size_t) previous.load()]->mid;
        fadeSide = &slots[(size_t) previous.load()]->side;
    }
    const auto& design = *slots[(size_t) current.load()];
    midConvolver->processChunk (midIn.data(), midOut.data(), *chunkFft, design.mid, fadeMid);
    sideConvolver->processChunk (sideIn.data(), sideOut.data(), *chunkFft, design.side, fadeSide);
    if (offered >= 0)
    {
        previous.store (-1);
        applied.store (designedGeneration[(size_t) offered].load());
    }
}

void LinearPhaseEq::process (AudioView io) noexcept
{
    const bool stereo = io.numChannels >= 2;
    float* left = io.channels[0];
    float* right = stereo ? io.channels[1] : nullptr;
    for (int i = 0; i < io.numFrames; ++i)
    {
        const float l = left[i], r = stereo ? right[i] : l;
        midIn[(size_t) position] = 0.5f * (l + r);
        sideIn[(size_t) position] = 0.5f * (l - r);
        const float mid = midOut[(size_t) position], side = sideOut[(size_t) position];
        left[i] = mid + side;
        if (stereo)
            right[i] = mid - side;
        if (++position == chunk)
        {
            processChunk();
            position = 0;
        }
    }
}
} // namespace crest
