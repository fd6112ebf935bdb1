#include "AppSettings.h"

#include <cstdlib>

namespace crest
{
namespace fs = std::filesystem;

fs::path AppSettings::settingsFile()
{
    fs::path config;
    if (const char* xdg = std::getenv ("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != 0)
        config = xdg;
    else if (const char* home = std::getenv ("HOME"); home != nullptr && *home != 0)
        config = fs::path (home) / ".config";
    else
        config = fs::temp_directory_path();
    return config / "crest" / "settings.xml";
}

AppSettings::AppSettings()
{
    juce::PropertiesFile::Options options;
    options.storageFormat = juce::PropertiesFile::storeAsXML;
    options.millisecondsBeforeSaving = -1;   // saved when changed, below
    const juce::File target (juce::String (settingsFile().string()));
    target.getParentDirectory().createDirectory();
    file = std::make_unique<juce::PropertiesFile> (target, options);
}

std::vector<fs::path> AppSettings::recentSessions() const
{
    std::vector<fs::path> sessions;
    juce::StringArray list;
    list.addLines (file->getValue ("recentSessions"));
    for (const auto& line : list)
        if (line.isNotEmpty() && juce::File (line).existsAsFile())
            sessions.emplace_back (line.toStdString());
    return sessions;
}

void AppSettings::addRecentSession (const fs::path& session)
{
    const auto path = juce::String (fs::absolute (session).lexically_normal().string());
    juce::StringArray list;
    list.addLines (file->getValue ("recentSessions"));
    list.removeString (path);
    list.removeEmptyStrings();
    list.insert (0, path);
    while (list.size() > maxRecent)
        list.remove (list.size() - 1);
    file->setValue ("recentSessions", list.joinIntoString ("\n"));
    file->saveIfNeeded();
}

juce::String AppSettings::windowState() const
{
    return file->getValue ("windowState");
}

void AppSettings::setWindowState (const juce::String& state)
{
    file->setValue ("windowState", state);
    file->saveIfNeeded();
}

int AppSettings::lastView() const
{
    return juce::jlimit (0, 2, file->getIntValue ("lastView", 0));
}

void AppSettings::setLastView (int view)
{
    file->setValue ("lastView", view);
    file->saveIfNeeded();
}

double AppSettings::interfaceScale() const
{
    return juce::jlimit (1.0, 2.0, file->getDoubleValue ("interfaceScale", 1.0));
}

void AppSettings::setInterfaceScale (double scale)
{
    file->setValue ("interfaceScale", juce::jlimit (1.0, 2.0, scale));
    file->saveIfNeeded();
}

std::unique_ptr<juce::XmlElement> AppSettings::audioDeviceState() const
{
    return file->getXmlValue ("audioDevice");
}

void AppSettings::setAudioDeviceState (const juce::XmlElement* state)
{
    if (state == nullptr)
        file->removeValue ("audioDevice");
    else
        file->setValue ("audioDevice", state);
    file->saveIfNeeded();
}
} // namespace crest
