// Resolves each clip's file into something the engine can stream at the
// session's sample rate: the file itself when its rate matches, otherwise a
// converted copy in Crest's cache folder (made once, reused while the
// source is unchanged). A file that cannot be used is reported "offline"
// with the reason; its clips play silence and keep their reference.
//
// Message thread (or a worker); never the audio thread. JUCE-free.
#pragma once

#include "AudioFileInfo.h"

#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <string>

namespace crest
{
struct MediaSource
{
    std::string identity;              // path, rate, size and time: changes when the file does
    std::filesystem::path original;
    std::filesystem::path playable;    // at the session rate
    AudioFileInfo info;                // of the playable file
    double originalRate = 0.0;
    bool online = false;
    std::string problem;               // why it is offline, naming the file
    std::string warning;               // plays, but not as the file holds it (NaN/Inf as silence)
};

class MediaPool
{
public:
    using Progress = std::function<void (const std::string& what, double fraction)>;

    explicit MediaPool (std::filesystem::path cacheFolder = defaultCacheFolder());

    const MediaSource& resolve (const std::filesystem::path& file, double sessionRate, const Progress& progress = {});

    static std::filesystem::path defaultCacheFolder();

private:
    std::filesystem::path cacheFolder;
    std::mutex lock;
    std::map<std::string, MediaSource> sources;   // key: path + rate + size + mtime
};
} // namespace crest
