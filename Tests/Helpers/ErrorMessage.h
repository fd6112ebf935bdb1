// The message of the CrestError an action throws, for tests that check
// the exact words a user will read.
#pragma once

#include "Core/CrestError.h"

#include <string>

namespace crest::test
{
template <typename Action>
std::string errorMessage (Action&& action)
{
    try
    {
        action();
    }
    catch (const CrestError& e)
    {
        return e.what();
    }
    return "(no error)";
}
} // namespace crest::test
