#include "Core/PanLaw.h"
#include "Core/Units.h"

#include <catch2/catch.hpp>

using namespace crest;

TEST_CASE ("centre gains follow the documented pan laws", "[core][pan]")
{
    CHECK (gainToDb (panGainsForMono (PanLaw::minus3Db, 0).left) == Approx (-3.0103).margin (1e-3));
    CHECK (gainToDb (panGainsForMono (PanLaw::minus4_5Db, 0).left) == Approx (-4.515).margin (1e-3));
    CHECK (gainToDb (panGainsForMono (PanLaw::minus6Db, 0).right) == Approx (-6.0206).margin (1e-3));
    CHECK (panGainsForMono (PanLaw::zeroDb, 0).left == 1.0f);
}

TEST_CASE ("hard pans send everything to one side", "[core][pan]")
{
    for (auto law : { PanLaw::zeroDb, PanLaw::minus3Db, PanLaw::minus4_5Db, PanLaw::minus6Db })
    {
        const auto left = panGainsForMono (law, -100);
        CHECK (left.left == Approx (1.0).margin (1e-6));
        CHECK (left.right == Approx (0.0).margin (1e-6));
        const auto right = panGainsForMono (law, 100);
        CHECK (right.right == Approx (1.0).margin (1e-6));
        CHECK (right.left == Approx (0.0).margin (1e-6));
    }
}

TEST_CASE ("constant power keeps power constant across the field", "[core][pan]")
{
    for (double pan = -100; pan <= 100; pan += 12.5)
    {
        const auto g = panGainsForMono (PanLaw::minus3Db, pan);
        CHECK (g.left * g.left + g.right * g.right == Approx (1.0).margin (1e-6));
    }
}

TEST_CASE ("stereo balance is unity at centre and only attenuates the far side", "[core][pan]")
{
    const auto centre = balanceGainsForStereo (PanLaw::minus3Db, 0);
    CHECK (centre.left == 1.0f);
    CHECK (centre.right == 1.0f);
    const auto right = balanceGainsForStereo (PanLaw::minus3Db, 50);
    CHECK (right.right == 1.0f);
    CHECK (right.left < 1.0f);
    CHECK (balanceGainsForStereo (PanLaw::minus3Db, 100).left == Approx (0.0).margin (1e-6));
}

TEST_CASE ("pan law names round-trip", "[core][pan]")
{
    for (auto law : { PanLaw::zeroDb, PanLaw::minus3Db, PanLaw::minus4_5Db, PanLaw::minus6Db })
        CHECK (panLawFromName (panLawName (law)) == law);
    CHECK_FALSE (panLawFromName ("-5dB").has_value());
}
