// The parameters of every processing module, declared once: ranges,
// defaults and units. The DSP modules hold their values in this order,
// the session file stores them by these ids, and the GUI builds its
// controls from them, so all agree. Header-only tables; JUCE-free.
#pragma once

#include "ParameterSpec.h"

#include <span>
#include <string>

namespace crest::moduleSpecs
{
inline constexpr ParameterSpec passFilter[] = {
    { "highPassOn", "High-pass", "", 0, 1, 0 },
    { "highPassHz", "High-pass frequency", "Hz", 10, 20000, 80 },
    { "highPassSlope", "High-pass slope", "dB/oct", 12, 48, 24 },
    { "lowPassOn", "Low-pass", "", 0, 1, 0 },
    { "lowPassHz", "Low-pass frequency", "Hz", 20, 22000, 18000 },
    { "lowPassSlope", "Low-pass slope", "dB/oct", 12, 48, 24 },
};

inline constexpr ParameterSpec gate[] = {
    { "thresholdDb", "Threshold", "dB", -80, 0, -40 },
    { "rangeDb", "Range", "dB", 0, 90, 40 },
    { "ratio", "Ratio", ":1", 1, 100, 100 },
    { "attackMs", "Attack", "ms", 0.05, 50, 0.5 },
    { "holdMs", "Hold", "ms", 0, 500, 20 },
    { "releaseMs", "Release", "ms", 5, 2000, 100 },
    { "hysteresisDb", "Hysteresis", "dB", 0, 12, 3 },
};

inline constexpr ParameterSpec compressor[] = {
    { "thresholdDb", "Threshold", "dB", -60, 0, -18 },
    { "ratio", "Ratio", ":1", 1, 50, 4 },
    { "kneeDb", "Knee", "dB", 0, 24, 6 },
    { "attackMs", "Attack", "ms", 0.05, 250, 10 },
    { "releaseMs", "Release", "ms", 5, 2500, 120 },
    { "makeupDb", "Makeup", "dB", -12, 24, 0 },
    { "autoMakeup", "Auto makeup", "", 0, 1, 0 },
    { "rmsDetection", "RMS detection", "", 0, 1, 0 },
    { "sidechainHighPassHz", "Sidechain high-pass", "Hz", 0, 500, 0 },
    { "stereoLink", "Stereo link", "%", 0, 100, 100 },
    { "mix", "Mix", "%", 0, 100, 100 },
};

// The master's true-peak limiter. Its lookahead is fixed (TruePeakLimiter),
// so its latency never changes while it plays.
inline constexpr ParameterSpec truePeakLimiter[] = {
    { "inputGainDb", "Input gain", "dB", -12, 24, 0 },
    { "ceilingDb", "Ceiling", "dBTP", -12, 0, -1 },
    { "releaseMs", "Release", "ms", 1, 1000, 60 },
    { "autoRelease", "Program-dependent release", "", 0, 1, 1 },
};

// The master's multiband compressor: a band count, four splits, then for
// each of five bands these seven, flattened band by band ("band1.thresholdDb",
// ...). Bands past the count are ignored.
inline constexpr int multibandMaxBands = 5;
inline constexpr int multibandFieldsPerBand = 7;
std::span<const ParameterSpec> multibandCompressor();

// The master's stereo width: side level, and the side taken out below a
// frequency (bass in mono, as a vinyl cut needs; 0 Hz is off).
inline constexpr ParameterSpec stereoWidth[] = {
    { "widthPercent", "Width", "%", 0, 200, 100 },
    { "monoBelowHz", "Mono below", "Hz", 0, 500, 0 },
};

// The master's saturation: curve 0 tape (symmetric, odd harmonics), 1 tube
// (asymmetric, even harmonics too).
inline constexpr ParameterSpec saturation[] = {
    { "curve", "Curve", "", 0, 1, 0 },
    { "driveDb", "Drive", "dB", 0, 24, 6 },
    { "mix", "Mix", "%", 0, 100, 100 },
    { "outputDb", "Output", "dB", -24, 6, 0 },
};

// The parametric EQ: eight bands of these five, flattened band by band
// ("band1.on", "band1.shape", ...). Shapes are FilterShape's values.
inline constexpr int eqBands = 8;
inline constexpr int eqFieldsPerBand = 5;
std::span<const ParameterSpec> parametricEq();

// The master EQ: the parametric EQ's eight bands, each with a sixth field,
// "bandN.mode": 0 stereo (both channels), 1 mid, 2 side.
inline constexpr int masterEqFieldsPerBand = eqFieldsPerBand + 1;
std::span<const ParameterSpec> masterEq();

inline constexpr ParameterSpec reverb[] = {
    { "preDelayMs", "Pre-delay", "ms", 0, 200, 20 },
    { "decaySeconds", "Decay (RT60)", "s", 0.2, 10, 2.0 },
    { "size", "Size", "%", 30, 200, 100 },
    { "damping", "HF damping", "%", 0, 100, 40 },
    { "earlyLevel", "Early reflections", "%", 0, 100, 50 },
    { "width", "Width", "%", 0, 100, 100 },
    { "mix", "Mix", "%", 0, 100, 100 },
};

inline constexpr double delayMaxTimeMs = 4000.0;
inline constexpr ParameterSpec delay[] = {
    { "timeMs", "Time", "ms", 1, delayMaxTimeMs, 375 },
    { "noteValue", "Note", "", 0, 15, 0, true },
    { "tempoBpm", "Tempo", "BPM", 20, 300, 120 },
    { "feedback", "Feedback", "%", 0, 95, 35 },
    { "highPassHz", "Feedback high-pass", "Hz", 0, 2000, 0 },
    { "lowPassHz", "Feedback low-pass", "Hz", 0, 20000, 0 },
    { "pingPong", "Ping-pong", "", 0, 1, 0 },
    { "mix", "Mix", "%", 0, 100, 100 },
};

// The delay's note values by index: 0 is off (the time in ms rules),
// 1-5 whole to sixteenth, 6-10 the same dotted, 11-15 as triplets.
std::string delayNoteName (int index);

inline constexpr ParameterSpec chorus[] = {
    { "rateHz", "Rate", "Hz", 0.05, 5, 0.8 },
    { "depthMs", "Depth", "ms", 0, 10, 2.5 },
    { "delayMs", "Delay", "ms", 5, 30, 12 },
    { "voices", "Voices", "", 1, 4, 2, true },
    { "feedback", "Feedback", "%", 0, 80, 0 },
    { "width", "Width", "%", 0, 100, 100 },
    { "mix", "Mix", "%", 0, 100, 50 },
};
} // namespace crest::moduleSpecs
