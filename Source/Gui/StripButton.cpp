#include "StripButton.h"

#include "Session/StripSummary.h"

namespace crest
{
StripButton::StripButton (SessionModel& m, juce::ValueTree tree, SessionPlayer* p) : model (m), owner (std::move (tree)), player (p)
{
    setTitle ("Channel strip");
    onClick = [this] { openEditor(); };
    refresh();
    owner.addListener (this);
}

StripButton::~StripButton()
{
    owner.removeListener (this);
}

void StripButton::openEditor()
{
    if (window == nullptr)
        window = std::make_unique<StripEditorWindow> (model, owner, player);
    window->setVisible (true);
    window->toFront (true);
}

void StripButton::valueTreePropertyChanged (juce::ValueTree& tree, const juce::Identifier& property)
{
    if (tree == owner && ! stripKeyOf (property).empty())
        refresh();
}

void StripButton::refresh()
{
    juce::StringArray on;
    const std::pair<const char*, const char*> modules[] = { { "filters.enabled", "F" }, { "gate.enabled", "G" },
                                                            { "eq.enabled", "EQ" }, { "compressor.enabled", "C" },
                                                            { "chorus.enabled", "Ch" }, { "delay.enabled", "Dly" },
                                                            { "reverb.enabled", "Rev" } };
    for (const auto& [key, shortName] : modules)
        if (SessionModel::stripValue (owner, key) >= 0.5)
            on.add (shortName);
    if (SessionModel::stripValue (owner, stripKeys::invertPolarity) >= 0.5)
        on.insert (0, juce::String::fromUTF8 ("\xc3\x98"));
    setButtonText (on.isEmpty() ? juce::String ("STRIP") : on.joinIntoString (" "));
    setToggleState (! on.isEmpty(), juce::dontSendNotification);
    juce::StringArray summary;
    for (const auto& line : summarizeStrip (SessionModel::stripOf (owner)))
        summary.add (juce::String::fromUTF8 (line.c_str()));
    setTooltip ("Channel strip: filters, gate, EQ, compressor, chorus, delay, reverb; routing and automation. Click to edit."
                + (summary.isEmpty() ? juce::String() : "\n" + summary.joinIntoString ("\n")));
}
} // namespace crest
