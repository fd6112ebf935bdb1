// A channel's analysis tap, for the EQ editor's spectrum: silent (nothing
// pushed) until an editor listens, then the signal after the strip summed
// to mono, sample for sample.
#include "Engine/ChannelRuntime.h"

#include <catch2/catch.hpp>

using namespace crest;

TEST_CASE ("analysis tap: pushes the strip's output as mono only while listened to", "[engine][analysis]")
{
    ChannelRuntime runtime (2, 48000, 256, {});
    auto fill = [&] {
        for (int i = 0; i < 256; ++i)
        {
            runtime.input()[0][i] = 0.5f;
            runtime.input()[1][i] = (float) i / 256.0f;
        }
    };
    fill();
    runtime.process (256, PanLaw::minus3Db, true, nullptr);
    CHECK (runtime.analysis.available() == 0);

    runtime.analysing = true;
    fill();
    runtime.process (256, PanLaw::minus3Db, true, nullptr);
    REQUIRE (runtime.analysis.available() == 256);
    std::vector<float> tapped (256);
    runtime.analysis.pop (tapped.data(), tapped.size());
    for (int i = 0; i < 256; ++i)
        CHECK (tapped[(size_t) i] == Approx (0.5f * (0.5f + (float) i / 256.0f)));
}
