#include "AlbumWorkspace.h"

#include "Album/AlbumFile.h"
#include "Album/AlbumMasters.h"
#include "Album/NewAlbum.h"
#include "Engine/SessionPlayer.h"
#include "IO/MediaPool.h"

#include <unistd.h>

namespace crest
{
AlbumWorkspace::AlbumWorkspace (SessionPlayer& session)
    : sessionPlayer (session),
      background (std::make_unique<AlbumPreview> (MediaPool::defaultCacheFolder() / ("album-" + std::to_string (::getpid()))))
{
    // The device sums its callbacks: the album plays through the session's output.
    sessionPlayer.deviceManager().addAudioCallback (&live);
    saved = album.toDocument();
}

AlbumWorkspace::~AlbumWorkspace()
{
    sessionPlayer.deviceManager().removeAudioCallback (&live);
}

bool AlbumWorkspace::isModified() const
{
    return ! (album.toDocument() == saved);
}

juce::String AlbumWorkspace::name() const
{
    if (! albumFile.empty())
        return juce::String (albumFile.stem().string());
    const auto title = album.state()[albumIds::title].toString();
    return title.isNotEmpty() ? title : juce::String ("Untitled album");
}

void AlbumWorkspace::open (const std::filesystem::path& file)
{
    auto document = loadAlbumFile (file);   // throws, and nothing has changed
    live.clearProgram();
    album.load (document);
    albumFile = file;
    saved = document;
    refreshPreview();
}

void AlbumWorkspace::startFromFiles (const std::vector<std::filesystem::path>& files, bool cd)
{
    auto document = newAlbum (files, cd);
    live.clearProgram();
    album.load (document);
    albumFile.clear();
    saved = {};
    refreshPreview();
}

void AlbumWorkspace::saveTo (const std::filesystem::path& file)
{
    const auto document = album.toDocument();
    saveAlbumFile (document, file, file == albumFile || isCrestAlbumFile (file));
    albumFile = file;
    saved = document;
}

double AlbumWorkspace::playbackRate() const
{
    const double device = live.deviceRate();
    return device > 0 ? device : (double) album.state()[albumIds::sampleRate];
}

AlbumDocument AlbumWorkspace::playable() const
{
    auto document = album.toDocument();
    return document.sampleRate == playbackRate() ? document : albumAtRate (document, playbackRate());
}

void AlbumWorkspace::togglePlay()
{
    if (live.isPlaying())
    {
        live.stop();
        return;
    }
    if (sessionPlayer.isPlaying())
        sessionPlayer.stop();
    live.play();
}

void AlbumWorkspace::refreshPreview()
{
    if (album.numTracks() > 0)
        background->prepare (playable());
}
} // namespace crest
