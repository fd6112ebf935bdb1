#include "AudioFileWriter.h"

#include "Core/CrestError.h"
#include "FileSync.h"

#include <sndfile.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace crest
{
namespace fs = std::filesystem;

struct AudioFileWriter::Handle
{
    SNDFILE* file = nullptr;
    void close()
    {
        if (file != nullptr)
            sf_close (file);
        file = nullptr;
    }
    ~Handle() { close(); }
};

namespace
{
    int sndfileFormat (OutputFormat format)
    {
        if (format.container == Container::oggVorbis)
            return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
        if (format.container == Container::opus)
            return SF_FORMAT_OGG | SF_FORMAT_OPUS;
        if (format.container == Container::mp3)
            return SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III;
        int major = format.container == Container::wav ? SF_FORMAT_WAV
                  : format.container == Container::aiff ? SF_FORMAT_AIFF
                                                        : SF_FORMAT_FLAC;
        int sub = format.encoding == SampleEncoding::int16 ? SF_FORMAT_PCM_16
                : format.encoding == SampleEncoding::int24 ? SF_FORMAT_PCM_24
                                                           : SF_FORMAT_FLOAT;
        return major | sub;
    }
} // namespace

namespace
{
    OutputTarget ownedFile (const fs::path& file)
    {
        OutputTarget t;
        t.requested = file;
        t.path = file;
        return t;
    }
} // namespace

AudioFileWriter::AudioFileWriter (const fs::path& targetFile, OutputFormat outputFormat, int numChannels, double sampleRate)
    : AudioFileWriter (ownedFile (targetFile), outputFormat, numChannels, sampleRate)
{
}

AudioFileWriter::AudioFileWriter (const OutputTarget& outputTarget, OutputFormat outputFormat, int numChannels, double sampleRate)
    : destination (outputTarget), target (outputTarget.requested), format (outputFormat), channels (numChannels),
      handle (std::make_unique<Handle>())
{
    if (auto reason = unsupportedReason (format))
        throw CrestError (target, *reason);
    // A lossy encoder takes the float signal itself: dither is for word lengths.
    if (const int bits = isLossy (format.container) ? 0 : format.encoding == SampleEncoding::int16 ? 16 : format.encoding == SampleEncoding::int24 ? 24 : 0;
        bits > 0)
        ditherer.emplace (bits, format.dither, channels);
    if (destination.isStream())
        temporary = temporarySibling (fs::temp_directory_path() / "x", "partial");
    else
    {
        if (auto problem = folderProblem (destination.path); ! problem.empty())
            throw CrestError (target, problem);
        temporary = temporarySibling (destination.path, "partial");
    }
    SF_INFO info {};
    info.channels = channels;
    info.samplerate = (int) sampleRate;
    info.format = sndfileFormat (format);
    if (! sf_format_check (&info))
        throw CrestError (target, "cannot write " + describe (format) + " at " + std::to_string (info.samplerate) + " Hz");

    errno = 0;
    handle->file = sf_open (temporary.c_str(), SFM_WRITE, &info);
    if (handle->file == nullptr)
    {
        const std::string reason = errno != 0 ? std::strerror (errno) : sf_strerror (nullptr);
        std::error_code ec;
        fs::remove (temporary, ec);   // sf_open may have created it before failing
        throw CrestError (target, "cannot create file (" + reason + "); no file was written");
    }
    // Out-of-range floats clip instead of wrapping around in integer files.
    sf_command (handle->file, SFC_SET_CLIPPING, nullptr, SF_TRUE);
    if (isLossy (format.container))
    {
        // The encoders at their best: the master is what is being delivered.
        double level = 0.0;   // 0: the least compression
        if (format.container == Container::mp3)
        {
            int constant = SF_BITRATE_MODE_CONSTANT;
            sf_command (handle->file, SFC_SET_BITRATE_MODE, &constant, sizeof (constant));
            // libsndfile maps the level linearly onto LAME's bitrate range
            // for the rate's MPEG version (32-320, 8-160 or 8-64 kbps).
            const double top = sampleRate >= 32000 ? 320.0 : sampleRate >= 16000 ? 160.0 : 64.0;
            const double bottom = sampleRate >= 32000 ? 32.0 : 8.0;
            level = std::clamp ((top - format.mp3BitrateKbps) / (top - bottom), 0.0, 1.0);
        }
        sf_command (handle->file, SFC_SET_COMPRESSION_LEVEL, &level, sizeof (level));
    }
}

void AudioFileWriter::setBroadcastLoudness (const BroadcastLoudness& loudness)
{
    if (format.container != Container::wav || written > 0)
        return;
    // BWF version 2 (EBU Tech 3285): loudness fields in hundredths.
    auto hundredths = [] (double v) { return (int16_t) std::clamp (std::lround (std::isfinite (v) ? v * 100.0 : -32768.0), -32768L, 32767L); };
    SF_BROADCAST_INFO info {};
    std::snprintf (info.description, sizeof (info.description), "%s", loudness.description.c_str());
    std::snprintf (info.originator, sizeof (info.originator), "Crest");
    info.version = 2;
    info.loudness_value = hundredths (loudness.integratedLufs);
    info.loudness_range = hundredths (loudness.rangeLu);
    info.max_true_peak_level = hundredths (loudness.truePeakDbtp);
    info.max_momentary_loudness = hundredths (loudness.maxMomentaryLufs);
    info.max_shortterm_loudness = hundredths (loudness.maxShortTermLufs);
    if (sf_command (handle->file, SFC_SET_BROADCAST_INFO, &info, sizeof (info)) != SF_TRUE)
        fail ("cannot write the BWF loudness metadata (bext chunk); no file was written");
}

AudioFileWriter::~AudioFileWriter()
{
    if (handle->file != nullptr)
    {
        handle->close();
        std::error_code ec;
        fs::remove (temporary, ec);
    }
}

void AudioFileWriter::fail (const std::string& problem)
{
    handle->close();
    std::error_code ec;
    fs::remove (temporary, ec);
    throw CrestError (target, problem);
}

void AudioFileWriter::writeInterleaved (const float* samples, int64_t frames)
{
    const float* toWrite = samples;
    if (ditherer)
    {
        ditherScratch.assign (samples, samples + frames * channels);
        ditherer->process (ditherScratch.data(), frames);
        toWrite = ditherScratch.data();
    }

    errno = 0;
    const auto done = sf_writef_float (handle->file, toWrite, frames);
    if (done != frames)
    {
        const bool full = errno == ENOSPC || errno == EFBIG || errno == EDQUOT;
        fail (std::string (full ? "disk full while writing" : "write failed") + " after " + std::to_string (written + done)
              + " frames (" + (errno != 0 ? std::strerror (errno) : sf_strerror (handle->file)) + "); no file was written");
    }
    written += done;
}

void AudioFileWriter::commit()
{
    errno = 0;
    sf_write_sync (handle->file);
    if (sf_error (handle->file) != SF_ERR_NO_ERROR)
        fail (std::string ("write failed (") + sf_strerror (handle->file) + "); no file was written");
    handle->close();

    // The file's own header must agree with what we wrote: libsndfile
    // patches a header on close even if the data before it never landed.
    SF_INFO check {};
    SNDFILE* readBack = sf_open (temporary.c_str(), SFM_READ, &check);
    const int64_t found = readBack != nullptr ? check.frames : -1;
    if (readBack != nullptr)
        sf_close (readBack);
    std::error_code ec;
    // A lossy stream's decoded length can differ from what went in by the
    // codec's priming and padding (an MP3 frame is 1152 samples); anything
    // more is a short file.
    const int64_t slack = isLossy (format.container) ? 4096 : 0;
    if (found < 0 || std::abs (found - written) > slack)
    {
        fs::remove (temporary, ec);
        throw CrestError (target, "verification failed: wrote " + std::to_string (written) + " frames but the file holds "
                                      + std::to_string (found) + " (disk full?); no file was written");
    }
    if (auto problem = syncPath (temporary); ! problem.empty())
    {
        fs::remove (temporary, ec);
        throw CrestError (target, "cannot flush to disk (" + problem + "); no file was written");
    }
    if (destination.isStream())
    {
        copyToStream();
        return;
    }
    fs::rename (temporary, destination.path, ec);
    if (ec)
    {
        fs::remove (temporary, ec);
        throw CrestError (target, "cannot move the finished file into place (" + ec.message() + ")");
    }
    syncPath (destination.path.parent_path().empty() ? fs::path (".") : destination.path.parent_path());
}

void AudioFileWriter::copyToStream()
{
    struct Closer
    {
        int fd = -1;
        ~Closer()
        {
            if (fd >= 0)
                ::close (fd);
        }
    } in, out;
    auto failCopy = [&] (const std::string& what, int error) {
        std::error_code ec;
        fs::remove (temporary, ec);
        throw CrestError (target, what + " (" + std::strerror (error) + ")");
    };
    in.fd = ::open (temporary.c_str(), O_RDONLY | O_CLOEXEC);
    if (in.fd < 0)
        failCopy ("cannot read the finished audio back", errno);
    // No O_CREAT, no O_TRUNC: a device or pipe is written to as it is.
    out.fd = destination.toStdout ? ::dup (STDOUT_FILENO) : ::open (destination.path.c_str(), O_WRONLY | O_CLOEXEC);
    if (out.fd < 0)
        failCopy ("cannot open for writing", errno);
    std::vector<char> buffer (1 << 16);
    for (;;)
    {
        const auto got = ::read (in.fd, buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            failCopy ("cannot read the finished audio back", errno);
        if (got == 0)
            break;
        for (ssize_t done = 0; done < got;)
        {
            const auto n = ::write (out.fd, buffer.data() + done, (size_t) (got - done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                failCopy ("write failed", n < 0 ? errno : ENOSPC);
            done += n;
        }
    }
    std::error_code ec;
    fs::remove (temporary, ec);
}
} // namespace crest
