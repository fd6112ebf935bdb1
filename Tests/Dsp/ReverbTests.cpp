// The reverb: RT60 at 1 kHz by Schroeder backward integration of the
// impulse response, within 10 % of the setting from 0.3 s to 8 s; the
// tail ends in exact zeros and the network then idles; width 0 is mono.
#include "Analysis/DecayTime.h"
#include "Dsp/Reverb.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <vector>

using namespace crest;

namespace
{
constexpr double rate = 48000;

std::unique_ptr<Reverb> makeReverb (double rt60)
{
    auto r = std::make_unique<Reverb>();
    r->setParameter (Reverb::decaySeconds, rt60);
    r->setParameter (Reverb::preDelayMs, 0);
    r->setParameter (Reverb::mix, 100);
    r->prepare ({ rate, 4096, 2 });
    return r;
}

std::vector<float> impulseResponse (Reverb& r, double seconds)
{
    const auto frames = (size_t) (seconds * rate);
    std::vector<float> left (frames, 0.0f), right (frames, 0.0f);
    left[0] = right[0] = 1.0f;
    for (size_t done = 0; done < frames; done += 4096)
    {
        float* channels[] = { left.data() + done, right.data() + done };
        r.process ({ channels, 2, (int) std::min<size_t> (4096, frames - done) });
    }
    return left;
}

} // namespace

TEST_CASE ("the reverb's RT60 at 1 kHz is its setting within 10 %", "[dsp][reverb]")
{
    for (const double rt60 : { 0.3, 0.7, 1.5, 3.0, 8.0 })
    {
        auto r = makeReverb (rt60);
        const double measured = decayTimeT20 (impulseResponse (*r, std::max (2.0, rt60 * 0.7)), rate).value_or (0.0);
        INFO ("set " << rt60 << " s, measured " << measured << " s");
        CHECK (measured == Approx (rt60).epsilon (0.10));
    }
}

TEST_CASE ("a reverb tail ends in exact zeros, and then the reverb idles", "[dsp][reverb]")
{
    auto r = makeReverb (0.8);
    const auto ir = impulseResponse (*r, 5.0);
    // -200 dBFS at 60 dB per 0.8 s is reached by about 2.7 s.
    size_t lastNonZero = 0;
    for (size_t i = 0; i < ir.size(); ++i)
        if (ir[i] != 0.0f)
            lastNonZero = i;
    CHECK ((double) lastNonZero / rate < 3.5);
    CHECK (r->isSilent());
}

TEST_CASE ("reverb width 0 is mono, mix 0 is the dry signal", "[dsp][reverb]")
{
    auto r = makeReverb (1.0);
    r->setParameter (Reverb::width, 0);
    std::vector<float> left (9600, 0.0f), right (9600, 0.0f);
    left[0] = 1.0f;
    float* channels[] = { left.data(), right.data() };
    r->process ({ channels, 2, 9600 });
    CHECK (left == right);

    auto dry = makeReverb (1.0);
    dry->setParameter (Reverb::mix, 0);
    std::vector<float> a (4800, 0.25f), b (4800, -0.25f);
    float* io[] = { a.data(), b.data() };
    dry->process ({ io, 2, 4800 });
    CHECK (a == std::vector<float> (4800, 0.25f));
    CHECK (b == std::vector<float> (4800, -0.25f));
}
