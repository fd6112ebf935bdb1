// What the app remembers between runs: the recent sessions, the window's
// size and place and the view it showed, and the audio device settings.
// One file, "$XDG_CONFIG_HOME/crest/settings.xml" (~/.config when unset),
// saved after each change; a damaged file is read as empty.
//
// Message thread only.
#pragma once

#include <juce_data_structures/juce_data_structures.h>

#include <filesystem>
#include <memory>
#include <vector>

namespace crest
{
class AppSettings
{
public:
    AppSettings();

    static std::filesystem::path settingsFile();
    static constexpr int maxRecent = 10;

    // Newest first; sessions no longer on disk are left out.
    std::vector<std::filesystem::path> recentSessions() const;
    void addRecentSession (const std::filesystem::path& session);

    juce::String windowState() const;
    void setWindowState (const juce::String& state);
    int lastView() const;   // 0 arrange, 1 mixer, 2 master
    void setLastView (int view);

    // The interface's size: 1.0, 1.5 or 2.0 (for high-density screens).
    double interfaceScale() const;
    void setInterfaceScale (double scale);

    std::unique_ptr<juce::XmlElement> audioDeviceState() const;
    void setAudioDeviceState (const juce::XmlElement* state);

private:
    std::unique_ptr<juce::PropertiesFile> file;
};
} // namespace crest
