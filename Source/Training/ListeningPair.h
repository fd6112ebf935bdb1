// The two programmes of a listening test, ready to play: the same passage
// of each (at most ComparisonPlayer::maxSeconds), at the rate they will
// play at (a file at another rate converted, as a clip is), B aligned to A
// by GCC-PHAT (a master made elsewhere, or an encoder's delay, moves it)
// and matched to A's loudness (BS.1770 over the passage), so neither wins
// by being early or louder. Also the lossy copy a test can compare an
// original with. Off the audio thread and the message thread.
#pragma once

#include "ComparisonPlayer.h"
#include "IO/MediaPool.h"

#include <filesystem>
#include <string>

namespace crest
{
struct ListeningPair
{
    ComparisonPlayer::Programme a, b;   // b.gain holds the match
    double sampleRate = 48000;
    double matchGainDb = 0;             // B's gain to meet A's loudness
    int64_t offsetFrames = 0;           // how late B was against A, taken out
};

// Throws CrestError naming a file that cannot be read, is silent in the
// passage, or ends before it.
ListeningPair prepareListeningPair (const std::filesystem::path& a, const std::filesystem::path& b, double startSeconds, double seconds,
                                    double sampleRate, MediaPool& media);

// One programme's passage alone (ear training plays it flat and EQ'd), at
// `sampleRate`. Throws CrestError as prepareListeningPair does.
ComparisonPlayer::Programme preparePassage (const std::filesystem::path& file, double startSeconds, double seconds, double sampleRate,
                                            MediaPool& media);

// `source` encoded as MP3 at `kbps` (constant bitrate) into `folder`; the
// path of the encoded file, which reads back decoded.
std::filesystem::path lossyCopy (const std::filesystem::path& source, int kbps, const std::filesystem::path& folder);
} // namespace crest
