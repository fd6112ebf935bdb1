#include "StartPage.h"

#include "CrestLookAndFeel.h"

namespace crest
{
StartPage::StartPage()
{
    setTitle ("Start");
    addAction ("New mix from stems...", "Pick audio files or a folder of them: one track each, ready to mix.", onNewFromStems);
    addAction ("Master a stereo file...", "A finished mix (or several, for an EP): a mastering session with the default chain.", onMasterFile);
    addAction ("Open a session...", "A .crest session file (Ctrl+O).", onOpen);
    addAction ("Open the demo song", "Eight synthesised stems, mixed and mastered: hear what each part of Crest does.", onOpenDemo);

    recentTitle.setText ("Recent sessions", juce::dontSendNotification);
    recentTitle.setFont (juce::Font (15.0f, juce::Font::bold));
    recentTitle.setColour (juce::Label::textColourId, colours::text);
    addAndMakeVisible (recentTitle);
    noRecent.setText ("None yet: the sessions you open and save appear here.", juce::dontSendNotification);
    noRecent.setColour (juce::Label::textColourId, colours::textDim);
    addAndMakeVisible (noRecent);
}

StartPage::Action& StartPage::addAction (const juce::String& name, const juce::String& description, std::function<void()>& callback)
{
    Action action;
    action.button = std::make_unique<juce::TextButton> (name);
    action.button->setTitle (name);
    action.button->setTooltip (description);
    action.button->onClick = [&callback] {
        if (callback)
            callback();
    };
    action.description = std::make_unique<juce::Label> (name + " description", description);
    action.description->setColour (juce::Label::textColourId, colours::textDim);
    addAndMakeVisible (*action.button);
    addAndMakeVisible (*action.description);
    actions.push_back (std::move (action));
    return actions.back();
}

void StartPage::setRecentSessions (const std::vector<std::filesystem::path>& sessions)
{
    recent = sessions;
    recentButtons.clear();
    for (size_t i = 0; i < sessions.size(); ++i)
    {
        const auto& file = sessions[i];
        auto* b = recentButtons.add (new juce::TextButton (juce::String::fromUTF8 (file.stem().string().c_str()) + "   "
                                                           + juce::String::fromUTF8 (file.parent_path().string().c_str())));
        b->setTitle ("Open recent " + juce::String::fromUTF8 (file.stem().string().c_str()));
        b->setColour (juce::TextButton::buttonColourId, colours::panel);
        b->onClick = [this, file] {
            if (onOpenRecent)
                onOpenRecent (file);
        };
        addAndMakeVisible (b);
    }
    noRecent.setVisible (sessions.empty());
    resized();
}

void StartPage::paint (juce::Graphics& g)
{
    g.fillAll (colours::background);
    auto area = getLocalBounds().reduced (60, 40);
    g.setColour (colours::text);
    g.setFont (juce::Font (30.0f, juce::Font::bold).withExtraKerningFactor (0.2f));
    g.drawText ("CREST", area.removeFromTop (44), juce::Justification::left);
    g.setColour (colours::textDim);
    g.setFont (juce::Font (15.0f));
    g.drawText ("Mix a song, master it, and hear what mastering did.", area.removeFromTop (24), juce::Justification::left);
}

void StartPage::resized()
{
    auto area = getLocalBounds().reduced (60, 40);
    area.removeFromTop (90);
    auto left = area.removeFromLeft (std::min (560, area.getWidth() / 2));
    for (auto& a : actions)
    {
        auto row = left.removeFromTop (72);
        a.button->setBounds (row.removeFromTop (36).removeFromLeft (260));
        a.description->setBounds (row.removeFromTop (26));
    }
    area.removeFromLeft (40);
    recentTitle.setBounds (area.removeFromTop (28));
    noRecent.setBounds (area.removeFromTop (26));
    for (auto* b : recentButtons)
    {
        b->setBounds (area.removeFromTop (30));
        area.removeFromTop (4);
    }
}
} // namespace crest
