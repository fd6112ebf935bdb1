#include "AlbumTrackInspector.h"

#include "Album/AlbumModel.h"
#include "Gui/CrestLookAndFeel.h"

namespace crest
{
namespace ai = albumIds;

AlbumTrackInspector::AlbumTrackInspector (AlbumModel& m) : model (m)
{
    heading.setFont (juce::Font (13.0f, juce::Font::bold));
    addAndMakeVisible (heading);
    auto trackText = [this] (const juce::Identifier& field, const juce::String& stepName) {
        return [this, field, stepName] (const juce::String& text) {
            if (track < 0 || track >= model.numTracks())
                return false;
            model.beginGesture (stepName);
            model.setTrackText (track, field, text);
            return true;
        };
    };
    setUp (title, "Title", "The track's title (CD-Text, the CUE sheet, its file's name)", trackText (ai::title, "Track title"));
    setUp (performer, "Performer", "The track's performer (CD-Text)", trackText (ai::performer, "Track performer"));
    setUp (composer, "Composer", "The track's composer (CD-Text)", trackText (ai::composer, "Track composer"));
    setUp (isrc, "ISRC", "CC-XXX-YY-NNNNN: two letters, three letters or digits, seven digits", [this] (const juce::String& text) {
        const auto code = normalisedIsrc (text.toStdString());
        if (track < 0 || (text.isNotEmpty() && ! code))
            return false;
        model.beginGesture ("Track ISRC");
        model.setTrackText (track, ai::isrc, code ? juce::String (*code) : juce::String());
        return true;
    });
    setUp (albumPerformer, "Album performer", "The album's performer (CD-Text)", [this] (const juce::String& text) {
        model.beginGesture ("Album performer");
        model.setAlbumText (ai::performer, text);
        return true;
    });
    setUp (upc, "UPC / EAN", "The disc's catalogue number: UPC-A (12 digits) or EAN-13, with its check digit", [this] (const juce::String& text) {
        const auto code = normalisedUpc (text.toStdString());
        if (text.isNotEmpty() && ! code)
            return false;
        model.beginGesture ("Album UPC");
        model.setAlbumText (ai::upc, code ? juce::String (*code) : juce::String());
        return true;
    });

    trimCaption.setText ("Trim", juce::dontSendNotification);
    trimCaption.setColour (juce::Label::textColourId, colours::textDim);
    trimCaption.setFont (juce::Font (11.0f));
    addAndMakeVisible (trimCaption);
    trim.setTitle ("Track trim");
    trim.setSliderStyle (juce::Slider::LinearBar);
    trim.setRange (-24.0, 24.0, 0.1);
    trim.setTextValueSuffix (" dB");
    trim.setDoubleClickReturnValue (true, 0.0);
    trim.setWantsKeyboardFocus (true);
    trim.onDragStart = [this] { model.beginGesture ("Track trim"); };
    trim.onValueChange = [this] {
        if (track < 0)
            return;
        if (! trim.isMouseButtonDown())
            model.beginGesture ("Track trim");
        model.setTrimDb (track, trim.getValue());
    };
    addAndMakeVisible (trim);

    removeButton.setTooltip ("Take the track off the album (Undo puts it back)");
    removeButton.onClick = [this] {
        if (track < 0)
            return;
        model.beginGesture ("Remove track");
        model.removeTrack (track);
        showTrack (std::min (track, model.numTracks() - 1));
    };
    addAndMakeVisible (removeButton);
    showTrack (-1);
}

void AlbumTrackInspector::setUp (Field& field, const juce::String& caption, const juce::String& tooltip,
                                 std::function<bool (const juce::String&)> commit)
{
    field.caption.setText (caption, juce::dontSendNotification);
    field.caption.setColour (juce::Label::textColourId, colours::textDim);
    field.caption.setFont (juce::Font (11.0f));
    addAndMakeVisible (field.caption);
    field.editor.setTitle (caption);
    field.editor.setTooltip (tooltip);
    field.editor.setSelectAllWhenFocused (true);
    auto apply = [this, &field, commit] {
        const bool taken = commit (field.editor.getText().trim());
        field.editor.setColour (juce::TextEditor::outlineColourId, taken ? colours::outline : colours::mute);
        field.editor.repaint();
        if (taken)
        {
            field.editor.giveAwayKeyboardFocus();
            refresh();
        }
    };
    field.editor.onReturnKey = apply;
    field.editor.onFocusLost = apply;
    field.editor.onEscapeKey = [this] { refresh(); };
    addAndMakeVisible (field.editor);
}

void AlbumTrackInspector::showTrack (int index)
{
    track = index >= 0 && index < model.numTracks() ? index : -1;
    refresh();
}

void AlbumTrackInspector::refresh()
{
    if (track >= model.numTracks())
        track = model.numTracks() - 1;
    const bool hasTrack = track >= 0;
    const auto t = hasTrack ? model.track (track) : juce::ValueTree();
    heading.setText (hasTrack ? "Track " + juce::String (track + 1) : juce::String ("Album"), juce::dontSendNotification);
    for (auto* f : { &title, &performer, &composer, &isrc })
    {
        f->editor.setEnabled (hasTrack);
        f->editor.setColour (juce::TextEditor::outlineColourId, colours::outline);
    }
    // A field being typed in keeps what is typed.
    auto show = [] (Field& f, const juce::var& value) {
        if (! f.editor.hasKeyboardFocus (true))
            f.editor.setText (value.toString(), false);
    };
    show (title, t[ai::title]);
    show (performer, t[ai::performer]);
    show (composer, t[ai::composer]);
    show (isrc, t[ai::isrc]);
    show (albumPerformer, model.state()[ai::performer]);
    show (upc, model.state()[ai::upc]);
    // A track with its own chain has no trim into the shared one.
    const bool ownChain = hasTrack && t.hasProperty (ai::chain);
    trim.setEnabled (hasTrack && ! ownChain);
    trim.setTooltip (ownChain ? "This track is mastered by its own chain: no trim into the shared one"
                              : "The track's level into the album's shared chain");
    trim.setValue (hasTrack ? (double) t[ai::trimDb] : 0.0, juce::dontSendNotification);
    removeButton.setEnabled (hasTrack);
}

void AlbumTrackInspector::paint (juce::Graphics& g)
{
    g.fillAll (colours::panel);
}

void AlbumTrackInspector::resized()
{
    auto area = getLocalBounds().reduced (6, 3);
    heading.setBounds (area.removeFromLeft (70));
    auto column = [&area] (int width) {
        auto c = area.removeFromLeft (width);
        area.removeFromLeft (6);
        return c;
    };
    auto place = [&column] (Field& f, int width) {
        auto c = column (width);
        f.caption.setBounds (c.removeFromTop (14));
        f.editor.setBounds (c.reduced (0, 1));
    };
    place (title, 200);
    place (performer, 150);
    place (composer, 150);
    place (isrc, 130);
    auto t = column (110);
    trimCaption.setBounds (t.removeFromTop (14));
    trim.setBounds (t.reduced (0, 1));
    removeButton.setBounds (column (110).withTrimmedTop (14).reduced (0, 1));
    place (albumPerformer, 150);
    place (upc, 130);
}
} // namespace crest
