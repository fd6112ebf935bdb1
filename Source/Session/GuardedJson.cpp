#include "GuardedJson.h"

#include "Core/CrestError.h"

namespace crest
{
namespace
{
    std::pair<size_t, size_t> lineAndColumn (std::string_view text, size_t byte)
    {
        size_t line = 1, column = 1;
        for (size_t i = 0; i < byte && i < text.size(); ++i)
        {
            if (text[i] == '\n')
            {
                ++line;
                column = 1;
            }
            else
                ++column;
        }
        return { line, column };
    }
} // namespace

nlohmann::ordered_json parseGuardedJson (std::string_view text, const std::string& sourceName, const std::string& what)
{
    using Json = nlohmann::ordered_json;
    if (text.size() > maxSessionFileBytes)
        throw CrestError (sourceName + ": file is too large for " + what + " (" + std::to_string (text.size()) + " bytes)");
    if (text.empty())
        throw CrestError (sourceName + ": file is empty (0 bytes)");

    const auto depthGuard = [&] (int depth, Json::parse_event_t, Json&) {
        if (depth > maxSessionNesting)
            throw CrestError (sourceName + ": nesting is deeper than " + std::to_string (maxSessionNesting) + " levels; not " + what);
        return true;
    };
    try
    {
        return Json::parse (text.begin(), text.end(), depthGuard);
    }
    catch (const Json::parse_error& e)
    {
        const auto [line, column] = lineAndColumn (text, e.byte > 0 ? e.byte - 1 : 0);
        const std::string message = e.what();
        const std::string reason = message.find ("UTF-8") != std::string::npos ? "invalid UTF-8 text" : "syntax error";
        throw CrestError (sourceName + ": not valid JSON (" + reason + " at line " + std::to_string (line) + ", column "
                          + std::to_string (column) + ")");
    }
    catch (const Json::out_of_range&)
    {
        throw CrestError (sourceName + ": not valid JSON (a number is too large)");
    }
    catch (const Json::exception& e)
    {
        throw CrestError (sourceName + ": not valid JSON (" + e.what() + ")");
    }
}
} // namespace crest
