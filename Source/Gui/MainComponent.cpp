#include "MainComponent.h"

#include "CrestLookAndFeel.h"

#include "Engine/SessionPlayer.h"

namespace crest
{
MainComponent::MainComponent (SessionModel& m, SessionPlayer& p)
    : model (m), player (p), transportBar (m, p), mixerView (m, p)
{
    addAndMakeVisible (transportBar);
    addAndMakeVisible (mixerView);
    addAndMakeVisible (statusBar);
    refreshStatus();
    setSize (1280, 720);
    startTimerHz (30);
}

MainComponent::~MainComponent()
{
    stopTimer();
}

void MainComponent::refreshStatus()
{
    if (player.hasAudioDevice())
        statusBar.setDeviceStatus ("Audio: " + player.deviceDescription(), true);
    else
        statusBar.setDeviceStatus (player.deviceProblem().isNotEmpty() ? player.deviceProblem() : juce::String ("No audio device"), false);
    statusBar.setMediaProblems (player.mediaProblems(), player.playbackWarnings());
}

void MainComponent::timerCallback()
{
    player.collectGarbage();
    transportBar.refresh();
    player.updateMeters();
    mixerView.updateMeters (player);
    // Media problems and warnings change rarely; twice a second is plenty.
    if (++ticks % 15 == 0)
        statusBar.setMediaProblems (player.mediaProblems(), player.playbackWarnings());
}

void MainComponent::paint (juce::Graphics& g)
{
    g.fillAll (colours::background);
}

void MainComponent::resized()
{
    auto area = getLocalBounds();
    transportBar.setBounds (area.removeFromTop (64));
    statusBar.setBounds (area.removeFromBottom (26));
    mixerView.setBounds (area);
}
} // namespace crest
