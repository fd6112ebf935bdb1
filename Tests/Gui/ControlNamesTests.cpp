// Every control in the window has a name a screen reader can announce
// (its title, or a button's text) and takes keyboard focus: walked over
// all three views with the demo-like session loaded.
#include "Album/AlbumWorkspace.h"
#include "Gui/MainComponent.h"

#include "GuiDriver.h"

#include "Engine/SessionPlayer.h"
#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"
#include "IO/MediaPool.h"

#include <catch2/catch.hpp>

using namespace crest;
using namespace crest::test;

namespace
{
void collectUnnamed (juce::Component& parent, juce::StringArray& unnamed, juce::StringArray& unfocusable)
{
    for (auto* child : parent.getChildren())
    {
        if (! child->isVisible())
            continue;   // a hidden view, or a control not in use
        const bool control = dynamic_cast<juce::Button*> (child) != nullptr || dynamic_cast<juce::Slider*> (child) != nullptr
                             || dynamic_cast<juce::ComboBox*> (child) != nullptr;
        if (control)
        {
            juce::String name = child->getTitle();
            if (auto* b = dynamic_cast<juce::Button*> (child); name.isEmpty() && b != nullptr)
                name = b->getButtonText();
            if (name.trim().isEmpty())
                unnamed.add (juce::String (typeid (*child).name()) + " in " + parent.getTitle());
            if (child->isEnabled() && ! child->getWantsKeyboardFocus())
                unfocusable.add (name + " (" + juce::String (typeid (*child).name()) + ")");
        }
        collectUnnamed (*child, unnamed, unfocusable);
    }
}
} // namespace

TEST_CASE ("every control in the four views has a name and takes keyboard focus", "[gui][accessibility]")
{
    TempFolder dir;
    writeAudio (dir / "a.wav", 2, 48000, 48000, [] (int64_t, int) { return 0.1f; });
    writeAudio (dir / "b.wav", 1, 48000, 48000, [] (int64_t, int) { return 0.1f; });
    auto session = sessionOf ({ dir / "a.wav", dir / "b.wav" });
    session.masterChain.add ("eq");
    session.masterChain.add ("limiter");
    SessionModel model;
    model.load (session);
    MediaPool media (dir / "cache");
    SessionPlayer player (model, media);
    AlbumWorkspace album (player);
    album.startFromFiles ({ dir / "a.wav", dir / "b.wav" }, false);
    MainComponent main (model, player, media, album);
    main.setSize (1400, 800);
    main.sessionOpened (dir / "s.crest");
    main.album().albumOpened();
    settle();
    for (auto view : { AppView::arrange, AppView::mixer, AppView::master, AppView::album })
    {
        main.showView (view);
        settle();
        juce::StringArray unnamed, unfocusable;
        collectUnnamed (main, unnamed, unfocusable);
        INFO ("view " << (int) view << "\nunnamed: " << unnamed.joinIntoString ("\n") << "\nno keyboard focus: " << unfocusable.joinIntoString ("\n"));
        CHECK (unnamed.isEmpty());
        CHECK (unfocusable.isEmpty());
    }
}
