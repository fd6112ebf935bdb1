#include "SessionPlayer.h"

#include "Core/CrestError.h"
#include "Dsp/MultibandCompressor.h"
#include "Dsp/TruePeakLimiter.h"
#include "MasterModuleFactory.h"
#include "Session/MasterChainModel.h"

#include <algorithm>
#include <cmath>

namespace crest
{
namespace
{
    // Live playback streams the reference tracks for the monitor.
    PlanBuilder::Options withReferences (PlanBuilder::Options options)
    {
        options.withReferences = true;
        return options;
    }
} // namespace

SessionPlayer::SessionPlayer (SessionModel& sessionModel, MediaPool& media, PlanBuilder::Options options, EngineOptions engineOptions)
    : model (sessionModel),
      builder (media, withReferences (std::move (options))),
      liveLoudness (sessionModel.sampleRate()),
      audioEngine (diskStreamer, std::move (engineOptions))
{
    audioEngine.setMeterTap (&liveLoudness.tap());
    model.state().addListener (this);
    rebuild();
    diskStreamer.startFollowing (audioEngine.transport());
}

SessionPlayer::~SessionPlayer()
{
    closeAudioDevice();
    diskStreamer.stopFollowing();
    model.state().removeListener (this);
}

juce::String SessionPlayer::openAudioDevice (const juce::String& deviceType, const juce::XmlElement* savedState)
{
    closeAudioDevice();
    underrunBlocksAtOpen = audioEngine.underrunBlocks();
    if (deviceType.isNotEmpty())
        devices.setCurrentAudioDeviceType (deviceType, false);
    juce::AudioDeviceManager::AudioDeviceSetup setup;
    setup.sampleRate = model.sampleRate();
    auto error = devices.initialise (0, 2, deviceType.isEmpty() ? savedState : nullptr, true, {}, &setup);
    if (error.isEmpty() && devices.getCurrentAudioDevice() != nullptr && devices.getAudioDeviceSetup().sampleRate != model.sampleRate())
    {
        auto current = devices.getAudioDeviceSetup();
        current.sampleRate = model.sampleRate();
        error = devices.setAudioDeviceSetup (current, true);
    }
    if (error.isNotEmpty() || devices.getCurrentAudioDevice() == nullptr)
    {
        lastDeviceProblem = "No audio output: " + (error.isNotEmpty() ? error : juce::String ("no device found"))
                            + ". Crest still edits and renders.";
        return lastDeviceProblem;
    }
    lastDeviceProblem = {};
    devices.addAudioCallback (this);
    return {};
}

void SessionPlayer::closeAudioDevice()
{
    devices.removeAudioCallback (this);
    devices.closeAudioDevice();
}

bool SessionPlayer::hasAudioDevice() const
{
    return devices.getCurrentAudioDevice() != nullptr;
}

juce::String SessionPlayer::deviceDescription() const
{
    if (auto* device = devices.getCurrentAudioDevice())
        return device->getTypeName() + ": " + device->getName() + ", " + juce::String (device->getCurrentSampleRate(), 0) + " Hz, "
               + juce::String (device->getCurrentBufferSizeSamples()) + " samples";
    return "No audio device";
}

void SessionPlayer::play()
{
    // The streamer thread loads the audio under the playhead, then starts
    // the transport: playback opens cleanly and this thread never waits
    // for the disk.
    diskStreamer.startWhenReady();
    if (onTransportChange)
        onTransportChange (true, position());
}

void SessionPlayer::stop()
{
    diskStreamer.cancelStart();
    if (onTransportChange)
        onTransportChange (false, position());
}

void SessionPlayer::setLoopRange (int64_t start, int64_t end)
{
    loopFrom = std::max<int64_t> (0, std::min (start, end));
    loopTo = std::max<int64_t> (0, std::max (start, end));
    audioEngine.transport().setLoop (loopFrom, loopTo, looping);
    diskStreamer.wake();
}

void SessionPlayer::setLooping (bool shouldLoop)
{
    looping = shouldLoop;
    audioEngine.transport().setLoop (loopFrom, loopTo, looping);
    diskStreamer.wake();
}

double SessionPlayer::dspLoad() const
{
    return devices.getCurrentAudioDevice() != nullptr ? devices.getCpuUsage() : 0.0;
}

int64_t SessionPlayer::dropouts() const
{
    int64_t count = (int64_t) (audioEngine.underrunBlocks() - underrunBlocksAtOpen);
    if (auto* device = devices.getCurrentAudioDevice())
        count += std::max (0, device->getXRunCount());
    return count;
}

void SessionPlayer::returnToStart()
{
    seek (0);
}

void SessionPlayer::seek (int64_t sample)
{
    auto& transport = audioEngine.transport();
    transport.requestSeek (sample);
    if (! hasAudioDevice())
        transport.position = sample;   // nobody else will take the request
    diskStreamer.wake();
}

bool SessionPlayer::isPlaying() const noexcept
{
    return audioEngine.transport().playing.load() || diskStreamer.startPending();
}

int64_t SessionPlayer::position() const noexcept
{
    const auto& transport = audioEngine.transport();
    const auto pending = transport.seekRequest.load();
    return pending >= 0 ? pending : transport.position.load();
}

void SessionPlayer::rebuild()
{
    std::unique_ptr<RenderPlan> plan;
    try
    {
        plan = builder.build (model.toDocument());
        routingProblem.clear();
    }
    catch (const CrestError& e)
    {
        // The model refuses routing that loops, so this is a session that
        // came in broken: keep playing the last good plan and say why.
        routingProblem = e.what();
        return;
    }
    planReferences.clear();
    for (const auto& r : plan->references)
        planReferences.push_back (r.id);
    diskStreamer.setPlacements (builder.placements());
    audioEngine.plans().publish (std::move (plan));
    monitorReference (selectedReference);
    // Slots follow the plan's order: each takes its own reference's match
    // now, never the one that sat there before.
    for (size_t r = 0; r < planReferences.size(); ++r)
        audioEngine.monitor().setReferenceMatchDb ((int) r, (float) referenceMatchDb (planReferences[r]).value_or (0.0));
    diskStreamer.wake();
    if (model.sampleRate() != lastLoudnessRate)
        restartLoudness();
}

void SessionPlayer::monitorReference (const std::string& id)
{
    selectedReference = id;
    builder.hearReferenceFirst (id);
    // A full plan may not stream the one chosen: a new plan brings it in
    // (rebuild() chooses it again; the guard keeps that from going round).
    if (! id.empty() && ! bringingReferenceIn && (int) planReferences.size() == MonitorPath::maxReferences
        && std::find (planReferences.begin(), planReferences.end(), id) == planReferences.end())
    {
        bringingReferenceIn = true;
        rebuild();
        bringingReferenceIn = false;
        return;
    }
    const auto at = std::find (planReferences.begin(), planReferences.end(), id);
    audioEngine.monitor().setReference (at != planReferences.end() ? (int) (at - planReferences.begin()) : -1);
}

void SessionPlayer::setReferenceLoudness (const std::string& id, double lufs)
{
    if (std::isfinite (lufs))
        referenceLoudness[id] = lufs;
    else
        referenceLoudness.erase (id);   // not measured (yet): no match
}

std::optional<double> SessionPlayer::referenceMatchDb (const std::string& id) const
{
    // The level the mix is heard at, and the matched master with it: the
    // mix's integrated loudness once it has one, its short-term before.
    const auto& mix = liveLoudness.mix();
    const double heard = std::isfinite (mix.integratedLufs) ? mix.integratedLufs : mix.shortTermLufs;
    const auto found = referenceLoudness.find (id);
    if (found == referenceLoudness.end() || ! std::isfinite (heard) || ! std::isfinite (found->second))
        return std::nullopt;
    return heard - found->second;
}

void SessionPlayer::updateMeters()
{
    liveLoudness.update();
    if (const auto match = liveLoudness.matchGainDb())
        audioEngine.monitor().setMatchGainDb ((float) *match);
    for (size_t r = 0; r < planReferences.size(); ++r)
        if (const auto match = referenceMatchDb (planReferences[r]))
            audioEngine.monitor().setReferenceMatchDb ((int) r, (float) *match);
    for (const auto& channel : model.state())
        if (channel.hasType (ids::TRACK) || channel.hasType (ids::BUS))
        {
            const auto id = channel[ids::id].toString();
            if (auto runtime = runtimeFor (id))
                reductions[id] = { runtime->strip.compressor().takeGainReductionDb(), runtime->strip.gate().takeGainReductionDb() };
        }
    masterReductions.clear();
    if (auto chain = master())
        for (const auto& ref : chain->slots())
        {
            auto& processor = ref.slot->processor();
            std::vector<float> taken;
            if (auto* limiter = dynamic_cast<TruePeakLimiter*> (&processor))
                taken.push_back (limiter->takeGainReductionDb());
            else if (auto* multiband = dynamic_cast<MultibandCompressor*> (&processor))
                for (int b = 0, count = (int) std::lround (multiband->parameter (MultibandCompressor::bandsIndex)); b < count; ++b)
                    taken.push_back (multiband->takeGainReductionDb (b));
            if (! taken.empty())
                masterReductions[juce::String (ref.id)] = std::move (taken);
        }
}

float SessionPlayer::gainReductionDb (const juce::String& channelId, StripModule module) const
{
    const auto found = reductions.find (channelId);
    if (found == reductions.end())
        return 0.0f;
    return module == StripModule::gate ? found->second.gate : found->second.compressor;
}

std::vector<float> SessionPlayer::masterReductionDb (const juce::String& moduleId) const
{
    const auto found = masterReductions.find (moduleId);
    return found == masterReductions.end() ? std::vector<float>() : found->second;
}

void SessionPlayer::restartLoudness()
{
    lastLoudnessRate = model.sampleRate();
    liveLoudness.restart (lastLoudnessRate);
    audioEngine.monitor().setMatchGainDb (0.0f);
}

void SessionPlayer::collectGarbage()
{
    audioEngine.plans().collectGarbage();
}

std::vector<std::string> SessionPlayer::mediaProblems() const
{
    auto problems = builder.problems();
    for (const auto& placement : builder.placements())
        if (placement.stream->failed())
            if (std::find (problems.begin(), problems.end(), placement.stream->problem()) == problems.end())
                problems.push_back (placement.stream->problem());
    return problems;
}

std::vector<std::string> SessionPlayer::playbackWarnings()
{
    for (auto& w : diskStreamer.takeWarnings())
        if (std::find (streamWarnings.begin(), streamWarnings.end(), w) == streamWarnings.end())
            streamWarnings.push_back (std::move (w));
    auto warnings = builder.warnings();
    if (! routingProblem.empty())
        warnings.push_back (routingProblem);
    warnings.insert (warnings.end(), streamWarnings.begin(), streamWarnings.end());
    for (auto& w : builder.nonFiniteReports())
        warnings.push_back (std::move (w));
    return warnings;
}

std::shared_ptr<ChannelRuntime> SessionPlayer::runtimeFor (const juce::String& channelId) const
{
    return builder.runtimeFor (channelId.toStdString());
}

void SessionPlayer::rebuildUnlessLoading()
{
    if (! model.isLoading())
        rebuild();
}

void SessionPlayer::valueTreePropertyChanged (juce::ValueTree& tree, const juce::Identifier& property)
{
    if (model.isLoading())
        return;
    if (tree.hasType (ids::TRACK) || tree.hasType (ids::BUS))
    {
        if (auto runtime = runtimeFor (tree[ids::id]))
        {
            auto& c = runtime->controls;
            if (property == ids::faderDb) { c.faderDb = (float) (double) tree[property]; return; }
            if (property == ids::trimDb) { c.trimDb = (float) (double) tree[property]; return; }
            if (property == ids::pan) { c.pan = (float) (double) tree[property]; return; }
            if (property == ids::mute) { c.mute = (bool) tree[property]; return; }
            if (property == ids::solo) { c.solo = (bool) tree[property]; return; }
            if (property == ids::name || property == ids::colour) return;
            if (property == ids::soloSafe) { c.soloSafe = (bool) tree[property]; return; }
            // A send's move; a send added or removed needs a rebuild.
            if (const auto send = parseSendProperty (property); send && tree.hasProperty (property))
                if (auto sendRuntime = builder.sendFor (tree[ids::id].toString().toStdString(), send->bus.toStdString()))
                {
                    const auto& value = tree[property];
                    switch (send->field)
                    {
                        case SendField::levelDb: sendRuntime->levelDb = (float) (double) value; break;
                        case SendField::pan: sendRuntime->pan = (float) (double) value; break;
                        case SendField::preFader: sendRuntime->preFader = (bool) value; break;
                    }
                    return;
                }
            if (const auto* parameter = findStripParameter (stripKeyOf (property)))
            {
                // An undo can remove the property: then it is the default again.
                runtime->strip.apply (*parameter, SessionModel::stripValue (tree, parameter->key));
                return;
            }
        }
    }
    if (tree.hasType (ids::MODULE))
    {
        // A master module's value or switch goes straight to the running
        // module; its kind or id changing is a new module.
        if (auto slot = builder.masterModule (tree[ids::id].toString().toStdString()))
        {
            if (property == ids::enabled)
            {
                slot->enabled = (bool) tree[property];
                return;
            }
            if (const auto parameter = masterParameterOf (property); ! parameter.empty())
            {
                applyMasterValue (*slot, parameter, MasterChainModel::value (tree, parameter));
                return;
            }
        }
    }
    if (tree.hasType (ids::SESSION) && property == ids::mixBusFaderDb)
    {
        if (auto bus = builder.mixBus())
            bus->faderDb = (float) (double) tree[property];
        return;
    }
    if (tree.hasType (ids::SESSION))
        if (const auto* parameter = findStripParameter (stripKeyOf (property)))
        {
            if (auto bus = builder.mixBus())
                bus->strip.apply (*parameter, SessionModel::stripValue (tree, parameter->key));
            return;
        }
    rebuild();
}

void SessionPlayer::valueTreeChildAdded (juce::ValueTree&, juce::ValueTree&) { rebuildUnlessLoading(); }
void SessionPlayer::valueTreeChildRemoved (juce::ValueTree&, juce::ValueTree&, int) { rebuildUnlessLoading(); }
void SessionPlayer::valueTreeChildOrderChanged (juce::ValueTree&, int, int) { rebuildUnlessLoading(); }
void SessionPlayer::valueTreeRedirected (juce::ValueTree&) { rebuild(); }

void SessionPlayer::audioDeviceIOCallbackWithContext (const float* const*, int, float* const* outputs, int numOutputs,
                                                      int numSamples, const juce::AudioIODeviceCallbackContext&)
{
    audioEngine.process (outputs, numOutputs, numSamples);
}

void SessionPlayer::audioDeviceAboutToStart (juce::AudioIODevice* device)
{
    deviceRate = device != nullptr ? device->getCurrentSampleRate() : 0.0;
}

void SessionPlayer::audioDeviceStopped()
{
    deviceRate = 0.0;
}

juce::String SessionPlayer::deviceProblem() const
{
    if (lastDeviceProblem.isNotEmpty())
        return lastDeviceProblem;
    const double rate = deviceRate.load();
    if (hasAudioDevice() && rate > 0 && rate != model.sampleRate())
        return "The audio device runs at " + juce::String (rate, 0) + " Hz but the session is " + juce::String (model.sampleRate(), 0)
               + " Hz: playback is off-pitch. Renders are unaffected.";
    return {};
}
} // namespace crest
