#include "TrainingResults.h"

#include "IO/AtomicTextFile.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace crest
{
namespace
{
    const char* letter (AbxChoice c) { return c == AbxChoice::a ? "A" : "B"; }

    // A CSV field, quoted when it holds a separator, a quote or a line break.
    std::string field (const std::string& text)
    {
        if (text.find_first_of (",\"\n\r") == std::string::npos)
            return text;
        std::string quoted = "\"";
        for (const char c : text)
            quoted += c == '"' ? std::string ("\"\"") : std::string (1, c);
        return quoted + "\"";
    }

    std::string fixed (double v, int decimals)
    {
        char text[64];
        std::snprintf (text, sizeof (text), "%.*f", decimals, v);
        return text;
    }

    // p-values go down to 1e-300; six significant digits say all of it.
    std::string significant (double v)
    {
        char text[64];
        std::snprintf (text, sizeof (text), "%.6g", v);
        return text;
    }

    nlohmann::ordered_json header (const ListeningTestInfo& info, const char* kind)
    {
        nlohmann::ordered_json j;
        j["format"] = "crest-listening-test";
        j["version"] = 1;
        j["kind"] = kind;
        j["listener"] = info.listener;
        j["comparison"] = info.comparison;
        j["date"] = info.dateUtc;
        return j;
    }
} // namespace

std::string abxResultsJson (const AbxTest& test, const ListeningTestInfo& info)
{
    auto j = header (info, "abx");
    j["a"] = { { "label", info.labelA }, { "file", info.fileA } };
    j["b"] = { { "label", info.labelB }, { "file", info.fileB }, { "loudnessMatchDb", std::round (info.matchGainDb * 100) / 100 } };
    j["seed"] = test.seed();
    j["trials"] = nlohmann::ordered_json::array();
    for (size_t i = 0; i < test.trials().size(); ++i)
    {
        const auto& t = test.trials()[i];
        nlohmann::ordered_json row { { "trial", i + 1 }, { "x", letter (t.hidden) } };
        row["answer"] = t.answer ? nlohmann::ordered_json (letter (*t.answer)) : nlohmann::ordered_json();
        row["correct"] = t.correct();
        row["seconds"] = std::round (t.seconds * 10) / 10;
        row["switches"] = t.switches;
        j["trials"].push_back (row);
    }
    j["answered"] = test.answered();
    j["correct"] = test.correct();
    j["pValue"] = std::stod (significant (test.pValue()));
    return j.dump (2) + "\n";
}

std::string abxResultsCsv (const AbxTest& test, const ListeningTestInfo& info)
{
    std::string csv = "listener,comparison,date,seed,trial,x,answer,correct,seconds,switches\n";
    for (size_t i = 0; i < test.trials().size(); ++i)
    {
        const auto& t = test.trials()[i];
        csv += field (info.listener) + "," + field (info.comparison) + "," + info.dateUtc + "," + std::to_string (test.seed()) + ","
               + std::to_string (i + 1) + "," + letter (t.hidden) + "," + (t.answer ? letter (*t.answer) : "") + ","
               + (t.answer ? (t.correct() ? "1" : "0") : "") + "," + fixed (t.seconds, 1) + "," + std::to_string (t.switches) + "\n";
    }
    return csv;
}

std::string earTrainingJson (const EqEarTrainer& trainer, const ListeningTestInfo& info)
{
    auto j = header (info, "eq-ear-training");
    const auto& s = trainer.settings();
    j["programme"] = info.fileA;
    j["bands"] = trainer.centres();
    j["gainDb"] = s.gainDb;
    j["moves"] = s.moves == EarTrainingMoves::boosts ? "boosts" : s.moves == EarTrainingMoves::cuts ? "cuts" : "both";
    j["q"] = std::round (EqEarTrainer::bandQ * 1000) / 1000;
    j["seed"] = s.seed;
    j["rounds"] = nlohmann::ordered_json::array();
    for (size_t i = 0; i < trainer.rounds().size(); ++i)
    {
        const auto& r = trainer.rounds()[i];
        nlohmann::ordered_json row { { "round", i + 1 }, { "bandHz", trainer.centres()[(size_t) r.band] }, { "gainDb", r.gainDb } };
        row["answerHz"] = r.answer ? nlohmann::ordered_json (trainer.centres()[(size_t) *r.answer]) : nlohmann::ordered_json();
        row["correct"] = r.correct();
        row["seconds"] = std::round (r.seconds * 10) / 10;
        j["rounds"].push_back (row);
    }
    j["answered"] = trainer.answered();
    j["correct"] = trainer.correct();
    j["pValue"] = std::stod (significant (trainer.pValue()));
    j["meanOctavesOff"] = std::round (trainer.meanOctavesOff() * 100) / 100;
    return j.dump (2) + "\n";
}

std::string earTrainingCsv (const EqEarTrainer& trainer, const ListeningTestInfo& info)
{
    std::string csv = "listener,comparison,date,seed,round,band_hz,gain_db,answer_hz,correct,seconds\n";
    for (size_t i = 0; i < trainer.rounds().size(); ++i)
    {
        const auto& r = trainer.rounds()[i];
        csv += field (info.listener) + "," + field (info.comparison) + "," + info.dateUtc + "," + std::to_string (trainer.settings().seed)
               + "," + std::to_string (i + 1) + "," + significant (trainer.centres()[(size_t) r.band]) + "," + fixed (r.gainDb, 1) + ","
               + (r.answer ? significant (trainer.centres()[(size_t) *r.answer]) : "") + "," + (r.answer ? (r.correct() ? "1" : "0") : "")
               + "," + fixed (r.seconds, 1) + "\n";
    }
    return csv;
}

void saveTrainingResults (const std::filesystem::path& base, const std::string& json, const std::string& csv)
{
    for (const auto& [extension, text] : { std::pair { ".json", &json }, std::pair { ".csv", &csv } })
    {
        auto file = base;
        file += extension;
        saveTextAtomically (file, *text);
    }
}
} // namespace crest
