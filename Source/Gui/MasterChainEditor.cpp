#include "MasterChainEditor.h"

#include "Master/ModulePicture.h"

#include "Core/CrestError.h"
#include "Core/MasterModules.h"
#include "CrestLookAndFeel.h"
#include "Mastering/ChainPresets.h"
#include "ParameterText.h"

namespace crest
{
namespace
{
    const MasterModuleKind* kindOf (const juce::ValueTree& module) { return findMasterModuleKind (module[ids::kind].toString().toStdString()); }

    juce::StringArray wordsFor (std::string_view parameterId)
    {
        juce::StringArray words;
        if (parameterId.ends_with (".shape"))
            return filterShapeNames();
        for (const auto w : masterParameterWords (parameterId))
        {
            const auto word = juce::String (std::string (w));
            words.add (word.substring (0, 1).toUpperCase() + word.substring (1));
        }
        return words;
    }

    // "Band 3 gain" for an EQ or multiband band's field, the spec's own name otherwise.
    juce::String labelFor (const ParameterSpec& spec)
    {
        const auto id = juce::String (std::string (spec.id));
        const auto name = juce::String (std::string (spec.name));
        if (id.startsWith ("band") && id.containsChar ('.'))
        {
            const auto field = id.fromFirstOccurrenceOf (".", false, false);
            const auto what = field == "on" ? juce::String ("on") : field == "mode" ? juce::String ("mode") : name.toLowerCase();
            return "Band " + id.fromFirstOccurrenceOf ("band", false, false).upToFirstOccurrenceOf (".", false, false) + " " + what;
        }
        if (id.startsWith ("split"))
            return "Split " + id.fromFirstOccurrenceOf ("split", false, false).upToFirstOccurrenceOf ("Hz", false, false);
        return name;
    }
} // namespace

// One module in the list: its switch, its name (click to show its
// parameters), and buttons to move it up or down or remove it.
class MasterChainEditor::ModuleRow : public juce::Component
{
public:
    ModuleRow (MasterChainEditor& owner, int place) : editor (owner), index (place)
    {
        const auto module = editor.chain.module (index);
        const auto name = juce::String (std::string (kindOf (module)->name));
        enabled.setButtonText ({});
        enabled.setTitle (name + " on");
        enabled.setTooltip ("Switch " + name + " on or off (off passes the signal in time, cross-faded)");
        enabled.onClick = [this] {
            editor.model.beginGesture ("Master: switch module");
            editor.chain.setEnabled (editor.chain.module (index), enabled.getToggleState());
        };
        title.setButtonText (name);
        title.setTitle (name);
        title.setTooltip ("Show " + name + "'s controls");
        title.onClick = [this] { editor.select (index); };
        up.setTitle ("Move " + name + " earlier");
        up.onClick = [this] {
            editor.model.beginGesture ("Master: move module");
            editor.chain.move (index, index - 1);
            editor.selectedIndex = index - 1;
        };
        down.setTitle ("Move " + name + " later");
        down.onClick = [this] {
            editor.model.beginGesture ("Master: move module");
            editor.chain.move (index, index + 1);
            editor.selectedIndex = index + 1;
        };
        remove.setTitle ("Remove " + name);
        remove.onClick = [this] {
            editor.model.beginGesture ("Master: remove module");
            editor.chain.remove (index);
        };
        up.setEnabled (index > 0);
        down.setEnabled (index < editor.chain.size() - 1);
        for (auto* c : std::initializer_list<juce::Component*> { &enabled, &title, &up, &down, &remove })
            addAndMakeVisible (c);
        refresh();
    }

    void refresh()
    {
        enabled.setToggleState ((bool) editor.chain.module (index)[ids::enabled], juce::dontSendNotification);
        title.setToggleState (editor.selectedIndex == index, juce::dontSendNotification);
        title.setColour (juce::TextButton::buttonOnColourId, colours::accent.withAlpha (0.35f));
    }

