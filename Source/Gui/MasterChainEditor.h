// The master chain's editor, the left of the Master view: on the left the
// modules in processing order, each with its switch, up and down, and
// remove; "+ Module" adds one, "Presets" loads a shipped chain or a
// preset file and saves the chain as one. On the right the selected
// module's picture (makeModulePicture: the EQ's curve, the multiband's
// bands, the saturation's curve, the width's goniometer, the limiter's
// gain reduction) over its parameters as labelled controls with units,
// built from its kind's table (MasterModules). Every edit goes through MasterChainModel,
// one undo step per gesture; the editor follows the tree, so undo and
// other editors move it too.
//
// Message thread only.
#pragma once

#include "Mixer/EqCurveView.h"
#include "ParameterControl.h"
#include "Session/MasterChainModel.h"

#include <juce_gui_basics/juce_gui_basics.h>

#include <memory>
#include <vector>

namespace crest
{
class SessionPlayer;

class MasterChainEditor : public juce::Component, private juce::ValueTree::Listener, private juce::AsyncUpdater
{
public:
    // `player` (may be null) feeds the EQ curve's spectrum of the master.
    explicit MasterChainEditor (SessionModel& model, SessionPlayer* player = nullptr);
    ~MasterChainEditor() override;

    // The module whose parameters are shown (by its place in the chain).
    void select (int index);
    int selected() const noexcept { return selectedIndex; }
    int moduleCount() const { return chain.size(); }
    // The parameter controls now shown, for tests: by parameter id.
    ParameterControl* control (const juce::String& parameterId);
    // The selected module's picture over its controls (ModulePicture), if its kind has one.
    juce::Component* picture() noexcept { return modulePicture.get(); }
    // An EQ module's curve, when one is shown.
    EqCurveView* eqCurveView() noexcept { return dynamic_cast<EqCurveView*> (modulePicture.get()); }

    void paint (juce::Graphics&) override;
    void resized() override;

private:
    class ModuleRow;

    void rebuild();
    void showParameters();
    void refreshValues();
    void showAddMenu();
    void showPresetMenu();
    void handleAsyncUpdate() override { rebuild(); }
    void valueTreePropertyChanged (juce::ValueTree&, const juce::Identifier&) override;
    void valueTreeChildAdded (juce::ValueTree&, juce::ValueTree&) override { triggerAsyncUpdate(); }
    void valueTreeChildRemoved (juce::ValueTree&, juce::ValueTree&, int) override { triggerAsyncUpdate(); }
    void valueTreeChildOrderChanged (juce::ValueTree&, int, int) override { triggerAsyncUpdate(); }
    void valueTreeRedirected (juce::ValueTree&) override { triggerAsyncUpdate(); }

    SessionModel& model;
    MasterChainModel chain;
    SessionPlayer* player;
    std::unique_ptr<juce::Component> modulePicture;   // over the selected module's controls
    juce::ValueTree session;
    std::vector<std::unique_ptr<ModuleRow>> rows;
    juce::TextButton addButton { "+ Module" }, presetButton { "Presets" };
    juce::Label emptyLabel, moduleTitle;
    juce::Component parameterPanel;
    juce::Viewport parameterView;
    std::vector<std::unique_ptr<ParameterControl>> controls;
    juce::ValueTree shownModule;
    int selectedIndex = -1;
    std::unique_ptr<juce::FileChooser> chooser;
};

// A window holding the session's MasterChainEditor.
class MasterChainWindow : public juce::DocumentWindow
{
public:
    MasterChainWindow (SessionModel& model, SessionPlayer* player);
    void closeButtonPressed() override { setVisible (false); }
    MasterChainEditor& editor() noexcept { return *content; }

private:
    MasterChainEditor* content;
};
} // namespace crest
