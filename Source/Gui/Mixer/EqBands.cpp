#include "EqBands.h"

#include "Dsp/MasterEq.h"
#include "Dsp/ParametricEq.h"
#include "Engine/SessionPlayer.h"
#include "Session/MasterChainModel.h"

#include <cmath>

namespace crest
{
namespace
{
    std::string bandField (int band, const char* field)
    {
        return "band" + std::to_string (band + 1) + "." + field;
    }

    double toDb (double magnitude)
    {
        return 20.0 * std::log10 (std::max (1e-9, magnitude));
    }

    class StripEqBands : public EqBands
    {
    public:
        StripEqBands (SessionModel& m, juce::ValueTree o, SessionPlayer* p) : model (m), owner (std::move (o)), player (p)
        {
            preview.prepare ({ model.sampleRate(), 64, 1 });
        }
        ~StripEqBands() override { listen (false); }

        juce::ValueTree tree() const override { return owner; }
        bool concerns (const juce::Identifier& property) const override { return property.toString().startsWith ("strip.eq."); }
        double value (int band, const char* field) const override { return SessionModel::stripValue (owner, "eq." + bandField (band, field)); }
        void set (int band, const char* field, double v) override { model.setStripValue (owner, "eq." + bandField (band, field), v); }
        bool isOn() const override { return SessionModel::stripValue (owner, "eq.enabled") >= 0.5; }
        void switchOn() override { model.setStripValue (owner, "eq.enabled", 1.0); }
        void beginGesture (const juce::String& name) override { model.beginGesture (name); }
        double sampleRate() const override { return model.sampleRate(); }

        void response (const std::vector<double>& hz, std::vector<double>& main, std::vector<double>& second) override
        {
            const auto specs = moduleSpecs::parametricEq();
            for (size_t i = 0; i < specs.size(); ++i)
                preview.setParameter (i, SessionModel::stripValue (owner, "eq." + std::string (specs[i].id)));
            std::vector<double> magnitudes (hz.size());
            preview.magnitudesAt (hz, magnitudes);
            main.resize (hz.size());
            for (size_t i = 0; i < hz.size(); ++i)
                main[i] = isOn() ? toDb (magnitudes[i]) : 0.0;
            second.clear();
        }

        void listen (bool on) override
        {
            if (listened != nullptr)
                listened->analysing = false;
            listened.reset();
            if (on && player != nullptr && owner.hasProperty (ids::id))
                if ((listened = player->runtimeFor (owner[ids::id].toString())))
                    listened->analysing = true;
        }

        size_t drain (float* dest, size_t capacity) override
        {
            return listened != nullptr ? listened->analysis.pop (dest, capacity) : 0;
        }

    private:
        SessionModel& model;
        juce::ValueTree owner;
        SessionPlayer* player;
        ParametricEq preview;
        std::shared_ptr<ChannelRuntime> listened;
    };

    class MasterEqBands : public EqBands
    {
    public:
        MasterEqBands (SessionModel& m, juce::ValueTree module, SessionPlayer* p) : model (m), chain (m), node (std::move (module)), player (p)
        {
            preview.prepare ({ model.sampleRate(), 64, 2 });
        }

        juce::ValueTree tree() const override { return node; }
        bool concerns (const juce::Identifier&) const override { return true; }
        double value (int band, const char* field) const override { return MasterChainModel::value (node, bandField (band, field)); }
        void set (int band, const char* field, double v) override { chain.setValue (node, bandField (band, field), v); }
        bool isOn() const override { return (bool) node.getProperty (ids::enabled, true); }
        void switchOn() override { chain.setEnabled (node, true); }
        void beginGesture (const juce::String& name) override { model.beginGesture ("Master " + name); }
        double sampleRate() const override { return model.sampleRate(); }

        void response (const std::vector<double>& hz, std::vector<double>& main, std::vector<double>& second) override
        {
            const auto specs = moduleSpecs::masterEq();
            for (size_t i = 0; i < specs.size(); ++i)
                preview.setParameter (i, MasterChainModel::value (node, specs[i].id));
            preview.refreshTargets();
            std::vector<double> mid (hz.size()), side (hz.size());
            preview.midMagnitudesAt (hz, mid);
            preview.sideMagnitudesAt (hz, side);
            main.resize (hz.size());
            second.clear();
            bool differs = false;
            for (size_t i = 0; i < hz.size(); ++i)
            {
                main[i] = isOn() ? toDb (mid[i]) : 0.0;
                differs = differs || std::abs (mid[i] - side[i]) > 1e-6;
            }
            if (differs && isOn())
                for (double s : side)
                    second.push_back (toDb (s));
        }

        void listen (bool on) override
        {
            listening = on;
            seen = player != nullptr ? player->loudness().measuredFrames() : 0;
        }

        size_t drain (float* dest, size_t capacity) override
        {
            if (! listening || player == nullptr)
                return 0;
            // The master's newest frames since the last look, summed to mono.
            const auto& live = player->loudness();
            const auto total = live.measuredFrames();
            const auto& recent = live.recentMaster();
            const size_t window = recent.size() / 2;
            const size_t fresh = (size_t) std::min<int64_t> ({ total - seen, (int64_t) window, (int64_t) capacity });
            seen = total;
            for (size_t i = 0; i < fresh; ++i)
            {
                const size_t frame = window - fresh + i;
                dest[i] = 0.5f * (recent[2 * frame] + recent[2 * frame + 1]);
            }
            return fresh;
        }

    private:
        SessionModel& model;
        MasterChainModel chain;
        juce::ValueTree node;
        SessionPlayer* player;
        MasterEq preview;
        bool listening = false;
        int64_t seen = 0;
    };
} // namespace

std::unique_ptr<EqBands> stripEqBands (SessionModel& model, juce::ValueTree owner, SessionPlayer* player)
{
    return std::make_unique<StripEqBands> (model, std::move (owner), player);
}

std::unique_ptr<EqBands> masterEqBands (SessionModel& model, juce::ValueTree module, SessionPlayer* player)
{
    return std::make_unique<MasterEqBands> (model, std::move (module), player);
}
} // namespace crest
