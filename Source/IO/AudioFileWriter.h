// Writes an audio file so that a failure can never leave a valid-looking
// short file behind: audio goes to a temporary name in the target folder,
// every write is checked, the frame count is verified by reading the file
// back, and only then is it renamed into place. Destroying a writer that
// was not committed removes the temporary file.
//
// A stream target (stdout, /dev/null, a pipe) gets the same verified file,
// built in the temporary folder and then copied to it in one pass: a
// device is written to, never replaced.
//
// Integer encodings are dithered to their word length (Ditherer: TPDF by
// default, or noise-shaped, or none) from a fixed seed, so a render is
// reproducible bit for bit. JUCE-free.
#pragma once

#include "Dsp/Ditherer.h"
#include "OutputFormat.h"
#include "OutputTarget.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace crest
{
// The loudness a Broadcast WAVE file carries in its bext chunk (version 2).
struct BroadcastLoudness
{
    double integratedLufs, rangeLu, truePeakDbtp, maxMomentaryLufs, maxShortTermLufs;
    std::string description;
};

class AudioFileWriter
{
public:
    // A target checked by checkOutputTarget (user-named outputs).
    AudioFileWriter (const OutputTarget& target, OutputFormat format, int channels, double sampleRate);
    // A file Crest owns (its cache, the demo's stems): replaced if present.
    AudioFileWriter (const std::filesystem::path& target, OutputFormat format, int channels, double sampleRate);
    ~AudioFileWriter();

    AudioFileWriter (const AudioFileWriter&) = delete;
    AudioFileWriter& operator= (const AudioFileWriter&) = delete;

    void writeInterleaved (const float* samples, int64_t frames);
    // WAV only, before the first write: makes it a BWF with the loudness
    // fields filled in. Other containers ignore it.
    void setBroadcastLoudness (const BroadcastLoudness& loudness);

    // Closes, verifies and renames into place. Throws CrestError on failure,
    // in which case nothing is left at the target or the temporary name.
    void commit();

    int64_t framesWritten() const noexcept { return written; }

private:
    struct Handle;
    void fail (const std::string& problem);
    void copyToStream();

    OutputTarget destination;
    std::filesystem::path target, temporary;
    OutputFormat format;
    int channels;
    std::unique_ptr<Handle> handle;
    int64_t written = 0;
    std::vector<float> ditherScratch;
    std::optional<Ditherer> ditherer;   // integer encodings
};
} // namespace crest
