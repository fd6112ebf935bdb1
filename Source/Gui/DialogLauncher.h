// Crest's dialogs (export, relink, audio settings) open the same way: a
// window of the app's colour, centred on the main window, resizable, that
// owns its content and deletes itself once closed.
//
// Message thread only.
#pragma once

#include "CrestLookAndFeel.h"

#include <juce_gui_basics/juce_gui_basics.h>

namespace crest
{
inline juce::DialogWindow* launchDialog (juce::Component* contentToOwn, const juce::String& title, juce::Component* centreAround)
{
    juce::DialogWindow::LaunchOptions options;
    options.dialogTitle = title;
    options.content.setOwned (contentToOwn);
    options.componentToCentreAround = centreAround;
    options.useNativeTitleBar = true;
    options.resizable = true;
    options.dialogBackgroundColour = colours::panel;
    return options.launchAsync();
}
} // namespace crest
