// A terminal progress bar on stderr: redrawn in place when stderr is a
// terminal, silent otherwise (so logs and pipes stay clean).
#pragma once

#include <memory>
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

// Work in stages ("Rendering the mix", then "Rendering the master"): a
// bar for each, the last one finished when a new stage starts.
class StagedProgress
{
public:
    void update (const std::string& stage, double fraction);
    void finish();

private:
    std::unique_ptr<ProgressBar> bar;
    std::string shown;
};
} // namespace crest::cli
