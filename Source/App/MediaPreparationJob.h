// Opening a session whose clips are at another sample rate means converting
// them (libsoxr, once per file, cached). This job does that on its own
// thread behind a progress window before the session reaches the model, so
// the window never freezes and the plan compile finds every file ready.
//
// Constructed, launched and finished on the message thread; run() is the
// job's thread. MediaPool is thread-safe.
#pragma once

#include "IO/MediaPool.h"
#include "Session/SessionDocument.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>

namespace crest
{
class MediaPreparationJob : public juce::ThreadWithProgressWindow
{
public:
    MediaPreparationJob (SessionDocument session, MediaPool& media, juce::Component* centreAround);

    // True when some readable clip file is at another rate than the session.
    static bool isNeeded (const SessionDocument& session);

    // Message thread, once: the session, unless the user cancelled.
    std::function<void (bool cancelled, const SessionDocument&)> onFinished;

    void run() override;
    void threadComplete (bool userPressedCancel) override;

private:
    SessionDocument session;
    MediaPool& media;
};
} // namespace crest
