#include "ProgressBar.h"

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace crest::cli
{
ProgressBar::ProgressBar (std::string text) : label (std::move (text)), enabled (::isatty (STDERR_FILENO) != 0) {}

ProgressBar::~ProgressBar()
{
    finish();
}

void ProgressBar::update (double fraction)
{
    if (! enabled)
        return;
    const int permille = (int) (std::clamp (fraction, 0.0, 1.0) * 1000.0);
    if (permille == lastPermille)
        return;
    lastPermille = permille;
    constexpr int width = 30;
    const int filled = permille * width / 1000;
    std::string bar (filled, '#');
    bar.resize (width, '-');
    std::fprintf (stderr, "\r%s [%s] %5.1f%%", label.c_str(), bar.c_str(), permille / 10.0);
    std::fflush (stderr);
}

void ProgressBar::finish()
{
    if (enabled && ! finished && lastPermille >= 0)
        std::fprintf (stderr, "\n");
    finished = true;
}

void StagedProgress::update (const std::string& stage, double fraction)
{
    if (bar == nullptr || stage != shown)
    {
        if (bar != nullptr)
            bar->finish();
        bar = std::make_unique<ProgressBar> (stage);
        shown = stage;
    }
    bar->update (fraction);
}

void StagedProgress::finish()
{
    if (bar != nullptr)
        bar->finish();
    bar.reset();
}
} // namespace crest::cli
