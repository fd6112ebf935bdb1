// Autosave and recovery: the open session is written to a side file
// ("<name>.crest-autosave" beside it; an untitled one in Crest's recovery
// folder) two minutes after an edit, and a second after each structural
// edit (a track, clip, bus or module added, removed or moved), so a crash
// loses little. A save or a clean close removes the side file; one found
// newer than its session, and different from it, is a recovery to offer
// when the session is opened.
//
// Message thread only.
#pragma once

#include "Session/SessionModel.h"

#include <juce_events/juce_events.h>

#include <filesystem>
#include <optional>

namespace crest
{
class Autosaver : private juce::Timer, private juce::ValueTree::Listener
{
public:
    static constexpr int periodMs = 120000;
    static constexpr int structuralDelayMs = 1000;

    explicit Autosaver (SessionModel& model);
    ~Autosaver() override;

    // The session now open (empty: untitled); what it was saved as on
    // disk, so only real changes are autosaved.
    void setSession (const std::filesystem::path& sessionFile, const SessionDocument& saved);
    // Writes the side file now if the session differs from its saved
    // version. Returns "" or why it could not (the app shows it once).
    juce::String saveNow();
    // Removes the side file (after a save, or when the user closes), if
    // this run wrote it or took it over: a side file an earlier crash left
    // is never removed unasked.
    void discard();
    // The side file there now is this session's recovered state: the next
    // save or close removes it.
    void adoptSideFile() noexcept { owned = true; }
    const std::filesystem::path& sideFile() const noexcept { return side; }
    std::function<void (const juce::String& problem)> onProblem;

    static std::filesystem::path sideFileFor (const std::filesystem::path& sessionFile);
    static std::filesystem::path untitledSideFile();
    // The side file's session if it is newer than `sessionFile` (or the
    // session is gone) and holds something else; nothing if it is absent,
    // older, the same, or unreadable.
    static std::optional<SessionDocument> recoveryFor (const std::filesystem::path& sessionFile);

private:
    void timerCallback() override;
    void scheduleSoon();
    void valueTreeChildAdded (juce::ValueTree&, juce::ValueTree&) override { scheduleSoon(); }
    void valueTreeChildRemoved (juce::ValueTree&, juce::ValueTree&, int) override { scheduleSoon(); }
    void valueTreeChildOrderChanged (juce::ValueTree&, int, int) override { scheduleSoon(); }

    SessionModel& model;
    juce::ValueTree session;
    std::filesystem::path side;
    SessionDocument lastWritten;   // the saved session, or the last autosave
    bool soon = false;
    bool owned = false;   // the side file is this run's to remove
    juce::String lastProblem;
};
} // namespace crest
