// The blind ABX test, in a window of its own: what to compare (the open
// session's mix and master, two settings of one module of its chain, two
// files, or a file and its MP3 at a chosen bitrate), the passage, the number of trials, the seed and the listener's
// name; Prepare makes the pair (aligned and loudness-matched, in the
// background); then each trial plays A, B or the hidden X at the same
// place, the listener answers "X is A" or "X is B", and the score and its
// exact binomial p-value follow; Save writes the results (JSON and CSV)
// for a teacher. Plays through the session's audio device (the device sums
// it with the session, which is stopped when a trial plays).
//
// Message thread only.
#pragma once

#include "Gui/Shared/BackgroundTask.h"
#include "Training/AbxTest.h"
#include "Training/ComparisonPlayer.h"
#include "Training/ListeningPair.h"
#include "Training/ModuleSettingPair.h"
#include "Training/TrainingResults.h"
#include "Session/SessionDocument.h"

#include <juce_audio_devices/juce_audio_devices.h>
#include <juce_gui_basics/juce_gui_basics.h>

#include <functional>
#include <memory>
#include <optional>

namespace crest
{
class AbxView : public juce::Component, private juce::Timer
{
public:
    enum class Source
    {
        mixAndMaster = 1,
        twoFiles,
        fileAndMp3,
        moduleSetting
    };

    // `currentSession` gives the open session (its mix and master are
    // rendered from it, on the preparing thread, when that is what is
    // compared); `stopSession` stops its playback.
    AbxView (juce::AudioDeviceManager& devices, MediaPool& media, std::function<SessionDocument()> currentSession,
             std::function<void()> stopSession);
    ~AbxView() override;

    void setSource (Source source);
    void setFiles (const std::filesystem::path& a, const std::filesystem::path& b);
    // For Source::moduleSetting: the module, its parameter and the two values.
    void setModuleSetting (const ModuleSetting& setting);
    const ModuleSetting& moduleSetting() const noexcept { return setting; }
    void setPassage (double startSeconds, double seconds);
    void setTrials (int trials, uint64_t seed);
    void setListener (const juce::String& name);
    // Makes the pair in the background, then starts the first trial.
    void prepare();
    bool isPreparing() const noexcept { return preparation.pending(); }

    // As the buttons do.
    void listenTo (int which);   // 0 A, 1 B, 2 X
    void answer (AbxChoice choice);
    bool saveResults (const std::filesystem::path& base);

    const std::optional<AbxTest>& test() const noexcept { return abx; }
    ComparisonPlayer& player() noexcept { return comparison; }
    juce::String status() const { return statusLabel.getText(); }
    juce::String score() const { return scoreLabel.getText(); }

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    void timerCallback() override;
    void refresh();
    void chooseFile (bool forA);
    void fillModuleMenus();
    void chooseModule (const std::string& moduleId);
    void chooseParameter (int index);   // in the module kind's table
    ListeningTestInfo info() const;

    juce::AudioDeviceManager& devices;
    MediaPool& media;
    std::function<SessionDocument()> currentSession;
    std::function<void()> stopSession;
    ComparisonPlayer comparison;
    Source source = Source::mixAndMaster;
    std::filesystem::path fileA, fileB;
    ModuleSetting setting;
    SessionDocument settingSession;     // the session the module menus were filled from
    std::string settingA, settingB, settingDescription;   // the prepared pair's labels
    std::filesystem::path preparedA, preparedB;          // and its files, for the results
    double startSeconds = 30, lengthSeconds = 15;
    int trials = 16;
    uint64_t seed = 1;
    std::optional<AbxTest> abx;
    std::optional<ListeningPair> pair;
    double trialStarted = 0;
    int listening = -1;


    juce::ComboBox sourceMenu, bitrateMenu, moduleMenu, parameterMenu;
    juce::Label valueAField, valueBField;
    juce::TextButton chooseA { "Choose A..." }, chooseB { "Choose B..." }, prepareButton { "Prepare" };
    juce::Label fileALabel, fileBLabel, fromLabel, lengthLabel, trialsLabel, seedLabel, listenerLabel;
    juce::Label from, length, trialsField, seedField, listener;
    juce::TextButton aButton { "A" }, bButton { "B" }, xButton { "X" }, stopButton { "Stop" };
    juce::TextButton isA { "X is A" }, isB { "X is B" }, saveButton { "Save results..." };
    juce::Label trialLabel, scoreLabel, statusLabel;
    std::unique_ptr<juce::FileChooser> chooser;
    // A pair with what it was prepared from: a source changed meanwhile makes it another test.
    struct PreparedPair
    {
        ListeningPair pair;
        Source source;
    };
    BackgroundTask<PreparedPair> preparation;   // last: it stops (and its work lets go of this) first
};
} // namespace crest
