#include "FloatRender.h"

#include <algorithm>
#include <cmath>

namespace crest::test
{
AudioData renderFloat (const SessionDocument& session, const TempFolder& dir, const FloatRender& how)
{
    MediaPool media (dir / "cache");
    RenderRequest request;
    request.output = dir / "mix.wav";
    request.replaceExisting = true;
    request.format = { Container::wav, SampleEncoding::float32 };
    request.blockFrames = how.block;
    request.threads = how.threads;
    request.builderOptions = how.options;
    renderSession (session, request, media);
    return readAudio (request.output);
}
double renderedPeakDb (const SessionDocument& session, const TempFolder& dir, bool wholeRender)
{
    const auto audio = renderFloat (session, dir);
    float peak = 0;
    for (size_t i = wholeRender ? 0 : audio.samples.size() / 2; i < audio.samples.size(); ++i)
        peak = std::max (peak, std::abs (audio.samples[i]));
    return 20.0 * std::log10 (peak);
}
} // namespace crest::test
