#include "Delivery.h"

#include "Analysis/FileAnalysis.h"
#include "Core/CrestError.h"
#include "IO/AtomicTextFile.h"
#include "IO/AudioFileCopy.h"
#include "IO/AudioFileReader.h"
#include "IO/AudioFileWriter.h"
#include "IO/FileSync.h"
#include "IO/OutputTarget.h"
#include "IO/SampleRateConverter.h"
#include "IO/ScratchFiles.h"
#include "MasterReportFile.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace crest
{
namespace fs = std::filesystem;

namespace
{
    constexpr int maxLossyAttempts = 3;

    std::string number (double v, const char* unit, int decimals = 1)
    {
        if (! std::isfinite (v))
            return std::string ("-inf ") + unit;
        char text[64];
        std::snprintf (text, sizeof (text), "%.*f %s", decimals, v, unit);
        return text;
    }

    OutputRules deliveryRules (const DeliveryRequest& request)
    {
        OutputRules rules;
        rules.kindName = "audio file";
        rules.isExpectedKind = isReadableAudioFile;
        rules.mayReplace = request.replaceExisting;
        rules.mayStream = false;
        rules.inputs = { request.input };
        return rules;
    }

    OutputRules reportRules (const DeliveryRequest& request)
    {
        auto rules = deliveryRules (request);
        rules.kindName = "delivery report";
        rules.isExpectedKind = [] (const fs::path& p) { return p.extension() == ".json" || p.extension() == ".txt"; };
        return rules;
    }

    OutputFormat formatFor (const DeliveryRequest& request, const TargetPreset& target)
    {
        OutputFormat format;
        format.container = request.container.value_or (target.container);
        format.encoding = target.encoding;
        format.dither = request.dither;
        return format;
    }

    nlohmann::ordered_json level (double v)
    {
        return std::isfinite (v) ? nlohmann::ordered_json (std::round (v * 100) / 100) : nlohmann::ordered_json();
    }

    void writeReports (const DeliveryRequest& request, const DeliveryResult& r)
    {
        using Json = nlohmann::ordered_json;
        Json json;
        const auto inputName = request.inputName.empty() ? request.input.string() : request.inputName;
        json["input"] = inputName;
        json["target"] = { { "key", r.target.key }, { "name", r.target.name },
                           { "integratedLufs", r.target.integratedLufs ? Json (*r.target.integratedLufs) : Json() },
                           { "toleranceLu", deliveryToleranceLu }, { "truePeakDbtp", r.target.truePeakDbtp }, { "source", r.target.source } };
        json["file"] = r.file.string();
        json["format"] = describe (r.format);
        json["sampleRate"] = r.sampleRate;
        const auto& m = r.measured;
        json["measured"] = { { "integratedLufs", level (m.integratedLufs) }, { "loudnessRangeLu", level (m.loudnessRangeLu) },
                             { "truePeakDbtp", level (m.truePeakDbtp) }, { "samplePeakDbfs", level (m.samplePeakDbfs) },
                             { "maxMomentaryLufs", level (m.maxMomentaryLufs) }, { "maxShortTermLufs", level (m.maxShortTermLufs) },
                             { "plrLu", level (m.plrLu()) }, { "afterDecoding", r.decodedForMeasurement } };
        json["limiterCeilingDbtp"] = r.ceilingLowered ? level (*r.ceilingLowered) : Json (r.target.truePeakDbtp);
        json["mastering"] = masteringJson (r.mastering);
        for (const auto& c : r.checks)
            json["checks"].push_back ({ { "name", c.name }, { "measured", c.measured }, { "wanted", c.wanted }, { "pass", c.pass } });
        if (r.vinyl)
        {
            Json vinyl { { "format", r.vinyl->settings.format.name() }, { "sideSeconds", level (r.vinyl->sideSeconds) },
                         { "allowedSideSeconds", level (r.vinyl->allowedSideSeconds) }, { "warnings", Json::array() } };
            for (const auto& w : r.vinyl->warnings)
                vinyl["warnings"].push_back ({ { "kind", vinylWarningName (w.kind) }, { "startSeconds", level (w.startSeconds) },
                                               { "endSeconds", level (w.endSeconds) }, { "worst", level (w.worst) }, { "message", w.message } });
            json["vinylPreflight"] = vinyl;
        }
        json["pass"] = r.passes();
        saveTextAtomically (checkOutputTarget (r.reportJson, reportRules (request)).path, json.dump (2) + "\n");

        std::string text = r.target.name + " delivery of " + inputName + ": " + (r.passes() ? "PASS" : "FAIL") + "\n";
        text += "  file      " + r.file.string() + " (" + describe (r.format) + ", " + std::to_string ((int) r.sampleRate) + " Hz)\n";
        for (const auto& c : r.checks)
        {
            char line[256];
            std::snprintf (line, sizeof (line), "  %-4s  %-20s %-16s wanted %s\n", c.pass ? "ok" : "FAIL", c.name.c_str(), c.measured.c_str(), c.wanted.c_str());
            text += line;
        }
        if (r.decodedForMeasurement)
            text += "  (measured after decoding the encoded file: encoding raises peaks)\n";
        if (r.ceilingLowered)
            text += "  the limiter's ceiling was lowered to " + number (*r.ceilingLowered, "dBTP", 2) + " so the decoded peaks stay under the target's\n";
        for (const auto& w : r.mastering.warnings)
            text += "  warning: " + w + "\n";
        if (r.vinyl)
            text += "  " + describeVinylPreflight (*r.vinyl);
        text += "  source of the target's figures: " + r.target.source + "\n";
        saveTextAtomically (checkOutputTarget (r.reportText, reportRules (request)).path, text);
    }
} // namespace

bool DeliveryResult::passes() const
{
    for (const auto& c : checks)
        if (! c.pass)
            return false;
    return true;
}

fs::path deliveryFile (const DeliveryRequest& request, const TargetPreset& target)
{
    return request.folder / (request.input.stem().string() + "-" + target.key + extensionFor (formatFor (request, target).container));
}

std::vector<DeliveryResult> deliver (const DeliveryRequest& request)
{
    const auto source = readAudioFileInfo (request.input);
    std::error_code ec;
    if (fs::exists (request.folder, ec) && ! fs::is_directory (request.folder, ec))
        throw CrestError (request.folder, "is not a folder; give the folder the deliveries go into");
    fs::create_directories (request.folder, ec);
    if (ec)
        throw CrestError (request.folder, "cannot create the delivery folder (" + ec.message() + ")");

    // Every output is checked before anything is made: an existing file
    // without --force, or an input in the way, stops the whole run first.
    std::vector<OutputTarget> outputs;
    for (const auto& target : request.targets)
    {
        outputs.push_back (checkOutputTarget (deliveryFile (request, target), deliveryRules (request)));
        const auto file = deliveryFile (request, target).string();
        checkOutputTarget (file + ".report.json", reportRules (request));
        checkOutputTarget (file + ".report.txt", reportRules (request));
        if (auto reason = unsupportedReason (formatFor (request, target)))
            throw CrestError (deliveryFile (request, target), *reason);
    }

    const double inputPeak = request.keepLoudness ? analyzeFile (request.input).loudness.truePeakDbtp : 0.0;
    std::vector<DeliveryResult> results;
    for (size_t t = 0; t < request.targets.size(); ++t)
    {
        const auto& target = request.targets[t];
        auto progress = [&, t] (double from, double to) {
            return [&, t, from, to] (double f) {
                if (request.progress)
                    request.progress (t, from + (to - from) * f);
            };
        };
        DeliveryResult result;
        result.target = target;
        result.file = outputs[t].requested;
        result.reportJson = result.file.string() + ".report.json";
        result.reportText = result.file.string() + ".report.txt";
        result.format = formatFor (request, target);

        // An encoder raises peaks: a lossy delivery that decodes above the
        // ceiling is mastered again under a ceiling lowered by the overshoot
        // (and a tenth of a dB), up to twice more.
        double ceiling = target.truePeakDbtp;
        for (int attempt = 0; attempt < maxLossyAttempts; ++attempt)
        {
            ScratchFiles scratch;
            // 1. The master, in float at the source rate.
            MasterRequest master;
            master.input = request.input;
            master.output = scratch.add (result.file, "master");
            master.format = { Container::wav, SampleEncoding::float32 };
            master.chain = request.chain;
            master.targetLufs = target.integratedLufs;
            if (request.keepLoudness)
            {
                // The album's level as it is; a limiter only where the
                // target's ceiling is below the track's peaks.
                master.chain = MasterChainDocument {};
                if (! (inputPeak <= ceiling))
                    master.chain.add ("limiter");
                master.targetLufs.reset();
            }
            master.ceilingDbtp = ceiling;
            master.progress = progress (0.0, 0.8);
            result.mastering = masterFile (master);
            auto delivered = master.output;

            // 2. The target's rate, if it asks for another.
            result.sampleRate = target.sampleRate.value_or (source.sampleRate);
            if (result.sampleRate != source.sampleRate)
            {
                const auto converted = scratch.add (result.file, "rate");
                convertSampleRate (delivered, converted, result.sampleRate, progress (0.8, 0.9));
                delivered = converted;
            }

            // 3. The delivery format, then measured as delivered.
            const auto beforeEncoding = analyzeFile (delivered).loudness;
            copyAudioFile (delivered, outputs[t], result.format,
                           BroadcastLoudness { beforeEncoding.integratedLufs, beforeEncoding.loudnessRangeLu, beforeEncoding.truePeakDbtp,
                                               beforeEncoding.maxMomentaryLufs, beforeEncoding.maxShortTermLufs,
                                               "Mastered by Crest for " + target.name });
            result.measured = analyzeFile (result.file, ChannelCounting::asLaidOut, progress (0.9, target.vinyl ? 0.95 : 1.0)).loudness;
            result.decodedForMeasurement = isLossy (result.format.container);
            const double over = result.measured.truePeakDbtp - target.truePeakDbtp;
            if (! result.decodedForMeasurement || ! (over > 0) || ceiling - over - 0.1 < -12.0)
                break;
            ceiling -= over + 0.1;
            result.ceilingLowered = ceiling;
            outputs[t].kind = OutputTarget::Kind::replaceFile;   // ours now, from the attempt before
        }

        const auto& m = result.measured;
        if (request.keepLoudness)
            result.checks.push_back ({ "integrated loudness", number (m.integratedLufs, "LUFS", 2), "as the album sets it", true });
        else if (target.integratedLufs)
            result.checks.push_back ({ "integrated loudness", number (m.integratedLufs, "LUFS", 2),
                                       number (*target.integratedLufs, "LUFS") + " +-" + number (deliveryToleranceLu, "LU"),
                                       std::abs (m.integratedLufs - *target.integratedLufs) <= deliveryToleranceLu });
        else
            result.checks.push_back ({ "integrated loudness", number (m.integratedLufs, "LUFS", 2), "any (no loudness target)", true });
        result.checks.push_back ({ "true peak", number (m.truePeakDbtp, "dBTP", 2), "at most " + number (target.truePeakDbtp, "dBTP"),
                                   ! (m.truePeakDbtp > target.truePeakDbtp) });
        const double fileRate = readAudioFileInfo (result.file).sampleRate;
        result.checks.push_back ({ "sample rate", std::to_string ((int) fileRate) + " Hz",
                                   target.sampleRate ? std::to_string ((int) *target.sampleRate) + " Hz" : "the source's (" + std::to_string ((int) source.sampleRate) + " Hz)",
                                   fileRate == result.sampleRate });
        if (target.vinyl)
        {
            VinylPreflightSettings vinyl;
            vinyl.format = *target.vinyl;
            result.vinyl = preflightVinylFile (result.file, vinyl, progress (0.95, 1.0));
        }
        OutputFormat wanted { target.container, target.encoding, request.dither };
        result.checks.push_back ({ "format", describe (result.format), request.container ? describe (result.format) + " (as asked)" : describe (wanted),
                                   true });
        writeReports (request, result);
        results.push_back (std::move (result));
    }
    return results;
}
} // namespace crest
