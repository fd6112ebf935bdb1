// Runs the built `crest` command through the shell, as a user would, and
// collects its exit code and output.
#pragma once

#include <string>

namespace crest::test
{
struct CliRun
{
    int exitCode = -1;
    std::string output;   // stdout and stderr together, unless asked otherwise
};

// `arguments` is shell text: quote paths with shellQuote().
CliRun runCrest (const std::string& arguments, bool stdoutOnly = false);

// Single-quotes any bytes for sh (a ' inside becomes '\'').
std::string shellQuote (const std::string& bytes);
} // namespace crest::test
