#include "Arguments.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace crest::cli
{
namespace
{
    std::string shortNumber (double v)
    {
        char buffer[32];
        std::snprintf (buffer, sizeof (buffer), "%g", v);
        return buffer;
    }
} // namespace

const std::string& ArgumentCursor::value (const std::string& option)
{
    // "--start -1" is a value, "--start --end" is not.
    if (done() || (args[index].starts_with ("--") && args[index].size() > 2))
        fail (option + ": missing value");
    return next();
}

double ArgumentCursor::number (const std::string& option, double minimum, double maximum, const char* unit)
{
    const auto& text = value (option);
    double v = 0;
    const auto [end, error] = std::from_chars (text.data(), text.data() + text.size(), v);
    if (error != std::errc() || end != text.data() + text.size() || ! std::isfinite (v))
        fail (option + ": '" + text + "' is not a number");
    if (v < minimum || v > maximum)
        fail (option + ": " + text + " is out of range (" + shortNumber (minimum) + " to " + shortNumber (maximum) + unit + ")");
    return v;
}

int64_t ArgumentCursor::integer (const std::string& option, int64_t minimum, int64_t maximum, const char* unit)
{
    const auto& text = value (option);
    int64_t v = 0;
    const auto [end, error] = std::from_chars (text.data(), text.data() + text.size(), v);
    if (error == std::errc::result_out_of_range)
        fail (option + ": " + text + " is out of range (" + std::to_string (minimum) + " to " + std::to_string (maximum) + unit + ")");
    if (error != std::errc() || end != text.data() + text.size())
        fail (option + ": '" + text + "' is not a whole number");
    if (v < minimum || v > maximum)
        fail (option + ": " + text + " is out of range (" + std::to_string (minimum) + " to " + std::to_string (maximum) + unit + ")");
    return v;
}
bool wantsHelp (const Args& args)
{
    return std::any_of (args.begin(), args.end(), [] (auto& a) { return a == "--help" || a == "-h"; });
}

std::string levelText (double value, int decimals)
{
    if (! std::isfinite (value))
        return "-inf";
    char text[32];
    std::snprintf (text, sizeof (text), "%.*f", decimals, value);
    return text;
}

OutputFormat outputFormatFrom (ArgumentCursor& cursor, const std::string& output, std::string formatName, const std::string& bitsName,
                               const std::string& ditherName)
{
    if (formatName.empty())
    {
        const auto extension = std::filesystem::path (output).extension().string();
        formatName = extension.empty() ? "" : extension.substr (1);
        if (formatName.empty())
            cursor.fail ("cannot tell the format from '" + output + "'; give --format wav, flac or aiff");
    }
    const auto container = containerFromName (formatName);
    if (! container)
        cursor.fail ("unknown format '" + formatName + "' (wav, flac or aiff)");
    const auto encoding = encodingFromName (bitsName);
    if (! encoding)
        cursor.fail ("unknown bit depth '" + bitsName + "' (16, 24 or 32f)");
    const auto dither = ditherFromName (ditherName);
    if (! dither)
        cursor.fail ("unknown dither '" + ditherName + "' (tpdf, shaped or none)");
    return { *container, *encoding, *dither };
}
} // namespace crest::cli
