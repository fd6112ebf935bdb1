#include "VinylPreflight.h"

#include "Core/ClockText.h"
#include "Core/CrestError.h"
#include "IO/AudioFileReader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace crest
{
namespace
{
    // Flagged blocks closer than this are one warning.
    constexpr int64_t mergeBlocks = 10;
    // Channels quieter than this have no phase worth reading.
    constexpr double silentEnergyPerSample = 1e-7;   // -70 dBFS

    double energyDb (double energyPerSample) { return energyPerSample > 0 ? 10.0 * std::log10 (energyPerSample) : -200.0; }

    // Fourth-order Butterworth as two sections.
    void butterworth (BiquadCoefficients (&out)[2], FilterShape shape, double hz, double rate)
    {
        out[0] = designMatched ({ shape, hz, 0.5411961001461971, 0 }, rate);
        out[1] = designMatched ({ shape, hz, 1.3065629648763766, 0 }, rate);
    }

    std::string clock (double seconds) { return clockText (seconds, 2); }

    std::string twoDecimals (double v)
    {
        char text[32];
        std::snprintf (text, sizeof (text), "%.2f", v);
        return text;
    }

    std::string decibels (double v, const char* unit)
    {
        char text[32];
        std::snprintf (text, sizeof (text), "%.1f %s", v, unit);
        return text;
    }
} // namespace

double VinylFormat::recommendedSideSeconds() const noexcept
{
    // Pressing plants' recommended lengths at a standard level (100vinyl,
    // GZ Media; docs/vinyl-preflight.md).
    const bool fast = rpm >= 45;
    if (diameterInches <= 7)
        return fast ? 5 * 60 : 7 * 60;
    if (diameterInches <= 10)
        return fast ? 10 * 60 : 13.5 * 60;
    return fast ? 14.5 * 60 : 19.5 * 60;
}

std::string VinylFormat::name() const
{
    const char* kind = diameterInches <= 7 ? "7-inch single" : diameterInches <= 10 ? "10-inch" : "12-inch";
    return std::string (kind) + " at " + (rpm >= 45 ? "45" : "33 1/3") + " rpm";
}

int VinylPreflightReport::count (VinylWarning::Kind kind) const noexcept
{
    return (int) std::count_if (warnings.begin(), warnings.end(), [kind] (const VinylWarning& w) { return w.kind == kind; });
}

std::string vinylWarningName (VinylWarning::Kind kind)
{
    switch (kind)
    {
        case VinylWarning::Kind::stereoBass: return "stereo bass";
        case VinylWarning::Kind::sibilance: return "sibilance";
        case VinylWarning::Kind::phase: return "phase";
        case VinylWarning::Kind::sideLength: return "side length";
    }
    return "";
}

VinylPreflightMeter::VinylPreflightMeter (int channels, double rate, const VinylPreflightSettings& settings)
{
    if (channels < 1 || channels > 2)
        throw CrestError ("a vinyl preflight reads mono or stereo programmes, not " + std::to_string (channels) + " channels");
    loudness = std::make_unique<LoudnessMeter> (channels, rate);
    butterworth (lowPass, FilterShape::lowPass, settings.sideBassCutoffHz, rate);
    butterworth (highPassSibilance, FilterShape::highPass, 5000, rate);
    butterworth (lowPassSibilance, FilterShape::lowPass, std::min (10000.0, rate * 0.45), rate);
    tracker.settings = settings;
    tracker.channels = channels;
    tracker.rate = rate;
    tracker.blockFrames = std::max<int64_t> (1, (int64_t) std::llround (blockSeconds * rate));
}

VinylPreflightMeter::~VinylPreflightMeter() = default;

void VinylPreflightMeter::add (const float* interleaved, int64_t count)
{
    loudness->add (interleaved, count);
    auto& t = tracker;
    const int channels = t.channels;
    for (int64_t i = 0; i < count; ++i)
    {
        const float* frame = interleaved + i * channels;
        const float left = frame[0], right = channels == 2 ? frame[1] : frame[0];
        float mid = 0.5f * (left + right), side = 0.5f * (left - right);
        for (int s = 0; s < 2; ++s)
        {
            mid = midLow[s].process (mid, lowPass[s]);
            side = sideLow[s].process (side, lowPass[s]);
        }
        t.midLowEnergy += (double) mid * mid;
        t.sideLowEnergy += (double) side * side;
        for (int ch = 0; ch < channels; ++ch)
        {
            float x = frame[ch];
            x = sibilance[ch][0].process (x, highPassSibilance[0]);
            x = sibilance[ch][1].process (x, highPassSibilance[1]);
            x = sibilance[ch][2].process (x, lowPassSibilance[0]);
            x = sibilance[ch][3].process (x, lowPassSibilance[1]);
            t.sibilanceEnergy += (double) x * x;
        }
        t.leftRight += (double) left * right;
        t.leftEnergy += (double) left * left;
        t.rightEnergy += (double) right * right;
        ++frames;
        if (++t.inBlock == t.blockFrames)
            t.endBlock();
    }
}

void VinylPreflightMeter::Tracker::endBlock()
{
    const double n = (double) inBlock;
    const double sideLowDb = energyDb (sideLowEnergy / n), midLowDb = energyDb (midLowEnergy / n);
    flag (VinylWarning::Kind::stereoBass,
          channels == 2 && sideLowDb > settings.sideBassLimitDbfs && sideLowDb - midLowDb > settings.sideBassOverMidDb, sideLowDb);
    const double sibilanceDb = energyDb (sibilanceEnergy / (n * channels));
    flag (VinylWarning::Kind::sibilance, sibilanceDb > settings.sibilanceLimitDbfs, sibilanceDb);
    const bool heard = leftEnergy / n > silentEnergyPerSample && rightEnergy / n > silentEnergyPerSample;
    const double correlation = heard ? leftRight / std::sqrt (leftEnergy * rightEnergy) : 1.0;
    flag (VinylWarning::Kind::phase, channels == 2 && correlation < settings.correlationLimit, -correlation);
    midLowEnergy = sideLowEnergy = sibilanceEnergy = leftRight = leftEnergy = rightEnergy = 0;
    inBlock = 0;
    ++blocks;
}

void VinylPreflightMeter::Tracker::flag (VinylWarning::Kind kind, bool on, double value)
{
    auto& o = open[(size_t) kind];
    if (o.active && blocks - o.lastBlock > mergeBlocks)
        close (kind);
    if (! on)
        return;
    if (! o.active)
    {
        o = { true, blocks, blocks, value };
        return;
    }
    o.lastBlock = blocks;
    o.worst = std::max (o.worst, value);
}

void VinylPreflightMeter::Tracker::close (VinylWarning::Kind kind)
{
    auto& o = open[(size_t) kind];
    if (! o.active)
        return;
    VinylWarning w;
    w.kind = kind;
    w.startSeconds = (double) o.startBlock * blockFrames / rate;
    w.endSeconds = (double) (o.lastBlock + 1) * blockFrames / rate;
    const auto span = "from " + clock (w.startSeconds) + " to " + clock (w.endSeconds) + ": ";
    switch (kind)
    {
        case VinylWarning::Kind::stereoBass:
            w.worst = o.worst;
            w.message = span + "the side below " + std::to_string ((int) std::lround (settings.sideBassCutoffHz)) + " Hz" + " reaches " + decibels (o.worst, "dBFS")
                        + "; put the bass in mono (the width module's Mono below)";
            break;
        case VinylWarning::Kind::sibilance:
            w.worst = o.worst;
            w.message = span + "5-10 kHz reaches " + decibels (o.worst, "dBFS") + "; de-ess or soften the top";
            break;
        case VinylWarning::Kind::phase:
            w.worst = -o.worst;
            w.message = span + "the channels are out of phase (correlation down to " + twoDecimals (-o.worst)
                        + "); check polarity and wide effects";
            break;
        case VinylWarning::Kind::sideLength: break;
    }
    closed.push_back (w);
    o.active = false;
}

VinylPreflightReport VinylPreflightMeter::report() const
{
    // Close what is open on a copy, so the meter can go on being fed.
    auto copy = tracker;
    if (copy.inBlock > 0)
        copy.endBlock();
    for (int k = 0; k < 3; ++k)
        copy.close ((VinylWarning::Kind) k);
    const auto& settings = tracker.settings;
    VinylPreflightReport r;
    r.settings = settings;
    r.sideSeconds = (double) frames / tracker.rate;
    r.integratedLufs = loudness->reading().integratedLufs;
    const bool loud = std::isfinite (r.integratedLufs) && r.integratedLufs > settings.loudLufs;
    r.allowedSideSeconds = settings.format.recommendedSideSeconds() * (loud ? settings.loudSideShare : 1.0);
    r.warnings = copy.closed;
    std::sort (r.warnings.begin(), r.warnings.end(), [] (const VinylWarning& a, const VinylWarning& b) {
        return a.startSeconds != b.startSeconds ? a.startSeconds < b.startSeconds : a.kind < b.kind;
    });
    if (r.sideSeconds > r.allowedSideSeconds)
    {
        VinylWarning w { VinylWarning::Kind::sideLength, 0, r.sideSeconds, r.sideSeconds, {} };
        w.message = "the side runs " + clock (r.sideSeconds) + ", longer than the " + clock (r.allowedSideSeconds) + " a " + settings.format.name()
                    + (loud ? " takes at " + decibels (r.integratedLufs, "LUFS") + " (a loud cut)" : " takes at a standard level")
                    + "; it will be cut quieter: shorten the side or lower the level";
        r.warnings.insert (r.warnings.begin(), w);
    }
    return r;
}

VinylPreflightReport preflightVinylFile (const std::filesystem::path& file, const VinylPreflightSettings& settings,
                                         const std::function<void (double)>& progress)
{
    AudioFileReader reader (file);
    const auto info = reader.info();
    std::unique_ptr<VinylPreflightMeter> meter;
    try
    {
        meter = std::make_unique<VinylPreflightMeter> (info.channels, info.sampleRate, settings);
    }
    catch (const CrestError& e)
    {
        throw CrestError (file, e.what());
    }
    constexpr int64_t block = 16384;
    std::vector<float> buffer ((size_t) (block * info.channels));
    for (int64_t done = 0; done < info.frames;)
    {
        const auto n = std::min (block, info.frames - done);
        reader.readInterleaved (buffer.data(), n);
        meter->add (buffer.data(), n);
        done += n;
        if (progress)
            progress ((double) done / (double) info.frames);
    }
    return meter->report();
}

std::string describeVinylPreflight (const VinylPreflightReport& report)
{
    std::string text = "Vinyl preflight (" + report.settings.format.name() + "): side " + clock (report.sideSeconds) + ", "
                       + (std::isfinite (report.integratedLufs) ? decibels (report.integratedLufs, "LUFS") : std::string ("silent")) + "; ";
    if (report.warnings.empty())
        return text + "nothing to warn of\n";
    text += std::to_string (report.warnings.size()) + (report.warnings.size() == 1 ? " warning\n" : " warnings\n");
    for (const auto& w : report.warnings)
        text += "  " + vinylWarningName (w.kind) + " " + w.message + "\n";
    return text;
}
} // namespace crest
