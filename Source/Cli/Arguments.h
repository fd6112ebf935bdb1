// Strict parsing of the crest command's options. Every problem is a
// UsageError (exit code 2) that says exactly what is wrong: an option with
// no value is "missing value", not "unknown option"; a number is a number,
// finite and in range, or it is refused ("--start 1e30", "--rate abc").
#pragma once

#include "Commands.h"
#include "IO/OutputFormat.h"

#include <cstdint>
#include <stdexcept>
#include <string>

namespace crest::cli
{
class UsageError : public std::runtime_error
{
public:
    UsageError (const std::string& message, const char* commandHelp) : std::runtime_error (message), help (commandHelp) {}
    const char* help;
};

// Walks a command's arguments; options may take a value ("--rate 48000").
class ArgumentCursor
{
public:
    ArgumentCursor (const Args& arguments, const char* commandHelp) : args (arguments), help (commandHelp) {}

    bool done() const noexcept { return index >= args.size(); }
    const std::string& next() { return args[index++]; }
    // The value after the option just taken.
    const std::string& value (const std::string& option);

    double number (const std::string& option, double minimum, double maximum, const char* unit);
    int64_t integer (const std::string& option, int64_t minimum, int64_t maximum, const char* unit);

    [[noreturn]] void fail (const std::string& message) const { throw UsageError (message, help); }

private:
    const Args& args;
    const char* help;
    size_t index = 0;
};
// True if the arguments ask for a command's help (--help or -h).
bool wantsHelp (const Args& args);

// A level for a person to read: one decimal (or `decimals`), "-inf" for
// silence or what cannot be measured.
std::string levelText (double value, int decimals = 1);

// The output format from --format (or, if not given, OUT's extension),
// --bits and --dither, each refused with a usage error if unknown.
OutputFormat outputFormatFrom (ArgumentCursor& cursor, const std::string& output, std::string formatName, const std::string& bitsName,
                               const std::string& ditherName);
} // namespace crest::cli
