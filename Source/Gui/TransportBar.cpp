#include "TransportBar.h"

#include "CrestLookAndFeel.h"

#include "Engine/SessionPlayer.h"
#include "Core/MusicalTime.h"
#include "Core/ParameterSpec.h"
#include "Session/SessionModel.h"

namespace crest
{
namespace
{
    juce::Path playShape()
    {
        juce::Path p;
        p.addTriangle (0.0f, 0.0f, 0.0f, 10.0f, 8.66f, 5.0f);
        return p;
    }

    juce::Path stopShape()
    {
        juce::Path p;
        p.addRectangle (0.0f, 0.0f, 10.0f, 10.0f);
        return p;
    }

    juce::Path returnShape()
    {
        juce::Path p;
        p.addRectangle (0.0f, 0.0f, 1.6f, 10.0f);
        p.addTriangle (9.0f, 0.0f, 9.0f, 10.0f, 1.6f, 5.0f);
        return p;
    }

    void styleButton (juce::ShapeButton& b, juce::Colour normal)
    {
        b.setColours (normal, normal.brighter (0.3f), normal.darker (0.3f));
        b.setOutline (juce::Colours::transparentBlack, 0.0f);
        b.setBorderSize (juce::BorderSize<int> (9));
    }
} // namespace

TransportBar::TransportBar (SessionModel& m, SessionPlayer& p)
    : model (m), player (p)
{
    // The monitor path: what the engineer hears, never what is rendered.
    for (auto* button : { &dimButton, &monoButton })
    {
        button->setClickingTogglesState (true);
        button->setColour (juce::TextButton::buttonOnColourId, colours::accent);
        addAndMakeVisible (*button);
    }
    dimButton.setTooltip ("Dim the monitor 20 dB (renders are unaffected)");
    dimButton.onClick = [this] { player.engine().monitor().setDim (dimButton.getToggleState()); };
    monoButton.setTooltip ("Listen in mono (renders are unaffected)");
    monoButton.onClick = [this] { player.engine().monitor().setMono (monoButton.getToggleState()); };

    loopButton.setClickingTogglesState (false);
    loopButton.setColour (juce::TextButton::buttonOnColourId, colours::accent);
    loopButton.setTooltip ("Loop playback in the loop range (L); shift-drag on the ruler sets the range");
    loopButton.onClick = [this] {
        if (onLoop)
            onLoop();
    };
    addAndMakeVisible (loopButton);

    returnButton.setShape (returnShape(), false, true, false);
    returnButton.setTitle ("Return to start");
    styleButton (returnButton, colours::text);
    returnButton.setTooltip ("Return to start (Home)");
    returnButton.onClick = [this]
    {
        if (onReturnToStart)
            onReturnToStart();
    };
    addAndMakeVisible (returnButton);

    updatePlayShape (false);
    playButton.setTitle ("Play");
    playButton.onClick = [this]
    {
        if (onPlayStop)
            onPlayStop();
    };
    addAndMakeVisible (playButton);

    const auto mono = juce::Font::getDefaultMonospacedFontName();
    positionLabel.setFont (juce::Font (mono, 30.0f, juce::Font::bold));
    positionLabel.setColour (juce::Label::textColourId, colours::accent);
    positionLabel.setJustificationType (juce::Justification::centredLeft);
    addAndMakeVisible (positionLabel);

    positionLabel.setTitle ("Position");
    barsLabel.setFont (juce::Font (mono, 17.0f, juce::Font::bold));
    barsLabel.setColour (juce::Label::textColourId, colours::text);
    barsLabel.setTitle ("Position in bars and beats");
    barsLabel.setTooltip ("Bar.beat.hundredths");
    addAndMakeVisible (barsLabel);

    lengthLabel.setFont (juce::Font (mono, 13.0f, juce::Font::plain));
    lengthLabel.setColour (juce::Label::textColourId, colours::textDim);
    lengthLabel.setTitle ("Session length");
    addAndMakeVisible (lengthLabel);

    tempoLabel.setFont (juce::Font (13.0f, juce::Font::bold));
    tempoLabel.setColour (juce::Label::textColourId, colours::text);
    tempoLabel.setJustificationType (juce::Justification::centred);
    tempoLabel.setTitle ("Tempo and meter");
    tempoLabel.setTooltip ("Double-click to type a tempo (BPM) and meter, e.g. \"96 6/8\"");
    tempoLabel.setEditable (false, true, false);
    tempoLabel.onTextChange = [this] { applyTempoText (tempoLabel.getText()); };
    addAndMakeVisible (tempoLabel);

    loadLabel.setFont (juce::Font (12.0f));
    loadLabel.setColour (juce::Label::textColourId, colours::textDim);
    loadLabel.setJustificationType (juce::Justification::centredRight);
    loadLabel.setTitle ("DSP load and dropouts");
    addAndMakeVisible (loadLabel);

    rateLabel.setFont (juce::Font (13.0f, juce::Font::bold));
    rateLabel.setColour (juce::Label::textColourId, colours::text);
    rateLabel.setJustificationType (juce::Justification::centredRight);
    addAndMakeVisible (rateLabel);

    deviceLabel.setFont (juce::Font (12.0f));
    deviceLabel.setColour (juce::Label::textColourId, colours::textDim);
    deviceLabel.setJustificationType (juce::Justification::centredRight);
    addAndMakeVisible (deviceLabel);

    logoLabel.setText ("CREST", juce::dontSendNotification);
    logoLabel.setFont (juce::Font (20.0f, juce::Font::bold).withExtraKerningFactor (0.25f));
    logoLabel.setColour (juce::Label::textColourId, colours::text.withAlpha (0.85f));
    addAndMakeVisible (logoLabel);

    refresh();
}

juce::String TransportBar::formatTime (int64_t samples, double sampleRate)
{
    if (sampleRate <= 0.0)
        return "--:--.---";
    const auto totalMs = (int64_t) ((double) samples * 1000.0 / sampleRate);
    const auto minutes = totalMs / 60000;
    const auto seconds = (totalMs / 1000) % 60;
    const auto millis = totalMs % 1000;
    return juce::String::formatted ("%02d:%02d.%03d", (int) minutes, (int) seconds, (int) millis);
}

void TransportBar::updatePlayShape (bool playing)
{
    shownPlaying = playing;
    playButton.setShape (playing ? stopShape() : playShape(), false, true, false);
    styleButton (playButton, playing ? colours::accent : colours::text);
    playButton.setTooltip (playing ? "Stop (Space)" : "Play (Space)");
    repaint();
}

void TransportBar::refresh()
{
    const bool playing = player.isPlaying();
    if (playing != shownPlaying || firstRefresh)
        updatePlayShape (playing);
    firstRefresh = false;

    const double rate = model.sampleRate();
    positionLabel.setText (formatTime (player.position(), rate), juce::dontSendNotification);
    lengthLabel.setText ("/ " + formatTime (model.lengthSamples(), rate), juce::dontSendNotification);
    rateLabel.setText (juce::String (rate / 1000.0, rate == std::floor (rate / 1000.0) * 1000.0 ? 0 : 1) + " kHz session",
                       juce::dontSendNotification);
    const auto& session = model.state();
    const MusicalTime time { rate, (double) session.getProperty (ids::tempoBpm, 120.0), (int) session.getProperty (ids::meterNumerator, 4),
                             (int) session.getProperty (ids::meterDenominator, 4) };
    barsLabel.setText (time.format (player.position()), juce::dontSendNotification);
    if (! tempoLabel.isBeingEdited())
        tempoLabel.setText (juce::String (time.tempoBpm, time.tempoBpm == std::floor (time.tempoBpm) ? 0 : 2) + " BPM  "
                                + juce::String (time.numerator) + "/" + juce::String (time.denominator),
                            juce::dontSendNotification);
    loopButton.setToggleState (player.isLooping(), juce::dontSendNotification);
    deviceLabel.setText (player.hasAudioDevice() ? player.deviceDescription() : "No audio device", juce::dontSendNotification);
    const auto dropouts = player.dropouts();
    loadLabel.setText (player.hasAudioDevice() ? "DSP " + juce::String (juce::roundToInt (player.dspLoad() * 100.0)) + " %   "
                                                     + juce::String (dropouts) + (dropouts == 1 ? " dropout" : " dropouts")
                                               : juce::String(),
                       juce::dontSendNotification);
    loadLabel.setColour (juce::Label::textColourId, dropouts > 0 ? colours::mute.brighter (0.2f) : colours::textDim);
    deviceLabel.setColour (juce::Label::textColourId, player.hasAudioDevice() ? colours::textDim : colours::mute.brighter (0.2f));
}

void TransportBar::applyTempoText (const juce::String& text)
{
    // "120", "120 BPM", "96 6/8", "6/8": a tempo, a meter, or both.
    juce::StringArray words;
    words.addTokens (text.replace ("BPM", " ").replace ("bpm", " "), " ", "");
    words.removeEmptyStrings();
    std::optional<double> tempo;
    std::optional<std::pair<int, int>> meter;
    for (const auto& w : words)
    {
        if (w.containsChar ('/'))
        {
            const int n = w.upToFirstOccurrenceOf ("/", false, false).getIntValue();
            const int d = w.fromFirstOccurrenceOf ("/", false, false).getIntValue();
            if (n >= 1 && n <= 32 && (d == 1 || d == 2 || d == 4 || d == 8 || d == 16))
                meter = std::pair { n, d };
        }
        else if (w.containsOnly ("0123456789.") && w.getDoubleValue() > 0)
            tempo = params::tempoBpm.clamp (w.getDoubleValue());
    }
    if (! tempo && ! meter)
        return;   // the next refresh shows the session's again
    model.beginGesture ("Tempo and meter");
    if (tempo)
        model.setSessionValue (ids::tempoBpm, *tempo);
    if (meter)
    {
        model.setSessionValue (ids::meterNumerator, meter->first);
        model.setSessionValue (ids::meterDenominator, meter->second);
    }
}

void TransportBar::setViewTabs (juce::Component& tabs)
{
    viewTabs = &tabs;
    addAndMakeVisible (tabs);
    resized();
}

void TransportBar::paint (juce::Graphics& g)
{
    g.fillAll (colours::panel);
    g.setColour (colours::outline);
    g.drawHorizontalLine (getHeight() - 1, 0.0f, (float) getWidth());

    // The time display sits in a recessed well, like a hardware counter.
    auto well = positionLabel.getBounds().getUnion (lengthLabel.getBounds()).getUnion (barsLabel.getBounds()).expanded (8, 2).toFloat();
    g.setColour (colours::faderTrack);
    g.fillRoundedRectangle (well, 4.0f);

    // Play is the app's main button; give it a ring that lights when rolling.
    auto ring = playButton.getBounds().toFloat().reduced (1.0f);
    g.setColour (shownPlaying ? colours::accent.withAlpha (0.18f) : colours::panelRaised);
    g.fillEllipse (ring);
    g.setColour (shownPlaying ? colours::accent : colours::outline.brighter (0.2f));
    g.drawEllipse (ring, 1.5f);
    auto ring2 = returnButton.getBounds().toFloat().reduced (1.0f);
    g.setColour (colours::panelRaised);
    g.fillEllipse (ring2);
    g.setColour (colours::outline.brighter (0.2f));
    g.drawEllipse (ring2, 1.5f);
}

void TransportBar::resized()
{
    auto area = getLocalBounds().reduced (14, 8);
    logoLabel.setBounds (area.removeFromLeft (96));
    area.removeFromLeft (10);
    returnButton.setBounds (area.removeFromLeft (area.getHeight()).reduced (4));
    area.removeFromLeft (8);
    playButton.setBounds (area.removeFromLeft (area.getHeight()));
    area.removeFromLeft (26);
    positionLabel.setBounds (area.removeFromLeft (180));
    auto counter = area.removeFromLeft (120);
    barsLabel.setBounds (counter.removeFromTop (counter.getHeight() / 2 + 2));
    lengthLabel.setBounds (counter);
    area.removeFromLeft (18);
    tempoLabel.setBounds (area.removeFromLeft (88));
    area.removeFromLeft (8);
    auto monitor = area.removeFromLeft (168).withSizeKeepingCentre (168, 26);
    loopButton.setBounds (monitor.removeFromLeft (52));
    monitor.removeFromLeft (6);
    dimButton.setBounds (monitor.removeFromLeft (52));
    monitor.removeFromLeft (6);
    monoButton.setBounds (monitor.removeFromLeft (52));

    // The four view tabs keep room for their names; the device text gives way first.
    auto right = area.removeFromRight (std::min (330, std::max (140, area.getWidth() - 330)));
    rateLabel.setBounds (right.removeFromTop (right.getHeight() / 3));
    deviceLabel.setBounds (right.removeFromTop (right.getHeight() / 2));
    loadLabel.setBounds (right);
    if (viewTabs != nullptr)
        viewTabs->setBounds (area.withSizeKeepingCentre (std::min (area.getWidth() - 4, 320), 28));
}
} // namespace crest
