// Crest's desktop app entry point: parses the command line, opens the
// session given there (or the built-in demo, written on first run), and
// owns the main window and the look and feel.
//
//   Crest [SESSION.crest] [--audio ALSA|JACK] [--play] [--seek SECONDS]
//         [--screenshot FILE.png] [--quit-after-ms N]
//
// Message thread only.
#include "MainWindow.h"

#include "Gui/CrestLookAndFeel.h"

#include "Demo/DemoSong.h"
#include "Session/SessionFile.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <cstdlib>
#include <iostream>

namespace crest
{
namespace
{
    const char* usage = "Usage: Crest [SESSION.crest] [options]\n"
                        "\n"
                        "Opens SESSION (or, with none, the built-in demo song) in the mixer.\n"
                        "\n"
                        "  --audio TYPE          audio device type: ALSA or JACK (default: the first that works)\n"
                        "  --play                start playback once the window is up\n"
                        "  --seek SECONDS        move the playhead there first\n"
                        "  --screenshot FILE     save a PNG of the window after it has settled, then quit\n"
                        "  --quit-after-ms N     quit cleanly after N milliseconds\n"
                        "  --help                show this help\n";

    std::filesystem::path demoFolder()
    {
        if (const char* xdg = std::getenv ("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0')
            return std::filesystem::path (xdg) / "crest" / "demo";
        const auto home = juce::File::getSpecialLocation (juce::File::userHomeDirectory);
        return std::filesystem::path (home.getFullPathName().toStdString()) / ".local" / "share" / "crest" / "demo";
    }
} // namespace

class CrestApplication : public juce::JUCEApplication
{
public:
    const juce::String getApplicationName() override { return "Crest"; }
    const juce::String getApplicationVersion() override { return CREST_VERSION; }
    bool moreThanOneInstanceAllowed() override { return true; }

    void initialise (const juce::String&) override
    {
        juce::String sessionArg, screenshotFile, audioType;
        int quitAfterMs = -1;
        bool playOnStart = false;
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
        window->setVisible (true);

        if (sessionArg.isNotEmpty())
        {
            window->openSession (std::filesystem::path (juce::File::getCurrentWorkingDirectory()
                                                            .getChildFile (sessionArg)
                                                            .getFullPathName()
                                                            .toStdString()));
        }
        else
        {
            openDemo();
        }

        if (startSeconds > 0.0)
            window->seekSeconds (startSeconds);
        if (playOnStart)
            window->play();

        if (screenshotFile.isNotEmpty())
        {
            // Give the window time to be mapped, laid out and (when playing)
            // for the meters to show level before taking the picture.
            const auto target = juce::File::getCurrentWorkingDirectory().getChildFile (screenshotFile);
            juce::Timer::callAfterDelay (1500, [this, target] { takeScreenshot (target); });
        }
        if (quitAfterMs >= 0)
            juce::Timer::callAfterDelay (quitAfterMs, [this] { quit(); });
    }

    void shutdown() override
    {
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
        window->confirmDiscardingChanges ([this] { quit(); });
    }

    void anotherInstanceStarted (const juce::String&) override {}

private:
    void fail()
    {
        setApplicationReturnValue (2);
        quit();
    }

    void openDemo()
    {
        const auto folder = demoFolder();
        const auto file = folder / "demo.crest";
        try
        {
            if (! std::filesystem::exists (file))
                writeDemoSong (folder);
        }
        catch (const std::exception& e)
        {
            juce::AlertWindow::showMessageBoxAsync (juce::MessageBoxIconType::WarningIcon, "Could not write the demo song",
                                                    juce::String::fromUTF8 (e.what()), "OK", window.get());
            return;
        }
        window->openSession (file);
    }

    void takeScreenshot (const juce::File& target)
    {
        if (window == nullptr)
            return;
        const auto image = window->createComponentSnapshot (window->getLocalBounds(), true, 1.0f);
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
    std::unique_ptr<MainWindow> window;
};
} // namespace crest

START_JUCE_APPLICATION (crest::CrestApplication)
