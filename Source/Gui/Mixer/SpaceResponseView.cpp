#include "SpaceResponseView.h"

#include "Analysis/DecayTime.h"
#include "Dsp/Delay.h"
#include "Dsp/Reverb.h"
#include "Gui/CrestLookAndFeel.h"

#include <algorithm>
#include <cmath>

namespace crest
{
namespace
{
    constexpr float floorDb = -72.0f;
    constexpr int blockFrames = 4096;
} // namespace

SpaceResponseView::SpaceResponseView (SessionModel& m, juce::ValueTree o, StripModule module)
    : model (m), owner (std::move (o)), which (module), sampleRate (m.sampleRate() > 0 ? m.sampleRate() : 48000.0)
{
    jassert (which == StripModule::reverb || which == StripModule::delay);
    setTitle (which == StripModule::reverb ? "Reverb response" : "Delay response");
    setDescription ("The module's impulse response with these settings: level against time");
    worker = std::thread ([this] { work(); });
    owner.addListener (this);
    model.state().addListener (this);   // the tempo, for note-valued delays
    request();
}

SpaceResponseView::~SpaceResponseView()
{
    model.state().removeListener (this);
    owner.removeListener (this);
    {
        std::lock_guard guard (lock);
        quitting = true;
    }
    wake.notify_one();
    worker.join();
    cancelPendingUpdate();
}

std::vector<double> SpaceResponseView::settings() const
{
    std::vector<double> values;
    for (const auto& p : stripParameters())
        if (p.module == which && p.index >= 0)
        {
            if ((size_t) p.index >= values.size())
                values.resize ((size_t) p.index + 1, 0.0);
            values[(size_t) p.index] = SessionModel::stripValue (owner, p.key);
        }
    if (which == StripModule::delay)
        values[Delay::tempoBpm] = model.state().getProperty (ids::tempoBpm, 120.0);
    return values;
}

void SpaceResponseView::request()
{
    {
        std::lock_guard guard (lock);
        pending = settings();
    }
    wake.notify_one();
}

bool SpaceResponseView::waitForResponse (int timeoutMs)
{
    const auto until = juce::Time::getMillisecondCounter() + (juce::uint32) timeoutMs;
    while (juce::Time::getMillisecondCounter() < until)
    {
        {
            std::lock_guard guard (lock);
            if (! pending && ! computing && ! latest.envelopeDb[0].empty())
                return true;
        }
        juce::Thread::sleep (5);
    }
    return false;
}

void SpaceResponseView::work()
{
    for (;;)
    {
        std::vector<double> values;
        {
            std::unique_lock guard (lock);
            wake.wait (guard, [this] { return quitting || pending.has_value(); });
            if (quitting)
                return;
            values = std::move (*pending);
            pending.reset();
            computing = true;
        }
        auto result = compute (values);
        {
            std::lock_guard guard (lock);
            latest = std::move (result);
            computing = false;
        }
        triggerAsyncUpdate();
    }
}

SpaceResponseView::Response SpaceResponseView::compute (const std::vector<double>& values) const
{
    std::unique_ptr<ParameterizedProcessor> module;
    double seconds = 1.0;
    Response r;
    r.sampleRate = sampleRate;
    if (which == StripModule::reverb)
    {
        module = std::make_unique<Reverb>();
        r.preDelayMs = values[Reverb::preDelayMs];
        seconds = r.preDelayMs / 1000.0 + std::min (12.0, 1.1 * values[Reverb::decaySeconds]) + 0.05;
        r.windowFrames = (int) std::lround (sampleRate * 0.005);
    }
    else
    {
        module = std::make_unique<Delay>();
        module->setParameter (Delay::tempoBpm, values[Delay::tempoBpm]);
        module->setParameter (Delay::noteValue, values[Delay::noteValue]);
        module->setParameter (Delay::timeMs, values[Delay::timeMs]);
        const double delaySeconds = static_cast<Delay&> (*module).targetDelaySamples() / sampleRate;
        r.echoMs = delaySeconds * 1000.0;
        // Enough repeats to fall 60 dB (at least three, at most ten seconds).
        const double feedback = values[Delay::feedback] / 100.0;
        const double repeats = feedback > 0.001 ? std::clamp (std::ceil (-3.0 / std::log10 (feedback)), 3.0, 60.0) : 3.0;
        seconds = std::min (10.0, delaySeconds * (repeats + 0.5));
        r.windowFrames = std::max (1, (int) std::lround (sampleRate * 0.001));
    }
    for (size_t i = 0; i < values.size(); ++i)
        module->setParameter (i, values[i]);
    module->setParameter (which == StripModule::reverb ? (size_t) Reverb::mix : (size_t) Delay::mix, 100.0);   // the effect alone
    module->prepare ({ sampleRate, blockFrames, 2 });

    const auto frames = (size_t) std::ceil (seconds * sampleRate);
    std::array<std::vector<float>, 2> audio { std::vector<float> (frames, 0.0f), std::vector<float> (frames, 0.0f) };
    audio[0][0] = audio[1][0] = 1.0f;
    for (size_t done = 0; done < frames; done += blockFrames)
    {
        float* channels[] = { audio[0].data() + done, audio[1].data() + done };
        module->process ({ channels, 2, (int) std::min<size_t> (blockFrames, frames - done) });
    }
    if (which == StripModule::reverb)
    {
        std::vector<float> mono (frames);
        for (size_t i = 0; i < frames; ++i)
            mono[i] = 0.5f * (audio[0][i] + audio[1][i]);
        r.decaySeconds = decayTimeT20 (std::move (mono), sampleRate);
    }

    // The peak of each window, in dB below the loudest.
    float loudest = 0.0f;
    for (int side = 0; side < 2; ++side)
    {
        auto& envelope = r.envelopeDb[(size_t) side];
        for (size_t start = 0; start < frames; start += (size_t) r.windowFrames)
        {
            float peak = 0.0f;
            for (size_t i = start; i < std::min (frames, start + (size_t) r.windowFrames); ++i)
                peak = std::max (peak, std::abs (audio[(size_t) side][i]));
            envelope.push_back (peak);
            loudest = std::max (loudest, peak);
        }
    }
    for (auto& envelope : r.envelopeDb)
        for (auto& v : envelope)
            v = loudest > 0 && v > 0 ? std::max (floorDb, 20.0f * std::log10 (v / loudest)) : floorDb;
    return r;
}

SpaceResponseView::Response SpaceResponseView::response() const
{
    std::lock_guard guard (lock);
    return latest;
}

void SpaceResponseView::paint (juce::Graphics& g)
{
    const auto r = response();
    auto box = getLocalBounds().toFloat().reduced (8.0f);
    g.setColour (colours::faderTrack);
    g.fillRoundedRectangle (box, 4.0f);
    auto plot = box.reduced (34.0f, 16.0f).withTrimmedRight (-26.0f);
    const double seconds = std::max (0.001, r.seconds());
    auto xFor = [&] (double t) { return plot.getX() + (float) (t / seconds) * plot.getWidth(); };
    auto yFor = [&] (float db) { return plot.getY() + plot.getHeight() * db / floorDb; };

    g.setFont (juce::Font (10.0f));
    for (float db = 0.0f; db >= floorDb; db -= 12.0f)
    {
        g.setColour (colours::outline);
        g.drawHorizontalLine ((int) yFor (db), plot.getX(), plot.getRight());
        g.setColour (colours::textDim);
        g.drawText (juce::String ((int) db) + " dB", (int) box.getX() + 2, (int) yFor (db) - 6, 32, 12, juce::Justification::right);
    }
    // Time marks at a round step: 1, 2 or 5 times a power of ten.
    const double rough = seconds / 8;
    const double power = std::pow (10.0, std::floor (std::log10 (rough)));
    const double step = rough / power < 2 ? power : rough / power < 5 ? 2 * power : 5 * power;
    for (double t = 0; t <= seconds + 1e-9; t += step)
    {
        g.setColour (colours::outline);
        g.drawVerticalLine ((int) xFor (t), plot.getY(), plot.getBottom());
        g.setColour (colours::textDim);
        const auto label = step < 1.0 ? juce::String (juce::roundToInt (t * 1000)) + " ms" : juce::String (t, step < 1.0 ? 1 : 0) + " s";
        g.drawText (label, (int) xFor (t) + 2, (int) plot.getBottom() + 2, 60, 12, juce::Justification::left);
    }

    const juce::Colour sideColours[] = { colours::accent, juce::Colour (0xff6fb7ff) };
    for (int side = 1; side >= 0; --side)
    {
        const auto& envelope = r.envelopeDb[(size_t) side];
        if (envelope.empty())
            continue;
        juce::Path path;
        path.startNewSubPath (plot.getX(), plot.getBottom());
        for (size_t i = 0; i < envelope.size(); ++i)
            path.lineTo (xFor ((double) i * r.windowFrames / r.sampleRate), yFor (envelope[i]));
        path.lineTo (xFor (seconds), plot.getBottom());
        path.closeSubPath();
        g.setColour (sideColours[side].withAlpha (0.35f));
        g.fillPath (path);
        g.setColour (sideColours[side]);
        g.strokePath (path, juce::PathStrokeType (1.0f));
    }

    g.setFont (juce::Font (12.0f));
    juce::String caption;
    if (which == StripModule::reverb)
    {
        if (r.preDelayMs > 0)
        {
            const float dashes[] = { 3.0f, 3.0f };
            g.setColour (colours::text.withAlpha (0.7f));
            g.drawDashedLine ({ xFor (r.preDelayMs / 1000.0), plot.getY(), xFor (r.preDelayMs / 1000.0), plot.getBottom() }, dashes, 2, 1.0f);
        }
        caption = "Pre-delay " + juce::String (r.preDelayMs, 0) + " ms   Decay measured (T20 at 1 kHz) "
                  + (r.decaySeconds ? juce::String (*r.decaySeconds, 2) + " s" : juce::String ("-"));
    }
    else
        caption = "A repeat every " + juce::String (r.echoMs, 1) + " ms   left amber, right blue";
    g.setColour (colours::text);
    g.drawText (caption, plot.reduced (6.0f, 2.0f).removeFromTop (16.0f).toNearestInt(), juce::Justification::right);
}

void SpaceResponseView::valueTreePropertyChanged (juce::ValueTree& tree, const juce::Identifier& property)
{
    const auto prefix = juce::String ("strip.") + juce::String (std::string (stripModuleName (which))) + ".";
    if ((tree == owner && property.toString().startsWith (prefix)) || (tree == model.state() && property == ids::tempoBpm))
        request();
}
} // namespace crest
