#include "TrainingWidgets.h"

#include "Gui/CrestLookAndFeel.h"
#include "Training/TrainingResults.h"

namespace crest::training
{
void setUpField (juce::Label& f, juce::Component& parent, const juce::String& title, const juce::String& text)
{
    f.setEditable (true);
    f.setTitle (title);
    f.setText (text, juce::dontSendNotification);
    f.setColour (juce::Label::backgroundColourId, colours::faderTrack);
    f.setColour (juce::Label::outlineColourId, colours::outline);
    parent.addAndMakeVisible (f);
}

void setUpCaption (juce::Label& c, juce::Component& parent, const juce::String& text)
{
    c.setText (text, juce::dontSendNotification);
    c.setColour (juce::Label::textColourId, colours::textDim);
    parent.addAndMakeVisible (c);
}

double nowSeconds()
{
    return juce::Time::getMillisecondCounterHiRes() / 1000.0;
}

void chooseResultsFile (std::unique_ptr<juce::FileChooser>& chooser, const juce::String& suggestedName,
                        std::function<void (const std::filesystem::path& base)> save)
{
    chooser = std::make_unique<juce::FileChooser> ("Save the results",
                                                   juce::File::getSpecialLocation (juce::File::userDocumentsDirectory).getChildFile (suggestedName), "*.json");
    chooser->launchAsync (juce::FileBrowserComponent::saveMode | juce::FileBrowserComponent::canSelectFiles,
                          [save = std::move (save)] (const juce::FileChooser& c) {
                              if (c.getResult() != juce::File())
                                  save (c.getResult().withFileExtension ({}).getFullPathName().toStdString());
                          });
}

bool saveResults (const std::filesystem::path& base, const std::string& json, const std::string& csv, juce::Label& status)
{
    try
    {
        saveTrainingResults (base, json, csv);
        status.setText ("Saved " + juce::String (base.string()) + ".json and .csv", juce::dontSendNotification);
        return true;
    }
    catch (const std::exception& e)
    {
        status.setText (e.what(), juce::dontSendNotification);
        return false;
    }
}
} // namespace crest::training
