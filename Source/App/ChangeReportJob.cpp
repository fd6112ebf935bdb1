#include "ChangeReportJob.h"

#include "Render/ChangeReportHtml.h"
#include "Render/SessionComparison.h"

namespace crest
{
ChangeReportJob::ChangeReportJob (SessionDocument s, std::filesystem::path file, std::filesystem::path page, juce::Component* centreAround)
    : juce::ThreadWithProgressWindow ("What mastering changed", true, true, 10000, "Cancel", centreAround),
      session (std::move (s)),
      sessionFile (std::move (file)),
      output (std::move (page))
{
    setStatusMessage ("Rendering the mix ...");
}

namespace
{
    // Thrown from a progress callback: it unwinds whatever is measuring,
    // which cleans up as it goes, so Cancel is never a killed thread.
    struct Cancelled
    {
    };
} // namespace

void ChangeReportJob::run()
{
    try
    {
        auto stage = [this] (double from, double to) {
            return [this, from, to] (const std::string& what, double fraction) {
                if (threadShouldExit())
                {
                    cancel = true;
                    throw Cancelled {};
                }
                setStatusMessage (juce::String::fromUTF8 (what.c_str()) + " ...");
                setProgress (from + (to - from) * fraction);
            };
        };
        auto rendering = stage (0.0, 0.6);
        SessionComparison renders (session, sessionFile, true, [&rendering] (const char* what, double f) { rendering (what, f); }, &cancel);
        if (cancel)
            return;
        const auto name = sessionFile.empty() ? std::string ("the session") : sessionFile.filename().string();
        ChangeReportRequest request;
        request.mix = renders.mixFile();
        request.master = renders.masterFile();
        request.mixName = name + " (mix bus, before the master chain)";
        request.masterName = name + " (through its master chain)";
        request.modules = renders.activity();
        request.chainName = "the session's";
        auto measuring = stage (0.6, 1.0);
        request.progress = [&measuring] (double f) { measuring ("Measuring the mix and the master", f); };
        const auto report = makeChangeReport (request);
        if (threadShouldExit())
        {
            cancel = true;
            return;   // asked to stop: no page
        }
        writeChangeReport (report, output);
    }
    catch (const Cancelled&)
    {
    }
    catch (const std::exception& e)
    {
        if (! cancel)
            problem = e.what();
    }
}

void ChangeReportJob::threadComplete (bool userPressedCancel)
{
    if (onFinished)
        onFinished (userPressedCancel || cancel, problem, output);
}
} // namespace crest
