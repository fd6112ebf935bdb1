#include "SessionDocument.h"

#include "Core/StripParameters.h"

#include <cmath>
#include <stdexcept>

namespace crest
{
double StripDocument::value (std::string_view key) const
{
    if (const auto found = values.find (std::string (key)); found != values.end())
        return found->second;
    const auto* parameter = findStripParameter (key);
    return parameter != nullptr ? parameter->spec.defaultValue : 0.0;
}

void StripDocument::set (std::string_view key, double v)
{
    const auto* parameter = findStripParameter (key);
    if (parameter == nullptr)
        throw std::invalid_argument ("unknown strip parameter \"" + std::string (key) + "\"");
    if (! std::isfinite (v))
        throw std::invalid_argument ("strip parameter \"" + std::string (key) + "\" is not a finite number");
    const double clamped = parameter->spec.clamp (v);
    if (clamped == parameter->spec.defaultValue)
        values.erase (std::string (key));
    else
        values[std::string (key)] = clamped;
}
} // namespace crest
