// Crest's desktop app entry point: parses the command line, opens the
// session given there (or shows the start page), and owns the main window
// and the look and feel.
//
//   Crest [SESSION.crest] [--audio ALSA|JACK] [--play] [--seek SECONDS]
//         [--view arrange|mixer|master] [--module N] [--references] [--vinyl] [--editor TRACK:MODULE]
//         [--export-dialog] [--listening-test abx|ear] [--screenshot FILE.png] [--quit-after-ms N]
//
// Message thread only.
#include "MainWindow.h"

#include "Album/AlbumFile.h"

#include "Gui/CrestLookAndFeel.h"

#include "Gui/MainComponent.h"
#include "Session/SessionFile.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace crest
{
namespace
{
    const char* usage = "Usage: Crest [SESSION.crest | ALBUM.crest-album] [options]\n"
                        "\n"
                        "Opens SESSION (or ALBUM, in the album view), or with none the start page\n"
                        "(new mix, master a file, recent sessions, the demo song).\n"
                        "\n"
                        "  --audio TYPE          audio device type: ALSA or JACK (default: the first that works)\n"
                        "  --play                start playback once the window is up\n"
                        "  --seek SECONDS        move the playhead there first\n"
                        "  --view NAME           show the arrange, mixer, master or album view\n"
                        "  --module N            show the master chain's module N (from 1) in the master view\n"
                        "  --references          show the master view's reference tracks (instead of its loudness panel)\n"
                        "  --vinyl               show the master view's vinyl preflight and check the master\n"
                        "  --editor N:MODULE     open strip N's editor on a module's page (filters, gate, eq,\n"
                        "                        compressor, chorus, delay, reverb); strips count tracks, then buses\n"
                        "  --export-dialog       open the export dialog\n"
                        "  --listening-test abx|ear  open the listening tests on the ABX or EQ ear-training tab,\n"
                        "                        and prepare it from the session\n"
                        "  --scale 1|1.5|2       the interface at 100, 150 or 200 % (remembered)\n"
                        "  --gui-stats FILE      write how often the meters update, once a second (the GUI benchmark)\n"
                        "  --screenshot FILE     save a PNG of the window after it has settled, then quit\n"
                        "  --quit-after-ms N     quit cleanly after N milliseconds\n"
                        "  --help                show this help\n";

} // namespace

// For the GUI benchmark: once a second, how many heartbeats (meter and
// playhead updates) the window has had and over how long, so a script can
// take the rate over any stretch it measures.
class StatsWriter : private juce::Timer
{
public:
    StatsWriter (MainWindow& w, juce::File f) : window (w), file (std::move (f)) { startTimer (1000); }

private:
    void timerCallback() override
    {
        auto& main = window.mainComponent();
        file.replaceWithText ("heartbeats " + juce::String (main.heartbeats()) + "\nseconds " + juce::String (main.secondsSinceOpened(), 3)
                              + "\ndropouts " + juce::String (window.sessionPlayer().dropouts()) + "\n",
                              false, false, "\n");
    }
    MainWindow& window;
    juce::File file;
};

class CrestApplication : public juce::JUCEApplication
{
public:
    const juce::String getApplicationName() override { return "Crest"; }
    const juce::String getApplicationVersion() override { return CREST_VERSION; }
    bool moreThanOneInstanceAllowed() override { return true; }

    void initialise (const juce::String&) override
    {
        juce::String sessionArg, screenshotFile, audioType, viewName, editorArg, moduleArg;
        bool exportDialog = false;
        StripModule editorModule = StripModule::eq;
        double scale = 0.0;
        int quitAfterMs = -1;
        bool playOnStart = false;
        bool showReferences = false, checkVinyl = false;
        juce::String listeningTest;
        double startSeconds = 0.0;

        const auto args = getCommandLineParameterArray();
        for (int i = 0; i < args.size(); ++i)
        {
            const auto& a = args[i];
            auto needValue = [&] (juce::String& out)
            {
                if (i + 1 >= args.size())
                {
                    std::cerr << "Crest: " << a << " needs a value\n\n" << usage;
                    return false;
                }
                out = args[++i];
                return true;
            };

            if (a == "--help" || a == "-h")
            {
                std::cout << usage;
                quit();
                return;
            }
            juce::String value;
            if (a == "--screenshot")
            {
                if (! needValue (screenshotFile)) return fail();
            }
            else if (a == "--audio")
            {
                if (! needValue (audioType)) return fail();
            }
            else if (a == "--quit-after-ms")
            {
                if (! needValue (value) || ! value.containsOnly ("0123456789")) return fail();
                quitAfterMs = value.getIntValue();
            }
            else if (a == "--seek")
            {
                if (! needValue (value) || ! value.containsOnly ("0123456789.")) return fail();
                startSeconds = value.getDoubleValue();
            }
            else if (a == "--view")
            {
                if (! needValue (viewName) || ! juce::StringArray { "arrange", "mixer", "master", "album" }.contains (viewName)) return fail();
            }
            else if (a == "--references") showReferences = true;
            else if (a == "--vinyl") checkVinyl = true;
            else if (a == "--listening-test")
            {
                if (! needValue (listeningTest) || ! juce::StringArray { "abx", "ear" }.contains (listeningTest)) return fail();
            }
            else if (a == "--module")
            {
                if (! needValue (moduleArg) || ! moduleArg.containsOnly ("0123456789") || moduleArg.getIntValue() < 1) return fail();
            }
            else if (a == "--editor")
            {
                if (! needValue (editorArg) || ! editorArg.containsChar (':')) return fail();
                const auto moduleName = editorArg.fromFirstOccurrenceOf (":", false, false);
                const auto* known = std::find_if (std::begin (allStripModules), std::end (allStripModules),
                                                  [&] (StripModule m) { return m != StripModule::none && moduleName == juce::String (std::string (stripModuleName (m))); });
                if (known == std::end (allStripModules)) return fail();
                editorModule = *known;
            }
            else if (a == "--gui-stats")
            {
                if (! needValue (guiStatsFile)) return fail();
            }
            else if (a == "--scale")
            {
                if (! needValue (value) || ! juce::StringArray { "1", "1.5", "2" }.contains (value)) return fail();
                scale = value.getDoubleValue();
            }
            else if (a == "--export-dialog")
            {
                exportDialog = true;
            }
            else if (a == "--play")
            {
                playOnStart = true;
            }
            else if (a.startsWith ("-"))
            {
                std::cerr << "Crest: unknown option " << a << "\n\n" << usage;
                return fail();
            }
            else
            {
                sessionArg = a;
            }
        }

        juce::LookAndFeel::setDefaultLookAndFeel (&lookAndFeel);
        window = std::make_unique<MainWindow> (audioType);
        if (scale > 0.0)
            window->applyInterfaceScale (scale);
        window->setVisible (true);

        if (sessionArg.isNotEmpty())
        {
            const std::filesystem::path file (
                juce::File::getCurrentWorkingDirectory().getChildFile (sessionArg).getFullPathName().toStdString());
            if (file.extension() == albumExtension)
                window->openAlbum (file);
            else
                window->openSession (file);
        }
        else
        {
            window->showStartPage();
        }

        if (startSeconds > 0.0)
            window->seekSeconds (startSeconds);
        if (viewName.isNotEmpty())
            window->mainComponent().showView (viewName == "arrange" ? AppView::arrange
                                              : viewName == "mixer" ? AppView::mixer
                                              : viewName == "master" ? AppView::master
                                                                     : AppView::album);
        if (showReferences)
            window->mainComponent().master().show (MasterView::Lower::references);
        if (checkVinyl)
        {
            window->mainComponent().master().show (MasterView::Lower::vinyl);
            window->mainComponent().master().vinyl().check();
        }
        if (moduleArg.isNotEmpty())
        {
            auto& chain = window->mainComponent().master().chain();
            chain.select (std::min (moduleArg.getIntValue(), std::max (1, chain.moduleCount())) - 1);
        }
        if (editorArg.isNotEmpty() || exportDialog)
            // After the session's strips are built (asynchronously).
            juce::Timer::callAfterDelay (500, [this, editorArg, editorModule, exportDialog] {
                if (window == nullptr)
                    return;
                if (editorArg.isNotEmpty())
                    window->openStripEditor (editorArg.upToFirstOccurrenceOf (":", false, false).getIntValue() - 1, editorModule);
                if (exportDialog)
                    window->showExportDialog();
            });
        if (playOnStart)
            window->play();
        if (listeningTest.isNotEmpty())
        {
            auto& tests = window->showListeningTests (listeningTest == "abx" ? ListeningTestsWindow::abxTab : ListeningTestsWindow::earTrainingTab);
            if (listeningTest == "abx")
                tests.abx().prepare();
            else
                tests.earTraining().prepare();
        }

        if (screenshotFile.isNotEmpty())
        {
            // Give the window time to be mapped, laid out and (when playing)
            // for the meters to show level before taking the picture.
            const auto target = juce::File::getCurrentWorkingDirectory().getChildFile (screenshotFile);
            juce::Timer::callAfterDelay (1500, [this, target] { takeScreenshotWhenReady (target, 240); });
        }
        if (guiStatsFile.isNotEmpty())
            statsWriter = std::make_unique<StatsWriter> (*window, juce::File::getCurrentWorkingDirectory().getChildFile (guiStatsFile));
        if (quitAfterMs >= 0)
            juce::Timer::callAfterDelay (quitAfterMs, [this] { quit(); });
    }

    void shutdown() override
    {
        statsWriter.reset();
        window.reset();
        juce::LookAndFeel::setDefaultLookAndFeel (nullptr);
    }

    void systemRequestedQuit() override
    {
        if (window == nullptr)
        {
            quit();
            return;
        }
        window->confirmClosing ([this] { quit(); });
    }

    void anotherInstanceStarted (const juce::String&) override {}

private:
    void fail()
    {
        setApplicationReturnValue (2);
        quit();
    }

    // An album is pictured once its tracks are mastered and measured, the
    // reference tracks once they and the master are (or after `tries`
    // quarter seconds).
    void takeScreenshotWhenReady (const juce::File& target, int tries)
    {
        if (window == nullptr)
            return;
        auto& album = window->albumWorkspace();
        auto& references = window->mainComponent().master().references();
        bool waiting = (album.model().numTracks() > 0
                              && (album.preview().progress().busy || ! window->mainComponent().album().isPrepared()))
                             || (references.isVisible() && references.isMeasuring())
                             || window->mainComponent().master().vinyl().isChecking();
        if (auto* tests = window->openListeningTests())
            waiting = waiting || tests->abx().isPreparing() || tests->earTraining().isPreparing();
        if (waiting && tries > 0)
        {
            juce::Timer::callAfterDelay (250, [this, target, tries] { takeScreenshotWhenReady (target, tries - 1); });
            return;
        }
        // A moment for the waveforms and the table to draw what just arrived.
        juce::Timer::callAfterDelay (waiting ? 0 : 700, [this, target] { takeScreenshot (target); });
    }

    void takeScreenshot (const juce::File& target)
    {
        if (window == nullptr)
            return;
        // The listening tests' window, when it is open, is what was asked to be seen.
        juce::Component* pictured = window.get();
        if (auto* tests = window->openListeningTests())
            pictured = tests->getContentComponent();
        const auto image = pictured->createComponentSnapshot (pictured->getLocalBounds(), true, 1.0f);
        target.getParentDirectory().createDirectory();
        target.deleteFile();
        bool ok = false;
        if (juce::FileOutputStream out (target); out.openedOk())
        {
            juce::PNGImageFormat png;
            ok = png.writeImageToStream (image, out);
        }
        if (ok)
            std::cout << "Screenshot written to " << target.getFullPathName() << "\n";
        else
        {
            std::cerr << "Crest: could not write the screenshot to " << target.getFullPathName() << "\n";
            setApplicationReturnValue (1);
        }
        quit();
    }

    CrestLookAndFeel lookAndFeel;
    juce::String guiStatsFile;
    std::unique_ptr<StatsWriter> statsWriter;
    std::unique_ptr<MainWindow> window;
};
} // namespace crest

START_JUCE_APPLICATION (crest::CrestApplication)
