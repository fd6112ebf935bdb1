#include "RenderJob.h"

namespace crest
{
RenderJob::RenderJob (SessionDocument s, RenderRequest renderRequest, MediaPool& m, juce::Component* centreAround)
    : juce::ThreadWithProgressWindow ("Rendering mix", true, true, 10000, "Cancel", centreAround),
      session (std::move (s)), request (std::move (renderRequest)), media (m)
{
    result.output = request.output;
    setStatusMessage ("Rendering to " + juce::String (result.output.filename().string()) + " ...");
}

void RenderJob::run()
{
    request.cancel = &cancel;
    // The renderer polls `cancel`; the progress window's Cancel asks this
    // thread to exit, so forward one to the other at each progress tick.
    request.progress = [this] (double fraction)
    {
        setProgress (fraction);
        if (threadShouldExit())
            cancel = true;
    };
    try
    {
        result.report = renderSession (session, request, media);
        setStatusMessage ("Measuring loudness ...");
        result.loudness = measureLoudness (result.output);
        result.ok = true;
    }
    catch (const std::exception& e)
    {
        result.error = juce::String::fromUTF8 (e.what());
    }
}

void RenderJob::threadComplete (bool userPressedCancel)
{
    result.cancelled = userPressedCancel || cancel.load();
    if (onFinished)
        onFinished (result);
}
} // namespace crest
