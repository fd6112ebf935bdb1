#include "AudioFileWriter.h"

#include "Core/CrestError.h"
#include "FileSync.h"

#include <sndfile.h>

#include <cerrno>
#include <cstring>

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
        int major = format.container == Container::wav ? SF_FORMAT_WAV
                  : format.container == Container::aiff ? SF_FORMAT_AIFF
                                                        : SF_FORMAT_FLAC;
        int sub = format.encoding == SampleEncoding::int16 ? SF_FORMAT_PCM_16
                : format.encoding == SampleEncoding::int24 ? SF_FORMAT_PCM_24
                                                           : SF_FORMAT_FLOAT;
        return major | sub;
    }

    double lsb (SampleEncoding encoding)
    {
        return encoding == SampleEncoding::int16 ? 1.0 / 32768.0 : encoding == SampleEncoding::int24 ? 1.0 / 8388608.0 : 0.0;
    }
} // namespace

AudioFileWriter::AudioFileWriter (const fs::path& targetFile, OutputFormat outputFormat, int numChannels, double sampleRate)
    : target (targetFile), format (outputFormat), channels (numChannels), handle (std::make_unique<Handle>())
{
    if (auto reason = unsupportedReason (format))
        throw CrestError (target, *reason);
    if (auto problem = folderProblem (target); ! problem.empty())
        throw CrestError (target, problem);

    temporary = temporarySibling (target, "partial");
    SF_INFO info {};
    info.channels = channels;
    info.samplerate = (int) sampleRate;
    info.format = sndfileFormat (format);
    if (! sf_format_check (&info))
        throw CrestError (target, "cannot write " + describe (format) + " at " + std::to_string (info.samplerate) + " Hz");

    errno = 0;
    handle->file = sf_open (temporary.c_str(), SFM_WRITE, &info);
    if (handle->file == nullptr)
        throw CrestError (target, std::string ("cannot create file (") + (errno != 0 ? std::strerror (errno) : sf_strerror (nullptr)) + ")");
    // Out-of-range floats clip instead of wrapping around in integer files.
    sf_command (handle->file, SFC_SET_CLIPPING, nullptr, SF_TRUE);
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
    if (const double step = lsb (format.encoding); step > 0.0)
    {
        // TPDF: the sum of two uniform variables of +-0.5 LSB each.
        ditherScratch.resize ((size_t) (frames * channels));
        std::uniform_real_distribution<float> half (-0.5f * (float) step, 0.5f * (float) step);
        for (size_t i = 0; i < ditherScratch.size(); ++i)
            ditherScratch[i] = samples[i] + half (ditherNoise) + half (ditherNoise);
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
    if (found != written)
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
    fs::rename (temporary, target, ec);
    if (ec)
    {
        fs::remove (temporary, ec);
        throw CrestError (target, "cannot move the finished file into place (" + ec.message() + ")");
    }
    syncPath (target.parent_path().empty() ? fs::path (".") : target.parent_path());
}
} // namespace crest
