#include "ListeningTestsWindow.h"

#include "Gui/CrestLookAndFeel.h"

namespace crest
{
// Stops both players when the tab changes: what was heard in one tab must
// not play on under the other.
class ListeningTestsWindow::Tabs : public juce::TabbedComponent
{
public:
    Tabs (AbxView& a, EarTrainerView& e) : juce::TabbedComponent (juce::TabbedButtonBar::TabsAtTop), abx (a), ear (e)
    {
        addTab ("ABX", colours::panel, &abx, false);
        addTab ("EQ ear training", colours::panel, &ear, false);
        setTabBarDepth (30);
        setColour (juce::TabbedComponent::outlineColourId, colours::outline);
    }

    // Behind the tab bar, which paints only its tabs.
    void paint (juce::Graphics& g) override { g.fillAll (colours::background); }

    void currentTabChanged (int, const juce::String&) override
    {
        abx.player().stop();
        ear.player().stop();
    }

private:
    AbxView& abx;
    EarTrainerView& ear;
};

ListeningTestsWindow::ListeningTestsWindow (juce::AudioDeviceManager& devices, MediaPool& media, std::function<SessionDocument()> session,
                                            std::function<void()> stopSession, std::function<void()> onClose)
    : juce::DocumentWindow ("Listening tests", colours::background, juce::DocumentWindow::closeButton), closed (std::move (onClose))
{
    abxView = std::make_unique<AbxView> (devices, media, session, stopSession);
    earView = std::make_unique<EarTrainerView> (devices, media, session, stopSession);
    // Taken before the tabs lay the views out in their (yet empty) area.
    const int width = std::max (abxView->getWidth(), earView->getWidth()), height = std::max (abxView->getHeight(), earView->getHeight());
    tabs = std::make_unique<Tabs> (*abxView, *earView);
    tabs->setSize (width, height + tabs->getTabBarDepth());
    setContentNonOwned (tabs.get(), true);
    setUsingNativeTitleBar (true);
    setResizable (true, false);
    centreWithSize (getWidth(), getHeight());
}

ListeningTestsWindow::~ListeningTestsWindow()
{
    clearContentComponent();
}

void ListeningTestsWindow::show (Tab tab)
{
    tabs->setCurrentTabIndex ((int) tab);
    setVisible (true);
    toFront (true);
}

void ListeningTestsWindow::closeButtonPressed()
{
    abxView->player().stop();
    earView->player().stop();
    if (closed)
        closed();
}
} // namespace crest
