// "Render mix…" as a background job: renderSession() on its own thread
// behind a progress window with a Cancel button, so the message thread
// (meters, playback controls) never waits for a long render. The result
// is handed back on the message thread through onFinished.
//
// Constructed, launched and finished on the message thread; run() is the
// render thread.
#pragma once

#include "Analysis/LoudnessSummary.h"
#include "IO/MediaPool.h"
#include "Render/OfflineRenderer.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <atomic>
#include <functional>

namespace crest
{
class RenderJob : public juce::ThreadWithProgressWindow
{
public:
    struct Result
    {
        bool ok = false;
        bool cancelled = false;
        juce::String error;
        RenderReport report;
        LoudnessSummary loudness;   // of the written file, measured on the render thread
        std::filesystem::path output;
    };

    // `request` carries the output and what the user agreed to (replacing
    // it, rendering offline media as silence); progress and cancel are the job's.
    RenderJob (SessionDocument session, RenderRequest request, MediaPool& media, juce::Component* centreAround);

    // Called once on the message thread when the render ends. The job may
    // be deleted from inside it only asynchronously (the window still uses it).
    std::function<void (const Result&)> onFinished;

    void run() override;
    void threadComplete (bool userPressedCancel) override;

private:
    SessionDocument session;
    RenderRequest request;
    MediaPool& media;
    std::atomic<bool> cancel { false };
    Result result;
};
} // namespace crest
