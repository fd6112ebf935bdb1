// The file formats Crest writes, and their names on the command line.
#pragma once

#include "Dsp/Ditherer.h"

#include <optional>
#include <string>
#include <string_view>

namespace crest
{
// Lossless containers, then the lossy ones (encoded at their best quality:
// Vorbis q 10, Opus at its top rate, MP3 at 320 kbps unless mp3BitrateKbps
// asks for less; the encoding and dither fields do not apply to them).
enum class Container { wav, aiff, flac, oggVorbis, opus, mp3 };
inline bool isLossy (Container c) noexcept { return c == Container::oggVorbis || c == Container::opus || c == Container::mp3; }
enum class SampleEncoding { int16, int24, float32 };

struct OutputFormat
{
    Container container = Container::wav;
    SampleEncoding encoding = SampleEncoding::int24;
    DitherKind dither = DitherKind::tpdf;   // integer encodings only
    int mp3BitrateKbps = 320;               // MP3 only, constant bitrate (a listening test's lossy copy)
};

std::optional<Container> containerFromName (std::string_view name);        // "wav", "aiff", "flac", "ogg", "opus", "mp3"
std::optional<SampleEncoding> encodingFromName (std::string_view name);    // "16", "24", "32f"
std::string describe (const OutputFormat& format);                          // "WAV 24-bit"
std::optional<DitherKind> ditherFromName (std::string_view name);           // "none", "tpdf", "shaped"
std::string extensionFor (Container container);                           // ".wav", ".ogg"...
// FLAC stores integers only; this says why a combination is refused.
std::optional<std::string> unsupportedReason (const OutputFormat& format);
} // namespace crest
