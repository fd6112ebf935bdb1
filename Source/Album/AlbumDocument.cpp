#include "AlbumDocument.h"

#include <cctype>

namespace crest
{
std::string_view crossfadeCurveName (CrossfadeCurve curve) noexcept
{
    switch (curve)
    {
        case CrossfadeCurve::equalPower: return "equal-power";
        case CrossfadeCurve::linear: return "linear";
        case CrossfadeCurve::sCurve: return "s-curve";
    }
    return "equal-power";
}

std::optional<CrossfadeCurve> crossfadeCurveFromName (std::string_view name) noexcept
{
    for (const auto curve : { CrossfadeCurve::equalPower, CrossfadeCurve::linear, CrossfadeCurve::sCurve })
        if (crossfadeCurveName (curve) == name)
            return curve;
    return std::nullopt;
}

std::string_view loudnessStrategyName (LoudnessStrategy strategy) noexcept
{
    switch (strategy)
    {
        case LoudnessStrategy::none: return "none";
        case LoudnessStrategy::everyTrack: return "every-track";
        case LoudnessStrategy::album: return "album";
        case LoudnessStrategy::anchored: return "anchored";
    }
    return "none";
}

std::optional<LoudnessStrategy> loudnessStrategyFromName (std::string_view name) noexcept
{
    for (const auto s : { LoudnessStrategy::none, LoudnessStrategy::everyTrack, LoudnessStrategy::album, LoudnessStrategy::anchored })
        if (loudnessStrategyName (s) == name)
            return s;
    return std::nullopt;
}

const AlbumTrack* AlbumDocument::find (std::string_view id) const
{
    for (const auto& t : tracks)
        if (t.id == id)
            return &t;
    return nullptr;
}

std::string AlbumDocument::freshTrackId() const
{
    for (size_t n = tracks.size() + 1;; ++n)
        if (const auto id = "track-" + std::to_string (n); find (id) == nullptr)
            return id;
}

std::optional<std::string> normalisedIsrc (std::string_view text)
{
    std::string s;
    for (const char c : text)
        if (c != '-')
            s += (char) std::toupper ((unsigned char) c);
    if (s.size() != 12)
        return std::nullopt;
    for (size_t i = 0; i < 12; ++i)
    {
        const auto c = (unsigned char) s[i];
        const bool ok = i < 2 ? std::isupper (c) : i < 5 ? (std::isupper (c) || std::isdigit (c)) : std::isdigit (c);
        if (! ok)
            return std::nullopt;
    }
    return s;
}

std::optional<std::string> normalisedUpc (std::string_view text)
{
    std::string digits;
    for (const char c : text)
    {
        if (c == ' ' || c == '-')
            continue;
        if (! std::isdigit ((unsigned char) c))
            return std::nullopt;
        digits += c;
    }
    if (digits.size() == 12)
        digits = "0" + digits;
    if (digits.size() != 13)
        return std::nullopt;
    // EAN-13: weights 1, 3, 1, 3... over the first twelve; the check makes a multiple of ten.
    int sum = 0;
    for (size_t i = 0; i < 12; ++i)
        sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
    if ((10 - sum % 10) % 10 != digits[12] - '0')
        return std::nullopt;
    return digits;
}
} // namespace crest
