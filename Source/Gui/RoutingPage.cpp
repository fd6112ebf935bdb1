#include "RoutingPage.h"

#include "CrestLookAndFeel.h"
#include "GainFader.h"

#include "Core/Automation.h"
#include "Core/StripParameters.h"

namespace crest
{
namespace
{
    const char* modeNames[] = { "Off", "Read", "Touch", "Latch", "Write" };

    juce::String nameOf (const juce::ValueTree& channel)
    {
        return (channel.hasType (ids::BUS) ? "Bus " : "Track ") + channel[ids::name].toString();
    }
} // namespace

RoutingPage::RoutingPage (SessionModel& m, juce::ValueTree c) : model (m), channel (std::move (c)), session (m.state())
{
    rebuild();
    session.addListener (this);
}

RoutingPage::~RoutingPage()
{
    session.removeListener (this);
}

void RoutingPage::valueTreePropertyChanged (juce::ValueTree& tree, const juce::Identifier& property)
{
    const auto name = property.toString();
    const bool ours = tree == channel
                      && (property == ids::output || property == ids::sidechain || name.startsWith ("send.") || name.startsWith ("automation."));
    if ((ours && ! editing) || property == ids::name)
        triggerAsyncUpdate();
}

void RoutingPage::refuseIfNeeded (const juce::String& problem)
{
    if (problem.isNotEmpty())
    {
        juce::AlertWindow::showMessageBoxAsync (juce::MessageBoxIconType::WarningIcon, "Not changed", problem);
        triggerAsyncUpdate();
    }
}

juce::Label& RoutingPage::addLabel (const juce::String& text, bool heading)
{
    auto label = std::make_unique<juce::Label> (juce::String(), text);
    label->setColour (juce::Label::textColourId, heading ? colours::accent : colours::text);
    label->setFont (juce::Font (heading ? 14.0f : 13.0f, heading ? juce::Font::bold : juce::Font::plain));
    auto& ref = *label;
    addAndMakeVisible (ref);
    owned.push_back (std::move (label));
    return ref;
}

juce::ComboBox& RoutingPage::addCombo()
{
    auto combo = std::make_unique<juce::ComboBox>();
    auto& ref = *combo;
    addAndMakeVisible (ref);
    owned.push_back (std::move (combo));
    return ref;
}

juce::Slider& RoutingPage::addBar (double minimum, double maximum, double value)
{
    auto bar = std::make_unique<juce::Slider> (juce::Slider::LinearBar, juce::Slider::TextBoxBelow);
    bar->setRange (minimum, maximum, 0.1);
    bar->setValue (value, juce::dontSendNotification);
    bar->setColour (juce::Slider::trackColourId, colours::accent.withAlpha (0.45f));
    bar->onDragStart = [this]
    {
        editing = true;
        model.beginGesture ("Routing");   // one drag, one undo step
    };
    bar->onDragEnd = [this] { editing = false; };
    auto& ref = *bar;
    addAndMakeVisible (ref);
    owned.push_back (std::move (bar));
    return ref;
}

juce::TextButton& RoutingPage::addButton (const juce::String& text)
{
    auto button = std::make_unique<juce::TextButton> (text);
    auto& ref = *button;
    addAndMakeVisible (ref);
    owned.push_back (std::move (button));
    return ref;
}

void RoutingPage::rebuild()
{
    rows.clear();
    owned.clear();
    const auto who = channel[ids::name].toString();
    // The mix bus routes nowhere and sends nothing: only its lanes.
    const bool mixBus = channel.hasType (ids::SESSION);
    const auto sends = mixBus ? std::vector<juce::String>() : SessionModel::sendsOf (channel);
    if (! mixBus)
        addRouting (who, sends);
    addAutomation (sends, mixBus);
    resized();
    repaint();
}

void RoutingPage::addRouting (const juce::String& who, const std::vector<juce::String>& sends)
{
    // Output.
    {
        auto& label = addLabel ("Output");
        auto& combo = addCombo();
        juce::StringArray targets { "" };
        combo.addItem ("Mix bus", 1);
        for (int b = 0; b < model.numBuses(); ++b)
            if (model.bus (b) != channel)
            {
                targets.add (model.bus (b)[ids::id].toString());
                combo.addItem (nameOf (model.bus (b)), targets.size());
            }
        combo.setSelectedItemIndex (juce::jmax (0, targets.indexOf (channel[ids::output].toString())), juce::dontSendNotification);
        combo.onChange = [this, &combo, targets, who] {
            model.beginGesture ("Route " + who);
            refuseIfNeeded (model.setOutput (channel, targets[combo.getSelectedItemIndex()]));
        };
        rows.push_back ({ &label, &combo });
    }
    // Compressor key.
    {
        auto& label = addLabel ("Compressor key");
        auto& combo = addCombo();
        juce::StringArray keys { "" };
        combo.addItem ("Its own signal", 1);
        for (const auto& other : session)
            if (other != channel && (other.hasType (ids::TRACK) || other.hasType (ids::BUS)))
            {
                keys.add (other[ids::id].toString());
                combo.addItem (nameOf (other), keys.size());
            }
        combo.setSelectedItemIndex (juce::jmax (0, keys.indexOf (channel[ids::sidechain].toString())), juce::dontSendNotification);
        combo.setTooltip ("Key the compressor from another track or bus: duck a bass under the kick (the compressor must be on)");
        combo.onChange = [this, &combo, keys, who] {
            model.beginGesture ("Key " + who);
            refuseIfNeeded (model.setSidechain (channel, keys[combo.getSelectedItemIndex()]));
        };
        rows.push_back ({ &label, &combo });
    }

    // Sends.
    rows.push_back ({ &addLabel ("Sends", true) });
    for (const auto& busId : sends)
    {
        auto& label = addLabel (model.findChannel (busId)[ids::name].toString());
        const auto& levelSpec = params::sendLevelDb;
        auto& level = addBar (levelSpec.minimum, levelSpec.maximum, channel[sendProperty (busId, SendField::levelDb)]);
        level.setSkewFactorFromMidPoint (-18.0);
        level.textFromValueFunction = [] (double v) { return GainFader::formatDb (v); };
        level.updateText();
        level.onValueChange = [this, &level, busId] {
            if (! editing)
                model.beginGesture ("Send level");
            model.setSendValue (channel, busId, SendField::levelDb, level.getValue());
        };
        auto& pan = addBar (params::pan.minimum, params::pan.maximum, channel[sendProperty (busId, SendField::pan)]);
        pan.textFromValueFunction = [] (double v) { return juce::roundToInt (v) == 0 ? juce::String ("Pan C") : "Pan " + juce::String ((v < 0 ? "L" : "R")) + juce::String (std::abs (juce::roundToInt (v))); };
        pan.updateText();
        pan.onValueChange = [this, &pan, busId] {
            if (! editing)
                model.beginGesture ("Send pan");
            model.setSendValue (channel, busId, SendField::pan, pan.getValue());
        };
        auto& pre = addButton ((bool) channel[sendProperty (busId, SendField::preFader)] ? "Pre-fader" : "Post-fader");
        pre.setTooltip ("Click to switch between before and after the fader");
        pre.onClick = [this, busId] {
            model.beginGesture ("Send tap");
            model.setSendValue (channel, busId, SendField::preFader, (bool) channel[sendProperty (busId, SendField::preFader)] ? 0.0 : 1.0);
        };
        auto& remove = addButton ("Remove");
        remove.onClick = [this, busId] {
            model.beginGesture ("Remove send");
            model.removeSend (channel, busId);
        };
        rows.push_back ({ &label, &level, &pan, &pre, &remove });
    }
    {
        auto& add = addCombo();
        add.setTextWhenNothingSelected ("Add a send to...");
        juce::StringArray targets;
        for (int b = 0; b < model.numBuses(); ++b)
        {
            const auto bus = model.bus (b);
            const auto id = bus[ids::id].toString();
            if (bus != channel && std::find (sends.begin(), sends.end(), id) == sends.end())
            {
                targets.add (id);
                add.addItem (nameOf (bus), targets.size());
            }
        }
        add.onChange = [this, &add, targets] {
            model.beginGesture ("Add send");
            refuseIfNeeded (model.addSend (channel, targets[add.getSelectedItemIndex()]));
        };
        rows.push_back ({ &add });
    }
}

void RoutingPage::addAutomation (const std::vector<juce::String>& sends, bool mixBus)
{
    rows.push_back ({ &addLabel ("Automation", true) });
    for (const auto& lane : SessionModel::automationOf (channel))
    {
        const juce::String parameter (lane.parameter);
        auto& label = addLabel (parameter);
        auto& mode = addCombo();
        for (int m = 0; m < 5; ++m)
            mode.addItem (modeNames[m], m + 1);
        mode.setSelectedItemIndex ((int) lane.mode, juce::dontSendNotification);
        mode.setTooltip ("Read plays the lane; touch and latch record fader moves while playing; write records from play to stop");
        mode.onChange = [this, &mode, parameter] {
            if (auto current = SessionModel::laneOf (channel, parameter))
            {
                current->mode = (AutomationMode) mode.getSelectedItemIndex();
                model.beginGesture ("Automation mode");
                model.setAutomation (channel, *current);
            }
        };
        auto& points = addLabel (juce::String (lane.points.size()) + (lane.points.size() == 1 ? " point" : " points"));
        points.setColour (juce::Label::textColourId, colours::textDim);
        auto& remove = addButton ("Remove");
        remove.onClick = [this, parameter] {
            model.beginGesture ("Remove automation");
            model.removeAutomation (channel, parameter);
        };
        rows.push_back ({ &label, &mode, &points, &remove });
    }
    {
        auto& add = addCombo();
        add.setTextWhenNothingSelected ("Automate...");
        juce::StringArray names { "faderDb" };
        if (! mixBus)
            names.addArray (juce::StringArray { "pan", "trimDb" });
        for (const auto& busId : sends)
        {
            names.add ("send." + busId + ".levelDb");
            names.add ("send." + busId + ".pan");
        }
        for (const auto& p : stripParameters())
            if (p.module == StripModule::none || SessionModel::stripValue (channel, std::string (stripModuleName (p.module)) + ".enabled") >= 0.5)
                names.add ("strip." + juce::String (p.key));
        for (int i = 0; i < names.size(); ++i)
            if (! SessionModel::laneOf (channel, names[i]))
                add.addItem (names[i], i + 1);
        add.onChange = [this, &add, names] {
            const auto parameter = names[add.getSelectedId() - 1];
            // A new lane starts in touch, holding the control's value: play and move the control to record.
            AutomationLane lane { parameter.toStdString(), AutomationMode::touch, {} };
            model.beginGesture ("Automate " + parameter);
            refuseIfNeeded (model.setAutomation (channel, lane));
        };
        rows.push_back ({ &add });
    }
}

void RoutingPage::paint (juce::Graphics& g)
{
    g.fillAll (colours::panel);
}

void RoutingPage::resized()
{
    auto area = getLocalBounds().reduced (12, 10);
    for (const auto& row : rows)
    {
        auto line = area.removeFromTop (24);
        area.removeFromTop (4);
        if (row.size() == 1)
        {
            row[0]->setBounds (line.removeFromLeft (juce::jmin (line.getWidth(), 320)));
            continue;
        }
        const int widths[] = { 180, 240, 180, 100, 80 };
        for (size_t i = 0; i < row.size(); ++i)
        {
            row[i]->setBounds (line.removeFromLeft (widths[i]));
            line.removeFromLeft (6);
        }
    }
}
} // namespace crest
