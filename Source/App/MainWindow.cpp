#include "MainWindow.h"

#include "Gui/CrestLookAndFeel.h"
#include "Gui/MainComponent.h"
#include "Gui/AudioSettingsPanel.h"
#include "Gui/DialogLauncher.h"
#include "Gui/ExportDialog.h"
#include "Gui/RelinkDialog.h"

#include "Core/CrestError.h"
#include "Session/NewSession.h"
#include "Session/SessionFile.h"
#include "Demo/DemoSong.h"
#include "Mastering/MasteringSession.h"
#include "Session/MediaRelink.h"
#include "Session/StemImport.h"
#include "Album/AlbumFile.h"

namespace crest
{
namespace
{
    std::filesystem::path toPath (const juce::File& f) { return std::filesystem::path (f.getFullPathName().toStdString()); }
    juce::File toFile (const std::filesystem::path& p) { return juce::File (juce::String (p.string())); }
} // namespace

MainWindow::MainWindow (const juce::String& audioDeviceType)
    : juce::DocumentWindow ("Crest", colours::background, juce::DocumentWindow::allButtons),
      deviceType (audioDeviceType)
{
    player = std::make_unique<SessionPlayer> (model, media);
    // No device is not an error: the mixer still edits, saves and renders.
    player->openAudioDevice (deviceType, settings.audioDeviceState().get());

    album = std::make_unique<AlbumWorkspace> (*player);
    auto* main = new MainComponent (model, *player, media, *album);
    content = main;
    main->transport().onPlayStop = [this] { togglePlay(); };
    main->transport().onReturnToStart = [this] { goToStart(); };
    main->transport().onLoop = [this] { loopOnOff(); };
    // Fader and pan moves become automation while the transport rolls,
    // when their lane is in touch, latch or write.
    player->onTransportChange = [this] (bool playing, int64_t position) {
        if (playing)
            recorder.transportStarted (position);
        else
            recorder.transportStopped (position);
    };
    main->mixer().setControlGestureHandler ([this] (const juce::ValueTree& channel, const juce::String& parameter, double value, int phase) {
        const auto position = player->position();
        if (phase == 0)
            recorder.touch (channel, parameter, position, value);
        else if (phase == 1)
            recorder.move (channel, parameter, position, value);
        else
            recorder.release (channel, parameter, position);
    });

    setUsingNativeTitleBar (true);
    setContentOwned (main, true);
    setResizable (true, true);
    setResizeLimits (640, 420, 8192, 8192);

    commands.registerAllCommandsForTarget (this);
    commands.setFirstCommandTarget (this);
    addKeyListener (commands.getKeyMappings());
    setApplicationCommandManagerToWatch (&commands);
    setMenuBar (this, 24);

    model.state().addListener (this);
    savedDocument = model.toDocument();
    autosaver.setSession ({}, savedDocument);
    autosaver.onProblem = [this] (const juce::String& problem) { content->status().flash (problem); };
    updateTitle();
    centreWithSize (getWidth(), getHeight());
    // As it was left: size, place, view and interface scale.
    juce::Desktop::getInstance().setGlobalScaleFactor ((float) settings.interfaceScale());
    if (const auto state = settings.windowState(); state.isNotEmpty())
        restoreWindowStateFromString (state);
    // The album is not reopened at start: its view would be empty.
    const auto lastView = (AppView) settings.lastView();
    main->showView (lastView == AppView::album ? AppView::arrange : lastView);

    auto& start = main->start();
    start.onNewFromStems = [this] { chooseFilesToStart (false); };
    start.onMasterFile = [this] { chooseFilesToStart (true); };
    start.onOpen = [this] { chooseSessionToOpen(); };
    start.onOpenDemo = [this] { openDemo(); };
    start.onOpenRecent = [this] (const std::filesystem::path& file) { openSession (file); };
}

MainWindow::~MainWindow()
{
    // Closing is the user's decision (saved, or changes discarded when
    // asked): nothing is left to recover.
    autosaver.discard();
    settings.setWindowState (getWindowStateAsString());
    settings.setLastView ((int) content->currentView());
    model.state().removeListener (this);
    preparationJob.reset();
    // Both use the media pool and the player's device: gone before them.
    reportJob.reset();
    listeningTests.reset();
    setMenuBar (nullptr);
    // The content refers to the player and model; it must die first.
    clearContentComponent();
    album.reset();
    player.reset();
}

void MainWindow::closeButtonPressed()
{
    juce::JUCEApplication::getInstance()->systemRequestedQuit();
}

// ---- session files ----------------------------------------------------------

bool MainWindow::openSession (const std::filesystem::path& file)
{
    SessionDocument document;
    try
    {
        document = loadSessionFile (file);
    }
    catch (const std::exception& e)
    {
        showError ("Could not open session", juce::String::fromUTF8 (e.what()));
        return false;
    }

    // Changes autosaved before a crash: the user chooses.
    if (auto recovered = Autosaver::recoveryFor (file))
    {
        const auto side = Autosaver::sideFileFor (file);
        const auto when = juce::File (juce::String (side.string())).getLastModificationTime().toString (true, true, false);
        juce::AlertWindow::showOkCancelBox (
            juce::MessageBoxIconType::QuestionIcon, "Recover unsaved changes?",
            "Crest closed without saving \"" + juce::String (file.stem().string()) + "\". Its changes were autosaved at " + when
                + ".\n\nRecover them (they open as unsaved changes), or open the session as it was last saved?",
            "Recover", "Open saved", this,
            juce::ModalCallbackFunction::create ([this, file, document, recoveredDocument = *recovered] (int choice) {
                if (choice == 1)
                    prepareAndOpen (recoveredDocument, file, document);   // the saved version, to tell what changed
                else
                {
                    std::error_code ec;
                    std::filesystem::remove (Autosaver::sideFileFor (file), ec);
                    prepareAndOpen (document, file, std::nullopt);
                }
            }));
        return true;
    }
    return prepareAndOpen (document, file, std::nullopt);
}

bool MainWindow::prepareAndOpen (const SessionDocument& document, const std::filesystem::path& file,
                                 const std::optional<SessionDocument>& savedVersion)
{
    if (! MediaPreparationJob::isNeeded (document))
    {
        finishOpening (document, file, savedVersion);
        return true;
    }
    preparationJob = std::make_unique<MediaPreparationJob> (document, media, this);
    preparationJob->onFinished = [this, file, savedVersion] (bool cancelled, const SessionDocument& prepared)
    {
        if (cancelled)
            content->status().flash ("Opening cancelled; the current session is unchanged.");
        else
            finishOpening (prepared, file, savedVersion);
        // The progress window is still unwinding this call; delete it later.
        juce::MessageManager::callAsync ([safe = juce::Component::SafePointer<MainWindow> (this)]
                                         {
                                             if (safe != nullptr)
                                                 safe->preparationJob.reset();
                                         });
    };
    preparationJob->launchThread();
    return true;
}

void MainWindow::finishOpening (const SessionDocument& document, const std::filesystem::path& file,
                                const std::optional<SessionDocument>& savedVersion)
{
    player->stop();
    player->returnToStart();
    // The previous session closes cleanly: its side file goes.
    autosaver.discard();
    model.load (document);
    sessionFile = file.empty() ? std::filesystem::path() : std::filesystem::absolute (file);
    savedDocument = model.toDocument();
    if (! sessionFile.empty())
        settings.addRecentSession (sessionFile);
    if (savedVersion)
    {
        // What the file holds, in the model's own form, so the recovered
        // changes show as unsaved.
        SessionModel disk;
        disk.load (*savedVersion);
        savedDocument = disk.toDocument();
    }
    autosaver.setSession (sessionFile, savedDocument);
    if (savedVersion)
        autosaver.adoptSideFile();

    // The device runs at the session's rate; follow a session at another rate.
    if (auto* device = player->deviceManager().getCurrentAudioDevice())
        if (std::abs (device->getCurrentSampleRate() - model.sampleRate()) > 0.5)
            player->openAudioDevice (device->getTypeName());

    content->sessionOpened (sessionFile);
    if (sessionFile.empty())
        content->status().flash ("New session from " + juce::String ((int) document.tracks.size()) + " file(s): save it to keep it (Ctrl+S)");
    else
        content->status().flash ((savedVersion ? "Recovered unsaved changes of " : "Opened ") + toFile (sessionFile).getFullPathName());
    updateTitle();

    // Media that moved: its clips show offline; offer to find them.
    if (const auto missing = missingMediaFiles (model.toDocument()); ! missing.empty())
        juce::AlertWindow::showOkCancelBox (
            juce::MessageBoxIconType::WarningIcon, "Media offline",
            juce::String ((int) missing.size()) + (missing.size() == 1 ? " media file of this session is" : " media files of this session are")
                + " not where the session says (first: " + juce::String::fromUTF8 (missing.front().c_str())
                + ").\n\nIts clips show as offline and play silence. Find the files by name in a folder?",
            "Relink...", "Not now", this, juce::ModalCallbackFunction::create ([this] (int choice) {
                if (choice == 1)
                    offerRelink();
            }));
}

void MainWindow::showStartPage()
{
    content->start().setRecentSessions (settings.recentSessions());
    content->showStartPage (true);
}

void MainWindow::startFromFiles (const std::vector<std::filesystem::path>& files, bool mastering)
{
    StemImport made;
    try
    {
        made = mastering ? masteringSessionFrom (files) : sessionFromStems (files);
    }
    catch (const std::exception& e)
    {
        showError (mastering ? "Could not start a mastering session" : "Could not start a mix", juce::String::fromUTF8 (e.what()));
        return;
    }
    // Not yet saved: the whole session is unsaved work.
    SessionModel empty;
    prepareAndOpen (made.session, {}, empty.toDocument());
    for (const auto& w : made.warnings)
        content->status().flash (juce::String::fromUTF8 (w.c_str()));
}

void MainWindow::chooseFilesToStart (bool mastering)
{
    confirmDiscardingChanges ([this, mastering] {
        chooser = std::make_unique<juce::FileChooser> (mastering ? "Master a stereo file (or several, in order)" : "New mix from stems (files or a folder)",
                                                       juce::File::getSpecialLocation (juce::File::userMusicDirectory),
                                                       "*.wav;*.flac;*.aif;*.aiff;*.ogg;*.opus;*.mp3");
        auto chooserFlags = juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles
                            | juce::FileBrowserComponent::canSelectMultipleItems;
        if (! mastering)
            chooserFlags |= juce::FileBrowserComponent::canSelectDirectories;
        chooser->launchAsync (chooserFlags, [this, mastering] (const juce::FileChooser& fc) {
            std::vector<std::filesystem::path> files;
            for (const auto& f : fc.getResults())
            {
                if (f.isDirectory())
                {
                    // A folder of stems: its audio files, in name order.
                    auto inside = f.findChildFiles (juce::File::findFiles, false, "*.wav;*.flac;*.aif;*.aiff;*.ogg;*.opus;*.mp3");
                    inside.sort();
                    for (const auto& g : inside)
                        files.push_back (toPath (g));
                }
                else
                    files.push_back (toPath (f));
            }
            if (! files.empty())
                startFromFiles (files, mastering);
        });
    });
}

void MainWindow::openDemo()
{
    const auto home = juce::File::getSpecialLocation (juce::File::userHomeDirectory);
    const char* xdg = std::getenv ("XDG_DATA_HOME");
    const auto folder = (xdg != nullptr && *xdg != 0 ? std::filesystem::path (xdg) : toPath (home) / ".local" / "share") / "crest" / "demo";
    const auto file = folder / "demo.crest";
    try
    {
        if (! std::filesystem::exists (file))
            writeDemoSong (folder);
    }
    catch (const std::exception& e)
    {
        showError ("Could not write the demo song", juce::String::fromUTF8 (e.what()));
        return;
    }
    confirmDiscardingChanges ([this, file] { openSession (file); });
}

void MainWindow::openStripEditor (int index, StripModule module)
{
    content->showView (AppView::mixer);
    if (auto* strip = content->mixer().strip (index))
    {
        strip->stripEditorButton().openEditor();
        if (auto* window = strip->stripEditorButton().editorWindow())
            window->editor().showModule (module);
    }
}

void MainWindow::applyInterfaceScale (double scale)
{
    juce::Desktop::getInstance().setGlobalScaleFactor ((float) scale);
    settings.setInterfaceScale (scale);
    commands.commandStatusChanged();
}

void MainWindow::showAudioSettings()
{
    auto* window = launchDialog (new AudioSettingsPanel (player->deviceManager(), model.sampleRate()), "Audio settings", this);
    // Remembered when the window closes, and used at the next start.
    juce::ModalComponentManager::getInstance()->attachCallback (window, juce::ModalCallbackFunction::create ([this] (int) {
                                                                    const auto state = player->deviceManager().createStateXml();
                                                                    settings.setAudioDeviceState (state.get());
                                                                    content->refreshStatus();
                                                                }));
}

void MainWindow::newSessionNow()
{
    player->stop();
    player->returnToStart();
    SessionDocument fresh;
    addDefaultReturns (fresh);
    autosaver.discard();
    model.load (fresh);
    sessionFile.clear();
    savedDocument = model.toDocument();
    autosaver.setSession ({}, savedDocument);
    content->sessionOpened ({});
    updateTitle();
}

void MainWindow::chooseSessionToOpen()
{
    const auto start = sessionFile.empty() ? juce::File::getSpecialLocation (juce::File::userHomeDirectory)
                                           : toFile (sessionFile).getParentDirectory();
    chooser = std::make_unique<juce::FileChooser> ("Open session", start, juce::String ("*") + sessionExtension);
    chooser->launchAsync (juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles,
                          [this] (const juce::FileChooser& fc)
                          {
                              const auto file = fc.getResult();
                              if (file != juce::File())
                                  openSession (toPath (file));
                          });
}

// ---- album files -------------------------------------------------------------

juce::UndoManager& MainWindow::currentUndoManager()
{
    return content->currentView() == AppView::album ? album->model().undoManager() : model.undoManager();
}

bool MainWindow::openAlbum (const std::filesystem::path& file)
{
    try
    {
        album->open (file);
    }
    catch (const std::exception& e)
    {
        showError ("Could not open album", juce::String::fromUTF8 (e.what()));
        return false;
    }
    content->showStartPage (false);
    content->album().albumOpened();
    content->showView (AppView::album);
    return true;
}

void MainWindow::startAlbumFromFiles (const std::vector<std::filesystem::path>& files)
{
    album->startFromFiles (files, false);
    content->showStartPage (false);
    content->album().albumOpened();
    content->showView (AppView::album);
}

void MainWindow::chooseAlbumFiles()
{
    chooser = std::make_unique<juce::FileChooser> ("New album: choose its masters, in order",
                                                   juce::File::getSpecialLocation (juce::File::userHomeDirectory),
                                                   "*.wav;*.flac;*.aif;*.aiff;*.crest");
    chooser->launchAsync (juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles
                              | juce::FileBrowserComponent::canSelectMultipleItems,
                          [this] (const juce::FileChooser& fc)
                          {
                              std::vector<std::filesystem::path> files;
                              for (const auto& f : fc.getResults())
                                  files.push_back (toPath (f));
                              if (! files.empty())
                                  startAlbumFromFiles (files);
                          });
}

void MainWindow::chooseAlbumToOpen()
{
    chooser = std::make_unique<juce::FileChooser> ("Open album", juce::File::getSpecialLocation (juce::File::userHomeDirectory),
                                                   juce::String ("*") + albumExtension);
    chooser->launchAsync (juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles,
                          [this] (const juce::FileChooser& fc)
                          {
                              if (const auto file = fc.getResult(); file != juce::File())
                                  openAlbum (toPath (file));
                          });
}

bool MainWindow::saveAlbum()
{
    if (album->file().empty())
    {
        saveAlbumAs();
        return false;
    }
    try
    {
        album->saveTo (album->file());
        content->status().flash ("Saved " + juce::String (album->file().filename().string()));
        return true;
    }
    catch (const std::exception& e)
    {
        showError ("Could not save album", juce::String::fromUTF8 (e.what()));
        return false;
    }
}

void MainWindow::saveAlbumAs (std::function<void()> afterSaving)
{
    const auto start = album->file().empty()
                           ? juce::File::getSpecialLocation (juce::File::userHomeDirectory).getChildFile (album->name() + albumExtension)
                           : toFile (album->file());
    chooser = std::make_unique<juce::FileChooser> ("Save album as", start, juce::String ("*") + albumExtension);
    chooser->launchAsync (juce::FileBrowserComponent::saveMode | juce::FileBrowserComponent::canSelectFiles
                              | juce::FileBrowserComponent::warnAboutOverwriting,
                          [this, afterSaving] (const juce::FileChooser& fc)
                          {
                              auto file = fc.getResult();
                              if (file == juce::File())
                                  return;
                              if (! file.hasFileExtension (albumExtension))
                                  file = file.withFileExtension (albumExtension);
                              try
                              {
                                  album->saveTo (toPath (file));
                                  if (afterSaving)
                                      afterSaving();
                              }
                              catch (const std::exception& e)
                              {
                                  showError ("Could not save album", juce::String::fromUTF8 (e.what()));
                              }
                          });
}

bool MainWindow::save()
{
    if (sessionFile.empty())
    {
        saveAs();
        return false;
    }
    return saveTo (sessionFile);
}

bool MainWindow::saveTo (const std::filesystem::path& file)
{
    try
    {
        const auto document = model.toDocument();
        saveSessionFile (document, file);
        // The side file of what was open goes (Save As: the old name's).
        autosaver.discard();
        sessionFile = file;
        savedDocument = document;
        autosaver.setSession (file, savedDocument);
        settings.addRecentSession (file);
        content->arrange().waveforms().setSessionFile (file);
        updateTitle();
        content->status().flash ("Saved " + toFile (file).getFullPathName());
        return true;
    }
    catch (const std::exception& e)
    {
        showError ("Could not save session", juce::String::fromUTF8 (e.what()));
        return false;
    }
}

void MainWindow::saveAs (std::function<void()> afterSaving)
{
    const auto start = sessionFile.empty()
                           ? juce::File::getSpecialLocation (juce::File::userHomeDirectory).getChildFile ("Untitled.crest")
                           : toFile (sessionFile);
    chooser = std::make_unique<juce::FileChooser> ("Save session as", start, juce::String ("*") + sessionExtension);
    chooser->launchAsync (juce::FileBrowserComponent::saveMode | juce::FileBrowserComponent::canSelectFiles
                              | juce::FileBrowserComponent::warnAboutOverwriting,
                          [this, afterSaving] (const juce::FileChooser& fc)
                          {
                              auto file = fc.getResult();
                              if (file == juce::File())
                                  return;
                              auto saveThere = [this, afterSaving] (const juce::File& target)
                              {
                                  if (saveTo (toPath (target)) && afterSaving)
                                      afterSaving();
                              };
                              // The chooser asked about the name as typed; a
                              // name we extended is asked about here.
                              if (! file.hasFileExtension (sessionExtension))
                              {
                                  file = file.withFileExtension (sessionExtension);
                                  if (file.exists())
                                  {
                                      askOkCancel ("Replace session?", file.getFullPathName() + " already exists. Replace it?", "Replace",
                                                   [file, saveThere] { saveThere (file); });
                                      return;
                                  }
                              }
                              saveThere (file);
                          });
}

bool MainWindow::isModified() const
{
    return model.toDocument() != savedDocument;
}

void MainWindow::confirmDiscardingChanges (std::function<void()> then)
{
    if (! isModified())
    {
        then();
        return;
    }
    juce::AlertWindow::showYesNoCancelBox (
        juce::MessageBoxIconType::QuestionIcon, "Save changes?",
        "\"" + sessionName() + "\" has unsaved changes. Save them first?", "Save", "Don't save", "Cancel", this,
        juce::ModalCallbackFunction::create (
            [this, then] (int choice)
            {
                if (choice == 1)   // Save
                {
                    if (sessionFile.empty())
                        saveAs (then);
                    else if (saveTo (sessionFile))
                        then();
                }
                else if (choice == 2)   // Don't save
                {
                    then();
                }
            }));
}

void MainWindow::confirmDiscardingAlbumChanges (std::function<void()> then)
{
    if (album->model().numTracks() == 0 || ! album->isModified())
    {
        then();
        return;
    }
    juce::AlertWindow::showYesNoCancelBox (
        juce::MessageBoxIconType::QuestionIcon, "Save album changes?",
        "The album \"" + album->name() + "\" has unsaved changes. Save them first?", "Save", "Don't save", "Cancel", this,
        juce::ModalCallbackFunction::create (
            [this, then] (int choice)
            {
                if (choice == 1)   // Save
                {
                    if (album->file().empty())
                        saveAlbumAs (then);
                    else if (saveAlbum())
                        then();
                }
                else if (choice == 2)   // Don't save
                {
                    then();
                }
            }));
}

void MainWindow::confirmClosing (std::function<void()> then)
{
    confirmDiscardingChanges ([this, then] { confirmDiscardingAlbumChanges (then); });
}

void MainWindow::offerRelink()
{
    RelinkDialog::show (model, this, [this] (int relinked) {
        if (relinked > 0)
        {
            content->refreshStatus();
            content->status().flash ("Relinked " + juce::String (relinked) + (relinked == 1 ? " clip" : " clips"));
        }
    });
}

// ---- import -----------------------------------------------------------------

void MainWindow::importAudio (const std::vector<std::filesystem::path>& files, juce::ValueTree ontoTrack, int64_t start)
{
    if (preparationJob != nullptr)
    {
        content->status().flash ("Busy preparing media; import again when it is done.");
        return;
    }
    const auto imported = importAudioFiles (files, model.sampleRate());
    if (! imported.problems.empty())
    {
        juce::String list;
        for (const auto& p : imported.problems)
            list << "\n" << juce::String::fromUTF8 (p.c_str());
        showError (imported.problems.size() == 1 ? "A file could not be imported" : "Some files could not be imported",
                   list.trimStart() + (imported.tracks.empty() ? juce::String() : "\n\nThe other files were imported."));
    }
    if (imported.tracks.empty())
        return;

    SessionDocument incoming;
    incoming.sampleRate = model.sampleRate();
    incoming.tracks = imported.tracks;
    if (! MediaPreparationJob::isNeeded (incoming))
    {
        addImportedTracks (incoming.tracks, ontoTrack, start);
        return;
    }
    preparationJob = std::make_unique<MediaPreparationJob> (incoming, media, this);
    preparationJob->onFinished = [this, ontoTrack, start] (bool cancelled, const SessionDocument& prepared)
    {
        if (cancelled)
            content->status().flash ("Import cancelled; the session is unchanged.");
        else
            addImportedTracks (prepared.tracks, ontoTrack, start);
        juce::MessageManager::callAsync ([safe = juce::Component::SafePointer<MainWindow> (this)]
                                         {
                                             if (safe != nullptr)
                                                 safe->preparationJob.reset();
                                         });
    };
    preparationJob->launchThread();
}

void MainWindow::addImportedTracks (const std::vector<TrackDocument>& tracks, juce::ValueTree ontoTrack, int64_t start)
{
    model.beginGesture (tracks.size() == 1 ? "Import audio file" : "Import " + juce::String ((int) tracks.size()) + " audio files");
    int insertAt = ontoTrack.isValid() ? model.state().indexOf (ontoTrack) + 1 : model.numTracks();
    for (size_t i = 0; i < tracks.size(); ++i)
    {
        auto clip = tracks[i].clips.front();
        clip.startSample = std::max<int64_t> (0, start);
        if (i == 0 && ontoTrack.isValid() && ontoTrack.getParent().isValid())
        {
            content->arrange().selectClip (model.addClip (ontoTrack, clip));
            continue;
        }
        auto track = model.addTrack (juce::String::fromUTF8 (tracks[i].name.c_str()), tracks[i].channels, insertAt++);
        content->arrange().selectClip (model.addClip (track, clip));
    }
    content->status().flash ("Imported " + juce::String ((int) tracks.size()) + (tracks.size() == 1 ? " file" : " files"));
}

void MainWindow::chooseAudioToImport()
{
    const auto start = sessionFile.empty() ? juce::File::getSpecialLocation (juce::File::userMusicDirectory)
                                           : toFile (sessionFile).getParentDirectory();
    chooser = std::make_unique<juce::FileChooser> ("Import audio", start, "*.wav;*.flac;*.aif;*.aiff;*.ogg;*.opus;*.mp3");
    chooser->launchAsync (juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles
                              | juce::FileBrowserComponent::canSelectMultipleItems,
                          [this] (const juce::FileChooser& fc)
                          {
                              std::vector<std::filesystem::path> files;
                              for (const auto& f : fc.getResults())
                                  files.push_back (toPath (f));
                              if (! files.empty())
                                  importAudio (files, {}, player->position());
                          });
}

void MainWindow::chooseChangeReport()
{
    const auto start = sessionFile.empty() ? juce::File::getSpecialLocation (juce::File::userDocumentsDirectory).getChildFile ("report.html")
                                           : toFile (sessionFile).getSiblingFile (toFile (sessionFile).getFileNameWithoutExtension() + "-report.html");
    chooser = std::make_unique<juce::FileChooser> ("Save the report", start, "*.html");
    chooser->launchAsync (juce::FileBrowserComponent::saveMode | juce::FileBrowserComponent::canSelectFiles
                              | juce::FileBrowserComponent::warnAboutOverwriting,
                          [this] (const juce::FileChooser& fc)
                          {
                              if (fc.getResult() != juce::File())
                                  writeChangeReport (toPath (fc.getResult().withFileExtension ("html")), true);
                          });
}

ListeningTestsWindow& MainWindow::showListeningTests (ListeningTestsWindow::Tab tab)
{
    if (listeningTests == nullptr)
        listeningTests = std::make_unique<ListeningTestsWindow> (
            player->deviceManager(), media, [this] { return model.toDocument(); }, [this] { player->stop(); },
            [this] {
                // Closed: gone after the click that closed it has been handled.
                juce::MessageManager::callAsync ([safe = juce::Component::SafePointer<MainWindow> (this)] {
                    if (safe != nullptr)
                        safe->listeningTests.reset();
                });
            });
    listeningTests->show (tab);
    return *listeningTests;
}

bool MainWindow::writeChangeReport (const std::filesystem::path& page, bool openWhenDone)
{
    if (reportJob != nullptr)
        return false;
    reportJob = std::make_unique<ChangeReportJob> (model.toDocument(), sessionFile, page, this);
    reportJob->onFinished = [this, openWhenDone] (bool cancelled, const std::string& problem, const std::filesystem::path& written)
    {
        if (cancelled)
            content->status().flash ("Report cancelled.");
        else if (! problem.empty())
            content->status().flash ("No report: " + juce::String::fromUTF8 (problem.c_str()));
        else
        {
            content->status().flash ("Wrote " + toFile (written).getFullPathName());
            if (openWhenDone)
                juce::URL (toFile (written)).launchInDefaultBrowser();
        }
        // Deleted after this callback returns, never inside its own thread's completion.
        juce::MessageManager::callAsync ([safe = juce::Component::SafePointer<MainWindow> (this)] {
            if (safe != nullptr)
                safe->reportJob.reset();
        });
    };
    reportJob->launchThread();
    return true;
}

void MainWindow::askOkCancel (const juce::String& title, const juce::String& message, const juce::String& okText,
                              std::function<void()> onOk)
{
    juce::AlertWindow::showOkCancelBox (juce::MessageBoxIconType::QuestionIcon, title, message, okText, "Cancel", this,
                                        juce::ModalCallbackFunction::create ([onOk] (int choice)
                                                                             {
                                                                                 if (choice == 1)
                                                                                     onOk();
                                                                             }));
}

// ---- export -----------------------------------------------------------------

void MainWindow::showExportDialog()
{
    ExportDialog::show (model, media, sessionFile, this);
}

// ---- transport --------------------------------------------------------------

void MainWindow::play()
{
    if (content->currentView() == AppView::album)
    {
        if (! album->player().isPlaying())
            album->togglePlay();
        return;
    }
    player->play();
}

void MainWindow::seekSeconds (double seconds)
{
    if (content->currentView() == AppView::album)
    {
        album->player().seek ((int64_t) (seconds * album->playbackRate()));
        return;
    }
    player->seek ((int64_t) (seconds * model.sampleRate()));
}

void MainWindow::togglePlay()
{
    if (content->currentView() == AppView::album)
    {
        album->togglePlay();
        return;
    }
    if (album->player().isPlaying())
        album->player().stop();   // one thing plays at a time
    if (player->isPlaying())
        player->stop();
    else
        player->play();
    content->transport().refresh();
}

void MainWindow::loopOnOff()
{
    if (! player->isLooping() && player->loopEnd() <= player->loopStart())
    {
        // No range yet: the selected clip's, else the whole session.
        const auto clip = content->arrange().selectedClipTree();
        if (clip.isValid())
        {
            const auto doc = SessionModel::clipOf (clip);
            player->setLoopRange (doc.startSample, doc.startSample + doc.lengthSamples);
        }
        else
            player->setLoopRange (0, model.lengthSamples());
    }
    player->setLooping (! player->isLooping());
    content->transport().refresh();
    commands.commandStatusChanged();
}

void MainWindow::goToStart()
{
    player->returnToStart();
    content->transport().refresh();
}

// ---- title, errors ----------------------------------------------------------

juce::String MainWindow::sessionName() const
{
    return sessionFile.empty() ? juce::String ("Untitled") : juce::String (sessionFile.stem().string());
}

void MainWindow::updateTitle()
{
    const auto title = sessionName() + (isModified() ? " *" : "") + " - Crest";
    if (title != shownTitle)
    {
        shownTitle = title;
        setName (title);
    }
}

void MainWindow::showError (const juce::String& title, const juce::String& message)
{
    juce::AlertWindow::showMessageBoxAsync (juce::MessageBoxIconType::WarningIcon, title, message, "OK", this);
}

// ---- commands and menus -----------------------------------------------------

void MainWindow::getAllCommands (juce::Array<juce::CommandID>& list)
{
    for (juce::CommandID id : { (juce::CommandID) newSession, (juce::CommandID) openSessionCmd, (juce::CommandID) saveSession,
                                (juce::CommandID) saveSessionAs, (juce::CommandID) exportCmd,
                                (juce::CommandID) juce::StandardApplicationCommandIDs::quit, (juce::CommandID) undo,
                                (juce::CommandID) redo, (juce::CommandID) playStop, (juce::CommandID) returnToStart,
                                (juce::CommandID) showArrange, (juce::CommandID) showMixer, (juce::CommandID) showMaster,
                                (juce::CommandID) nextView, (juce::CommandID) splitClips, (juce::CommandID) deleteSelection,
                                (juce::CommandID) duplicateClip, (juce::CommandID) addTrack, (juce::CommandID) zoomIn,
                                (juce::CommandID) zoomOut, (juce::CommandID) zoomToFit, (juce::CommandID) muteSelectedTrack,
                                (juce::CommandID) soloSelectedTrack, (juce::CommandID) toggleLoop, (juce::CommandID) cycleMonitorCmd, (juce::CommandID) changeReportCmd, (juce::CommandID) abxCmd, (juce::CommandID) earTrainingCmd,
                                (juce::CommandID) importAudioCmd, (juce::CommandID) relinkMediaCmd,
                                (juce::CommandID) audioSettingsCmd, (juce::CommandID) startPageCmd,
                                (juce::CommandID) scale100, (juce::CommandID) scale150, (juce::CommandID) scale200,
                                (juce::CommandID) showAlbum, (juce::CommandID) newAlbumCmd, (juce::CommandID) openAlbumCmd,
                                (juce::CommandID) saveAlbumCmd, (juce::CommandID) saveAlbumAsCmd,
                                (juce::CommandID) nextTransition, (juce::CommandID) previousTransition })
        list.add (id);
}

void MainWindow::getCommandInfo (juce::CommandID id, juce::ApplicationCommandInfo& info)
{
    using juce::KeyPress;
    using juce::ModifierKeys;
    const auto cmd = ModifierKeys::commandModifier;
    const auto shift = ModifierKeys::shiftModifier;
    switch (id)
    {
        case newSession:
            info.setInfo ("New", "Start an empty session", "File", 0);
            info.addDefaultKeypress ('n', cmd);
            break;
        case openSessionCmd:
            info.setInfo ("Open...", "Open a session file", "File", 0);
            info.addDefaultKeypress ('o', cmd);
            break;
        case saveSession:
            info.setInfo ("Save", "Save the session", "File", 0);
            info.addDefaultKeypress ('s', cmd);
            break;
        case saveSessionAs:
            info.setInfo ("Save As...", "Save the session under a new name", "File", 0);
            info.addDefaultKeypress ('s', cmd | shift);
            break;
        case exportCmd:
            info.setInfo ("Export...", "Export the master, the mix or stems, with delivery targets", "File", 0);
            info.addDefaultKeypress ('e', cmd);
            break;
        case juce::StandardApplicationCommandIDs::quit:
            info.setInfo ("Quit", "Quit Crest", "File", 0);
            info.addDefaultKeypress ('q', cmd);
            break;
        case undo:
        {
            auto& um = currentUndoManager();
            info.setInfo (um.canUndo() ? "Undo " + um.getUndoDescription() : juce::String ("Undo"), "Undo the last edit", "Edit", 0);
            info.addDefaultKeypress ('z', cmd);
            info.setActive (um.canUndo());
            break;
        }
        case redo:
        {
            auto& um = currentUndoManager();
            info.setInfo (um.canRedo() ? "Redo " + um.getRedoDescription() : juce::String ("Redo"), "Redo the last undone edit", "Edit", 0);
            info.addDefaultKeypress ('z', cmd | shift);
            info.addDefaultKeypress ('y', cmd);
            info.setActive (um.canRedo());
            break;
        }
        case playStop:
            info.setInfo (player->isPlaying() ? "Stop" : "Play", "Start or stop playback", "Transport", 0);
            info.addDefaultKeypress (KeyPress::spaceKey, 0);
            break;
        case returnToStart:
            info.setInfo ("Return to Start", "Move the playhead to the start", "Transport", 0);
            info.addDefaultKeypress (KeyPress::homeKey, 0);
            info.addDefaultKeypress (KeyPress::returnKey, 0);
            break;
        case showArrange:
            info.setInfo ("Arrange", "Show the tracks and clips on the timeline", "View", 0);
            info.addDefaultKeypress ('1', 0);
            info.setTicked (content->currentView() == AppView::arrange);
            break;
        case showMixer:
            info.setInfo ("Mixer", "Show the mixing desk", "View", 0);
            info.addDefaultKeypress ('2', 0);
            info.setTicked (content->currentView() == AppView::mixer);
            break;
        case showMaster:
            info.setInfo ("Master", "Show the mastering chain and loudness", "View", 0);
            info.addDefaultKeypress ('3', 0);
            info.setTicked (content->currentView() == AppView::master);
            break;
        case showAlbum:
            info.setInfo ("Album", "Show the album: its order, transitions and loudness", "View", 0);
            info.addDefaultKeypress ('4', 0);
            info.setTicked (content->currentView() == AppView::album);
            break;
        case newAlbumCmd:
            info.setInfo ("New Album from Files...", "Start an album from masters (stereo files or sessions)", "File", 0);
            break;
        case openAlbumCmd:
            info.setInfo ("Open Album...", "Open an album file", "File", 0);
            break;
        case saveAlbumCmd:
            info.setInfo ("Save Album", "Save the album", "File", 0);
            info.addDefaultKeypress ('s', cmd | ModifierKeys::altModifier);
            info.setActive (album->model().numTracks() > 0);
            break;
        case saveAlbumAsCmd:
            info.setInfo ("Save Album As...", "Save the album under a new name", "File", 0);
            info.setActive (album->model().numTracks() > 0);
            break;
        case nextTransition:
            info.setInfo ("Next Transition", "Move the album's playhead to 3 s before its next transition", "Transport", 0);
            info.addDefaultKeypress (KeyPress::pageDownKey, 0);
            info.addDefaultKeypress (']', 0);
            info.setActive (content->currentView() == AppView::album);
            break;
        case previousTransition:
            info.setInfo ("Previous Transition", "Move the album's playhead to 3 s before its previous transition", "Transport", 0);
            info.addDefaultKeypress (KeyPress::pageUpKey, 0);
            info.addDefaultKeypress ('[', 0);
            info.setActive (content->currentView() == AppView::album);
            break;
        case nextView:
            info.setInfo ("Next View", "Cycle Arrange, Mixer, Master and Album", "View", 0);
            info.addDefaultKeypress (KeyPress::tabKey, 0);
            break;
        case zoomIn:
            info.setInfo ("Zoom In", "Zoom the timeline in around the playhead", "View", 0);
            info.addDefaultKeypress ('=', 0);
            info.addDefaultKeypress ('+', 0);
            break;
        case zoomOut:
            info.setInfo ("Zoom Out", "Zoom the timeline out around the playhead", "View", 0);
            info.addDefaultKeypress ('-', 0);
            break;
        case zoomToFit:
            info.setInfo ("Zoom to Session", "Show the whole session on the timeline", "View", 0);
            info.addDefaultKeypress ('f', 0);
            break;
        case splitClips:
            info.setInfo ("Split at Playhead", "Split the selected clip, or the clips under the playhead", "Edit", 0);
            info.addDefaultKeypress ('s', 0);
            break;
        case deleteSelection:
            info.setInfo ("Delete", "Delete the selected clip, or the selected track", "Edit", 0);
            info.addDefaultKeypress (KeyPress::deleteKey, 0);
            info.addDefaultKeypress (KeyPress::backspaceKey, 0);
            break;
        case duplicateClip:
            info.setInfo ("Duplicate Clip", "Copy the selected clip to just after itself", "Edit", 0);
            info.addDefaultKeypress ('d', cmd);
            break;
        case addTrack:
            info.setInfo ("Add Track", "Add an empty stereo track after the selected one", "Track", 0);
            info.addDefaultKeypress ('t', cmd);
            break;
        case muteSelectedTrack:
            info.setInfo ("Mute Track", "Mute or unmute the selected track", "Track", 0);
            info.addDefaultKeypress ('m', 0);
            break;
        case importAudioCmd:
            info.setInfo ("Import Audio...", "Add audio files as new tracks at the playhead", "File", 0);
            info.addDefaultKeypress ('i', cmd | shift);
            break;
        case audioSettingsCmd:
            info.setInfo ("Audio Settings...", "Choose the audio device (ALSA or JACK), its output and buffer size", "File", 0);
            info.addDefaultKeypress (',', cmd);
            break;
        case scale100:
        case scale150:
        case scale200:
        {
            const double scale = id == scale100 ? 1.0 : id == scale150 ? 1.5 : 2.0;
            info.setInfo ("Interface at " + juce::String (juce::roundToInt (scale * 100)) + " %", "The size of everything in the window", "View", 0);
            info.setTicked (std::abs (juce::Desktop::getInstance().getGlobalScaleFactor() - (float) scale) < 0.01f);
            break;
        }
        case startPageCmd:
            info.setInfo ("Start Page", "New mix from stems, master a file, recent sessions, the demo", "File", 0);
            break;
        case relinkMediaCmd:
            info.setInfo ("Relink Media...", "Find offline media by name in a folder", "File", 0);
            info.setActive (! missingMediaFiles (model.toDocument()).empty());
            break;
        case toggleLoop:
            info.setInfo ("Loop", "Loop playback in the loop range (shift-drag on the ruler sets it)", "Transport", 0);
            info.addDefaultKeypress ('l', 0);
            info.setTicked (player->isLooping());
            break;
        case abxCmd:
            info.setInfo ("ABX Listening Test...", "A blind test: can you tell the mix from the master, two masters, or a file from its MP3?",
                          "View", 0);
            break;
        case earTrainingCmd:
            info.setInfo ("EQ Ear Training...", "Name the band of a hidden boost or cut, round after round, on the session or a file", "View", 0);
            break;
        case changeReportCmd:
            info.setInfo ("What Mastering Changed...", "A page comparing the mix with the master: figures, spectra, loudness, what each module did, "
                          "excerpts to play (to print or hand out)", "File", 0);
            info.setActive (reportJob == nullptr);
            break;
        case cycleMonitorCmd:
            info.setInfo ("Switch Mix / Master / Reference", "Hear the mix, the master, then the chosen reference track, in turn (click-free)",
                          "Transport", 0);
            info.addDefaultKeypress ('r', 0);
            break;
        case soloSelectedTrack:
            info.setInfo ("Solo Track", "Solo or unsolo the selected track", "Track", 0);
            info.addDefaultKeypress ('s', shift);
            break;
        default:
            break;
    }
}

void MainWindow::toggleSelectedTrack (const juce::Identifier& property, const juce::String& on, const juce::String& off)
{
    auto track = content->arrange().selectedTrackTree();
    if (! track.isValid())
    {
        content->status().flash ("Select a track first (click its header).");
        return;
    }
    const bool now = ! (bool) track[property];
    model.beginGesture (now ? on : off);
    model.setTrackValue (track, property, now);
}

bool MainWindow::perform (const InvocationInfo& info)
{
    switch (info.commandID)
    {
        case newSession: confirmDiscardingChanges ([this] { newSessionNow(); }); return true;
        case openSessionCmd: confirmDiscardingChanges ([this] { chooseSessionToOpen(); }); return true;
        case saveSession: save(); return true;
        case saveSessionAs: saveAs(); return true;
        case exportCmd: showExportDialog(); return true;
        case juce::StandardApplicationCommandIDs::quit: juce::JUCEApplication::getInstance()->systemRequestedQuit(); return true;
        case undo: currentUndoManager().undo(); commands.commandStatusChanged(); return true;
        case redo: currentUndoManager().redo(); commands.commandStatusChanged(); return true;
        case playStop: togglePlay(); commands.commandStatusChanged(); return true;
        case returnToStart: goToStart(); return true;
        case showArrange: content->showView (AppView::arrange); return true;
        case showMixer: content->showView (AppView::mixer); return true;
        case showMaster: content->showView (AppView::master); return true;
        case showAlbum: content->showView (AppView::album); return true;
        case newAlbumCmd: confirmDiscardingAlbumChanges ([this] { chooseAlbumFiles(); }); return true;
        case openAlbumCmd: confirmDiscardingAlbumChanges ([this] { chooseAlbumToOpen(); }); return true;
        case saveAlbumCmd: saveAlbum(); return true;
        case saveAlbumAsCmd: saveAlbumAs(); return true;
        case nextTransition: content->album().jumpToTransition (+1); return true;
        case previousTransition: content->album().jumpToTransition (-1); return true;
        case nextView: content->showNextView(); return true;
        case zoomIn: content->arrange().zoomBy (1.5); return true;
        case zoomOut: content->arrange().zoomBy (1.0 / 1.5); return true;
        case zoomToFit: content->arrange().zoomToFit(); return true;
        case splitClips:
            if (! content->arrange().splitAtPlayhead())
                content->status().flash ("Nothing to split: no clip under the playhead.");
            return true;
        case deleteSelection: content->arrange().deleteSelection(); return true;
        case duplicateClip: content->arrange().duplicateSelection(); return true;
        case addTrack: content->arrange().addTrack(); return true;
        case muteSelectedTrack: toggleSelectedTrack (ids::mute, "Mute", "Unmute"); return true;
        case soloSelectedTrack: toggleSelectedTrack (ids::solo, "Solo", "Unsolo"); return true;
        case toggleLoop: loopOnOff(); return true;
        case cycleMonitorCmd: content->master().strip().cycleMonitor(); return true;
        case changeReportCmd: chooseChangeReport(); return true;
        case abxCmd: showListeningTests (ListeningTestsWindow::abxTab); return true;
        case earTrainingCmd: showListeningTests (ListeningTestsWindow::earTrainingTab); return true;
        case importAudioCmd: chooseAudioToImport(); return true;
        case relinkMediaCmd: offerRelink(); return true;
        case audioSettingsCmd: showAudioSettings(); return true;
        case scale100: applyInterfaceScale (1.0); return true;
        case scale150: applyInterfaceScale (1.5); return true;
        case scale200: applyInterfaceScale (2.0); return true;
        case startPageCmd: confirmDiscardingChanges ([this] { showStartPage(); }); return true;
        default: return false;
    }
}

juce::StringArray MainWindow::getMenuBarNames()
{
    return { "File", "Edit", "View", "Track", "Transport" };
}

juce::PopupMenu MainWindow::getMenuForIndex (int menuIndex, const juce::String&)
{
    juce::PopupMenu menu;
    if (menuIndex == 0)
    {
        menu.addCommandItem (&commands, startPageCmd);
        menu.addCommandItem (&commands, newSession);
        menu.addCommandItem (&commands, openSessionCmd);
        menu.addSeparator();
        menu.addCommandItem (&commands, saveSession);
        menu.addCommandItem (&commands, saveSessionAs);
        menu.addSeparator();
        menu.addCommandItem (&commands, importAudioCmd);
        menu.addCommandItem (&commands, relinkMediaCmd);
        menu.addSeparator();
        menu.addCommandItem (&commands, newAlbumCmd);
        menu.addCommandItem (&commands, openAlbumCmd);
        menu.addCommandItem (&commands, saveAlbumCmd);
        menu.addCommandItem (&commands, saveAlbumAsCmd);
        menu.addSeparator();
        menu.addCommandItem (&commands, exportCmd);
        menu.addCommandItem (&commands, changeReportCmd);
        menu.addSeparator();
        menu.addCommandItem (&commands, audioSettingsCmd);
        menu.addSeparator();
        menu.addCommandItem (&commands, juce::StandardApplicationCommandIDs::quit);
    }
    else if (menuIndex == 1)
    {
        menu.addCommandItem (&commands, undo);
        menu.addCommandItem (&commands, redo);
        menu.addSeparator();
        menu.addCommandItem (&commands, splitClips);
        menu.addCommandItem (&commands, duplicateClip);
        menu.addCommandItem (&commands, deleteSelection);
    }
    else if (menuIndex == 2)
    {
        for (auto id : { showArrange, showMixer, showMaster, showAlbum, nextView })
            menu.addCommandItem (&commands, id);
        menu.addSeparator();
        for (auto id : { zoomIn, zoomOut, zoomToFit })
            menu.addCommandItem (&commands, id);
        menu.addSeparator();
        for (auto id : { scale100, scale150, scale200 })
            menu.addCommandItem (&commands, id);
        menu.addSeparator();
        menu.addCommandItem (&commands, abxCmd);
        menu.addCommandItem (&commands, earTrainingCmd);
    }
    else if (menuIndex == 3)
    {
        for (auto id : { addTrack, muteSelectedTrack, soloSelectedTrack })
            menu.addCommandItem (&commands, id);
    }
    else if (menuIndex == 4)
    {
        menu.addCommandItem (&commands, playStop);
        menu.addCommandItem (&commands, returnToStart);
        menu.addCommandItem (&commands, toggleLoop);
        menu.addCommandItem (&commands, cycleMonitorCmd);
    }
    return menu;
}

bool MainWindow::isInterestedInFileDrag (const juce::StringArray& files)
{
    // Sessions open; anything else is offered to the import, which names
    // what it cannot read.
    return ! files.isEmpty();
}

void MainWindow::filesDropped (const juce::StringArray& files, int x, int y)
{
    for (const auto& f : files)
    {
        if (juce::File (f).hasFileExtension (sessionExtension) && content->currentView() != AppView::album)
        {
            const auto path = toPath (juce::File (f));
            confirmDiscardingChanges ([this, path] { openSession (path); });
            return;
        }
        if (juce::File (f).hasFileExtension (albumExtension))
        {
            const auto path = toPath (juce::File (f));
            confirmDiscardingAlbumChanges ([this, path] { openAlbum (path); });
            return;
        }
    }
    std::vector<std::filesystem::path> audio;
    for (const auto& f : files)
        audio.push_back (toPath (juce::File (f)));
    // On the album: more tracks at its end (masters or sessions), one undo step.
    if (content->currentView() == AppView::album)
    {
        if (album->model().numTracks() == 0)
            startAlbumFromFiles (audio);
        else
        {
            album->model().beginGesture (audio.size() == 1 ? "Add track" : "Add tracks");
            album->model().addTracks (audio);
        }
        return;
    }
    // Onto a lane: a clip there, where it was dropped; elsewhere: new tracks.
    auto& arrange = content->arrange();
    const auto screen = localPointToGlobal (juce::Point<int> (x, y));
    juce::ValueTree onto;
    int64_t start = 0;
    if (content->currentView() == AppView::arrange)
        if (auto* lane = arrange.laneAt (screen))
        {
            onto = lane->track();
            start = arrange.snap (arrange.scale().sampleAt ((float) lane->getLocalPoint (nullptr, screen).x), {});
        }
    importAudio (audio, onto, start);
}
} // namespace crest
