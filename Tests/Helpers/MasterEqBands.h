// Sets one band of a master EQ (minimum- or linear-phase: they share the
// parameter table) in one call, for the EQ tests.
#pragma once

#include "Dsp/MasterEq.h"

namespace crest::test
{
inline void setMasterEqBand (ParameterizedProcessor& eq, int band, FilterShape shape, double hz, double gainDb, double q,
                             MasterEq::Mode mode = MasterEq::Mode::stereo)
{
    eq.setParameter (MasterEq::parameterIndex (band, ParametricEq::on), 1);
    eq.setParameter (MasterEq::parameterIndex (band, ParametricEq::shape), (double) shape);
    eq.setParameter (MasterEq::parameterIndex (band, ParametricEq::frequencyHz), hz);
    eq.setParameter (MasterEq::parameterIndex (band, ParametricEq::gainDb), gainDb);
    eq.setParameter (MasterEq::parameterIndex (band, ParametricEq::q), q);
    eq.setParameter (MasterEq::parameterIndex (band, MasterEq::modeField), (double) mode);
}
} // namespace crest::test
