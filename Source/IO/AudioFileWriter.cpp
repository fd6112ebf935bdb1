#include "AudioFileWriter.h"

#include "Core/CrestError.h"
#include "FileSync.h"

#include <sndfile.h>

#include <cerrno>
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
    if (const int bits = format.encoding == SampleEncoding::int16 ? 16 : format.encoding == SampleEncoding::int24 ? 24 : 0; bits > 0)
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
