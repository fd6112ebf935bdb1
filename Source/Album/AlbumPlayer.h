// The album played live, across its transitions: the tracks' masters
// streamed from disk (DiskStreamer, as the session's clips are) and mixed
// by AlbumAssembler, the code the offline render uses, so a crossfade
// heard is the crossfade written. An edit (a reorder, a new gap, another
// streaming service's gains) publishes a new immutable program; once its
// audio under the playhead is loaded, the audio thread fades from the old
// one to the new over 10 ms, so nothing clicks or drops out, and the old
// is freed on the message thread.
//
// Threads: every public function is for the message thread, except
// process() (the audio thread: no allocation, no lock, no file) and the
// device callbacks. The app adds the player to the session's device
// manager, whose outputs it sums with the session's.
#pragma once

#include "AlbumAssembler.h"

#include "Engine/DiskStreamer.h"
#include "Engine/Transport.h"
#include "Realtime/SpscQueue.h"

#include <juce_audio_devices/juce_audio_devices.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <vector>

namespace crest
{
class AlbumPlayer : public juce::AudioIODeviceCallback
{
public:
    static constexpr int maxBlockFrames = 4096;
    AlbumPlayer();
    ~AlbumPlayer() override;

    // Each track's master: a file holding its whole source, mastered, and
    // its gain on the album in dB.
    struct Track
    {
        std::filesystem::path master;
        int channels = 2;
        double gainDb = 0;
    };
    // What plays: the layout (at the device's rate) and its tracks. The
    // playhead stays where it is.
    void setProgram (const AlbumLayout& layout, const std::vector<Track>& tracks);
    void clearProgram();
    bool hasProgram() const noexcept { return programLength > 0; }
    int64_t length() const noexcept { return programLength; }

    // Playback starts once the audio under the playhead is loaded.
    void play();
    void stop();
    void seek (int64_t sample);
    bool isPlaying() const noexcept;
    // The playhead, or where it is about to go (a seek the audio thread has not taken yet).
    int64_t position() const noexcept
    {
        const auto pendingSeek = transportState.seekRequest.load();
        return pendingSeek >= 0 ? pendingSeek : transportState.position.load();
    }
    // Blocks whose audio was not loaded in time, since the player was made.
    int64_t underruns() const noexcept { return missedBlocks.load(); }
    double deviceRate() const noexcept { return rate.load(); }

    // Frees programs the audio thread has let go of; call from a timer.
    void collectGarbage();

    // The audio thread (or a test, or a tool): the next `numFrames` of the
    // album into `outputs` (left, right; further channels silent; one
    // channel gets their mean), moving the playhead while playing.
    void process (float* const* outputs, int numOutputs, int numFrames) noexcept;
    DiskStreamer& streamer() noexcept { return diskStreamer; }

private:
    struct Program;
    void render (Program& program, int64_t from, int n, float* left, float* right, bool counts) noexcept;
    bool isLoadedAt (const Program& program, int64_t position) const noexcept;

    void audioDeviceIOCallbackWithContext (const float* const* inputs, int numInputs, float* const* outputs, int numOutputs,
                                           int numSamples, const juce::AudioIODeviceCallbackContext& context) override;
    void audioDeviceAboutToStart (juce::AudioIODevice* device) override;
    void audioDeviceStopped() override;

    Transport transportState;
    DiskStreamer diskStreamer;
    std::vector<StreamPlacement> streams;   // message thread: reused by the next program where they fit
    std::atomic<Program*> pending { nullptr };
    Program* current = nullptr;   // audio thread
    Program* waiting = nullptr;   // audio thread: taken from `pending`, its audio loading
    Program* fadingOut = nullptr; // audio thread: the program being faded from
    int fadeDone = 0;             // audio thread
    static constexpr size_t retiredCapacity = 64;
    SpscQueue<Program*, retiredCapacity> retired;
    std::vector<float> monoRight, fadeLeft, fadeRight;   // audio thread: a mono device's right; the old program during a fade
    std::atomic<int64_t> programLength { 0 };
    std::atomic<int64_t> missedBlocks { 0 };
    std::atomic<double> rate { 0.0 };
};
} // namespace crest
