#include "ReportExcerpt.h"

#include "Core/CrestError.h"
#include "IO/AudioFileReader.h"
#include "IO/AudioFileWriter.h"
#include "IO/FileSync.h"
#include "IO/SampleRateConverter.h"
#include "IO/ScratchFiles.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <vector>

namespace crest
{
namespace
{
    constexpr double stepSeconds = 0.5;
    constexpr double mp3MaxRate = 48000;

    // Both programmes, frame by frame, as stereo, the master shifted by its offset.
    class PairReader
    {
    public:
        PairReader (const std::filesystem::path& mix, const std::filesystem::path& master, int64_t masterOffset)
            : a (mix), b (master), offset (masterOffset)
        {
        }

        double rate() const { return a.info().sampleRate; }
        int64_t frames() const { return a.info().frames; }

        // From mix frame `from`; positions past either end read as silence.
        void seek (int64_t from) { position = from; }
        void read (int64_t n, std::vector<float>& mixOut, std::vector<float>& masterOut)
        {
            mixOut.assign ((size_t) n * 2, 0.0f);
            masterOut.assign ((size_t) n * 2, 0.0f);
            readShifted (a, position, n, mixOut);
            readShifted (b, position + offset, n, masterOut);
            position += n;
        }

    private:
        static void readShifted (AudioFileReader& r, int64_t from, int64_t n, std::vector<float>& out)
        {
            const int channels = r.info().channels;
            const int64_t first = std::clamp<int64_t> (from, 0, r.info().frames);
            const int64_t last = std::clamp<int64_t> (from + n, 0, r.info().frames);
            if (last <= first)
                return;
            std::vector<float> buffer ((size_t) ((last - first) * channels));
            r.seek (first);
            r.readInterleaved (buffer.data(), last - first);
            for (int64_t i = 0; i < last - first; ++i)
                for (int ch = 0; ch < 2; ++ch)
                    out[(size_t) ((first - from + i) * 2 + ch)] = buffer[(size_t) (i * channels + std::min (ch, channels - 1))];
        }

        AudioFileReader a, b;
        int64_t offset, position = 0;
    };

    std::string readAll (const std::filesystem::path& file)
    {
        std::ifstream in (file, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        if (! in && ! in.eof())
            throw CrestError (file, "cannot be read back");
        return bytes.str();
    }

    // `samples` (stereo) as MP3 bytes, through a scratch file or two.
    std::string encode (const std::vector<float>& samples, double rate, const std::filesystem::path& scratch)
    {
        ScratchFiles removed;
        auto toMp3 = [&] (const std::vector<float>& s, double r) {
            const auto file = removed.add (scratch, "excerpt.mp3");
            AudioFileWriter writer (file, { Container::mp3, SampleEncoding::int16 }, 2, r);
            writer.writeInterleaved (s.data(), (int64_t) s.size() / 2);
            writer.commit();
            return readAll (file);
        };
        if (rate <= mp3MaxRate)
            return toMp3 (samples, rate);
        const auto wide = removed.add (scratch, "excerpt-wide.wav"), narrow = removed.add (scratch, "excerpt-48k.wav");
        {
            AudioFileWriter writer (wide, { Container::wav, SampleEncoding::float32 }, 2, rate);
            writer.writeInterleaved (samples.data(), (int64_t) samples.size() / 2);
            writer.commit();
        }
        convertSampleRate (wide, narrow, mp3MaxRate);
        AudioFileReader reader (narrow);
        std::vector<float> converted ((size_t) (reader.info().frames * 2));
        reader.readInterleaved (converted.data(), reader.info().frames);
        return toMp3 (converted, mp3MaxRate);
    }
} // namespace

ReportExcerpt makeReportExcerpt (const std::filesystem::path& mix, const std::filesystem::path& master, int64_t masterOffsetFrames,
                                 double matchGainDb, double seconds, const std::filesystem::path& scratchFolder,
                                 const std::function<void (double)>& progress)
{
    PairReader pair (mix, master, masterOffsetFrames);
    const double rate = pair.rate();
    const auto g = (float) std::pow (10.0, std::isfinite (matchGainDb) ? matchGainDb / 20.0 : 0.0);
    const auto step = std::max<int64_t> (1, (int64_t) std::llround (stepSeconds * rate));

    // The difference's energy in steps of half a second.
    std::vector<double> energy;
    std::vector<float> a, b;
    for (int64_t done = 0; done < pair.frames(); done += step)
    {
        pair.read (std::min (step, pair.frames() - done), a, b);
        double e = 0;
        for (size_t i = 0; i < a.size(); ++i)
        {
            const double d = g * b[i] - a[i];
            e += d * d;
        }
        energy.push_back (e);
        if (progress)
            progress (0.8 * (double) (done + step) / (double) std::max<int64_t> (1, pair.frames()));
    }
    // The window with the most of it.
    const auto window = std::min (energy.size(), std::max<size_t> (1, (size_t) std::llround (seconds / stepSeconds)));
    std::vector<double> running (energy.size() + 1, 0.0);
    for (size_t i = 0; i < energy.size(); ++i)
        running[i + 1] = running[i] + energy[i];
    size_t best = 0;
    for (size_t start = 0; start + window <= energy.size(); ++start)
        if (running[start + window] - running[start] > running[best + window] - running[best])
            best = start;

    ReportExcerpt excerpt;
    excerpt.startSeconds = (double) best * step / rate;
    const auto frames = std::min<int64_t> ((int64_t) std::llround (seconds * rate), pair.frames() - (int64_t) best * step);
    excerpt.seconds = (double) frames / rate;
    pair.seek ((int64_t) best * step);
    pair.read (frames, a, b);
    std::vector<float> matched (b.size()), difference (b.size());
    for (size_t i = 0; i < b.size(); ++i)
    {
        matched[i] = g * b[i];
        difference[i] = matched[i] - a[i];
    }
    const auto scratch = scratchFolder / "crest-report-excerpt";
    excerpt.mixMp3 = encode (a, rate, scratch);
    excerpt.masterMp3 = encode (matched, rate, scratch);
    excerpt.differenceMp3 = encode (difference, rate, scratch);
    if (progress)
        progress (1.0);
    return excerpt;
}
} // namespace crest
