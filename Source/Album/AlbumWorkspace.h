// The album open in the app, beside the session: its model (undoable),
// its file, what is saved of it, its live player on the session's audio
// device, and its preview (the masters it plays and the loudness it
// shows), prepared in the background. The Album view edits and plays it;
// the window's File menu opens and saves it.
//
// Message thread only. (Here, not in App/, so the Album view and the
// tests reach it without the window.)
#pragma once

#include "AlbumModel.h"
#include "AlbumPlayer.h"
#include "AlbumPreview.h"

#include <filesystem>
#include <memory>

namespace crest
{
class SessionPlayer;

class AlbumWorkspace
{
public:
    explicit AlbumWorkspace (SessionPlayer& session);
    ~AlbumWorkspace();

    AlbumModel& model() noexcept { return album; }
    AlbumPlayer& player() noexcept { return live; }
    AlbumPreview& preview() noexcept { return *background; }

    // The file (empty: untitled), and whether the album differs from it.
    const std::filesystem::path& file() const noexcept { return albumFile; }
    bool isModified() const;
    juce::String name() const;

    // Each throws CrestError naming the file and the problem, changing nothing.
    void open (const std::filesystem::path& file);
    void startFromFiles (const std::vector<std::filesystem::path>& files, bool cd);
    void saveTo (const std::filesystem::path& file);

    // The rate the album plays at: the device's, or the album's without one.
    double playbackRate() const;
    // The album as it plays: sources absolute, times at playbackRate().
    AlbumDocument playable() const;
    // Asks for the album to be prepared again as it is now (after an edit).
    void refreshPreview();
    // Plays the album (stopping the session, which shares the device) or stops it.
    void togglePlay();

private:

    SessionPlayer& sessionPlayer;
    AlbumModel album;
    AlbumPlayer live;
    std::unique_ptr<AlbumPreview> background;
    std::filesystem::path albumFile;
    AlbumDocument saved;
};
} // namespace crest
