#include "TargetPresets.h"

#include "Core/CrestError.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace crest
{
namespace
{
    TargetPreset parse (std::string_view key, std::string_view text)
    {
        const auto j = nlohmann::json::parse (text);
        TargetPreset p;
        p.key = std::string (key);
        p.name = j.at ("name").get<std::string>();
        if (! j.at ("integratedLufs").is_null())
            p.integratedLufs = j.at ("integratedLufs").get<double>();
        p.truePeakDbtp = j.at ("truePeakDbtp").get<double>();
        const auto& delivery = j.at ("delivery");
        p.container = containerFromName (delivery.at ("container").get<std::string>()).value_or (Container::wav);
        p.encoding = encodingFromName (std::to_string (delivery.at ("bits").get<int>())).value_or (SampleEncoding::int24);
        if (delivery.at ("sampleRate").is_number())
            p.sampleRate = delivery.at ("sampleRate").get<double>();
        p.source = j.at ("source").get<std::string>();
        if (j.contains ("playback"))
        {
            const auto& b = j.at ("playback");
            PlaybackRule rule;
            rule.referenceLufs = b.at ("referenceLufs").get<double>();
            rule.albumMode = b.at ("mode").get<std::string>() == "album";
            rule.albumIsLoudestTrack = b.at ("albumLoudness").get<std::string>() == "loudest-track";
            rule.turnsUp = b.at ("turnsUp").get<bool>();
            rule.upCeilingDbtp = b.at ("upCeilingDbtp").get<double>();
            rule.official = b.at ("evidence").get<std::string>() == "official";
            rule.source = b.at ("source").get<std::string>();
            p.playback = rule;
        }
        if (j.contains ("vinyl"))
            p.vinyl = VinylFormat { j.at ("vinyl").at ("diameterInches").get<int>(), j.at ("vinyl").at ("rpm").get<int>() };
        return p;
    }
} // namespace

std::vector<TargetPreset> targetPresets()
{
    std::vector<TargetPreset> list;
    for (const auto& [key, text] : embeddedTargetPresets())
        list.push_back (parse (key, text));
    std::sort (list.begin(), list.end(), [] (auto& a, auto& b) { return a.key < b.key; });
    return list;
}

std::optional<TargetPreset> findTargetPreset (std::string_view key)
{
    std::string lower (key);
    std::transform (lower.begin(), lower.end(), lower.begin(), [] (unsigned char c) { return (char) std::tolower (c); });
    for (const auto& [name, text] : embeddedTargetPresets())
        if (name == lower)
            return parse (name, text);
    return std::nullopt;
}
} // namespace crest
