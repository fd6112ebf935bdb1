#include "CueSheet.h"

#include <cmath>
#include <cstdio>

namespace crest
{
namespace
{
    // CUE text is quoted and line-based: no double quotes or line breaks inside.
    std::string quoted (std::string text)
    {
        for (auto& c : text)
            if (c == '"')
                c = '\'';
            else if (c == '\n' || c == '\r')
                c = ' ';
        return "\"" + text + "\"";
    }
} // namespace

std::string cueTime (int64_t samples, double sampleRate)
{
    const auto frames = (int64_t) std::llround ((double) samples * 75.0 / sampleRate);
    char text[32];
    std::snprintf (text, sizeof (text), "%02lld:%02lld:%02lld", (long long) (frames / (75 * 60)), (long long) (frames / 75 % 60),
                   (long long) (frames % 75));
    return text;
}

std::string cueSheet (const AlbumDocument& album, const AlbumLayout& layout, const std::string& programFileName)
{
    std::string cue;
    auto line = [&cue] (const std::string& text) { cue += text + "\r\n"; };
    line ("REM COMMENT \"Crest\"");
    if (! album.upc.empty())
        line ("CATALOG " + album.upc);
    if (! album.performer.empty())
        line ("PERFORMER " + quoted (album.performer));
    if (! album.title.empty())
        line ("TITLE " + quoted (album.title));
    line ("FILE " + quoted (programFileName) + " WAVE");
    for (size_t i = 0; i < layout.spans.size(); ++i)
    {
        const auto& t = album.tracks[i];
        const auto& span = layout.spans[i];
        char number[8];
        std::snprintf (number, sizeof (number), "%02d", (int) i + 1);
        line ("  TRACK " + std::string (number) + " AUDIO");
        if (! t.title.empty())
            line ("    TITLE " + quoted (t.title));
        if (! t.performer.empty())
            line ("    PERFORMER " + quoted (t.performer));
        if (! t.composer.empty())
            line ("    SONGWRITER " + quoted (t.composer));
        if (! t.isrc.empty())
            line ("    ISRC " + t.isrc);
        if (span.gapStart < span.start)
            line ("    INDEX 00 " + cueTime (span.gapStart, album.sampleRate));
        line ("    INDEX 01 " + cueTime (span.start, album.sampleRate));
    }
    return cue;
}
} // namespace crest
