#include "ModulePicture.h"

#include "LimiterView.h"
#include "MultibandView.h"
#include "SaturationCurveView.h"
#include "WidthView.h"

#include "Gui/Mixer/EqCurveView.h"
#include "Session/MasterChainModel.h"

namespace crest
{
ModulePicture::ModulePicture (juce::ValueTree m, SessionPlayer* p) : module (std::move (m)), player (p)
{
    module.addListener (this);
    startTimerHz (30);
}

ModulePicture::~ModulePicture()
{
    module.removeListener (this);
}

double ModulePicture::value (std::string_view parameterId) const
{
    return MasterChainModel::value (module, parameterId);
}

void ModulePicture::timerCallback()
{
    if (! isShowing())
        return;
    tick();
    repaint();
}

void ModulePicture::valueTreePropertyChanged (juce::ValueTree& tree, const juce::Identifier&)
{
    if (tree == module)
        repaint();
}

std::unique_ptr<juce::Component> makeModulePicture (SessionModel& model, juce::ValueTree module, SessionPlayer* player)
{
    const auto kind = module[ids::kind].toString();
    if (kind == "eq" || kind == "lpeq")
        return std::make_unique<EqCurveView> (masterEqBands (model, module, player));
    if (kind == "multiband")
        return std::make_unique<MultibandView> (module, player);
    if (kind == "saturation")
        return std::make_unique<SaturationCurveView> (module);
    if (kind == "width")
        return std::make_unique<WidthView> (module, player);
    if (kind == "limiter")
        return std::make_unique<LimiterView> (module, player);
    return nullptr;
}
} // namespace crest
