#include "FloatRender.h"

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
} // namespace crest::test
