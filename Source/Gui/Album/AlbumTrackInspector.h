// The selected track's and the album's own fields, under the timeline:
// the track's title, performer, composer and ISRC (CD-Text, the CUE sheet,
// the DDP), its trim into the shared chain, and a Remove button; the
// album's performer and UPC/EAN. Each edit is one undo step; an ISRC or a
// UPC that is not one is shown in red and not taken (the album file could
// not be read back with it).
//
// Message thread only.
#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

namespace crest
{
class AlbumModel;

class AlbumTrackInspector : public juce::Component
{
public:
    explicit AlbumTrackInspector (AlbumModel& model);

    // The track shown (-1: none, only the album's fields).
    void showTrack (int index);
    int shownTrack() const noexcept { return track; }
    // The fields again from the model (after an undo, say).
    void refresh();

    void resized() override;
    void paint (juce::Graphics&) override;

private:
    struct Field
    {
        juce::Label caption;
        juce::TextEditor editor;
    };
    void setUp (Field& field, const juce::String& caption, const juce::String& tooltip, std::function<bool (const juce::String&)> commit);

    AlbumModel& model;
    int track = -1;
    juce::Label heading;
    Field title, performer, composer, isrc, albumPerformer, upc;
    juce::Label trimCaption;
    juce::Slider trim;
    juce::TextButton removeButton { "Remove track" };
};
} // namespace crest
