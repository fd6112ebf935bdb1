// Reads the fields of one JSON object from a file read as hostile input
// (a session, an album): each value checked for its type and range, and
// every problem a CrestError naming the file and the field ("tracks[2].
// gainDb 99 dB is out of range (-48 to 24 dB)"). JUCE-free.
#pragma once

#include "Core/CrestError.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>

namespace crest
{
class FieldReader
{
    using Json = nlohmann::ordered_json;

public:
    FieldReader (const Json& object, std::string location, const std::string& source)
        : json (object), where (std::move (location)), sourceName (source)
    {
        if (! json.is_object())
            fail (where + " must be an object");
    }

    [[noreturn]] void fail (const std::string& problem) const { throw CrestError (sourceName + ": " + problem); }

    const Json* find (const char* key) const
    {
        auto it = json.find (key);
        return it == json.end() ? nullptr : &*it;
    }

    double number (const char* key, double fallback, double minimum, double maximum, const char* unit = "") const
    {
        const Json* value = find (key);
        if (value == nullptr)
            return fallback;
        if (! value->is_number())
            fail (where + key + " must be a number");
        const double v = value->get<double>();
        if (! std::isfinite (v) || v < minimum || v > maximum)
            fail (where + key + " " + shortNumber (v) + unit + " is out of range (" + shortNumber (minimum) + " to "
                  + shortNumber (maximum) + unit + ")");
        return v;
    }

    int64_t integer (const char* key, int64_t fallback, int64_t minimum, int64_t maximum) const
    {
        const Json* value = find (key);
        if (value == nullptr)
            return fallback;
        if (! value->is_number_integer())
            fail (where + key + " must be a whole number");
        // Unsigned values above int64's range are refused, not wrapped.
        if (value->is_number_unsigned() && value->get<uint64_t>() > (uint64_t) std::numeric_limits<int64_t>::max())
            fail (where + key + " is out of range");
        const auto v = value->get<int64_t>();
        if (v < minimum || v > maximum)
            fail (where + key + " " + std::to_string (v) + " is out of range (" + std::to_string (minimum) + " to "
                  + std::to_string (maximum) + ")");
        return v;
    }

    bool boolean (const char* key, bool fallback) const
    {
        const Json* value = find (key);
        if (value == nullptr)
            return fallback;
        if (! value->is_boolean())
            fail (where + key + " must be true or false");
        return value->get<bool>();
    }

    std::string text (const char* key, bool required, size_t maxLength = 4096) const
    {
        const Json* value = find (key);
        if (value == nullptr)
        {
            if (required)
                fail (where + key + " is missing");
            return {};
        }
        if (! value->is_string())
            fail (where + key + " must be a string");
        auto s = value->get<std::string>();
        if (s.size() > maxLength)
            fail (where + key + " is too long");
        return s;
    }

    static std::string shortNumber (double v)
    {
        char buffer[64];
        std::snprintf (buffer, sizeof (buffer), "%g", v);
        return buffer;
    }

private:
    const Json& json;
    std::string where;
    const std::string& sourceName;
};
} // namespace crest
