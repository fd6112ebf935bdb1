#include "RoutingSection.h"

#include "CrestLookAndFeel.h"
#include "GainFader.h"

#include "Core/ParameterSpec.h"

namespace crest
{
namespace
{
    juce::String busName (const SessionModel& model, const juce::String& id)
    {
        const auto bus = model.findChannel (id);
        return bus.isValid() ? bus[ids::name].toString() : id;
    }

    // A bar that shows the bus's name and its level inside it, and sends
    // its right-clicks to the section.
    class SendBar : public juce::Slider
    {
    public:
        std::function<void()> onRightClick;
        void mouseDown (const juce::MouseEvent& e) override
        {
            if (e.mods.isPopupMenu() && onRightClick)
                onRightClick();
            else
                juce::Slider::mouseDown (e);
        }
    };
} // namespace

RoutingSection::RoutingSection (SessionModel& m, juce::ValueTree c) : model (m), channel (std::move (c)), session (m.state())
{
    output.setTooltip ("Output: where this channel goes (the mix bus, or a group or aux bus)");
    output.onChange = [this]
    {
        const int index = output.getSelectedItemIndex();
        if (index < 0 || index >= outputIds.size() || outputIds[index] == channel[ids::output].toString())
            return;
        model.beginGesture ("Route " + channel[ids::name].toString());
        if (const auto refused = model.setOutput (channel, outputIds[index]); refused.isNotEmpty())
        {
            juce::AlertWindow::showMessageBoxAsync (juce::MessageBoxIconType::WarningIcon, "Cannot route there", refused);
            refreshOutputs();
        }
    };
    output.setTitle ("Output");
    addAndMakeVisible (output);
    rebuildSends();
    refreshOutputs();
    session.addListener (this);
}

RoutingSection::~RoutingSection()
{
    session.removeListener (this);
}

void RoutingSection::refreshOutputs()
{
    output.clear (juce::dontSendNotification);
    outputIds.clear();
    outputIds.add ({});
    output.addItem ("Mix", 1);
    for (int b = 0; b < model.numBuses(); ++b)
    {
        const auto bus = model.bus (b);
        if (bus == channel)
            continue;
        outputIds.add (bus[ids::id].toString());
        output.addItem (bus[ids::name].toString(), outputIds.size());
    }
    output.setSelectedItemIndex (juce::jmax (0, outputIds.indexOf (channel[ids::output].toString())), juce::dontSendNotification);
}

void RoutingSection::rebuildSends()
{
    sendBars.clear();
    sendBuses = SessionModel::sendsOf (channel);
    const auto& spec = params::sendLevelDb;
    for (const auto& busId : sendBuses)
    {
        auto bar = std::make_unique<SendBar>();
        bar->setSliderStyle (juce::Slider::LinearBar);
        bar->setRange (spec.minimum, spec.maximum, 0.1);
        bar->setSkewFactorFromMidPoint (-18.0);
        bar->setDoubleClickReturnValue (true, spec.minimum);
        bar->setColour (juce::Slider::trackColourId, colours::accent.withAlpha (0.45f));
        bar->textFromValueFunction = [this, busId] (double v) {
            const bool pre = (bool) channel[sendProperty (busId, SendField::preFader)];
            return busName (model, busId) + " " + GainFader::formatDb (v) + (pre ? " pre" : "");
        };
        bar->setTooltip ("Send to " + busName (model, busId) + ". Drag for level, double-click for -inf, right-click for more.");
        bar->setTitle ("Send to " + busName (model, busId));
        bar->setWantsKeyboardFocus (true);
        bar->onDragStart = [this, busId] { model.beginGesture ("Send to " + busName (model, busId)); };
        bar->onValueChange = [this, busId, b = bar.get()] { model.setSendValue (channel, busId, SendField::levelDb, b->getValue()); };
        bar->onRightClick = [this, busId] { showSendMenu (busId); };
        addAndMakeVisible (*bar);
        sendBars.push_back (std::move (bar));
    }
    refreshSendValues();
    if (auto* parent = getParentComponent())
        parent->resized();
    resized();
}

void RoutingSection::refreshSendValues()
{
    for (size_t i = 0; i < sendBars.size(); ++i)
    {
        sendBars[i]->setValue ((double) channel[sendProperty (sendBuses[i], SendField::levelDb)], juce::dontSendNotification);
        sendBars[i]->updateText();
    }
}

void RoutingSection::showSendMenu (const juce::String& busId)
{
    const bool pre = (bool) channel[sendProperty (busId, SendField::preFader)];
    const double pan = channel[sendProperty (busId, SendField::pan)];
    juce::PopupMenu menu;
    menu.addSectionHeader ("Send to " + busName (model, busId));
    menu.addItem (1, "Pre-fader", true, pre);
    menu.addItem (2, "Post-fader", true, ! pre);
    juce::PopupMenu panMenu;
    for (int p : { -100, -50, -25, 0, 25, 50, 100 })
        panMenu.addItem (100 + p + 100, p == 0 ? juce::String ("Centre") : (p < 0 ? "L" : "R") + juce::String (std::abs (p)), true,
                         juce::roundToInt (pan) == p);
    menu.addSubMenu ("Pan", panMenu);
    menu.addSeparator();
    menu.addItem (3, "Remove send");
    menu.showMenuAsync (juce::PopupMenu::Options(), [this, busId] (int result) {
        if (result == 0)
            return;
        model.beginGesture ("Send to " + busName (model, busId));
        if (result == 1 || result == 2)
            model.setSendValue (channel, busId, SendField::preFader, result == 1 ? 1.0 : 0.0);
        else if (result == 3)
            model.removeSend (channel, busId);
        else if (result >= 100)
            model.setSendValue (channel, busId, SendField::pan, result - 200);
    });
}

void RoutingSection::valueTreePropertyChanged (juce::ValueTree& tree, const juce::Identifier& property)
{
    if (tree == channel && property == ids::output)
        refreshOutputs();
    else if (tree.hasType (ids::BUS) && property == ids::name)
    {
        refreshOutputs();
        refreshSendValues();
    }
    else if (tree == channel && parseSendProperty (property))
    {
        if (SessionModel::sendsOf (channel) != sendBuses)
            rebuildSends();
        else
            refreshSendValues();
    }
}

void RoutingSection::resized()
{
    auto area = getLocalBounds();
    output.setBounds (area.removeFromTop (22));
    area.removeFromTop (2);
    for (auto& bar : sendBars)
    {
        bar->setBounds (area.removeFromTop (18));
        area.removeFromTop (2);
    }
}
} // namespace crest
