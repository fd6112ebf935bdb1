#include "CliRunner.h"

#include <cstdio>
#include <stdexcept>
#include <sys/wait.h>

namespace crest::test
{
CliRun runCrest (const std::string& arguments, bool stdoutOnly)
{
    CliRun run;
    const auto command = std::string (CREST_CLI_PATH) + " " + arguments + (stdoutOnly ? " 2>/dev/null" : " 2>&1");
    FILE* pipe = ::popen (command.c_str(), "r");
    if (pipe == nullptr)
        throw std::runtime_error ("cannot run " + command);
    char buffer[4096];
    while (auto n = std::fread (buffer, 1, sizeof (buffer), pipe))
        run.output.append (buffer, n);
    const int status = ::pclose (pipe);
    run.exitCode = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
    return run;
}

std::string shellQuote (const std::string& bytes)
{
    std::string quoted = "'";
    for (const char c : bytes)
        quoted += c == '\'' ? std::string ("'\\''") : std::string (1, c);
    return quoted + "'";
}
} // namespace crest::test
