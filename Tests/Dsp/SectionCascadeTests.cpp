// The section cascade against a plain per-sample, per-channel evaluation
// of the same sections in double precision: equal to the bit, in one call
// or cut into pieces, still or ramping between equal coefficients.
#include "Dsp/SectionCascade.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

using namespace crest;

namespace
{
std::vector<BiquadCoefficients> someSections (int count)
{
    std::vector<BiquadCoefficients> sections;
    for (int k = 0; k < count; ++k)
        sections.push_back (designBand ({ k % 2 == 0 ? FilterShape::bell : FilterShape::highShelf, 200.0 * (k + 1), 1.5, k % 3 - 1.0 }, 48000)
                                .sections[0]);
    return sections;
}

// The reference: each channel alone, sample by sample, double between sections.
std::vector<float> reference (std::vector<float> audio, const std::vector<BiquadCoefficients>& sections)
{
    std::vector<double> s1 (sections.size()), s2 (sections.size());
    for (auto& sample : audio)
    {
        double x = sample;
        for (size_t k = 0; k < sections.size(); ++k)
        {
            const auto& c = sections[k];
            const double y = c.b0 * x + s1[k];
            s1[k] = c.b1 * x - c.a1 * y + s2[k];
            s2[k] = c.b2 * x - c.a2 * y;
            x = y;
        }
        sample = (float) x;
    }
    return audio;
}
} // namespace

TEST_CASE ("a section cascade computes what each channel alone would, however the block is cut", "[dsp][eq]")
{
    std::minstd_rand random (5);
    std::uniform_real_distribution<float> noise (-1.0f, 1.0f);
    std::vector<float> left (1000), right (1000);
    for (size_t i = 0; i < left.size(); ++i)
    {
        left[i] = noise (random);
        right[i] = 0.5f * noise (random);
    }
    for (const int count : { 1, 2, 6, 16 })
        for (const bool moving : { false, true })
            for (const int piece : { 1000, 64, 7 })
            {
                INFO (count << " sections, " << (moving ? "ramping" : "still") << ", pieces of " << piece);
                const auto coefficients = someSections (count);
                std::vector<std::array<BiquadState, 2>> states ((size_t) count);
                std::vector<CascadeSection> sections;
                for (size_t k = 0; k < coefficients.size(); ++k)
                    sections.push_back ({ &coefficients[k], &coefficients[k], &states[k] });
                auto l = left, r = right;
                for (int done = 0; done < (int) l.size(); done += piece)
                {
                    const int n = std::min (piece, (int) l.size() - done);
                    processCascade (l.data() + done, r.data() + done, n, sections.data(), count, moving, done % 64, 64);
                }
                CHECK (l == reference (left, coefficients));
                CHECK (r == reference (right, coefficients));
            }
}

TEST_CASE ("a mono cascade leaves no right channel to write", "[dsp][eq]")
{
    const auto coefficients = someSections (3);
    std::vector<std::array<BiquadState, 2>> states (3);
    std::vector<CascadeSection> sections;
    for (size_t k = 0; k < 3; ++k)
        sections.push_back ({ &coefficients[k], &coefficients[k], &states[k] });
    std::vector<float> mono (256, 0.0f);
    mono[0] = 1.0f;
    const auto expected = reference (mono, coefficients);
    processCascade (mono.data(), nullptr, 256, sections.data(), 3, false, 0, 64);
    CHECK (mono == expected);
}
