// File > What Mastering Changed: the `crest report` page made from the open
// session, behind a progress window: the session rendered before its
// master chain and through it (what each module did read on the way), both
// measured, the page written where the user chose. Cancel stops the
// render; nothing is left behind.
//
// Constructed, launched and finished on the message thread; run() is the
// job's thread.
#pragma once

#include "Session/SessionDocument.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <string>

namespace crest
{
class ChangeReportJob : public juce::ThreadWithProgressWindow
{
public:
    ChangeReportJob (SessionDocument session, std::filesystem::path sessionFile, std::filesystem::path output, juce::Component* centreAround);

    // Message thread, once: "" when the page was written, else why not.
    std::function<void (bool cancelled, const std::string& problem, const std::filesystem::path& page)> onFinished;

    void run() override;
    void threadComplete (bool userPressedCancel) override;

private:
    SessionDocument session;
    std::filesystem::path sessionFile, output;
    std::atomic<bool> cancel { false };
    std::string problem;
};
} // namespace crest
