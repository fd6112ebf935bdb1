// The app's one window: owns the open session (model, media pool, player),
// the menu bar and keyboard commands, and the file workflow (new, open,
// save, save as, import, export, relink, drag-and-drop). A failed open
// changes nothing; unsaved edits are confirmed before they are dropped.
//
// Message thread only (exports run on their own thread, see ExportDialog).
#pragma once

#include "AppSettings.h"
#include "Autosaver.h"
#include "ChangeReportJob.h"
#include "Gui/Training/ListeningTestsWindow.h"
#include "MediaPreparationJob.h"

#include "Album/AlbumWorkspace.h"
#include "Core/StripParameters.h"
#include "Engine/SessionPlayer.h"
#include "IO/MediaPool.h"
#include "Session/AutomationRecorder.h"
#include "Session/SessionModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <filesystem>
#include <functional>
#include <memory>

namespace crest
{
class MainComponent;

class MainWindow : public juce::DocumentWindow,
                   public juce::ApplicationCommandTarget,
                   public juce::MenuBarModel,
                   public juce::FileDragAndDropTarget,
                   private juce::ValueTree::Listener
{
public:
    explicit MainWindow (const juce::String& audioDeviceType);
    ~MainWindow() override;

    // Opens a session file; on failure shows why and keeps the current one.
    // Returns false if the file could not be read (the session is unchanged);
    // clips at another rate are converted behind a progress window first.
    bool openSession (const std::filesystem::path& file);
    // Opens an album (.crest-album) into the Album view; on failure shows why and keeps the current one.
    bool openAlbum (const std::filesystem::path& file);
    // A new album from masters (stereo files or sessions), shown in the Album view.
    void startAlbumFromFiles (const std::vector<std::filesystem::path>& files);
    // The start page: new mix from stems, master a file, open, recent, demo.
    void showStartPage();
    // A new untitled session from audio files: one track each (a mix), or
    // the files in sequence through the default chain (a mastering session).
    void startFromFiles (const std::vector<std::filesystem::path>& files, bool mastering);
    void openDemo();
    // Track `index`'s channel strip editor on a module's page (the screenshot tool).
    void openStripEditor (int index, StripModule module);
    void showExportDialog();
    // The interface at 100 %, 150 % or 200 % (remembered).
    void applyInterfaceScale (double scale);
    void play();
    void seekSeconds (double seconds);

    // Audio files become tracks (a clip each at `start`), or the first a
    // clip on `ontoTrack`; files at another rate are converted behind a
    // progress window first; files that cannot be read are named in a
    // message and the rest still come in. One undo step.
    void importAudio (const std::vector<std::filesystem::path>& files, juce::ValueTree ontoTrack = {}, int64_t start = 0);

    // Runs `then` once unsaved edits are saved or discarded; not if cancelled.
    void confirmDiscardingChanges (std::function<void()> then);
    // The same for the album's edits.
    void confirmDiscardingAlbumChanges (std::function<void()> then);
    // Before quitting: the session's, then the album's.
    void confirmClosing (std::function<void()> then);
    // File > Save: to the session's file, or through Save As when untitled.
    bool save();
    bool isModified() const;

    void closeButtonPressed() override;

    // The window's parts, for the GUI tests and the screenshot tool.
    MainComponent& mainComponent() noexcept { return *content; }
    SessionModel& sessionModel() noexcept { return model; }
    SessionPlayer& sessionPlayer() noexcept { return *player; }
    AlbumWorkspace& albumWorkspace() noexcept { return *album; }
    juce::ApplicationCommandManager& commandManager() noexcept { return commands; }

    // ApplicationCommandTarget
    juce::ApplicationCommandTarget* getNextCommandTarget() override { return nullptr; }
    void getAllCommands (juce::Array<juce::CommandID>& commands) override;
    void getCommandInfo (juce::CommandID, juce::ApplicationCommandInfo&) override;
    bool perform (const InvocationInfo&) override;

    // MenuBarModel
    juce::StringArray getMenuBarNames() override;
    juce::PopupMenu getMenuForIndex (int menuIndex, const juce::String& menuName) override;
    void menuItemSelected (int, int) override {}

    // FileDragAndDropTarget
    bool isInterestedInFileDrag (const juce::StringArray& files) override;
    void filesDropped (const juce::StringArray& files, int x, int y) override;

    // Writes the report page of the open session in the background, behind
    // a progress window, then (if asked) opens it in the browser. Says how
    // it went in the status bar. False while one is already being made.
    bool writeChangeReport (const std::filesystem::path& page, bool openWhenDone);
    bool isWritingReport() const noexcept { return reportJob != nullptr; }
    // View > ABX Listening Test and EQ Ear Training: their window, opened
    // (or brought to the front) on that tab; null when it is not open.
    ListeningTestsWindow& showListeningTests (ListeningTestsWindow::Tab tab);
    ListeningTestsWindow* openListeningTests() noexcept { return listeningTests.get(); }

private:
    // `savedVersion`: what the file holds when `document` is a recovery
    // (which then opens as unsaved changes); none when it is the file's.
    void finishOpening (const SessionDocument& document, const std::filesystem::path& file,
                        const std::optional<SessionDocument>& savedVersion);
    bool prepareAndOpen (const SessionDocument& document, const std::filesystem::path& file,
                         const std::optional<SessionDocument>& savedVersion);

    enum Command : juce::CommandID
    {
        newSession = 0x2001,   // JUCE's standard commands (quit…) use 0x1001 and up
        openSessionCmd,
        saveSession,
        saveSessionAs,
        exportCmd,
        undo,
        redo,
        playStop,
        returnToStart,
        showArrange,
        showMixer,
        showMaster,
        nextView,
        splitClips,
        deleteSelection,
        duplicateClip,
        addTrack,
        zoomIn,
        zoomOut,
        zoomToFit,
        muteSelectedTrack,
        soloSelectedTrack,
        toggleLoop,
        cycleMonitorCmd,
        changeReportCmd,
        abxCmd,
        earTrainingCmd,
        importAudioCmd,
        relinkMediaCmd,
        audioSettingsCmd,
        startPageCmd,
        scale100,
        scale150,
        scale200,
        showAlbum,
        newAlbumCmd,
        openAlbumCmd,
        saveAlbumCmd,
        saveAlbumAsCmd,
        nextTransition,
        previousTransition,
    };
    void chooseAlbumFiles();
    void chooseAlbumToOpen();
    void saveAlbumAs (std::function<void()> afterSaving = {});
    bool saveAlbum();
    juce::UndoManager& currentUndoManager();
    void showAudioSettings();
    void chooseFilesToStart (bool mastering);
    void offerRelink();
    void chooseAudioToImport();
    // File > What Mastering Changed: asks where, then writeChangeReport().
    void chooseChangeReport();
    void addImportedTracks (const std::vector<TrackDocument>& tracks, juce::ValueTree ontoTrack, int64_t start);
    void loopOnOff();
    void toggleSelectedTrack (const juce::Identifier& property, const juce::String& on, const juce::String& off);

    void newSessionNow();
    void chooseSessionToOpen();
    void saveAs (std::function<void()> afterSaving = {});
    bool saveTo (const std::filesystem::path& file);
    void askOkCancel (const juce::String& title, const juce::String& message, const juce::String& okText, std::function<void()> onOk);
    void togglePlay();
    void goToStart();

    juce::String sessionName() const;
    void updateTitle();
    void showError (const juce::String& title, const juce::String& message);

    void valueTreePropertyChanged (juce::ValueTree&, const juce::Identifier&) override { updateTitle(); }
    void valueTreeChildAdded (juce::ValueTree&, juce::ValueTree&) override { updateTitle(); }
    void valueTreeChildRemoved (juce::ValueTree&, juce::ValueTree&, int) override { updateTitle(); }
    void valueTreeChildOrderChanged (juce::ValueTree&, int, int) override { updateTitle(); }

    // Declaration order is destruction order in reverse: the player must go
    // before the model it listens to, and both outlive the content.
    juce::ApplicationCommandManager commands;
    AppSettings settings;
    MediaPool media;
    SessionModel model;
    std::unique_ptr<SessionPlayer> player;
    std::unique_ptr<AlbumWorkspace> album;   // plays through the player's device: made after it, gone before it
    AutomationRecorder recorder { model };
    Autosaver autosaver { model };
    std::unique_ptr<MediaPreparationJob> preparationJob;
    std::unique_ptr<ChangeReportJob> reportJob;
    std::unique_ptr<ListeningTestsWindow> listeningTests;
    juce::String deviceType;
    MainComponent* content = nullptr;   // owned by the DocumentWindow

    std::filesystem::path sessionFile;   // empty: untitled
    SessionDocument savedDocument;       // what is on disk, to tell "modified"
    juce::String shownTitle;
    std::unique_ptr<juce::FileChooser> chooser;
};
} // namespace crest
