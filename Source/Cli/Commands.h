// The crest command's subcommands. Each returns a process exit code:
//   0  success
//   1  the work failed (bad input, unreadable media, write error)
//   2  usage error (unknown option, missing argument)
#pragma once

#include <string>
#include <vector>

namespace crest::cli
{
using Args = std::vector<std::string>;

int runDemo (const Args& args);
int runNew (const Args& args);
int runRender (const Args& args);
int runInfo (const Args& args);
int runAnalyze (const Args& args);
int runMaster (const Args& args);
int runAb (const Args& args);
int runReport (const Args& args);
int runDeliver (const Args& args);
int runAlbum (const Args& args);

inline constexpr int exitOk = 0;
inline constexpr int exitFailed = 1;
inline constexpr int exitUsage = 2;
} // namespace crest::cli
