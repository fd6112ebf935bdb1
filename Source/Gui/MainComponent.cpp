#include "MainComponent.h"

#include "CrestLookAndFeel.h"

#include "Engine/SessionPlayer.h"

namespace crest
{
MainComponent::MainComponent (SessionModel& m, SessionPlayer& p, MediaPool& media, AlbumWorkspace& album)
    : model (m), player (p), transportBar (m, p), arrangeView (m, p, media), mixerView (m, &p), masterView (m, p, media), albumView (album)
{
    addAndMakeVisible (transportBar);
    transportBar.setViewTabs (tabs);
    tabs.onChoose = [this] (AppView view) { showView (view); };
    addChildComponent (arrangeView);
    addChildComponent (mixerView);
    addChildComponent (masterView);
    addChildComponent (albumView);
    addAndMakeVisible (statusBar);
    addChildComponent (startPage);
    showView (AppView::arrange);
    refreshStatus();
    setSize (1280, 760);
    startTimerHz (30);
}

MainComponent::~MainComponent()
{
    stopTimer();
}

void MainComponent::showView (AppView view)
{
    if (isShowingStartPage())
        return;
    shown = view;
    tabs.setCurrent (view);
    arrangeView.setVisible (view == AppView::arrange);
    mixerView.setVisible (view == AppView::mixer);
    masterView.setVisible (view == AppView::master);
    albumView.setVisible (view == AppView::album);
}

void MainComponent::showStartPage (bool shouldShow)
{
    startPage.setVisible (shouldShow);
    tabs.setEnabled (! shouldShow);
    if (shouldShow)
        startPage.toFront (false);
}

void MainComponent::showNextView()
{
    showView (shown == AppView::arrange  ? AppView::mixer
              : shown == AppView::mixer  ? AppView::master
              : shown == AppView::master ? AppView::album
                                         : AppView::arrange);
}

void MainComponent::refreshStatus()
{
    if (player.hasAudioDevice())
        statusBar.setDeviceStatus ("Audio: " + player.deviceDescription(), true);
    else
        statusBar.setDeviceStatus (player.deviceProblem().isNotEmpty() ? player.deviceProblem() : juce::String ("No audio device"), false);
    statusBar.setMediaProblems (player.mediaProblems(), player.playbackWarnings());
}

void MainComponent::sessionOpened (const std::filesystem::path& file)
{
    showStartPage (false);
    arrangeView.sessionOpened (file);
    mixerView.resetMeters();
    masterView.reset();
    refreshStatus();
}

void MainComponent::timerCallback()
{
    player.collectGarbage();
    transportBar.refresh();
    player.updateMeters();
    switch (shown)
    {
        case AppView::arrange: arrangeView.updatePlayhead(); break;
        case AppView::mixer: mixerView.updateMeters (player); break;
        case AppView::master: masterView.update(); break;
        case AppView::album: break;
    }
    // The album's preparation runs in the background whatever is shown; its results are taken here.
    albumView.update();
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
    arrangeView.setBounds (area);
    mixerView.setBounds (area);
    masterView.setBounds (area);
    albumView.setBounds (area);
    startPage.setBounds (area);
}
} // namespace crest
