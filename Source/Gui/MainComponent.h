// The window's content: transport bar on top (with the view tabs), the
// view shown (Arrange, Mixer, Master or Album) in the middle, status bar at the
// bottom. Owns the one 30 Hz timer that drives meters, the playhead and
// the player's garbage collection, so the GUI has a single heartbeat; a
// hidden view is not updated.
//
// Message thread only.
#pragma once

#include "Album/AlbumView.h"
#include "Arrange/ArrangeView.h"
#include "Master/MasterView.h"
#include "MixerView.h"
#include "StartPage.h"
#include "StatusBar.h"
#include "TransportBar.h"
#include "ViewTabs.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace crest
{
class SessionPlayer;

class MainComponent : public juce::Component, private juce::Timer
{
public:
    MainComponent (SessionModel& model, SessionPlayer& player, MediaPool& media, AlbumWorkspace& album);
    ~MainComponent() override;

    TransportBar& transport() noexcept { return transportBar; }
    StatusBar& status() noexcept { return statusBar; }
    MixerView& mixer() noexcept { return mixerView; }
    ArrangeView& arrange() noexcept { return arrangeView; }
    MasterView& master() noexcept { return masterView; }
    AlbumView& album() noexcept { return albumView; }

    void showView (AppView view);
    AppView currentView() const noexcept { return shown; }
    void showNextView();
    // The start page over the views, while no session is open.
    void showStartPage (bool shouldShow);
    bool isShowingStartPage() const noexcept { return startPage.isVisible(); }
    StartPage& start() noexcept { return startPage; }

    // Re-reads the device state and media problems (after open/new/device change).
    void refreshStatus();
    // A session was opened or started: meters and histories start again.
    void sessionOpened (const std::filesystem::path& file);

    // Heartbeats since the window opened, and how long that was: the rate
    // the meters and playhead really update at (the GUI benchmark reads it).
    int64_t heartbeats() const noexcept { return ticks; }
    double secondsSinceOpened() const noexcept { return (juce::Time::getMillisecondCounterHiRes() - openedAtMs) / 1000.0; }

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    void timerCallback() override;

    SessionModel& model;
    SessionPlayer& player;
    TransportBar transportBar;
    ViewTabs tabs;
    ArrangeView arrangeView;
    MixerView mixerView;
    MasterView masterView;
    AlbumView albumView;
    StatusBar statusBar;
    StartPage startPage;
    juce::TooltipWindow tooltips { this, 600 };
    AppView shown = AppView::arrange;
    int64_t ticks = 0;
    double openedAtMs = juce::Time::getMillisecondCounterHiRes();
};
} // namespace crest
