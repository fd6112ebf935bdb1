// A terminal progress bar on stderr: redrawn in place when stderr is a
// terminal, silent otherwise (so logs and pipes stay clean).
#pragma once

#include <string>

namespace crest::cli
{
class ProgressBar
{
public:
    explicit ProgressBar (std::string label);
    ~ProgressBar();
    void update (double fraction);
    void finish();

private:
    std::string label;
    bool enabled;
    int lastPermille = -1;
    bool finished = false;
};
} // namespace crest::cli
