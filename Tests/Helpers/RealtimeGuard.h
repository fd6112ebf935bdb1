// A test-only guard for the audio thread: while a RealtimeGuard::Scope is
// alive on a thread, any heap allocation or free, mutex lock, condition
// wait, sleep or file open/read/write on that thread is recorded as a
// violation. It works by interposing the C library's functions in the test
// executable (see RealtimeGuard.cpp), so it sees calls made inside JUCE,
// libstdc++ and libsndfile too.
#pragma once

#include <string>

namespace crest::test
{
struct RealtimeGuard
{
    struct Scope
    {
        Scope();
        ~Scope();
    };

    // Records only file access (open, read, write): for proving that a
    // message-thread call never waits for the disk.
    struct DiskScope
    {
        DiskScope();
        ~DiskScope();
    };

    // Guards the calling thread for the rest of its life: for threads a
    // test does not run itself, such as the engine's audio workers.
    static void guardThisThread() noexcept;

    static int violations() noexcept;
    static std::string firstViolation();
    static void reset() noexcept;
};
} // namespace crest::test
