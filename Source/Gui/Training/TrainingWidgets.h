// What the listening tests' views (AbxView, EarTrainerView) have in
// common: their editable fields and captions, the clock answers are timed
// by, and saving a test's results (asked where, then written as JSON and
// CSV, the outcome said in the view's status line).
//
// Message thread only.
#pragma once

#include <juce_gui_basics/juce_gui_basics.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace crest::training
{
void setUpField (juce::Label& field, juce::Component& parent, const juce::String& title, const juce::String& text);
void setUpCaption (juce::Label& caption, juce::Component& parent, const juce::String& text);

// Seconds on a steady clock, for how long an answer took.
double nowSeconds();

// Asks where to save (a base name offered in the user's documents), then
// calls `save` with the chosen path without its extension.
void chooseResultsFile (std::unique_ptr<juce::FileChooser>& chooser, const juce::String& suggestedName,
                        std::function<void (const std::filesystem::path& base)> save);

// Writes BASE.json and BASE.csv and says so, or what went wrong, in `status`.
bool saveResults (const std::filesystem::path& base, const std::string& json, const std::string& csv, juce::Label& status);
} // namespace crest::training