    void resized() override
    {
        auto area = getLocalBounds().reduced (2);
        enabled.setBounds (area.removeFromLeft (26));
        remove.setBounds (area.removeFromRight (24));
        down.setBounds (area.removeFromRight (24));
        up.setBounds (area.removeFromRight (24));
        title.setBounds (area.reduced (2, 0));
    }

private:
    MasterChainEditor& editor;
    int index;
    juce::ToggleButton enabled;
    juce::TextButton title, up { juce::String::charToString (0x25b2) }, down { juce::String::charToString (0x25bc) },
        remove { juce::String::charToString (0x2715) };
};

MasterChainEditor::MasterChainEditor (SessionModel& m, SessionPlayer* p) : model (m), chain (m), player (p), session (m.state())
{
    addButton.setTooltip ("Add a module at the end of the chain");
    addButton.onClick = [this] { showAddMenu(); };
    presetButton.setTooltip ("Load one of Crest's chains or a preset file; save this chain as a preset");
    presetButton.onClick = [this] { showPresetMenu(); };
    addAndMakeVisible (addButton);
    addAndMakeVisible (presetButton);
    emptyLabel.setText ("The master chain is empty: the mix is the master.\nAdd a module, or load a preset.", juce::dontSendNotification);
    emptyLabel.setJustificationType (juce::Justification::centred);
    emptyLabel.setColour (juce::Label::textColourId, colours::textDim);
    addChildComponent (emptyLabel);
    moduleTitle.setFont (juce::Font (16.0f, juce::Font::bold));
    moduleTitle.setColour (juce::Label::textColourId, colours::accent);
    addAndMakeVisible (moduleTitle);
    parameterView.setViewedComponent (&parameterPanel, false);
    parameterView.setScrollBarsShown (true, false);
    addAndMakeVisible (parameterView);
    session.addListener (this);
    setSize (1120, 520);
    rebuild();
}

MasterChainEditor::~MasterChainEditor()
{
    session.removeListener (this);
}

void MasterChainEditor::rebuild()
{
    rows.clear();
    if (selectedIndex >= chain.size())
        selectedIndex = chain.size() - 1;
    if (selectedIndex < 0 && chain.size() > 0)
        selectedIndex = 0;
    for (int i = 0; i < chain.size(); ++i)
    {
        rows.push_back (std::make_unique<ModuleRow> (*this, i));
        addAndMakeVisible (*rows.back());
    }
    emptyLabel.setVisible (rows.empty());
    showParameters();
    resized();
}

void MasterChainEditor::select (int index)
{
    selectedIndex = index;
    for (auto& row : rows)
        row->refresh();
    showParameters();
    resized();
}

ParameterControl* MasterChainEditor::control (const juce::String& parameterId)
{
    for (auto& c : controls)
        if (juce::String (std::string (c->spec().id)) == parameterId)
            return c.get();
    return nullptr;
}

void MasterChainEditor::showParameters()
{
    controls.clear();
    modulePicture.reset();
    shownModule = selectedIndex >= 0 ? chain.module (selectedIndex) : juce::ValueTree();
    const auto* kind = shownModule.isValid() ? kindOf (shownModule) : nullptr;
    if (kind != nullptr)
        if ((modulePicture = makeModulePicture (model, shownModule, player)))
            addAndMakeVisible (*modulePicture);
    moduleTitle.setText (kind != nullptr ? juce::String (std::string (kind->name)) : juce::String(), juce::dontSendNotification);
    if (kind == nullptr)
        return;
    for (const auto& spec : kind->parameters)
    {
        const auto id = spec.id;
        auto control = std::make_unique<ParameterControl> (spec, labelFor (spec), wordsFor (id), [this, id] (double value, bool newGesture) {
            if (newGesture)
                model.beginGesture ("Master: " + juce::String (std::string (id)));
            chain.setValue (shownModule, id, value);
        });
        control->addTo (parameterPanel);
        controls.push_back (std::move (control));
    }
    refreshValues();
}

void MasterChainEditor::refreshValues()
{
    for (auto& c : controls)
        c->show (MasterChainModel::value (shownModule, c->spec().id));
}

void MasterChainEditor::valueTreePropertyChanged (juce::ValueTree& tree, const juce::Identifier&)
{
    if (! tree.hasType (ids::MODULE))
        return;
    if (tree == shownModule)
        refreshValues();
    for (auto& row : rows)
        row->refresh();
}

void MasterChainEditor::showAddMenu()
{
    juce::PopupMenu menu;
    int id = 1;
    for (const auto& kind : masterModuleKinds())
        menu.addItem (id++, juce::String (std::string (kind.name)));
    menu.showMenuAsync (juce::PopupMenu::Options().withTargetComponent (addButton), [this] (int chosen) {
        if (chosen <= 0)
            return;
        model.beginGesture ("Master: add module");
        chain.add (masterModuleKinds()[(size_t) (chosen - 1)].key);
        selectedIndex = chain.size() - 1;
    });
}

void MasterChainEditor::showPresetMenu()
{
    juce::PopupMenu menu;
    const auto presets = chainPresets();
    for (size_t i = 0; i < presets.size(); ++i)
        menu.addItem ((int) i + 1, juce::String (presets[i].preset.name), true, false);
    menu.addSeparator();
    const int loadFile = 1000, saveFile = 1001;
    menu.addItem (loadFile, "Load preset file...");
    menu.addItem (saveFile, "Save chain as preset...");
    menu.showMenuAsync (juce::PopupMenu::Options().withTargetComponent (presetButton), [this, presets, loadFile, saveFile] (int chosen) {
        if (chosen > 0 && chosen <= (int) presets.size())
        {
            chain.replace (presets[(size_t) (chosen - 1)].preset.chain, "Master: load " + juce::String (presets[(size_t) (chosen - 1)].preset.name));
            selectedIndex = 0;
        }
        else if (chosen == loadFile)
        {
            chooser = std::make_unique<juce::FileChooser> ("Load a master chain preset", juce::File(), "*.json");
            chooser->launchAsync (juce::FileBrowserComponent::openMode | juce::FileBrowserComponent::canSelectFiles, [this] (const juce::FileChooser& fc) {
                if (fc.getResult() == juce::File())
                    return;
                try
                {
                    const auto preset = loadChainPreset (fc.getResult().getFullPathName().toStdString());
                    chain.replace (preset.chain, "Master: load " + juce::String (preset.name));
                    selectedIndex = 0;
                }
                catch (const CrestError& e)
                {
                    juce::AlertWindow::showMessageBoxAsync (juce::MessageBoxIconType::WarningIcon, "Not loaded", e.what());
                }
            });
        }
        else if (chosen == saveFile)
        {
            chooser = std::make_unique<juce::FileChooser> ("Save the master chain as a preset", juce::File(), "*.json");
            chooser->launchAsync (juce::FileBrowserComponent::saveMode | juce::FileBrowserComponent::warnAboutOverwriting, [this] (const juce::FileChooser& fc) {
                const auto file = fc.getResult();
                if (file == juce::File())
                    return;
                try
                {
                    MasterChainPreset preset;
                    preset.name = file.getFileNameWithoutExtension().toStdString();
                    preset.chain = masterChainOf (chain.chain());
                    // The chooser has asked about replacing an existing file.
                    saveChainPreset (preset, file.getFullPathName().toStdString(), true);
                }
                catch (const CrestError& e)
                {
                    juce::AlertWindow::showMessageBoxAsync (juce::MessageBoxIconType::WarningIcon, "Not saved", e.what());
                }
            });
        }
    });
}

void MasterChainEditor::paint (juce::Graphics& g)
{
    g.fillAll (colours::background);
    g.setColour (colours::panel);
    g.fillRect (getLocalBounds().removeFromLeft (250));
}

void MasterChainEditor::resized()
{
    auto area = getLocalBounds();
    auto list = area.removeFromLeft (250).reduced (8);
    auto buttons = list.removeFromBottom (26);
    addButton.setBounds (buttons.removeFromLeft (buttons.getWidth() / 2).reduced (2, 0));
    presetButton.setBounds (buttons.reduced (2, 0));
    list.removeFromBottom (8);
    emptyLabel.setBounds (list);
    for (auto& row : rows)
        row->setBounds (list.removeFromTop (32));

    area.reduce (12, 8);
    moduleTitle.setBounds (area.removeFromTop (26));
    area.removeFromTop (4);
    if (modulePicture != nullptr)
    {
        modulePicture->setBounds (area.removeFromTop (std::max (120, area.getHeight() * 45 / 100)));
        area.removeFromTop (6);
    }
    parameterView.setBounds (area);
    // Bands are columns of their fields (EQ: 8 bands of 6; multiband: the
    // count and splits on a first row, then 5 bands of 7); the others flow in rows of four.
    const auto* kind = shownModule.isValid() ? kindOf (shownModule) : nullptr;
    const bool eq = kind != nullptr && (kind->key == "eq" || kind->key == "lpeq");
    const bool multiband = kind != nullptr && kind->key == "multiband";
    const int columns = eq ? 8 : multiband ? 5 : 4;
    const int cellWidth = (parameterView.getWidth() - parameterView.getScrollBarThickness()) / columns;
    const int cellHeight = 48;
    int rowsUsed = 0;
    for (size_t i = 0; i < controls.size(); ++i)
    {
        int column = (int) (i % (size_t) columns), row = (int) (i / (size_t) columns);
        if (eq)
        {
            column = (int) (i / 6);
            row = (int) (i % 6);
        }
        else if (multiband)
        {
            if (i < 5)
                row = 0, column = (int) i;
            else
                column = (int) ((i - 5) / 7), row = 1 + (int) ((i - 5) % 7);
        }
        rowsUsed = std::max (rowsUsed, row + 1);
        auto cell = juce::Rectangle<int> (column * cellWidth, row * cellHeight, cellWidth, cellHeight).reduced (4, 2);
        controls[i]->label.setBounds (cell.removeFromTop (16));
        controls[i]->widget().setBounds (cell.removeFromTop (26));
    }
    parameterPanel.setSize (parameterView.getWidth() - parameterView.getScrollBarThickness(), rowsUsed * cellHeight + 8);
}

MasterChainWindow::MasterChainWindow (SessionModel& model, SessionPlayer* player)
    : juce::DocumentWindow ("Master chain", colours::background, juce::DocumentWindow::closeButton)
{
    content = new MasterChainEditor (model, player);
    setContentOwned (content, true);
    setUsingNativeTitleBar (false);
    setResizable (true, false);
    centreWithSize (getWidth(), getHeight());
}
} // namespace crest
