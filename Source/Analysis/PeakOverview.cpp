#include "PeakOverview.h"

#include "Core/CrestError.h"
#include "IO/AudioFileReader.h"
#include "IO/FileSync.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>

namespace crest
{
namespace fs = std::filesystem;

namespace
{
    constexpr char magic[8] = { 'C', 'R', 'E', 'S', 'T', 'P', 'K', '1' };
    constexpr int64_t levelRatio = PeakOverview::coarseFrames / PeakOverview::fineFrames;
    // Far beyond any real file's outline (a day of 8-channel audio is
    // about 50 MB of fine level); a larger header is damage.
    constexpr uint64_t maxCacheValues = uint64_t (1) << 28;

    int16_t toFraction (float sample) noexcept
    {
        const float clamped = std::clamp (sample, -1.0f, 1.0f);
        return (int16_t) std::lround (clamped * 32767.0f);
    }

    template <typename Value>
    void put (std::ofstream& out, Value value)
    {
        out.write (reinterpret_cast<const char*> (&value), sizeof (value));
    }

    template <typename Value>
    bool get (std::ifstream& in, Value& value)
    {
        return (bool) in.read (reinterpret_cast<char*> (&value), sizeof (value));
    }
} // namespace

PeakOverview PeakOverview::build (const fs::path& file, const std::function<void (double)>& progress, const std::atomic<bool>* cancel)
{
    AudioFileReader reader (file);
    PeakOverview overview;
    overview.numChannels = reader.info().channels;
    overview.numFrames = reader.info().frames;
    const int channels = overview.numChannels;
    const int64_t buckets = (overview.numFrames + fineFrames - 1) / fineFrames;
    overview.fine.assign ((size_t) (buckets * channels * 2), 0);

    // Whole buckets per read, so no bucket spans two reads.
    constexpr int64_t blockFrames = 256 * fineFrames;
    std::vector<float> block ((size_t) (blockFrames * channels));
    for (int64_t start = 0; start < overview.numFrames; start += blockFrames)
    {
        if (cancel != nullptr && cancel->load (std::memory_order_relaxed))
            throw CrestError (file, "waveform overview cancelled");
        const int64_t frames = std::min (blockFrames, overview.numFrames - start);
        reader.readInterleaved (block.data(), frames);
        for (int64_t offset = 0; offset < frames; offset += fineFrames)
        {
            const int64_t bucket = (start + offset) / fineFrames;
            const int64_t inBucket = std::min (fineFrames, frames - offset);
            for (int ch = 0; ch < channels; ++ch)
            {
                float low = 0.0f, high = 0.0f;
                const float* s = block.data() + offset * channels + ch;
                low = high = s[0];
                for (int64_t i = 1; i < inBucket; ++i)
                {
                    const float v = s[i * channels];
                    low = std::min (low, v);
                    high = std::max (high, v);
                }
                auto* cell = overview.fine.data() + (bucket * channels + ch) * 2;
                cell[0] = toFraction (low);
                cell[1] = toFraction (high);
            }
        }
        if (progress)
            progress ((double) (start + frames) / (double) overview.numFrames);
    }
    overview.deriveCoarse();
    return overview;
}

void PeakOverview::deriveCoarse()
{
    const int64_t fineBuckets = numChannels > 0 ? (int64_t) fine.size() / (numChannels * 2) : 0;
    const int64_t coarseBuckets = (fineBuckets + levelRatio - 1) / levelRatio;
    coarse.assign ((size_t) (coarseBuckets * numChannels * 2), 0);
    for (int64_t b = 0; b < coarseBuckets; ++b)
        for (int ch = 0; ch < numChannels; ++ch)
        {
            const auto r = scan (fine, numChannels, ch, b * levelRatio, std::min (fineBuckets, (b + 1) * levelRatio) - 1);
            auto* cell = coarse.data() + (b * numChannels + ch) * 2;
            cell[0] = toFraction (r.low);
            cell[1] = toFraction (r.high);
        }
}

PeakOverview::Range PeakOverview::scan (const std::vector<int16_t>& level, int channels, int channel, int64_t firstBucket,
                                        int64_t lastBucket) noexcept
{
    int16_t low = INT16_MAX, high = INT16_MIN;
    for (int64_t b = firstBucket; b <= lastBucket; ++b)
    {
        const auto* cell = level.data() + (b * channels + channel) * 2;
        low = std::min (low, cell[0]);
        high = std::max (high, cell[1]);
    }
    if (low > high)
        return {};
    return { (float) low / 32767.0f, (float) high / 32767.0f };
}

PeakOverview::Range PeakOverview::range (int channel, int64_t from, int64_t to) const noexcept
{
    from = std::max<int64_t> (from, 0);
    to = std::min (to, numFrames);
    if (channel < 0 || channel >= numChannels || from >= to)
        return {};
    const int64_t first = from / fineFrames;
    const int64_t last = (to - 1) / fineFrames;
    // Whole coarse buckets in the middle, fine ones at the edges.
    const int64_t firstCoarse = (first + levelRatio - 1) / levelRatio;
    const int64_t endCoarse = (last + 1) / levelRatio;
    if (endCoarse - firstCoarse < 2)
        return scan (fine, numChannels, channel, first, last);
    const auto head = scan (fine, numChannels, channel, first, firstCoarse * levelRatio - 1);
    const auto middle = scan (coarse, numChannels, channel, firstCoarse, endCoarse - 1);
    const auto tail = scan (fine, numChannels, channel, endCoarse * levelRatio, last);
    const bool hasHead = first < firstCoarse * levelRatio;
    const bool hasTail = endCoarse * levelRatio <= last;
    Range r = middle;
    if (hasHead)
        r = { std::min (r.low, head.low), std::max (r.high, head.high) };
    if (hasTail)
        r = { std::min (r.low, tail.low), std::max (r.high, tail.high) };
    return r;
}

std::string PeakOverview::cacheNameFor (const std::string& identity)
{
    uint64_t hash = 1469598103934665603ull;   // FNV-1a
    for (unsigned char c : identity)
        hash = (hash ^ c) * 1099511628211ull;
    char name[32];
    std::snprintf (name, sizeof (name), "%016llx.peaks", (unsigned long long) hash);
    return name;
}

bool PeakOverview::save (const fs::path& cacheFile, const std::string& identity) const
{
    std::error_code ec;
    fs::create_directories (cacheFile.parent_path(), ec);
    const auto temporary = temporarySibling (cacheFile, "peaks");
    {
        std::ofstream out (temporary, std::ios::binary | std::ios::trunc);
        if (! out)
            return false;
        out.write (magic, sizeof (magic));
        put (out, (uint32_t) identity.size());
        out.write (identity.data(), (std::streamsize) identity.size());
        put (out, (int32_t) numChannels);
        put (out, (int64_t) numFrames);
        put (out, (uint64_t) fine.size());
        out.write (reinterpret_cast<const char*> (fine.data()), (std::streamsize) (fine.size() * sizeof (int16_t)));
        out.flush();
        if (! out)
        {
            out.close();
            fs::remove (temporary, ec);
            return false;
        }
    }
    fs::rename (temporary, cacheFile, ec);
    if (ec)
        fs::remove (temporary, ec);
    return ! ec;
}

std::optional<PeakOverview> PeakOverview::load (const fs::path& cacheFile, const std::string& identity)
{
    std::ifstream in (cacheFile, std::ios::binary);
    if (! in)
        return std::nullopt;
    char header[sizeof (magic)];
    if (! in.read (header, sizeof (header)) || std::memcmp (header, magic, sizeof (magic)) != 0)
        return std::nullopt;
    uint32_t identityLength = 0;
    if (! get (in, identityLength) || identityLength != identity.size())
        return std::nullopt;
    std::string stored (identityLength, '\0');
    if (! in.read (stored.data(), identityLength) || stored != identity)
        return std::nullopt;
    int32_t channels = 0;
    int64_t frames = 0;
    uint64_t values = 0;
    if (! get (in, channels) || ! get (in, frames) || ! get (in, values))
        return std::nullopt;
    const int64_t buckets = (frames + fineFrames - 1) / fineFrames;
    if (channels <= 0 || channels > 256 || frames < 0 || values > maxCacheValues || values != (uint64_t) (buckets * channels * 2))
        return std::nullopt;
    PeakOverview overview;
    overview.numChannels = channels;
    overview.numFrames = frames;
    overview.fine.resize ((size_t) values);
    if (! in.read (reinterpret_cast<char*> (overview.fine.data()), (std::streamsize) (values * sizeof (int16_t))))
        return std::nullopt;
    overview.deriveCoarse();
    return overview;
}
} // namespace crest
