// Listening-test results for a teacher: the JSON carries every trial, the
// score and the p-value; the CSV one row per trial; both are saved side by
// side, and an unwritable folder is named.
#include "Core/CrestError.h"
#include "Helpers/TestFiles.h"
#include "Training/TrainingResults.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace crest;
using namespace crest::test;

TEST_CASE ("ABX results are saved as JSON and CSV a teacher can read", "[training][results]")
{
    AbxTest test (4, 3);
    test.answer (test.hiddenNow(), 2.04);
    test.noteSwitch();
    test.answer (test.hiddenNow() == AbxChoice::a ? AbxChoice::b : AbxChoice::a, 5.0);
    const ListeningTestInfo info { "Ada, \"class 2\"", "Mix / master", "Mix", "Master", "mix.wav", "master.wav", -3.2, "2026-12-02T10:00:00Z" };
    TempFolder folder;
    saveTrainingResults (folder / "ada", abxResultsJson (test, info), abxResultsCsv (test, info));
    const auto j = nlohmann::json::parse (readBytes (folder / "ada.json"));
    CHECK (j["format"] == "crest-listening-test");
    CHECK (j["listener"] == "Ada, \"class 2\"");
    CHECK (j["seed"] == 3);
    CHECK (j["trials"].size() == 4);
    CHECK (j["trials"][0]["correct"] == true);
    CHECK (j["trials"][1]["correct"] == false);
    CHECK (j["trials"][1]["switches"] == 1);
    CHECK (j["trials"][2]["answer"].is_null());
    CHECK (j["answered"] == 2);
    CHECK (j["correct"] == 1);
    CHECK (j["pValue"].get<double>() == Approx (0.75));
    CHECK (j["b"]["loudnessMatchDb"] == -3.2);
    const auto csv = readBytes (folder / "ada.csv");
    CHECK (std::count (csv.begin(), csv.end(), '\n') == 5);
    CHECK (csv.find ("\"Ada, \"\"class 2\"\"\",Mix / master,2026-12-02T10:00:00Z,3,1,") != std::string::npos);
}

TEST_CASE ("ear-training results name the bands in hertz", "[training][results]")
{
    EarTrainingSettings s;
    s.rounds = 3;
    EqEarTrainer trainer (s);
    trainer.answer (trainer.rounds()[0].band, 1.0);
    const ListeningTestInfo info { "Bo", "EQ ear training", "", "", "song.wav", "", 0, "2026-12-02T10:00:00Z" };
    const auto j = nlohmann::json::parse (earTrainingJson (trainer, info));
    CHECK (j["kind"] == "eq-ear-training");
    CHECK (j["bands"].size() == 8);
    CHECK (j["rounds"][0]["correct"] == true);
    CHECK (j["rounds"][0]["answerHz"] == j["rounds"][0]["bandHz"]);
    CHECK (earTrainingCsv (trainer, info).find ("Bo,EQ ear training,") != std::string::npos);
}

TEST_CASE ("results into a folder that does not exist are refused, naming it", "[training][results][badinput]")
{
    AbxTest test (2, 1);
    CHECK_THROWS_WITH (saveTrainingResults ("/nonexistent-folder/ada", abxResultsJson (test, {}), abxResultsCsv (test, {})),
                       Catch::Contains ("/nonexistent-folder/ada.json"));
}
