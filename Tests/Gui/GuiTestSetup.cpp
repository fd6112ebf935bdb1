// The GUI tests' process behaves as the app does towards X11: JUCE installs
// its own X error handlers only in a standalone app, and without them
// Xlib's default handler ends the process on the first harmless error (a
// window manager's atom missing on a bare Xvfb). Naming a factory makes
// JUCE treat the process as an app; nothing ever calls it.
#include <juce_gui_basics/juce_gui_basics.h>

namespace
{
juce::JUCEApplicationBase* noApplication() { return nullptr; }

const bool treatedAsApp = [] {
    juce::JUCEApplicationBase::createInstance = &noApplication;
    return true;
}();
} // namespace
