// A session's mix and master as two files, for comparing them (crest ab,
// crest report, the app's report): the mix bus rendered before the master
// chain and through it, by the same offline render as an export, into a
// scratch folder that goes when this goes. With activity asked for, the
// mix is also run once through the session's chain by FileMastering, to
// read what each module did. Off the audio thread and the message thread.
#pragma once

#include "Mastering/ModuleActivity.h"
#include "Session/SessionDocument.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

namespace crest
{
class SessionComparison
{
public:
    // Throws CrestError naming what cannot be rendered.
    SessionComparison (const SessionDocument& session, const std::filesystem::path& sessionFile, bool withActivity,
                       const std::function<void (const char* stage, double fraction)>& progress = {}, const std::atomic<bool>* cancel = nullptr);
    ~SessionComparison();
    SessionComparison (const SessionComparison&) = delete;
    SessionComparison& operator= (const SessionComparison&) = delete;

    const std::filesystem::path& mixFile() const noexcept { return mix; }
    const std::filesystem::path& masterFile() const noexcept { return master; }
    const std::optional<std::vector<ModuleActivity>>& activity() const noexcept { return modules; }

private:
    std::filesystem::path folder, mix, master;
    std::optional<std::vector<ModuleActivity>> modules;
};
} // namespace crest
