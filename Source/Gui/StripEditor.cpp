#include "StripEditor.h"

#include "Mixer/CompressorCurveView.h"
#include "Mixer/EqCurveView.h"
#include "Mixer/ChorusSweepView.h"
#include "Mixer/GateCurveView.h"
#include "Mixer/SpaceResponseView.h"

#include "Core/ModuleSpecs.h"
#include "CrestLookAndFeel.h"
#include "ParameterControl.h"
#include "ParameterText.h"
#include "RoutingPage.h"

#include <cmath>
#include <map>

namespace crest
{
namespace
{
    // A bus (the session's tree holds the mix bus's strip) is stereo.
    bool isStereo (const juce::ValueTree& tree) { return tree.hasType (ids::SESSION) || (int) tree[ids::channels] == 2; }

    juce::String ownerName (const juce::ValueTree& tree) { return tree.hasType (ids::SESSION) ? juce::String ("Mix bus") : tree[ids::name].toString(); }

    bool isShape (const StripParameter& p) { return p.key.ends_with (".shape"); }

    juce::String moduleTitle (StripModule module)
    {
        switch (module)
        {
            case StripModule::filters: return "Filters";
            case StripModule::gate: return "Gate";
            case StripModule::eq: return "EQ";
            case StripModule::compressor: return "Compressor";
            case StripModule::chorus: return "Chorus";
            case StripModule::delay: return "Delay";
            case StripModule::reverb: return "Reverb";
            case StripModule::none: break;
        }
        return "Strip";
    }
} // namespace

class StripEditor::Page : public juce::Component
{
public:
    Page (StripEditor& owner, StripModule module) : editor (owner), which (module)
    {
        for (const auto& p : stripParameters())
            if (p.module == module && (module != StripModule::none || p.key != stripKeys::widthPercent || isStereo (owner.track)))
                add (p);
        refresh();
    }

    void refresh()
    {
        for (size_t i = 0; i < controls.size(); ++i)
            controls[i]->show (SessionModel::stripValue (editor.track, parameters[i]->key));
    }

    void resized() override
    {
        // The EQ is a grid of bands (columns) by fields (rows); other pages
        // flow their controls in rows of four.
        auto area = getLocalBounds().reduced (12);
        const bool eq = which == StripModule::eq;
        size_t i = 0;
        if (! controls.empty() && parameters[0]->isModuleSwitch())
        {
            controls[0]->widget().setBounds (area.removeFromTop (26).removeFromLeft (160));
            controls[0]->label.setBounds ({});
            area.removeFromTop (8);
            i = 1;
        }
        const int columns = eq ? 8 : 4;
        const int cellWidth = area.getWidth() / columns;
        const int cellHeight = eq ? 52 : 64;
        for (size_t k = 0; i < controls.size(); ++i, ++k)
        {
            const int column = eq ? (int) (k / 5) : (int) (k % (size_t) columns);
            const int row = eq ? (int) (k % 5) : (int) (k / (size_t) columns);
            auto cell = juce::Rectangle<int> (area.getX() + column * cellWidth, area.getY() + row * cellHeight, cellWidth, cellHeight).reduced (4, 2);
            auto& c = *controls[i];
            c.label.setBounds (cell.removeFromTop (16));
            c.widget().setBounds (cell.removeFromTop (26));
        }
    }

private:
    void add (const StripParameter& p)
    {
        const auto title = juce::String (std::string (p.spec.name));
        const auto key = p.key;
        const auto label = p.isModuleSwitch() ? moduleTitle (p.module) + " on"
                           : which == StripModule::eq
                               ? juce::String (p.key.substr (3, p.key.find ('.', 3) - 3)).replace ("band", "Band ") + " " + title.toLowerCase()
                               : title;
        std::function<juce::String (double)> valueText;
        if (p.key == "delay.noteValue")
            valueText = [] (double v) { return juce::String (moduleSpecs::delayNoteName ((int) std::lround (v))); };
        auto control = std::make_unique<ParameterControl> (
            p.spec, label, isShape (p) ? filterShapeNames() : juce::StringArray(),
            [this, key] (double value, bool newGesture) {
                if (newGesture)
                    editor.model.beginGesture ("Strip: " + juce::String (key));
                editor.model.setStripValue (editor.track, key, value);
            },
            valueText);
        control->widget().setDescription (juce::String (key));
        control->addTo (*this);
        controls.push_back (std::move (control));
        parameters.push_back (&p);
    }

