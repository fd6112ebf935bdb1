// Finding media that moved: every clip file that no longer exists is
// looked for by its name in a folder the user picks (and the folders
// under it), as Ardour's and REAPER's "find missing media" do. A name
// found more than once takes the copy nearest the folder's top, then the
// first in path order, so the result does not depend on the filesystem's
// listing order. JUCE-free.
#pragma once

#include "SessionDocument.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace crest
{
// The clip files of a session that are not there now (as the model holds
// them: absolute), each once, in the order the clips first use them.
std::vector<std::string> missingMediaFiles (const SessionDocument& session);

struct RelinkSearch
{
    std::map<std::string, std::string> found;   // missing file -> its new place
    std::vector<std::string> stillMissing;
    int64_t filesLookedAt = 0;
    bool stoppedEarly = false;   // the folder held more than the search looks through
};

// Looks through at most `maxFiles` files under `folder`.
RelinkSearch searchForMissingMedia (const std::vector<std::string>& missing, const std::filesystem::path& folder,
                                    int64_t maxFiles = 200000);
} // namespace crest
