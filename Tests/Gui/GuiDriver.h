// Driving real components as a user does, for the GUI tests: finding a
// control by its title or text, clicking, dragging with the mouse (the
// component's own mouse handlers get the events a real drag makes), and
// running the messages a click or an async update posts.
#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

// JUCE's own message pump step (juce_linux_Messaging.cpp): the app's
// builds do not permit modal loops, so the tests run pending messages
// (a button's click is posted, as a real click is) through it.
namespace juce
{
bool dispatchNextMessageOnSystemQueue (bool returnIfNoPendingMessages);
}

namespace crest::test
{
inline void settle()
{
    while (juce::dispatchNextMessageOnSystemQueue (true)) {}
}

// Runs messages for about `ms` milliseconds (the app's timers among them).
inline void runMessagesFor (int ms)
{
    const auto until = juce::Time::getMillisecondCounter() + (juce::uint32) ms;
    while (juce::Time::getMillisecondCounter() < until)
    {
        if (! juce::dispatchNextMessageOnSystemQueue (true))
            juce::Thread::sleep (2);
    }
}

// Runs messages until `condition` holds; false if it did not within the time.
template <typename Condition>
bool waitFor (Condition condition, int timeoutMs)
{
    const auto until = juce::Time::getMillisecondCounter() + (juce::uint32) timeoutMs;
    while (! condition())
    {
        if (juce::Time::getMillisecondCounter() > until)
            return false;
        runMessagesFor (20);
    }
    return true;
}

// The alert window on screen now (an error, a question), or null.
inline juce::AlertWindow* openAlert()
{
    for (int i = 0; i < juce::Desktop::getInstance().getNumComponents(); ++i)
        if (auto* alert = dynamic_cast<juce::AlertWindow*> (juce::Desktop::getInstance().getComponent (i)))
            return alert;
    return nullptr;
}

template <typename Type>
Type* findChild (juce::Component& parent, const juce::String& title)
{
    for (auto* child : parent.getChildren())
    {
        if (auto* typed = dynamic_cast<Type*> (child); typed != nullptr && (typed->getTitle() == title || typed->getName() == title))
            return typed;
        if (auto* deeper = findChild<Type> (*child, title))
            return deeper;
    }
    return nullptr;
}

inline juce::TextButton* findButton (juce::Component& parent, const juce::String& text)
{
    for (auto* child : parent.getChildren())
    {
        if (auto* button = dynamic_cast<juce::TextButton*> (child); button != nullptr && button->getButtonText() == text)
            return button;
        if (auto* deeper = findButton (*child, text))
            return deeper;
    }
    return nullptr;
}

inline juce::MouseEvent mouseEventAt (juce::Component& target, juce::Point<float> position, juce::Point<float> downAt,
                                      juce::ModifierKeys mods, bool dragged)
{
    const auto now = juce::Time::getCurrentTime();
    return juce::MouseEvent (juce::Desktop::getInstance().getMainMouseSource(), position, mods, 1.0f, 0.0f, 0.0f, 0.0f, 0.0f,
                             &target, &target, now, downAt, now, 1, dragged);
}

// A press at `from`, moves in `steps` to `to`, and a release, in the
// target's own coordinates, to its own handlers (as a captured drag is).
inline void drag (juce::Component& target, juce::Point<float> from, juce::Point<float> to, juce::ModifierKeys mods = {}, int steps = 8)
{
    const auto buttonMods = mods.withFlags (juce::ModifierKeys::leftButtonModifier);
    target.mouseDown (mouseEventAt (target, from, from, buttonMods, false));
    for (int i = 1; i <= steps; ++i)
    {
        const auto p = from + (to - from) * ((float) i / (float) steps);
        target.mouseDrag (mouseEventAt (target, p, from, buttonMods, true));
    }
    target.mouseUp (mouseEventAt (target, to, from, mods, true));
}

inline void click (juce::Component& target, juce::Point<float> at, juce::ModifierKeys mods = {})
{
    const auto buttonMods = mods.withFlags (juce::ModifierKeys::leftButtonModifier);
    target.mouseDown (mouseEventAt (target, at, at, buttonMods, false));
    target.mouseUp (mouseEventAt (target, at, at, mods, false));
}
} // namespace crest::test