    StripEditor& editor;
    StripModule which;
    std::vector<std::unique_ptr<ParameterControl>> controls;
    std::vector<const StripParameter*> parameters;   // one per control
};

// A module's page under its picture.
class PictureOverPage : public juce::Component
{
public:
    PictureOverPage (juce::Component* pictureToOwn, juce::Component* pageToOwn, int pictureShare)
        : picture (pictureToOwn), page (pageToOwn), share (pictureShare)
    {
        addAndMakeVisible (*picture);
        addAndMakeVisible (*page);
    }
    void resized() override
    {
        auto area = getLocalBounds();
        picture->setBounds (area.removeFromTop (area.getHeight() * share / 100).reduced (12, 8));
        page->setBounds (area);
    }

private:
    std::unique_ptr<juce::Component> picture, page;
    int share;
};

StripEditor::StripEditor (SessionModel& m, juce::ValueTree t, SessionPlayer* player) : model (m), track (std::move (t))
{
    for (const auto module : allStripModules)
    {
        auto* page = new Page (*this, module);
        pages.push_back (page);
        juce::Component* content = page;
        if (module == StripModule::eq)
        {
            eqView = new EqCurveView (stripEqBands (model, track, player));
            content = new PictureOverPage (eqView, page, 52);
        }
        else if (module == StripModule::compressor)
        {
            compressorView = new CompressorCurveView (model, track, player);
            content = new PictureOverPage (compressorView, page, 50);
        }
        else if (module == StripModule::gate)
        {
            gateView = new GateCurveView (model, track, player);
            content = new PictureOverPage (gateView, page, 55);
        }
        else if (module == StripModule::reverb || module == StripModule::delay)
        {
            auto* view = new SpaceResponseView (model, track, module);
            (module == StripModule::reverb ? reverbView : delayView) = view;
            content = new PictureOverPage (view, page, 50);
        }
        else if (module == StripModule::chorus)
        {
            chorusView = new ChorusSweepView (model, track);
            content = new PictureOverPage (chorusView, page, 50);
        }
        tabs.addTab (moduleTitle (module), colours::panel, content, true);
    }
    // Tracks and buses route; the mix bus (the session's tree) only automates.
    tabs.addTab (track.hasType (ids::SESSION) ? "Automation" : "Routing", colours::panel, new RoutingPage (model, track), true);
    tabs.setColour (juce::TabbedComponent::outlineColourId, colours::outline);
    addAndMakeVisible (tabs);
    track.addListener (this);
    setSize (960, 640);
}

StripEditor::~StripEditor()
{
    track.removeListener (this);
}

void StripEditor::showModule (StripModule module)
{
    tabs.setCurrentTabIndex ((int) module);
}

void StripEditor::valueTreePropertyChanged (juce::ValueTree& tree, const juce::Identifier& property)
{
    if (tree == track && ! stripKeyOf (property).empty())
        for (auto* page : pages)
            page->refresh();
}

void StripEditor::paint (juce::Graphics& g)
{
    g.fillAll (colours::background);
}

void StripEditor::resized()
{
    tabs.setBounds (getLocalBounds());
}

StripEditorWindow::StripEditorWindow (SessionModel& model, juce::ValueTree track, SessionPlayer* player)
    : juce::DocumentWindow (ownerName (track) + " - channel strip", colours::background, juce::DocumentWindow::closeButton)
{
    content = new StripEditor (model, track, player);
    setContentOwned (content, true);
    setUsingNativeTitleBar (false);
    setResizable (true, false);
    centreWithSize (getWidth(), getHeight());
}
} // namespace crest
