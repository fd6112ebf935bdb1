#include "OutputFormat.h"

namespace crest
{
std::optional<Container> containerFromName (std::string_view name)
{
    if (name == "wav") return Container::wav;
    if (name == "aiff" || name == "aif") return Container::aiff;
    if (name == "flac") return Container::flac;
    if (name == "ogg" || name == "vorbis") return Container::oggVorbis;
    if (name == "opus") return Container::opus;
    if (name == "mp3") return Container::mp3;
    return std::nullopt;
}

std::optional<SampleEncoding> encodingFromName (std::string_view name)
{
    if (name == "16") return SampleEncoding::int16;
    if (name == "24") return SampleEncoding::int24;
    if (name == "32f" || name == "32") return SampleEncoding::float32;
    return std::nullopt;
}

std::optional<DitherKind> ditherFromName (std::string_view name)
{
    if (name == "none") return DitherKind::none;
    if (name == "tpdf") return DitherKind::tpdf;
    if (name == "shaped") return DitherKind::shaped;
    return std::nullopt;
}

std::string extensionFor (Container container)
{
    switch (container)
    {
        case Container::wav: return ".wav";
        case Container::aiff: return ".aiff";
        case Container::flac: return ".flac";
        case Container::oggVorbis: return ".ogg";
        case Container::opus: return ".opus";
        case Container::mp3: return ".mp3";
    }
    return ".wav";
}

std::string describe (const OutputFormat& format)
{
    if (format.container == Container::oggVorbis)
        return "Ogg Vorbis (quality 10)";
    if (format.container == Container::opus)
        return "Opus (highest bitrate)";
    if (format.container == Container::mp3)
        return "MP3 320 kbps";
    const char* container = format.container == Container::wav ? "WAV" : format.container == Container::aiff ? "AIFF" : "FLAC";
    const char* bits = format.encoding == SampleEncoding::int16 ? "16-bit" : format.encoding == SampleEncoding::int24 ? "24-bit" : "32-bit float";
    std::string text = std::string (container) + " " + bits;
    if (format.encoding != SampleEncoding::float32 && format.dither != DitherKind::tpdf)
        text += format.dither == DitherKind::shaped ? ", noise-shaped dither" : ", no dither";
    return text;
}

std::optional<std::string> unsupportedReason (const OutputFormat& format)
{
    if (format.container == Container::flac && format.encoding == SampleEncoding::float32)
        return "FLAC cannot store 32-bit float; use --bits 16 or 24";
    return std::nullopt;
}
} // namespace crest
