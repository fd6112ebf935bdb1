#include "TrackHeader.h"

#include "Gui/CrestLookAndFeel.h"

namespace crest
{
TrackHeader::TrackHeader (SessionModel& m, juce::ValueTree t, int i)
    : model (m), trackTree (std::move (t)), index (i), colour (colours::forChannel (trackTree, i))
{
    setTitle ("Track header");
    nameLabel.setTitle ("Track name");
    nameLabel.setEditable (false, true, false);
    nameLabel.setFont (juce::Font (14.0f, juce::Font::bold));
    nameLabel.setColour (juce::Label::textColourId, colours::text);
    nameLabel.setTooltip ("Double-click to rename");
    nameLabel.onTextChange = [this] {
        const auto name = nameLabel.getText().trim();
        if (name.isEmpty() || name == trackTree[ids::name].toString())
        {
            refresh();
            return;
        }
        model.beginGesture ("Rename track");
        model.setTrackValue (trackTree, ids::name, name);
    };
    addAndMakeVisible (nameLabel);

    for (auto* b : { &muteButton, &soloButton })
    {
        b->setClickingTogglesState (true);
        b->setWantsKeyboardFocus (true);
        addAndMakeVisible (*b);
    }
    muteButton.setTitle ("Mute");
    muteButton.setTooltip ("Mute (M)");
    muteButton.setColour (juce::TextButton::buttonOnColourId, colours::mute);
    muteButton.onClick = [this] {
        model.beginGesture (muteButton.getToggleState() ? "Mute" : "Unmute");
        model.setTrackValue (trackTree, ids::mute, muteButton.getToggleState());
    };
    soloButton.setTitle ("Solo");
    soloButton.setTooltip ("Solo (S)");
    soloButton.setColour (juce::TextButton::buttonOnColourId, colours::accent);
    soloButton.onClick = [this] {
        model.beginGesture (soloButton.getToggleState() ? "Solo" : "Unsolo");
        model.setTrackValue (trackTree, ids::solo, soloButton.getToggleState());
    };
    menuButton.setTitle ("Track menu");
    menuButton.setTooltip ("Rename, move or remove the track");
    menuButton.onClick = [this] { showMenu(); };
    addAndMakeVisible (menuButton);

    channelsLabel.setColour (juce::Label::textColourId, colours::textDim);
    channelsLabel.setFont (juce::Font (11.0f));
    addAndMakeVisible (channelsLabel);

    trackTree.addListener (this);
    refresh();
}

TrackHeader::~TrackHeader()
{
    trackTree.removeListener (this);
}

void TrackHeader::setSelected (bool s)
{
    if (s != selected)
    {
        selected = s;
        repaint();
    }
}

void TrackHeader::refresh()
{
    nameLabel.setText (trackTree[ids::name].toString(), juce::dontSendNotification);
    muteButton.setToggleState ((bool) trackTree[ids::mute], juce::dontSendNotification);
    soloButton.setToggleState ((bool) trackTree[ids::solo], juce::dontSendNotification);
    channelsLabel.setText ((int) trackTree[ids::channels] == 2 ? "stereo" : "mono", juce::dontSendNotification);
    colour = colours::forChannel (trackTree, index);
    repaint();
    setDescription ("Track " + juce::String (index + 1) + ": " + trackTree[ids::name].toString());
}

void TrackHeader::valueTreePropertyChanged (juce::ValueTree& tree, const juce::Identifier&)
{
    if (tree == trackTree)
        refresh();
}

void TrackHeader::paint (juce::Graphics& g)
{
    g.fillAll (selected ? colours::panelRaised : colours::panel);
    g.setColour (colour);
    g.fillRect (0, 0, 5, getHeight());
    g.setColour (colours::outline);
    g.drawHorizontalLine (getHeight() - 1, 0.0f, (float) getWidth());
    g.drawVerticalLine (getWidth() - 1, 0.0f, (float) getHeight());
}

void TrackHeader::resized()
{
    auto area = getLocalBounds().reduced (8, 4).withTrimmedLeft (2);
    auto top = area.removeFromTop (22);
    menuButton.setBounds (top.removeFromRight (26));
    nameLabel.setBounds (top);
    area.removeFromTop (4);
    auto row = area.removeFromTop (22);
    muteButton.setBounds (row.removeFromLeft (28));
    row.removeFromLeft (4);
    soloButton.setBounds (row.removeFromLeft (28));
    row.removeFromLeft (8);
    channelsLabel.setBounds (row);
}

void TrackHeader::mouseDown (const juce::MouseEvent& e)
{
    if (onSelect)
        onSelect();
    if (e.mods.isPopupMenu())
        showMenu();
}

void TrackHeader::mouseDrag (const juce::MouseEvent& e)
{
    if (e.mods.isPopupMenu() || (! dragging && std::abs (e.getDistanceFromDragStartY()) < 6))
        return;
    dragging = true;
    setMouseCursor (juce::MouseCursor::UpDownResizeCursor);
    if (onDragMove)
        onDragMove (e.getScreenPosition());
}

void TrackHeader::mouseUp (const juce::MouseEvent& e)
{
    if (! dragging)
        return;
    dragging = false;
    setMouseCursor (juce::MouseCursor::NormalCursor);
    if (onDragDrop)
        onDragDrop (e.getScreenPosition());
}

void TrackHeader::showMenu()
{
    const int position = model.state().indexOf (trackTree);
    juce::PopupMenu menu;
    menu.addItem (1, "Rename");
    menu.addItem (2, "Move up", position > 0);
    menu.addItem (3, "Move down", position >= 0 && position < model.numTracks() - 1);
    juce::PopupMenu lanes;
    lanes.addItem (10, "Fader", ! SessionModel::laneOf (trackTree, "faderDb").has_value());
    lanes.addItem (11, "Pan", ! SessionModel::laneOf (trackTree, "pan").has_value());
    lanes.addItem (12, "Trim", ! SessionModel::laneOf (trackTree, "trimDb").has_value());
    const auto sends = SessionModel::sendsOf (trackTree);
    for (size_t i = 0; i < sends.size(); ++i)
    {
        const auto bus = model.findChannel (sends[i]);
        lanes.addItem (20 + (int) i, "Send to " + (bus.isValid() ? bus[ids::name].toString() : sends[i]),
                       ! SessionModel::laneOf (trackTree, "send." + sends[i] + ".levelDb").has_value());
    }
    menu.addSubMenu ("Show automation", lanes);
    juce::PopupMenu colourMenu;
    colourMenu.addItem (30, "By its place", true, ! trackTree.hasProperty (ids::colour));
    for (int c = 0; c < 8; ++c)
        colourMenu.addColouredItem (31 + c, "Colour " + juce::String (c + 1), colours::track (c), true,
                                    trackTree[ids::colour].toString() == "#" + colours::track (c).toDisplayString (false).toLowerCase());
    menu.addSubMenu ("Colour", colourMenu);
    menu.addSeparator();
    menu.addItem (4, "Remove track");
    menu.showMenuAsync (juce::PopupMenu::Options().withTargetComponent (&menuButton),
                        [safe = juce::Component::SafePointer<TrackHeader> (this), position, sends] (int choice) {
                            if (safe == nullptr || choice == 0)
                                return;
                            auto& self = *safe;
                            switch (choice)
                            {
                                case 1: self.nameLabel.showEditor(); break;
                                case 2: self.model.beginGesture ("Move track up"); self.model.moveTrack (position, position - 1); break;
                                case 3: self.model.beginGesture ("Move track down"); self.model.moveTrack (position, position + 1); break;
                                case 4: self.model.beginGesture ("Remove track"); self.model.removeTrack (position); break;
                                case 10: if (self.onShowAutomation) self.onShowAutomation ("faderDb"); break;
                                case 11: if (self.onShowAutomation) self.onShowAutomation ("pan"); break;
                                case 12: if (self.onShowAutomation) self.onShowAutomation ("trimDb"); break;
                                case 30:
                                    self.model.beginGesture ("Track colour");
                                    self.model.setTrackValue (self.trackTree, ids::colour, juce::var());
                                    break;
                                default:
                                    if (choice >= 31 && choice < 39)
                                    {
                                        self.model.beginGesture ("Track colour");
                                        self.model.setTrackValue (self.trackTree, ids::colour,
                                                                  "#" + colours::track (choice - 31).toDisplayString (false).toLowerCase());
                                    }
                                    if (choice >= 20 && choice < 20 + (int) sends.size() && self.onShowAutomation)
                                        self.onShowAutomation ("send." + sends[(size_t) (choice - 20)] + ".levelDb");
                                    break;
                            }
                        });
}
} // namespace crest
