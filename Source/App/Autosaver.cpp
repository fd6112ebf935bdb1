#include "Autosaver.h"

#include "Session/SessionFile.h"

#include <cstdlib>

namespace crest
{
namespace fs = std::filesystem;

Autosaver::Autosaver (SessionModel& m) : model (m), session (m.state())
{
    session.addListener (this);
    side = untitledSideFile();
}

Autosaver::~Autosaver()
{
    session.removeListener (this);
    stopTimer();
}

fs::path Autosaver::sideFileFor (const fs::path& sessionFile)
{
    auto name = sessionFile.filename();
    name.replace_extension (".crest-autosave");
    return sessionFile.parent_path() / name;
}

fs::path Autosaver::untitledSideFile()
{
    fs::path data;
    if (const char* xdg = std::getenv ("XDG_DATA_HOME"); xdg != nullptr && *xdg != 0)
        data = fs::path (xdg);
    else if (const char* home = std::getenv ("HOME"); home != nullptr && *home != 0)
        data = fs::path (home) / ".local" / "share";
    else
        data = fs::temp_directory_path();
    return data / "crest" / "recovery" / "Untitled.crest-autosave";
}

void Autosaver::setSession (const fs::path& sessionFile, const SessionDocument& saved)
{
    side = sessionFile.empty() ? untitledSideFile() : sideFileFor (sessionFile);
    lastWritten = saved;
    lastProblem.clear();
    soon = false;
    owned = false;
    startTimer (periodMs);
}

juce::String Autosaver::saveNow()
{
    const auto document = model.toDocument();
    if (document == lastWritten)
        return {};
    try
    {
        std::error_code ec;
        fs::create_directories (side.parent_path(), ec);
        saveSessionFile (document, side);
        // The save keeps the previous version as a backup; a side file needs none.
        fs::remove (fs::path (side.string() + ".bak"), ec);
        lastWritten = document;
        lastProblem.clear();
        owned = true;
        return {};
    }
    catch (const std::exception& e)
    {
        const auto problem = "Autosave failed: " + juce::String::fromUTF8 (e.what());
        if (problem != lastProblem && onProblem)
            onProblem (problem);
        lastProblem = problem;
        return problem;
    }
}

void Autosaver::discard()
{
    if (! owned)
        return;
    owned = false;
    std::error_code ec;
    fs::remove (side, ec);
    fs::remove (fs::path (side.string() + ".bak"), ec);
    lastWritten = model.toDocument();
}

std::optional<SessionDocument> Autosaver::recoveryFor (const fs::path& sessionFile)
{
    const auto sideFile = sessionFile.empty() ? untitledSideFile() : sideFileFor (sessionFile);
    std::error_code ec;
    if (! fs::exists (sideFile, ec))
        return std::nullopt;
    try
    {
        auto recovered = loadSessionFile (sideFile);
        if (! sessionFile.empty() && fs::exists (sessionFile, ec))
        {
            if (fs::last_write_time (sideFile, ec) < fs::last_write_time (sessionFile, ec))
                return std::nullopt;
            if (loadSessionFile (sessionFile) == recovered)
                return std::nullopt;
        }
        return recovered;
    }
    catch (const std::exception&)
    {
        return std::nullopt;   // a damaged side file is no recovery
    }
}

// A fader ride is not structural: the periodic save takes it.
void Autosaver::scheduleSoon()
{
    if (model.isLoading() || soon)
        return;
    soon = true;
    startTimer (structuralDelayMs);
}

void Autosaver::timerCallback()
{
    soon = false;
    startTimer (periodMs);
    saveNow();
}
} // namespace crest
