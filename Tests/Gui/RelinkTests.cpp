// A session whose media moved: opening it shows the clips offline and
// offers to relink; the Relink dialog finds the files by name in a folder
// and the clips play again, in one undo step; the session file is not
// touched until the user saves.
#include "App/MainWindow.h"
#include "Gui/MainComponent.h"
#include "Gui/RelinkDialog.h"

#include "GuiDriver.h"

#include "Helpers/SessionBuilder.h"
#include "Helpers/TestFiles.h"
#include "Session/SessionFile.h"

#include <catch2/catch.hpp>

using namespace crest;
using namespace crest::test;
namespace fs = std::filesystem;

namespace
{
template <typename Type>
Type* onDesktop()
{
    for (int i = 0; i < juce::Desktop::getInstance().getNumComponents(); ++i)
    {
        auto* c = juce::Desktop::getInstance().getComponent (i);
        if (auto* typed = dynamic_cast<Type*> (c))
            return typed;
        if (auto* inside = findChild<Type> (*c, "Relink media"))
            return inside;
    }
    return nullptr;
}
} // namespace

TEST_CASE ("relink: moved media shows offline, the dialog finds it by name, the clips play again", "[gui][relink]")
{
    TempFolder dir;
    fs::create_directories (dir / "stems");
    writeAudio (dir / "stems" / "kick.wav", 1, 48000, 4800, [] (int64_t, int) { return 0.4f; });
    writeAudio (dir / "stems" / "bass.wav", 1, 48000, 4800, [] (int64_t, int) { return 0.2f; });
    const auto file = dir / "song.crest";
    saveSessionFile (sessionOf ({ dir / "stems" / "kick.wav", dir / "stems" / "bass.wav" }), file);
    const auto savedBytes = readBytes (file);
    fs::create_directories (dir / "elsewhere" / "sub");
    fs::rename (dir / "stems" / "kick.wav", dir / "elsewhere" / "kick.wav");
    fs::rename (dir / "stems" / "bass.wav", dir / "elsewhere" / "sub" / "bass.wav");

    MainWindow window ("none");
    REQUIRE (window.openSession (file));
    settle();
    auto& model = window.sessionModel();
    auto& arrange = window.mainComponent().arrange();
    const auto kickClip = SessionModel::clipOf (model.track (0).getChild (0));
    CHECK_FALSE (arrange.mediaFor (kickClip.file).online);

    auto* alert = onDesktop<juce::AlertWindow>();
    REQUIRE (alert != nullptr);
    CHECK (alert->getDescription().contains ("2 media files"));
    findButton (*alert, "Relink...")->triggerClick();
    settle();

    auto* dialog = onDesktop<RelinkDialog>();
    REQUIRE (dialog != nullptr);
    dialog->searchFolder (dir / "elsewhere");
    CHECK (dialog->search().found.size() == 2);
    auto* relink = findButton (*dialog, "Relink 2 files");
    REQUIRE (relink != nullptr);
    relink->triggerClick();
    settle();

    const auto relinked = SessionModel::clipOf (model.track (0).getChild (0));
    CHECK (relinked.file == (dir / "elsewhere" / "kick.wav").string());
    CHECK (SessionModel::clipOf (model.track (1).getChild (0)).file == (dir / "elsewhere" / "sub" / "bass.wav").string());
    CHECK (arrange.mediaFor (relinked.file).online);
    CHECK (window.sessionPlayer().mediaProblems().empty());
    CHECK (readBytes (file) == savedBytes);
    CHECK (window.isModified());

    model.undoManager().undo();
    CHECK (SessionModel::clipOf (model.track (0).getChild (0)).file == kickClip.file);
}
