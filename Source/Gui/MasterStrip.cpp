#include "MasterStrip.h"

#include "Core/MasterModules.h"
#include "CrestLookAndFeel.h"
#include "Engine/SessionPlayer.h"
#include "Mastering/SessionTarget.h"

#include <algorithm>
#include <cmath>

namespace crest
{
namespace
{
    juce::String levelText (double v) { return std::isfinite (v) ? juce::String (v, 1) : juce::String ("-inf"); }

    // Within 1 LU of a loudness target reads as on it: services normalise
    // the rest, and the last tenths are the final master's to settle.
    constexpr double onTargetLu = 1.0;
} // namespace

MasterStrip::MasterStrip (SessionModel& m, SessionPlayer& p) : model (m), player (p), session (m.state())
{
    title.setText ("MASTER", juce::dontSendNotification);
    title.setJustificationType (juce::Justification::centred);
    title.setFont (juce::Font (14.0f, juce::Font::bold));
    title.setColour (juce::Label::textColourId, colours::accent);
    addAndMakeVisible (title);

    chainButton.setTitle ("Master chain");
    chainButton.onClick = [this] { openChainEditor(); };
    addAndMakeVisible (chainButton);

    // Mix / Master / Difference: what is heard, never what is rendered.
    const std::pair<juce::TextButton*, MonitorSource> sources[] = { { &mixButton, MonitorSource::mix },
                                                                    { &masterButton, MonitorSource::master },
                                                                    { &differenceButton, MonitorSource::difference },
                                                                    { &referenceButton, MonitorSource::reference } };
    for (const auto& [button, source] : sources)
    {
        button->setClickingTogglesState (false);
        button->setColour (juce::TextButton::buttonOnColourId, colours::accent);
        button->setColour (juce::TextButton::textColourOnId, colours::background);
        button->onClick = [this, source] { choose (source); };
        addAndMakeVisible (*button);
    }
    mixButton.setTooltip ("Hear the mix bus, before the master chain (loudness-matched to the master when Match is on)");
    masterButton.setTooltip ("Hear the master, after the chain");
    differenceButton.setTooltip ("Hear what mastering added: the master minus the level-matched mix");
    referenceButton.setTooltip ("Hear the chosen reference track, in time with the session (loudness-matched when Match is on)");
    matchToggle.setToggleState (player.engine().monitor().isMatching(), juce::dontSendNotification);
    matchToggle.setTooltip ("Play the master at the mix's loudness, so the louder one does not win by loudness");
    matchToggle.onClick = [this] { player.engine().monitor().setMatching (matchToggle.getToggleState()); };
    addAndMakeVisible (matchToggle);
    matchLabel.setFont (juce::Font (11.0f));
    matchLabel.setColour (juce::Label::textColourId, colours::textDim);
    matchLabel.setJustificationType (juce::Justification::centred);
    addAndMakeVisible (matchLabel);

    const std::pair<Readout*, const char*> readouts[] = { { &momentary, "M" }, { &shortTerm, "S" },   { &integrated, "I" },
                                                          { &range, "LRA" },   { &truePeak, "TP" }, { &plr, "PLR" },
                                                          { &correlation, "Corr" }, { &mixIntegrated, "Mix I" } };
    for (const auto& [readout, name] : readouts)
    {
        readout->name.setText (name, juce::dontSendNotification);
        readout->name.setFont (juce::Font (11.0f));
        readout->name.setColour (juce::Label::textColourId, colours::textDim);
        readout->value.setFont (juce::Font (juce::Font::getDefaultMonospacedFontName(), 13.0f, juce::Font::plain));
        readout->value.setJustificationType (juce::Justification::centredRight);
        readout->value.setColour (juce::Label::backgroundColourId, colours::faderTrack);
        addAndMakeVisible (readout->name);
        addAndMakeVisible (readout->value);
    }
    momentary.value.setTooltip ("Master: momentary loudness (400 ms), LUFS");
    shortTerm.value.setTooltip ("Master: short-term loudness (3 s), LUFS");
    integrated.value.setTooltip ("Master: integrated loudness since playback began (gated, BS.1770-4), LUFS");
    range.value.setTooltip ("Master: loudness range (EBU Tech 3342), LU");
    truePeak.value.setTooltip ("Master: highest true peak (4x oversampled), dBTP");
    plr.value.setTooltip ("Master: peak-to-loudness ratio (true peak - integrated), LU: how much dynamics the master keeps");
    correlation.value.setTooltip ("Master: phase correlation, +1 mono, 0 unrelated, -1 out of phase (trouble in mono)");
    mixIntegrated.value.setTooltip ("Mix bus: integrated loudness, LUFS, measured at the same time");

    targets = targetPresets();
    targetMenu.setTitle ("Delivery target");
    targetMenu.addItem ("No target", 1);
    for (size_t i = 0; i < targets.size(); ++i)
        targetMenu.addItem (juce::String (targets[i].name), (int) i + 2);
    targetMenu.setSelectedId (1, juce::dontSendNotification);
    targetMenu.setTooltip ("A delivery target: its loudness and true-peak ceiling are checked live against the master");
    addAndMakeVisible (targetMenu);
    reachButton.setTooltip ("Set the limiter's gain and ceiling so the master lands on the target (renders the session in the background)");
    reachButton.onClick = [this] { reachTarget(); };
    addAndMakeVisible (reachButton);
    verdict.setFont (juce::Font (11.0f));
    verdict.setJustificationType (juce::Justification::centred);
    addAndMakeVisible (verdict);
    meter.setTooltip ("Master output peaks");
    addAndMakeVisible (meter);

    session.addListener (this);
    refreshChainButton();
    refreshMonitorButtons();
}

MasterStrip::~MasterStrip()
{
    session.removeListener (this);
    if (worker.joinable())
        worker.join();
}

void MasterStrip::chooseTarget (const juce::String& key)
{
    for (size_t i = 0; i < targets.size(); ++i)
        if (juce::String (targets[i].key) == key)
            targetMenu.setSelectedId ((int) i + 2, juce::sendNotificationSync);
}

bool MasterStrip::reachTarget()
{
    const int chosen = targetMenu.getSelectedId() - 2;
    if (reaching.load() || chosen < 0 || chosen >= (int) targets.size() || ! targets[(size_t) chosen].integratedLufs)
        return false;
    const auto target = targets[(size_t) chosen];
    // A chain without a limiter is measured with one at its end; the model
    // gets it with the gain, in one undo step, when the answer is in.
    auto document = model.toDocument();
    if (std::none_of (document.masterChain.modules.begin(), document.masterChain.modules.end(), [] (const auto& m) { return m.kind == "limiter"; }))
        document.masterChain.add ("limiter");
    if (worker.joinable())
        worker.join();
    reaching = true;
    reachProgress = 0.0;
    reachButton.setEnabled (false);
    juce::Component::SafePointer<MasterStrip> self (this);
    worker = std::thread ([this, self, document, target] {
        std::string problem;
        SessionTargetResult result;
        try
        {
            result = gainForTarget (document, *target.integratedLufs, target.truePeakDbtp, [this] (double f) { reachProgress = f; });
        }
        catch (const std::exception& e)
        {
            problem = e.what();
        }
        juce::MessageManager::callAsync ([self, result, problem] {
            if (self == nullptr)
                return;
            self->finishReaching (result, problem);
        });
    });
    return true;
}

void MasterStrip::finishReaching (const SessionTargetResult& result, const std::string& problem)
{
    reaching = false;
    reachButton.setEnabled (true);
    if (! problem.empty())
    {
        verdict.setText ("Not reached: " + juce::String (problem), juce::dontSendNotification);
        verdict.setColour (juce::Label::textColourId, colours::meterRed);
        return;
    }
    // The last limiter (added now if the chain had none) carries the gain.
    MasterChainModel chain (model);
    model.beginGesture ("Master: reach target");
    int limiter = -1;
    for (int i = 0; i < chain.size(); ++i)
        if (chain.module (i)[ids::kind].toString() == "limiter")
            limiter = i;
    auto module = limiter >= 0 ? chain.module (limiter) : chain.add ("limiter");
    chain.setValue (module, "inputGainDb", result.limiterGainDb);
    chain.setValue (module, "ceilingDb", result.ceilingDbtp);
    player.restartLoudness();   // the meters measure the new master from here
}

void MasterStrip::choose (MonitorSource source)
{
    player.engine().monitor().setSource (source);
    refreshMonitorButtons();
}

void MasterStrip::refreshMonitorButtons()
{
    const auto source = player.engine().monitor().source();
    mixButton.setToggleState (source == MonitorSource::mix, juce::dontSendNotification);
    masterButton.setToggleState (source == MonitorSource::master, juce::dontSendNotification);
    differenceButton.setToggleState (source == MonitorSource::difference, juce::dontSendNotification);
    referenceButton.setToggleState (source == MonitorSource::reference, juce::dontSendNotification);
    referenceButton.setEnabled (! player.monitoredReference().empty());
    // The chosen reference removed: silence would be the only thing heard.
    if (source == MonitorSource::reference && player.monitoredReference().empty())
        choose (MonitorSource::master);
}

void MasterStrip::cycleMonitor()
{
    // Mix, Master, then the reference when one is chosen; Difference steps into the cycle at Mix.
    const auto source = player.engine().monitor().source();
    const bool reference = ! player.monitoredReference().empty();
    choose (source == MonitorSource::mix ? MonitorSource::master
            : source == MonitorSource::master && reference ? MonitorSource::reference
                                                           : MonitorSource::mix);
}

void MasterStrip::refreshChainButton()
{
    MasterChainModel chain (model);
    juce::StringArray on, all;
    for (int i = 0; i < chain.size(); ++i)
    {
        const auto module = chain.module (i);
        const auto* kind = findMasterModuleKind (module[ids::kind].toString().toStdString());
        const auto name = juce::String (std::string (kind != nullptr ? kind->name : "?"));
        all.add (name + ((bool) module[ids::enabled] ? "" : " (off)"));
        if ((bool) module[ids::enabled])
            on.add (name);
    }
    chainButton.setButtonText (chain.size() == 0 ? "NO CHAIN" : on.isEmpty() ? "ALL OFF" : on.joinIntoString (" "));
    chainButton.setTooltip (chain.size() == 0 ? "The master chain is empty: the mix is the master. Click to add modules."
                                              : "Master chain: " + all.joinIntoString (", ") + ". Click to edit.");
}

void MasterStrip::openChainEditor()
{
    if (window == nullptr)
        window = std::make_unique<MasterChainWindow> (model, &player);
    window->setVisible (true);
    window->toFront (true);
}

void MasterStrip::updateMeter()
{
    float left = 0.0f, right = 0.0f;
    if (auto master = player.master())
    {
        left = master->meterLeft.take();
        right = master->meterRight.take();
    }
    meter.pushPeaks (left, right);

    const auto& live = player.loudness();
    const auto& m = live.master();
    momentary.value.setText (levelText (m.momentaryLufs), juce::dontSendNotification);
    shortTerm.value.setText (levelText (m.shortTermLufs), juce::dontSendNotification);
    integrated.value.setText (levelText (m.integratedLufs), juce::dontSendNotification);
    range.value.setText (juce::String (m.loudnessRangeLu, 1), juce::dontSendNotification);
    truePeak.value.setText (levelText (m.truePeakDbtp), juce::dontSendNotification);
    plr.value.setText (std::isfinite (m.integratedLufs) ? juce::String (m.plrLu(), 1) : juce::String ("-"), juce::dontSendNotification);
    correlation.value.setText (m.seconds > 0 ? juce::String (m.correlation, 2) : juce::String ("-"), juce::dontSendNotification);
    correlation.value.setColour (juce::Label::textColourId, m.seconds > 0 && m.correlation < 0 ? colours::meterRed : colours::text);
    mixIntegrated.value.setText (levelText (live.mix().integratedLufs), juce::dontSendNotification);

    const auto& monitor = player.engine().monitor();
    const auto referenceMatch = player.referenceMatchDb (player.monitoredReference());
    matchLabel.setText (! monitor.isMatching()                                                  ? juce::String ("unmatched")
                        : monitor.source() == MonitorSource::reference && referenceMatch         ? "reference heard " + juce::String (*referenceMatch, 1) + " dB"
                        : live.matchGainDb()                                                     ? "master heard " + juce::String (*live.matchGainDb(), 1) + " dB"
                                                                                                 : juce::String ("unmatched"),
                        juce::dontSendNotification);
    refreshMonitorButtons();

    const int chosen = targetMenu.getSelectedId() - 2;
    reachButton.setEnabled (! reaching.load() && chosen >= 0 && chosen < (int) targets.size() && targets[(size_t) chosen].integratedLufs);
    if (reaching.load())
    {
        verdict.setText ("Reaching the target... " + juce::String (juce::roundToInt (100 * reachProgress.load())) + " %", juce::dontSendNotification);
        verdict.setColour (juce::Label::textColourId, colours::textDim);
        return;
    }
    if (chosen < 0 || chosen >= (int) targets.size())
    {
        verdict.setText ({}, juce::dontSendNotification);
        return;
    }
    const auto& target = targets[(size_t) chosen];
    const bool peakOk = ! std::isfinite (m.truePeakDbtp) || m.truePeakDbtp <= target.truePeakDbtp;
    juce::String text = "TP " + juce::String (peakOk ? "ok" : "over") + " (" + juce::String (target.truePeakDbtp, 1) + ")";
    bool pass = peakOk;
    if (target.integratedLufs)
    {
        if (! std::isfinite (m.integratedLufs))
            text = "play to measure";
        else
        {
            const double off = m.integratedLufs - *target.integratedLufs;
            const bool loudnessOk = std::abs (off) <= onTargetLu;
            pass = pass && loudnessOk;
            text = (loudnessOk ? "on " : juce::String (std::abs (off), 1) + (off > 0 ? " LU loud, " : " LU quiet, "))
                   + juce::String (*target.integratedLufs, 0) + " LUFS; " + text;
        }
    }
    verdict.setText ((pass ? "PASS: " : "FAIL: ") + text, juce::dontSendNotification);
    verdict.setColour (juce::Label::textColourId, pass ? colours::meterGreen : colours::meterRed);
}

std::optional<double> MasterStrip::targetLufs() const
{
    const int chosen = targetMenu.getSelectedId() - 2;
    if (chosen < 0 || chosen >= (int) targets.size())
        return std::nullopt;
    return targets[(size_t) chosen].integratedLufs;
}

std::optional<VinylFormat> MasterStrip::targetVinyl() const
{
    const int chosen = targetMenu.getSelectedId() - 2;
    if (chosen < 0 || chosen >= (int) targets.size())
        return std::nullopt;
    return targets[(size_t) chosen].vinyl;
}

void MasterStrip::paint (juce::Graphics& g)
{
    auto bounds = getLocalBounds().toFloat().reduced (2.0f, 0.0f);
    g.setColour (colours::panelRaised);
    g.fillRoundedRectangle (bounds, 4.0f);
    g.setColour (colours::accent.brighter (0.3f));
    g.fillRoundedRectangle (bounds.removeFromTop (4.0f), 2.0f);
    g.setColour (colours::outline.brighter (0.2f));
    g.drawRoundedRectangle (getLocalBounds().toFloat().reduced (2.5f, 0.5f), 4.0f, 1.0f);
}

void MasterStrip::resized()
{
    auto area = getLocalBounds().reduced (8, 0);
    area.removeFromTop (8);
    title.setBounds (area.removeFromTop (20));
    area.removeFromTop (6);
    chainButton.setBounds (area.removeFromTop (24));
    area.removeFromTop (10);
    auto buttons = area.removeFromTop (24);
    const int w = buttons.getWidth() * 2 / 9;
    mixButton.setBounds (buttons.removeFromLeft (w).reduced (1, 0));
    referenceButton.setBounds (buttons.removeFromRight (w).reduced (1, 0));
    differenceButton.setBounds (buttons.removeFromRight (w).reduced (1, 0));
    masterButton.setBounds (buttons.reduced (1, 0));
    area.removeFromTop (4);
    matchToggle.setBounds (area.removeFromTop (22));
    matchLabel.setBounds (area.removeFromTop (16));
    area.removeFromTop (6);
    for (auto* r : { &momentary, &shortTerm, &integrated, &range, &truePeak, &plr, &correlation, &mixIntegrated })
    {
        auto line = area.removeFromTop (20);
        r->name.setBounds (line.removeFromLeft (44));
        r->value.setBounds (line.reduced (0, 1));
        area.removeFromTop (2);
    }
    area.removeFromTop (8);
    targetMenu.setBounds (area.removeFromTop (24));
    area.removeFromTop (4);
    reachButton.setBounds (area.removeFromTop (22));
    verdict.setBounds (area.removeFromTop (30));
    area.removeFromTop (6);
    area.removeFromBottom (8);
    meter.setBounds (area.withSizeKeepingCentre (40, area.getHeight()));
}
} // namespace crest
