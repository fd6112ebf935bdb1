#include "DemoSong.h"

#include "Core/ParameterSpec.h"
#include "Core/Units.h"
#include "DemoVoices.h"
#include "IO/AudioFileReader.h"
#include "IO/AudioFileWriter.h"
#include "IO/OutputTarget.h"
#include "Session/NewSession.h"
#include "Session/SessionFile.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace crest
{
namespace
{
    using namespace demo;
    constexpr double sr = demoSampleRate;
    constexpr double beat = 0.5;                 // 120 BPM
    constexpr double bar = 4 * beat;
    constexpr int bars = 16;
    constexpr double songSeconds = bars * bar + 1.0;   // one second of tails
    constexpr int64_t frames = (int64_t) (songSeconds * sr);

    // Am - F - C - G, one chord a bar.
    constexpr std::array<std::array<int, 3>, 4> chords { { { 57, 60, 64 }, { 57, 60, 65 }, { 55, 60, 64 }, { 55, 59, 62 } } };
    constexpr std::array<int, 4> bassRoots { 33, 29, 36, 31 };

    struct Stem
    {
        const char* name;
        int channels;
        double pan;         // for the session
        double faderDb;
        std::vector<float> left, right;
    };

    double polyBlep (double t, double dt) noexcept
    {
        if (t < dt) { t /= dt; return t + t - t * t - 1.0; }
        if (t > 1.0 - dt) { t = (t - 1.0) / dt; return t * t + t + t + 1.0; }
        return 0.0;
    }

    struct SawOsc
    {
        double phase = 0;
        double next (double hz) noexcept
        {
            const double dt = hz / sr;
            const double v = 2.0 * phase - 1.0 - polyBlep (phase, dt);
            phase += dt;
            if (phase >= 1.0) phase -= 1.0;
            return v;
        }
    };

    bool active (int barIndex, int from, int to) { return barIndex >= from && barIndex < to; }

    void addKick (Stem& s)
    {
        for (int b = 2; b < bars; ++b)
        {
            if (b >= 14) break;   // the last two bars drop the kick
            for (int q = 0; q < 4; ++q)
            {
                const auto start = (int64_t) ((b * bar + q * beat) * sr);
                double phase = 0;
                for (int64_t i = 0; i < (int64_t) (0.45 * sr) && start + i < frames; ++i)
                {
                    const double t = (double) i / sr;
                    phase += twoPi * (48.0 + 110.0 * std::exp (-t / 0.035)) / sr;
                    const double click = i < 96 ? 0.3 * (1.0 - (double) i / 96.0) : 0.0;
                    s.left[(size_t) (start + i)] += (float) (0.9 * std::sin (phase) * percussive (t, 0.002, 0.22) + click);
                }
            }
        }
    }

    void addSnare (Stem& s)
    {
        Noise noise (7);
        for (int b = 4; b < bars; ++b)
            for (int q : { 1, 3 })
            {
                Biquad band;
                band.set (Biquad::Type::bandPass, 2800.0, 0.7, sr);
                const auto start = (int64_t) ((b * bar + q * beat) * sr);
                for (int64_t i = 0; i < (int64_t) (0.35 * sr) && start + i < frames; ++i)
                {
                    const double t = (double) i / sr;
                    const double body = 0.45 * std::sin (twoPi * 185.0 * t) * percussive (t, 0.001, 0.07);
                    const double rattle = 1.3 * band.process (noise.next()) * percussive (t, 0.001, 0.11);
                    s.left[(size_t) (start + i)] += (float) (body + rattle);
                }
            }
    }

    void addHats (Stem& s)
    {
        Noise noise (11);
        for (int b = 2; b < bars; ++b)
            for (int e = 0; e < 8; ++e)
            {
                Biquad high;
                high.set (Biquad::Type::highPass, 7500.0, 0.8, sr);
                const bool open = e % 4 == 2;
                const double accent = e % 2 == 0 ? 1.0 : 0.6;
                const auto start = (int64_t) ((b * bar + e * beat / 2) * sr);
                for (int64_t i = 0; i < (int64_t) ((open ? 0.3 : 0.08) * sr) && start + i < frames; ++i)
                {
                    const double t = (double) i / sr;
                    s.left[(size_t) (start + i)] += (float) (0.5 * accent * high.process (noise.next()) * percussive (t, 0.0005, open ? 0.09 : 0.022));
                }
            }
    }

    void addBass (Stem& s)
    {
        SawOsc osc;
        Biquad filter;
        for (int64_t i = 0; i < frames; ++i)
        {
            const double t = (double) i / sr;
            const int b = (int) (t / bar);
            if (! active (b, 2, bars))
                continue;
            const double inEighth = std::fmod (t, beat / 2);
            const int eighth = (int) (std::fmod (t, bar) / (beat / 2));
            const int note = bassRoots[(size_t) (b % 4)] + (eighth == 6 ? 12 : 0);
            const double env = sustained (inEighth, beat / 2 - 0.03, 0.004, 0.02);
            filter.set (Biquad::Type::lowPass, 250.0 + 900.0 * percussive (inEighth, 0.002, 0.06), 0.9, sr);
            s.left[(size_t) i] = (float) (0.55 * filter.process (osc.next (midiToHz (note))) * env);
        }
    }

    void addPad (Stem& s)
    {
        std::array<SawOsc, 6> left, right;
        Biquad filterLeft, filterRight;
        filterLeft.set (Biquad::Type::lowPass, 1800.0, 0.6, sr);
        filterRight.set (Biquad::Type::lowPass, 1800.0, 0.6, sr);
        for (int64_t i = 0; i < frames; ++i)
        {
            const double t = (double) i / sr;
            const int b = std::min ((int) (t / bar), bars - 1);
            const auto& chord = chords[(size_t) (b % 4)];
            const double env = sustained (std::fmod (t, bar), bar - 0.05, 0.25, 0.3) * (t < bars * bar ? 1.0 : std::exp (-(t - bars * bar) / 0.3));
            double l = 0, r = 0;
            for (size_t n = 0; n < 3; ++n)
            {
                const double hz = midiToHz (chord[n]);
                l += left[n].next (hz * 0.997) + left[n + 3].next (hz * 1.004);
                r += right[n].next (hz * 1.003) + right[n + 3].next (hz * 0.995);
            }
            s.left[(size_t) i] = (float) (0.09 * filterLeft.process (l) * env);
            s.right[(size_t) i] = (float) (0.09 * filterRight.process (r) * env);
        }
    }

    // A four-bar phrase in A minor pentatonic: (start beat, length in beats, note).
    struct Note { double at, length; int pitch; };
    constexpr std::array<Note, 14> leadPhrase { { { 0, 1, 69 }, { 1, 0.5, 72 }, { 1.5, 0.5, 74 }, { 2, 1.5, 76 },
                                                  { 4, 1, 77 }, { 5, 1, 76 }, { 6, 2, 72 },
                                                  { 8, 0.5, 76 }, { 8.5, 0.5, 74 }, { 9, 1, 72 }, { 10, 2, 67 },
                                                  { 12, 1.5, 71 }, { 13.5, 0.5, 72 }, { 14, 2, 74 } } };

    void addLead (Stem& s)
    {
        SawOsc osc;
        Biquad filter;
        filter.set (Biquad::Type::lowPass, 3200.0, 0.7, sr);
        for (int phrase : { 4, 12 })
            for (const auto& n : leadPhrase)
            {
                const double start = phrase * bar + n.at * beat;
                const double length = n.length * beat;
                for (int64_t i = (int64_t) (start * sr); i < (int64_t) ((start + length + 0.2) * sr) && i < frames; ++i)
                {
                    const double t = (double) i / sr - start;
                    const double vibrato = 0.15 * std::sin (twoPi * 5.0 * t) * std::min (1.0, t / 0.3);
                    const double square = osc.next (midiToHz (n.pitch + vibrato)) > 0.2 ? 1.0 : -1.0;
                    s.left[(size_t) i] += (float) (0.2 * filter.process (square) * sustained (t, length, 0.01, 0.06));
                }
            }
    }

    // A sung line: a glottal-like pulse through three vowel formants.
    void addVoice (Stem& s)
    {
        constexpr std::array<std::array<double, 3>, 3> vowels { { { 800, 1150, 2900 }, { 450, 800, 2830 }, { 350, 2000, 2800 } } };
        constexpr std::array<Note, 6> line { { { 0, 3, 64 }, { 3, 1, 62 }, { 4, 4, 60 }, { 8, 3, 64 }, { 11, 1, 67 }, { 12, 4, 69 } } };
        Noise breath (23);
        for (int phrase : { 8, 12 })
            for (size_t k = 0; k < line.size(); ++k)
            {
                const auto& n = line[k];
                const auto& vowel = vowels[k % vowels.size()];
                std::array<Biquad, 3> formants;
                for (size_t f = 0; f < 3; ++f)
                    formants[f].set (Biquad::Type::bandPass, vowel[f], 8.0 + 4.0 * (double) f, sr);
                const double start = phrase * bar + n.at * beat;
                const double length = n.length * beat - 0.05;
                double phase = 0;
                for (int64_t i = (int64_t) (start * sr); i < (int64_t) ((start + length + 0.4) * sr) && i < frames; ++i)
                {
                    const double t = (double) i / sr - start;
                    const double vibrato = 0.25 * std::sin (twoPi * 5.5 * t) * std::min (1.0, t / 0.5);
                    phase += midiToHz (n.pitch - 12 + vibrato) / sr;
                    phase -= std::floor (phase);
                    const double pulse = std::pow (std::sin (std::numbers::pi * phase), 12.0) - 0.2 + 0.03 * breath.next();
                    const double sung = 1.0 * formants[0].process (pulse) + 0.5 * formants[1].process (pulse) + 0.25 * formants[2].process (pulse);
                    s.left[(size_t) i] += (float) (2.8 * sung * sustained (t, length, 0.08, 0.12));
                }
            }
    }

    // Shaker sixteenths, alternating sides, and a noise riser into each section.
    void addEffects (Stem& s)
    {
        Noise noise (31);
        for (int b = 8; b < bars; ++b)
            for (int x = 0; x < 16; ++x)
            {
                Biquad band;
                band.set (Biquad::Type::bandPass, 5200.0, 1.2, sr);
                const auto start = (int64_t) ((b * bar + x * beat / 4) * sr);
                auto& side = x % 2 == 0 ? s.left : s.right;
                for (int64_t i = 0; i < (int64_t) (0.06 * sr) && start + i < frames; ++i)
                    side[(size_t) (start + i)] += (float) (0.35 * band.process (noise.next()) * percussive ((double) i / sr, 0.004, 0.015));
            }
        for (int riserBar : { 1, 3, 7, 11 })
        {
            Biquad sweepLeft, sweepRight;
            const auto start = (int64_t) (riserBar * bar * sr);
            const auto length = (int64_t) (bar * sr);
            for (int64_t i = 0; i < length && start + i < frames; ++i)
            {
                const double x = (double) i / (double) length;
                sweepLeft.set (Biquad::Type::bandPass, 300.0 * std::pow (30.0, x), 2.0, sr);
                sweepRight.set (Biquad::Type::bandPass, 320.0 * std::pow (30.0, x), 2.0, sr);
                const double level = 0.25 * x * x;
                s.left[(size_t) (start + i)] += (float) (level * sweepLeft.process (noise.next()));
                s.right[(size_t) (start + i)] += (float) (level * sweepRight.process (noise.next()));
            }
        }
    }
    // Where an engineer would reach first: high-pass what has no business
    // in the lows, a touch of EQ for each part's place, compression on the
    // drums, bass and voice. The stems' levels are set from the raw mix
    // (above); these shape it.
    void applyDemoStrip (TrackDocument& track)
    {
        std::vector<std::pair<std::string, double>> settings;
        auto highPass = [&] (double hz) {
            settings.insert (settings.end(), { { "filters.enabled", 1 }, { "filters.highPassOn", 1 }, { "filters.highPassHz", hz } });
        };
        auto band = [&] (int n, double hz, double gainDb, double q) {
            const auto b = "eq.band" + std::to_string (n) + ".";
            settings.insert (settings.end(), { { "eq.enabled", 1 }, { b + "on", 1 }, { b + "frequencyHz", hz }, { b + "gainDb", gainDb }, { b + "q", q } });
        };
        auto compress = [&] (double threshold, double ratio, double attackMs, double releaseMs) {
            settings.insert (settings.end(), { { "compressor.enabled", 1 }, { "compressor.thresholdDb", threshold }, { "compressor.ratio", ratio },
                                               { "compressor.attackMs", attackMs }, { "compressor.releaseMs", releaseMs } });
        };
        const auto& name = track.name;
        if (name == "Kick")
        {
            highPass (30);
            band (2, 60, 2, 1.0);
            band (3, 400, -3, 1.4);
            compress (-14, 4, 12, 80);
        }
        else if (name == "Snare")
        {
            highPass (90);
            band (2, 200, 1.5, 1.0);
            band (8, 6000, 2, 0.7071);
            compress (-16, 3, 8, 120);
        }
        else if (name == "Hats")
            highPass (300);
        else if (name == "Bass")
        {
            highPass (32);
            band (2, 250, -2.5, 1.2);
            compress (-20, 4, 6, 140);
        }
        else if (name == "Pad")
        {
            highPass (140);
            band (3, 400, -2, 0.9);
            settings.push_back ({ "widthPercent", 130 });
        }
        else if (name == "Lead")
        {
            highPass (120);
            band (5, 3000, 1.5, 1.0);
        }
        else if (name == "Voice")
        {
            highPass (100);
            band (2, 300, -2, 1.0);
            band (5, 3000, 2, 1.0);
            compress (-22, 3, 5, 150);
            settings.push_back ({ "compressor.rmsDetection", 1 });
        }
        else if (name == "FX")
            highPass (200);
        for (const auto& [key, value] : settings)
            track.strip.set (key, value);
    }
    // The desk around the tracks: the drums summed on a group bus with its
    // own glue, the Reverb and Delay returns fed by sends where the parts
    // want space, the bass ducking under the kick through a keyed
    // compressor, and two automation rides (the lead up into the last
    // four bars, a reverb swell on the FX riser).
    // The master: a little air and a tidier sub, gentle four-band glue, the
    // image a touch wider with the bass mono below 90 Hz, and the limiter's
    // gain set so the master lands on -14 LUFS (streaming) under -1 dBTP
    // (found once with crest master --target -14 on this very mix; a test
    // holds it there).
    void applyDemoMaster (SessionDocument& session)
    {
        auto& eq = session.masterChain.add ("eq");
        for (const auto& [key, value] : std::initializer_list<std::pair<const char*, double>> {
                 { "band1.on", 1 }, { "band1.frequencyHz", 35 }, { "band1.gainDb", -1.5 },
                 { "band8.on", 1 }, { "band8.frequencyHz", 11000 }, { "band8.gainDb", 1.5 } })
            eq.set (key, value);
        auto& multiband = session.masterChain.add ("multiband");
        for (int band = 1; band <= 4; ++band)
        {
            const auto prefix = "band" + std::to_string (band) + ".";
            multiband.set (prefix + "thresholdDb", -24.0 - 2.0 * band);
            multiband.set (prefix + "ratio", 1.6);
            multiband.set (prefix + "attackMs", 35.0 - 6.0 * band);
            multiband.set (prefix + "releaseMs", 260.0 - 40.0 * band);
        }
        auto& width = session.masterChain.add ("width");
        width.set ("widthPercent", 108);
        width.set ("monoBelowHz", 90);
        auto& limiter = session.masterChain.add ("limiter");
        limiter.set ("inputGainDb", demoLimiterGainDb);
        limiter.set ("ceilingDb", -1);
    }

    void applyDemoRouting (SessionDocument& session)
    {
        session.tempoBpm = 60.0 / beat;
        addDefaultReturns (session);
        BusDocument drums;
        drums.id = "drums";
        drums.name = "Drums";
        drums.kind = BusKind::group;
        drums.soloSafe = false;
        for (const auto& [key, value] : std::initializer_list<std::pair<const char*, double>> {
                 { "compressor.enabled", 1 }, { "compressor.thresholdDb", -12 }, { "compressor.ratio", 2 }, { "compressor.attackMs", 20 },
                 { "compressor.releaseMs", 150 }, { "compressor.kneeDb", 6 } })
            drums.strip.set (key, value);
        session.buses.insert (session.buses.begin(), drums);

        auto sendLevel = [] (TrackDocument& track, const std::string& bus, double db) {
            for (auto& send : track.sends)
                if (send.bus == bus)
                    send.levelDb = db;
        };
        for (auto& track : session.tracks)
        {
            const auto& name = track.name;
            if (name == "Kick" || name == "Snare" || name == "Hats")
                track.output = "drums";
            if (name == "Snare")
                sendLevel (track, "reverb", -16);
            else if (name == "Pad")
                sendLevel (track, "reverb", -18);
            else if (name == "Lead")
            {
                sendLevel (track, "delay", -14);
                sendLevel (track, "reverb", -20);
                // The lead rides up 2 dB into the last four bars, over one bar.
                const auto from = (int64_t) (11 * bar * sr), to = (int64_t) (12 * bar * sr);
                track.automation.push_back ({ "faderDb", AutomationMode::read, { { from, track.faderDb }, { to, track.faderDb + 2.0 } } });
            }
            else if (name == "Voice")
            {
                sendLevel (track, "reverb", -15);
                sendLevel (track, "delay", -20);
            }
            else if (name == "FX")
            {
                // The riser swells into the reverb as it climbs.
                sendLevel (track, "reverb", -20);
                const auto start = (int64_t) (6 * bar * sr), end = (int64_t) (8 * bar * sr);
                track.automation.push_back ({ "send.reverb.levelDb", AutomationMode::read, { { start, -30 }, { end, -8, 0.5 }, { end + (int64_t) (beat * sr), -30 } } });
            }
            else if (name == "Bass")
            {
                // Keyed by the kick: fast in, quick out, so the low end makes room on each hit.
                track.sidechain = "demo-kick";
                for (const auto& [key, value] : std::initializer_list<std::pair<const char*, double>> {
                         { "compressor.thresholdDb", -26 }, { "compressor.ratio", 4 }, { "compressor.attackMs", 2 }, { "compressor.releaseMs", 90 } })
                    track.strip.set (key, value);
            }
        }
    }
} // namespace

DemoSong writeDemoSong (const std::filesystem::path& folder, const std::function<void (double)>& progress, bool replaceExisting)
{
    std::vector<Stem> stems {
        { "Kick", 1, 0, 0, {}, {} },   { "Snare", 1, 5, -1, {}, {} }, { "Hats", 1, 35, -4, {}, {} },
        { "Bass", 1, 0, -1, {}, {} },  { "Pad", 2, 0, -3, {}, {} },   { "Lead", 1, -25, -2, {}, {} },
        { "Voice", 1, 0, 0, {}, {} },  { "FX", 2, 0, -6, {}, {} },
    };
    void (*generators[]) (Stem&) = { addKick, addSnare, addHats, addBass, addPad, addLead, addVoice, addEffects };

    // Every file's fate is decided before the first is written: a user's
    // file of the same name stops the demo, unless replacing was asked for.
    const auto stemFolder = folder / "stems";
    DemoSong song;
    song.sessionFile = folder / "demo.crest";
    std::vector<OutputTarget> stemTargets;
    OutputRules audioRules;
    audioRules.kindName = "audio file";
    audioRules.isExpectedKind = isReadableAudioFile;
    audioRules.mayReplace = replaceExisting;
    audioRules.mayStream = false;
    for (size_t k = 0; k < stems.size(); ++k)
    {
        std::string fileName = stems[k].name;
        std::transform (fileName.begin(), fileName.end(), fileName.begin(), [] (unsigned char c) { return (char) std::tolower (c); });
        stemTargets.push_back (checkOutputTarget (stemFolder / (std::to_string (k + 1) + "-" + fileName + ".wav"), audioRules));
    }
    OutputRules sessionRules;
    sessionRules.kindName = "Crest session";
    sessionRules.isExpectedKind = isCrestSessionFile;
    sessionRules.mayReplace = replaceExisting;
    sessionRules.mayStream = false;
    checkOutputTarget (song.sessionFile, sessionRules);

    for (size_t k = 0; k < stems.size(); ++k)
    {
        stems[k].left.assign ((size_t) frames, 0.0f);
        if (stems[k].channels == 2)
            stems[k].right.assign ((size_t) frames, 0.0f);
        generators[k] (stems[k]);
        if (progress)
            progress (0.8 * (double) (k + 1) / (double) stems.size());
    }

    // Scale every stem by one factor so the session's raw mix peaks at
    // demoMixPeakDbfs, computed with the session's own pan law and faders.
    std::vector<double> mixLeft ((size_t) frames), mixRight ((size_t) frames);
    for (const auto& s : stems)
    {
        const auto fader = dbToGain (s.faderDb);
        const auto g = s.channels == 1 ? panGainsForMono (defaultPanLaw, s.pan) : balanceGainsForStereo (defaultPanLaw, s.pan);
        for (size_t i = 0; i < (size_t) frames; ++i)
        {
            mixLeft[i] += fader * g.left * s.left[i];
            mixRight[i] += fader * g.right * (s.channels == 2 ? s.right[i] : s.left[i]);
        }
    }
    double peak = 0;
    for (size_t i = 0; i < (size_t) frames; ++i)
        peak = std::max ({ peak, std::abs (mixLeft[i]), std::abs (mixRight[i]) });
    const auto scale = (float) (dbToGain (demoMixPeakDbfs) / peak);

    std::filesystem::create_directories (stemFolder);
    song.session.sampleRate = sr;
    for (size_t k = 0; k < stems.size(); ++k)
    {
        auto& s = stems[k];
        const auto& path = stemTargets[k].requested;
        std::string fileName = path.stem().string().substr (2);
        std::vector<float> interleaved ((size_t) frames * (size_t) s.channels);
        for (size_t i = 0; i < (size_t) frames; ++i)
            for (int ch = 0; ch < s.channels; ++ch)
                interleaved[i * (size_t) s.channels + (size_t) ch] = scale * (ch == 0 ? s.left[i] : s.right[i]);
        AudioFileWriter writer (stemTargets[k], { Container::wav, SampleEncoding::float32 }, s.channels, sr);
        writer.writeInterleaved (interleaved.data(), frames);
        writer.commit();

        TrackDocument track;
        track.id = "demo-" + fileName;
        track.name = s.name;
        track.channels = s.channels;
        track.pan = s.pan;
        track.faderDb = s.faderDb;
        track.clips.push_back ({ path.string(), 0, 0, frames, 0.0, 0, 0 });
        applyDemoStrip (track);
        song.session.tracks.push_back (std::move (track));
        if (progress)
            progress (0.8 + 0.2 * (double) (k + 1) / (double) stems.size());
    }
    applyDemoRouting (song.session);
    // The buses' compression takes a little level: the mix bus gives it
    // back, so the mix peaks in the -6 to -3 dBFS a mastering engineer wants.
    song.session.mixBusFaderDb = 1.5;
    // A gentle glue on the mix bus: 2:1, slow attack, the knee soft.
    for (const auto& [key, value] : std::initializer_list<std::pair<const char*, double>> {
             { "compressor.enabled", 1 }, { "compressor.thresholdDb", -16 }, { "compressor.ratio", 2 }, { "compressor.attackMs", 30 },
             { "compressor.releaseMs", 200 }, { "compressor.kneeDb", 8 } })
        song.session.mixBusStrip.set (key, value);
    applyDemoMaster (song.session);
    saveSessionFile (song.session, song.sessionFile, replaceExisting ? SaveMode::replaceSession : SaveMode::createNew);
    return song;
}
} // namespace crest
