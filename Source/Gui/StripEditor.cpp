#include "StripEditor.h"

#include "Core/ModuleSpecs.h"
#include "CrestLookAndFeel.h"
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

    bool isSwitch (const ParameterSpec& spec) { return spec.minimum == 0 && spec.maximum == 1 && spec.unit.empty(); }
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

    const juce::StringArray shapeNames { "Low-pass", "High-pass", "Band-pass", "Notch", "Bell", "Low shelf", "High shelf" };

    juce::String formatWithUnit (double v, const ParameterSpec& spec)
    {
        const int decimals = std::abs (v) >= 100 ? 0 : std::abs (v) >= 10 ? 1 : 2;
        const auto unit = juce::String (std::string (spec.unit));
        return juce::String (v, decimals) + (unit.isEmpty() || unit == ":1" ? unit : " " + unit);
    }

    // Frequencies and times read best on a log scale; gains, percents and
    // ratios near their middle.
    double skewCentre (const ParameterSpec& spec)
    {
        const auto unit = std::string (spec.unit);
        if ((unit == "Hz" || unit == "ms" || unit == "s") && spec.minimum > 0)
            return std::sqrt (spec.minimum * spec.maximum);
        if (spec.id == "ratio" || spec.id.ends_with ("q"))
            return spec.minimum + (spec.maximum - spec.minimum) * 0.1;
        return (spec.minimum + spec.maximum) / 2;
    }
} // namespace

// One editable value: a slider, a toggle or a shape menu, with its label.
struct StripEditor::Control
{
    const StripParameter* parameter = nullptr;
    juce::Label label;
    std::unique_ptr<juce::Slider> slider;
    std::unique_ptr<juce::ToggleButton> toggle;
    std::unique_ptr<juce::ComboBox> menu;

    juce::Component& widget() const
    {
        return slider ? (juce::Component&) *slider : toggle ? (juce::Component&) *toggle : (juce::Component&) *menu;
    }
};

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
        for (auto& c : controls)
        {
            const double v = SessionModel::stripValue (editor.track, c->parameter->key);
            if (c->slider)
                c->slider->setValue (v, juce::dontSendNotification);
            else if (c->toggle)
                c->toggle->setToggleState (v >= 0.5, juce::dontSendNotification);
            else
                c->menu->setSelectedId ((int) std::lround (v) + 1, juce::dontSendNotification);
        }
    }

    void resized() override
    {
        // The EQ is a grid of bands (columns) by fields (rows); other pages
        // flow their controls in rows of four.
        auto area = getLocalBounds().reduced (12);
        const bool eq = which == StripModule::eq;
        size_t i = 0;
        if (! controls.empty() && controls[0]->parameter->isModuleSwitch())
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
        auto control = std::make_unique<Control>();
        control->parameter = &p;
        const auto title = juce::String (std::string (p.spec.name));
        const auto key = p.key;
        control->label.setText (which == StripModule::eq && ! p.isModuleSwitch()
                                    ? juce::String (p.key.substr (3, p.key.find ('.', 3) - 3)).replace ("band", "Band ") + " " + title.toLowerCase()
                                    : title,
                                juce::dontSendNotification);
        control->label.setFont (juce::Font (11.0f));
        if (isSwitch (p.spec) && ! isShape (p))
            control->label.setText ({}, juce::dontSendNotification);   // the toggle says it
        control->label.setColour (juce::Label::textColourId, colours::textDim);
        addAndMakeVisible (control->label);

        if (isShape (p))
        {
            control->menu = std::make_unique<juce::ComboBox> (title);
            control->menu->addItemList (shapeNames, 1);
            control->menu->onChange = [this, key, menu = control->menu.get()] {
                editor.model.beginGesture ("Strip: " + juce::String (key));
                editor.model.setStripValue (editor.track, key, menu->getSelectedId() - 1);
            };
        }
        else if (isSwitch (p.spec))
        {
            control->toggle = std::make_unique<juce::ToggleButton> (p.isModuleSwitch() ? moduleTitle (p.module) + " on" : title);
            control->toggle->onClick = [this, key, toggle = control->toggle.get()] {
                editor.model.beginGesture ("Strip: " + juce::String (key));
                editor.model.setStripValue (editor.track, key, toggle->getToggleState() ? 1.0 : 0.0);
            };
        }
        else
        {
            // A bar that shows its value with the unit inside it: compact
            // enough for the EQ's grid, and typed into on double-click.
            auto slider = std::make_unique<juce::Slider> (juce::Slider::LinearBar, juce::Slider::TextBoxBelow);
            const auto& spec = p.spec;
            if (p.key == "delay.noteValue")
                slider->textFromValueFunction = [] (double v) { return juce::String (moduleSpecs::delayNoteName ((int) std::lround (v))); };
            else
                slider->textFromValueFunction = [&spec] (double v) { return formatWithUnit (v, spec); };
            slider->valueFromTextFunction = [] (const juce::String& text) { return text.retainCharacters ("-0123456789.").getDoubleValue(); };
            slider->setRange (spec.minimum, spec.maximum, 0.0);
            slider->setSkewFactorFromMidPoint (skewCentre (spec));
            slider->setDoubleClickReturnValue (true, spec.defaultValue);
            slider->setColour (juce::Slider::trackColourId, colours::accent.withAlpha (0.35f));
            slider->setColour (juce::Slider::textBoxTextColourId, colours::text);
            slider->updateText();
            slider->setTooltip (title + " (" + formatWithUnit (spec.minimum, spec) + " to " + formatWithUnit (spec.maximum, spec)
                                + "). Double-click for " + formatWithUnit (spec.defaultValue, spec) + ".");
            slider->onDragStart = [this, key] { editor.model.beginGesture ("Strip: " + juce::String (key)); };
            slider->onValueChange = [this, key, s = slider.get()] {
                if (! s->isMouseButtonDown())
                    editor.model.beginGesture ("Strip: " + juce::String (key));
                editor.model.setStripValue (editor.track, key, s->getValue());
            };
            control->slider = std::move (slider);
        }
        control->widget().setTitle (title);
        control->widget().setDescription (juce::String (key));
        addAndMakeVisible (control->widget());
        controls.push_back (std::move (control));
    }

    StripEditor& editor;
    StripModule which;
    std::vector<std::unique_ptr<Control>> controls;
};

StripEditor::StripEditor (SessionModel& m, juce::ValueTree t) : model (m), track (std::move (t))
{
    for (const auto module : allStripModules)
    {
        auto* page = new Page (*this, module);
        pages.push_back (page);
        tabs.addTab (moduleTitle (module), colours::panel, page, true);
    }
    // Tracks and buses route; the mix bus (the session's tree) only automates.
    tabs.addTab (track.hasType (ids::SESSION) ? "Automation" : "Routing", colours::panel, new RoutingPage (model, track), true);
    tabs.setColour (juce::TabbedComponent::outlineColourId, colours::outline);
    addAndMakeVisible (tabs);
    track.addListener (this);
    setSize (900, 420);
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

StripEditorWindow::StripEditorWindow (SessionModel& model, juce::ValueTree track)
    : juce::DocumentWindow (ownerName (track) + " - channel strip", colours::background, juce::DocumentWindow::closeButton)
{
    content = new StripEditor (model, track);
    setContentOwned (content, true);
    setUsingNativeTitleBar (false);
    setResizable (true, false);
    centreWithSize (getWidth(), getHeight());
}
} // namespace crest
