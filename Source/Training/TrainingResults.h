// A listening test's results, for a teacher: JSON (everything: who, what
// was compared, the seed, every trial, the score and its p-value) and CSV
// (one row per trial, with the listener and the test on each, so a class's
// files concatenate into one table). Saved atomically, side by side.
// JUCE-free; message thread or any worker.
#pragma once

#include "AbxTest.h"
#include "EqEarTrainer.h"

#include <filesystem>
#include <string>

namespace crest
{
struct ListeningTestInfo
{
    std::string listener;
    std::string comparison;          // "Mix / master", "Original / MP3 128 kbps", "EQ ear training"
    std::string labelA, labelB;      // ABX only
    std::string fileA, fileB;        // what was played (the programme, for ear training)
    double matchGainDb = 0;          // applied to B to meet A's loudness
    std::string dateUtc;             // ISO 8601
};

std::string abxResultsJson (const AbxTest& test, const ListeningTestInfo& info);
std::string abxResultsCsv (const AbxTest& test, const ListeningTestInfo& info);
std::string earTrainingJson (const EqEarTrainer& trainer, const ListeningTestInfo& info);
std::string earTrainingCsv (const EqEarTrainer& trainer, const ListeningTestInfo& info);

// Writes `<base>.json` and `<base>.csv`; throws CrestError naming the file.
void saveTrainingResults (const std::filesystem::path& base, const std::string& json, const std::string& csv);
} // namespace crest
