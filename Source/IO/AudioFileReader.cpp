#include "AudioFileReader.h"

#include "Core/CrestError.h"

#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>
#include <regex>
#include <string>
#include <system_error>

namespace crest
{
namespace fs = std::filesystem;

struct AudioFileReader::Handle
{
    SNDFILE* file = nullptr;
    ~Handle()
    {
        if (file != nullptr)
            sf_close (file);
    }
};

namespace
{
    std::string formatName (int format, int mask)
    {
        SF_FORMAT_INFO formatInfo {};
        formatInfo.format = format & mask;
        if (sf_command (nullptr, SFC_GET_FORMAT_INFO, &formatInfo, sizeof (formatInfo)) == 0 && formatInfo.name != nullptr)
            return formatInfo.name;
        return "unknown";
    }

    // libsndfile opens a WAV or AIFF whose data chunk was cut short and
    // quietly plays what is there; its log is the only place that says so.
    // We refuse such files: a silently shortened stem is worse than an error.
    // (The log line reads "data : <header's size> (should be <bytes present>)".)
    void rejectTruncated (SNDFILE* file, const fs::path& path)
    {
        char log[8192] = {};
        sf_command (file, SFC_GET_LOG_INFO, log, sizeof (log));
        static const std::regex dataChunk (R"((?:^|\n)(?:data|SSND) *: *(\d+) \(should be (\d+)\))");
        std::cmatch match;
        if (! std::regex_search (log, match, dataChunk))
            return;
        const auto promised = std::stoll (match[1].str());
        const auto present = std::stoll (match[2].str());
        // A writer streaming to a pipe cannot know the size and writes
        // 0xFFFFFFFF (ffmpeg does): such a file is read to its real end.
        constexpr long long unknownSize = 0xFFFFFFFFll;
        if (promised == unknownSize)
            return;
        if (present < promised)
            throw CrestError (path, "file is truncated (header promises " + std::to_string (promised)
                                        + " bytes of audio, only " + std::to_string (present) + " are present)");
    }
} // namespace

AudioFileReader::AudioFileReader (const fs::path& file)
    : filePath (file), handle (std::make_unique<Handle>())
{
    std::error_code ec;
    const auto status = fs::status (file, ec);
    if (! fs::exists (status))
        throw CrestError (file, "file not found");
    if (fs::is_directory (status))
        throw CrestError (file, "is a folder, not an audio file");
    if (! fs::is_regular_file (status))
        throw CrestError (file, std::string ("is ") + (fs::is_fifo (status) ? "a pipe" : fs::is_character_file (status) || fs::is_block_file (status) ? "a device" : "a special file")
                                    + ", not an audio file (save the audio to a file first)");
    if (fs::file_size (file, ec) == 0 && ! ec)
        throw CrestError (file, "file is empty (0 bytes)");

    SF_INFO sfInfo {};
    handle->file = sf_open (file.c_str(), SFM_READ, &sfInfo);
    if (handle->file == nullptr)
    {
        const std::string reason = sf_strerror (nullptr);
        if (reason.find ("ermission") != std::string::npos)
            throw CrestError (file, "cannot open (permission denied)");
        throw CrestError (file, "not an audio file Crest can read (" + reason + ")");
    }

    if (sfInfo.channels <= 0 || sfInfo.samplerate <= 0 || sfInfo.frames < 0)
        throw CrestError (file, "audio header is invalid (" + std::to_string (sfInfo.channels) + " channels, "
                                    + std::to_string (sfInfo.samplerate) + " Hz)");
    if (sfInfo.channels > 64)
        throw CrestError (file, "has " + std::to_string (sfInfo.channels) + " channels; Crest reads at most 64");

    rejectTruncated (handle->file, file);
    if (sfInfo.frames == 0)
        throw CrestError (file, "holds no audio (0 frames)");

    fileInfo.frames = sfInfo.frames;
    fileInfo.channels = sfInfo.channels;
    fileInfo.sampleRate = sfInfo.samplerate;
    fileInfo.format = formatName (sfInfo.format, SF_FORMAT_TYPEMASK);
    fileInfo.encoding = formatName (sfInfo.format, SF_FORMAT_SUBMASK);
    const int subtype = sfInfo.format & SF_FORMAT_SUBMASK;
    floatingPoint = subtype == SF_FORMAT_FLOAT || subtype == SF_FORMAT_DOUBLE;
    // Decoders clip nothing on read; float files may legitimately exceed 1.
    sf_command (handle->file, SFC_SET_SCALE_FLOAT_INT_READ, nullptr, SF_TRUE);
}

AudioFileReader::~AudioFileReader() = default;

void AudioFileReader::seek (int64_t frame)
{
    if (frame == position)
        return;
    if (sf_seek (handle->file, frame, SEEK_SET) < 0)
        throw CrestError (filePath, "cannot seek to frame " + std::to_string (frame));
    position = frame;
}

void AudioFileReader::readInterleaved (float* dest, int64_t frames)
{
    int64_t done = 0;
    while (done < frames)
    {
        const auto got = sf_readf_float (handle->file, dest + done * fileInfo.channels, frames - done);
        if (got <= 0)
            break;
        done += got;
    }
    for (int64_t i = 0; i < done * fileInfo.channels; ++i)
        if (! std::isfinite (dest[i]))
        {
            if (firstNonFinite < 0)
                firstNonFinite = position + i / fileInfo.channels;
            dest[i] = 0.0f;
            ++nonFiniteCount;
        }
    position += done;
    if (done < frames)
        throw CrestError (filePath, "read failed at frame " + std::to_string (position) + " of "
                                        + std::to_string (fileInfo.frames) + " ("
                                        + (sf_error (handle->file) != 0 ? sf_strerror (handle->file) : "file ended early") + ")");
}

AudioFileInfo readAudioFileInfo (const fs::path& file)
{
    return AudioFileReader (file).info();
}

std::string describeNonFiniteSamples (const fs::path& file)
{
    AudioFileReader reader (file);
    if (! reader.isFloatingPoint())
        return {};
    const auto& info = reader.info();
    std::vector<float> block ((size_t) (65536 * info.channels));
    for (int64_t done = 0; done < info.frames;)
    {
        const auto n = std::min<int64_t> (65536, info.frames - done);
        reader.readInterleaved (block.data(), n);
        done += n;
    }
    if (reader.nonFiniteSamples() == 0)
        return {};
    char at[32];
    std::snprintf (at, sizeof (at), "%.3f s", (double) reader.firstNonFiniteFrame() / info.sampleRate);
    return file.string() + ": holds " + std::to_string (reader.nonFiniteSamples()) + " non-finite sample"
           + (reader.nonFiniteSamples() == 1 ? "" : "s") + " (NaN or Inf), the first at " + at + "; they play as silence";
}

std::string nonFiniteWarning (const fs::path& file)
{
    return file.string() + ": holds non-finite samples (NaN or Inf); they play as silence";
}

bool isReadableAudioFile (const fs::path& file)
{
    try
    {
        AudioFileReader reader (file);
        return true;
    }
    catch (const CrestError&)
    {
        return false;
    }
}
} // namespace crest
