#include "FileMastering.h"

#include "Analysis/FileAnalysis.h"
#include "Core/CrestError.h"
#include "Engine/MasterModuleFactory.h"
#include "IO/AudioFileReader.h"
#include "IO/AudioFileWriter.h"
#include "IO/FileSync.h"
#include "IO/OutputTarget.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace crest
{
namespace
{
    constexpr int blockFrames = 4096;
    constexpr int maxGainPasses = 8;
    constexpr double landedWithinLu = 0.05;

    struct PassResult
    {
        LoudnessReading reading {};
        double maxLimitingDb = 0;
        int latencySamples = 0;
        std::vector<ModuleActivity> activity;
    };

    // The chain as it will run: its last limiter (added when there is
    // none and a target needs one) set to the ceiling asked for.
    MasterChainDocument chainToRun (const MasterRequest& request, std::string& limiterId)
    {
        // A module that is off passes its input, only later; the output is
        // aligned anyway, so offline it is left out rather than run.
        auto chain = request.chain;
        std::erase_if (chain.modules, [] (const auto& m) { return ! m.enabled && m.kind != "limiter"; });
        const auto limiter = std::find_if (chain.modules.rbegin(), chain.modules.rend(), [] (const auto& m) { return m.kind == "limiter"; });
        if (limiter != chain.modules.rend())
            limiterId = limiter->id;
        else if (request.targetLufs)
            limiterId = chain.add ("limiter").id;
        // A target or a ceiling is reached through the limiter, so it is on
        // for them; without either, the chain runs as it is set (a limiter
        // switched off stays off, as the session plays it).
        for (auto& m : chain.modules)
            if (m.id == limiterId && (request.targetLufs || request.ceilingDbtp))
            {
                m.enabled = true;
                if (request.ceilingDbtp)
                    m.set ("ceilingDb", *request.ceilingDbtp);
            }
        return chain;
    }

    // One pass of the file through the chain at `gainDb` into the limiter:
    // metered, and written if `writer` is given. The chain runs in stereo
    // (a mono file as two equal channels, written back as one). Its
    // latency is taken off the front and flushed from the back, so the
    // output lines up with the input sample for sample.
    PassResult runPass (const std::filesystem::path& sourceFile, double sourceGainDb, int channels, MasterChainDocument chain,
                        const std::string& limiterId, double gainDb, AudioFileWriter* writer, const std::function<void (double)>& progress)
    {
        const auto sourceGain = (float) std::pow (10.0, sourceGainDb / 20.0);
        AudioFileReader reader (sourceFile);
        const auto& info = reader.info();
        const int sourceChannels = info.channels;
        for (auto& m : chain.modules)
            if (m.id == limiterId)
                m.set ("inputGainDb", gainDb);
        const auto master = makeMasterRuntime (chain, info.sampleRate, blockFrames);
        ModuleActivityMeter activity (chain, *master);
        const int latency = master->latencySamples();
        LoudnessMeter meter (channels, info.sampleRate);

        std::vector<float> interleaved ((size_t) (blockFrames * std::max (channels, sourceChannels)));
        std::vector<float> left (blockFrames), right (blockFrames);
        PassResult result;
        int64_t toSkip = latency;
        const int64_t total = info.frames + latency;
        for (int64_t done = 0; done < total;)
        {
            const auto n = (int) std::min<int64_t> (blockFrames, total - done);
            const auto fromFile = (int) std::clamp<int64_t> (info.frames - done, 0, n);
            if (fromFile > 0)
                reader.readInterleaved (interleaved.data(), fromFile);
            std::fill (interleaved.begin() + (ptrdiff_t) fromFile * sourceChannels, interleaved.begin() + (ptrdiff_t) n * sourceChannels, 0.0f);
            for (int i = 0; i < n; ++i)
            {
                left[(size_t) i] = interleaved[(size_t) (i * sourceChannels)];
                right[(size_t) i] = interleaved[(size_t) (i * sourceChannels + sourceChannels - 1)];
            }
            if (sourceGainDb != 0)
                for (int i = 0; i < n; ++i)
                    left[(size_t) i] *= sourceGain, right[(size_t) i] *= sourceGain;
            master->process (left.data(), right.data(), n);
            activity.afterBlock();
            const int skip = (int) std::min<int64_t> (toSkip, n);
            toSkip -= skip;
            for (int i = skip; i < n; ++i)
            {
                interleaved[(size_t) ((i - skip) * channels)] = left[(size_t) i];
                if (channels == 2)
                    interleaved[(size_t) ((i - skip) * channels + 1)] = right[(size_t) i];
            }
            meter.add (interleaved.data(), n - skip);
            if (writer != nullptr)
                writer->writeInterleaved (interleaved.data(), n - skip);
            done += n;
            if (progress)
                progress ((double) done / (double) total);
        }
        if (master->nonFiniteBlocks.load() > 0)
            throw CrestError (sourceFile, "the master chain produced NaN or Inf; not mastered");
        result.reading = meter.reading();
        result.latencySamples = latency;
        result.activity = activity.activity();
        for (const auto& m : result.activity)
            if (m.id == limiterId && ! m.reduction.empty())
                result.maxLimitingDb = m.reduction.front().deepestDb;
        return result;
    }

    // The modules before the limiter do not depend on its gain: with a
    // target to search for, they run once into a float file beside the
    // output (removed afterwards), and the passes run only the limiter and
    // what follows it. The same samples as running them every pass.
    struct CachedFront
    {
        std::filesystem::path file;
        int latencySamples = 0;
        ~CachedFront()
        {
            std::error_code ec;
            if (! file.empty())
                std::filesystem::remove (file, ec);
        }
    };

    std::string formatted (const char* format, double a, double b = 0)
    {
        char text[256];
        std::snprintf (text, sizeof (text), format, a, b);
        return text;
    }
} // namespace

MasterReport masterFile (const MasterRequest& request)
{
    const auto source = analyzeFile (request.input);
    if (source.info.channels > 2)
        throw CrestError (request.input, "has " + std::to_string (source.info.channels)
                                             + " channels; the master chain is stereo (crest analyze measures surround files)");
    MasterReport report;
    report.before = source.loudness;
    if (request.targetLufs && ! std::isfinite (source.loudness.integratedLufs))
        throw CrestError (request.input, "has no loudness to bring to a target ("
                                             + std::string (source.loudness.seconds < 0.4 ? "shorter than one 400 ms gating block" : "silence")
                                             + ")");

    OutputRules rules;
    rules.kindName = "audio file";
    rules.isExpectedKind = isReadableAudioFile;
    rules.mayReplace = request.replaceExisting;
    rules.inputs = { request.input };
    rules.inputs.insert (rules.inputs.end(), request.protectedFiles.begin(), request.protectedFiles.end());
    const auto target = checkOutputTarget (request.output, rules);

    // Each try costs a pass; the progress bar counts a full set of them.
    const int budget = request.targetLufs ? maxGainPasses + 2 : 1;
    auto progressOf = [&] (int pass) {
        return [&, pass] (double f) {
            if (request.progress)
                request.progress (std::min (1.0, (pass + f) / budget));
        };
    };

    std::string limiterId;
    const auto chain = chainToRun (request, limiterId);
    double gain = 0;   // without a target, the chain's own
    if (const auto* limiter = chain.find (limiterId))
    {
        report.ceilingDbtp = limiter->value ("ceilingDb");
        gain = limiter->value ("inputGainDb");
    }
    const int channels = source.info.channels;
    std::filesystem::path passSource = request.input;
    double passSourceGainDb = request.inputGainDb;   // the trim, applied where the source is read
    auto passChain = chain;
    CachedFront front;
    std::vector<ModuleActivity> frontActivity;
    double startLoudness = source.loudness.integratedLufs + request.inputGainDb;
    const auto limiterAt = std::find_if (chain.modules.begin(), chain.modules.end(), [&] (const auto& m) { return m.id == limiterId; });
    // Worth it only when the front costs more than reading it back: the
    // multiband, saturation and linear-phase EQ do; a plain EQ and width cost
    // less than the file.
    const bool costlyFront = std::any_of (chain.modules.begin(), limiterAt, [] (const auto& m) {
        return m.kind == "multiband" || m.kind == "saturation" || m.kind == "lpeq";
    });
    if (request.targetLufs && costlyFront && limiterAt != chain.modules.end())
    {
        MasterChainDocument before;
        before.modules.assign (chain.modules.begin(), limiterAt);
        passChain.modules.assign (limiterAt, chain.modules.end());
        front.file = temporarySibling (target.path, "chain");
        AudioFileWriter cache (front.file, { Container::wav, SampleEncoding::float32 }, 2, source.info.sampleRate);
        const auto pass = runPass (request.input, request.inputGainDb, 2, before, {}, 0, &cache, progressOf (0));
        cache.commit();
        ++report.passes;
        front.latencySamples = pass.latencySamples;
        frontActivity = pass.activity;
        passSource = front.file;
        passSourceGainDb = 0;
        startLoudness = pass.reading.integratedLufs;   // what reaches the limiter: a better first guess
    }
    if (request.targetLufs)
    {
        // Secant steps on loudness against gain, from the unlimited guess.
        const double maxGain = 24.0;
        gain = std::clamp (*request.targetLufs - startLoudness, -12.0, maxGain);
        double previousGain = 0, previousLoudness = startLoudness;
        for (int tries = 0; tries < maxGainPasses; ++tries)
        {
            const auto pass = runPass (passSource, passSourceGainDb, channels, passChain, limiterId, gain, nullptr, progressOf (report.passes));
            ++report.passes;
            const double error = *request.targetLufs - pass.reading.integratedLufs;
            if (std::abs (error) <= landedWithinLu)
                break;
            const double slope = gain != previousGain ? (pass.reading.integratedLufs - previousLoudness) / (gain - previousGain) : 1.0;
            previousGain = gain;
            previousLoudness = pass.reading.integratedLufs;
            const double next = std::clamp (gain + error / std::clamp (slope, 0.05, 1.0), -12.0, maxGain);
            if (next == gain)
            {
                report.warnings.push_back (formatted ("the target cannot be reached: %.1f dB into the limiter (its most) gives %.1f LUFS",
                                                      gain, pass.reading.integratedLufs));
                break;
            }
            gain = next;
        }
    }

    AudioFileWriter writer (target, request.format, source.info.channels, source.info.sampleRate);
    const auto written = runPass (passSource, passSourceGainDb, channels, passChain, limiterId, gain, &writer, progressOf (report.passes));
    ++report.passes;
    writer.commit();
    report.after = written.reading;
    report.gainDb = gain;
    report.maxLimitingDb = written.maxLimitingDb;
    report.modules = frontActivity;
    report.modules.insert (report.modules.end(), written.activity.begin(), written.activity.end());
    report.latencySamples = written.latencySamples + front.latencySamples;
    if (request.targetLufs && std::abs (report.after.integratedLufs - *request.targetLufs) > 0.2)
        report.warnings.push_back (formatted ("landed at %.1f LUFS, not the %.1f LUFS asked", report.after.integratedLufs, *request.targetLufs));
    if (report.maxLimitingDb > limitingWarningDb)
        report.warnings.push_back (formatted ("this takes %.1f dB of peak limiting; more than %.0f dB is usually heard as dulled transients "
                                              "and pumping (a lower target or a gentler master leaves more)",
                                              report.maxLimitingDb, limitingWarningDb));
    return report;
}
} // namespace crest
