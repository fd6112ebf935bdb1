// EQ ear training, beside the ABX test in the listening-tests window: a
// programme (the open session's master or mix, rendered for it, or a
// file), a passage of it, and the round settings (how many octave bands,
// the size of the move, boosts, cuts or both, rounds, seed, listener).
// Each round hides a bell at one band (EqEarTrainer); the student plays
// the passage Flat and EQ'd (the same place, cross-faded), names the band
// by its button, and is told at once what it was; the score, its p-value
// at a chance of 1/N and how far off the wrong answers were follow, and
// Save writes the rounds (JSON and CSV) for a teacher.
//
// Message thread only.
#pragma once

#include "Gui/Shared/BackgroundTask.h"
#include "Session/SessionDocument.h"
#include "Training/ComparisonPlayer.h"
#include "Training/EqEarTrainer.h"
#include "Training/TrainingResults.h"

#include <juce_audio_devices/juce_audio_devices.h>
#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <memory>
#include <optional>

namespace crest
{
class MediaPool;

class EarTrainerView : public juce::Component, private juce::Timer
{
public:
    enum class Programme
    {
        sessionMaster = 1,
        sessionMix,
        file
    };

    EarTrainerView (juce::AudioDeviceManager& devices, MediaPool& media, std::function<SessionDocument()> currentSession,
                    std::function<void()> stopSession);
    ~EarTrainerView() override;

    void setProgramme (Programme programme);
    void setFile (const std::filesystem::path& file);
    void setPassage (double startSeconds, double seconds);
    void setSettings (const EarTrainingSettings& settings);
    void setListener (const juce::String& name);
    // Makes the passage in the background, then starts the first round.
    void prepare();
    bool isPreparing() const noexcept { return preparation.pending(); }

    // As the buttons do.
    void listenTo (int which);   // 0 flat, 1 EQ'd
    void answer (int band);      // index into the trainer's centres
    bool saveResults (const std::filesystem::path& base);

    const std::optional<EqEarTrainer>& trainer() const noexcept { return rounds; }
    const EarTrainingSettings& settings() const noexcept { return chosen; }
    ComparisonPlayer& player() noexcept { return comparison; }
    juce::String status() const { return statusLabel.getText(); }
    juce::String score() const { return scoreLabel.getText(); }
    juce::String feedback() const { return feedbackLabel.getText(); }

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    void timerCallback() override;
    void startRound();
    void forgetRounds();
    void refresh();
    void rebuildBandButtons();
    ListeningTestInfo info() const;

    juce::AudioDeviceManager& devices;
    MediaPool& media;
    std::function<SessionDocument()> currentSession;
    std::function<void()> stopSession;
    ComparisonPlayer comparison;
    Programme programme = Programme::sessionMaster;
    std::filesystem::path file;
    double startSeconds = 30, lengthSeconds = 15;
    EarTrainingSettings chosen;
    std::optional<EqEarTrainer> rounds;
    std::optional<ComparisonPlayer::Programme> flat;
    double sampleRate = 48000;
    double roundStarted = 0;
    int listening = -1;
    bool roundPending = false;     // answered: the next round loads on the next tick
    std::string preparedFrom;      // what the rounds play, for the results


    juce::ComboBox programmeMenu, bandsMenu, movesMenu, sizeMenu;
    juce::TextButton chooseFile { "Choose file..." }, prepareButton { "Prepare" };
    juce::Label fileLabel, fromLabel, lengthLabel, bandsLabel, sizeLabel, movesLabel, roundsLabel, seedLabel, listenerLabel;
    juce::Label from, length, roundsField, seedField, listener;
    juce::TextButton flatButton { "Flat" }, eqButton { "EQ'd" }, stopButton { "Stop" }, saveButton { "Save results..." };
    juce::OwnedArray<juce::TextButton> bandButtons;
    juce::Label roundLabel, feedbackLabel, scoreLabel, statusLabel;
    std::unique_ptr<juce::FileChooser> chooser;
    BackgroundTask<ComparisonPlayer::Programme> preparation;   // last: it stops (and its work lets go of this) first
};
} // namespace crest
