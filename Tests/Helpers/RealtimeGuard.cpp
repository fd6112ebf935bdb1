#include "RealtimeGuard.h"

#include <atomic>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

extern "C" void* __libc_malloc (size_t);
extern "C" void* __libc_calloc (size_t, size_t);
extern "C" void* __libc_realloc (void*, size_t);
extern "C" void __libc_free (void*);
extern "C" void* __libc_memalign (size_t, size_t);

namespace
{
thread_local bool guarded = false;
thread_local bool diskGuarded = false;   // file access only (a message-thread check)
std::atomic<int> violationCount { 0 };
char firstName[64] = {};

void violation (const char* what, bool isFileAccess = false) noexcept
{
    if (! guarded && ! (diskGuarded && isFileAccess))
        return;
    const bool was = guarded, wasDisk = diskGuarded;
    guarded = diskGuarded = false;   // what follows (recording) must not recurse
    if (violationCount.fetch_add (1) == 0)
        std::strncpy (firstName, what, sizeof (firstName) - 1);
    guarded = was;
    diskGuarded = wasDisk;
}

template <typename Fn>
Fn real (const char* name) noexcept
{
    return reinterpret_cast<Fn> (dlsym (RTLD_NEXT, name));
}

using MutexFn = int (*) (pthread_mutex_t*);
using CondWaitFn = int (*) (pthread_cond_t*, pthread_mutex_t*);
using CondTimedFn = int (*) (pthread_cond_t*, pthread_mutex_t*, const struct timespec*);
using SleepFn = int (*) (const struct timespec*, struct timespec*);
using ClockSleepFn = int (*) (clockid_t, int, const struct timespec*, struct timespec*);
using USleepFn = int (*) (useconds_t);
using OpenFn = int (*) (const char*, int, ...);
using ReadFn = ssize_t (*) (int, void*, size_t);
using WriteFn = ssize_t (*) (int, const void*, size_t);

// Resolved before main, while no guard is active (dlsym may allocate).
struct RealFunctions
{
    MutexFn mutexLock = real<MutexFn> ("pthread_mutex_lock");
    CondWaitFn condWait = real<CondWaitFn> ("pthread_cond_wait");
    CondTimedFn condTimedWait = real<CondTimedFn> ("pthread_cond_timedwait");
    SleepFn nanoSleep = real<SleepFn> ("nanosleep");
    ClockSleepFn clockNanoSleep = real<ClockSleepFn> ("clock_nanosleep");
    USleepFn uSleep = real<USleepFn> ("usleep");
    OpenFn openFile = real<OpenFn> ("open");
    OpenFn open64File = real<OpenFn> ("open64");
    ReadFn readFile = real<ReadFn> ("read");
    WriteFn writeFile = real<WriteFn> ("write");
};
const RealFunctions& reals()
{
    static const RealFunctions functions;
    return functions;
}
[[maybe_unused]] const RealFunctions& resolvedEarly = reals();
} // namespace

extern "C"
{
// AddressSanitizer owns the allocator in a sanitized build: there the guard
// sees locks, waits and file access, not allocation.
#if ! defined(__SANITIZE_ADDRESS__)
void* malloc (size_t n)
{
    violation ("malloc");
    return __libc_malloc (n);
}
void* calloc (size_t n, size_t size)
{
    violation ("calloc");
    return __libc_calloc (n, size);
}
void* realloc (void* p, size_t n)
{
    violation ("realloc");
    return __libc_realloc (p, n);
}
void free (void* p)
{
    if (p != nullptr)
        violation ("free");
    __libc_free (p);
}
int posix_memalign (void** out, size_t alignment, size_t n)
{
    violation ("posix_memalign");
    *out = __libc_memalign (alignment, n);
    return *out != nullptr ? 0 : 12;
}
void* aligned_alloc (size_t alignment, size_t n)
{
    violation ("aligned_alloc");
    return __libc_memalign (alignment, n);
}
#endif
int pthread_mutex_lock (pthread_mutex_t* m)
{
    violation ("pthread_mutex_lock");
    return reals().mutexLock (m);
}
int pthread_cond_wait (pthread_cond_t* c, pthread_mutex_t* m)
{
    violation ("pthread_cond_wait");
    return reals().condWait (c, m);
}
int pthread_cond_timedwait (pthread_cond_t* c, pthread_mutex_t* m, const struct timespec* t)
{
    violation ("pthread_cond_timedwait");
    return reals().condTimedWait (c, m, t);
}
int nanosleep (const struct timespec* a, struct timespec* b)
{
    violation ("nanosleep");
    return reals().nanoSleep (a, b);
}
int clock_nanosleep (clockid_t c, int f, const struct timespec* a, struct timespec* b)
{
    violation ("clock_nanosleep");
    return reals().clockNanoSleep (c, f, a, b);
}
int usleep (useconds_t u)
{
    violation ("usleep");
    return reals().uSleep (u);
}
int open (const char* path, int flags, ...)
{
    violation ("open", true);
    return reals().openFile (path, flags, 0644);
}
int open64 (const char* path, int flags, ...)
{
    violation ("open64", true);
    return reals().open64File (path, flags, 0644);
}
ssize_t read (int fd, void* buffer, size_t n)
{
    violation ("read", true);
    return reals().readFile (fd, buffer, n);
}
ssize_t write (int fd, const void* buffer, size_t n)
{
    violation ("write", true);
    return reals().writeFile (fd, buffer, n);
}
}

namespace crest::test
{
RealtimeGuard::Scope::Scope() { guarded = true; }
void RealtimeGuard::guardThisThread() noexcept { guarded = true; }
RealtimeGuard::Scope::~Scope() { guarded = false; }
RealtimeGuard::DiskScope::DiskScope() { diskGuarded = true; }
RealtimeGuard::DiskScope::~DiskScope() { diskGuarded = false; }
int RealtimeGuard::violations() noexcept { return violationCount.load(); }
std::string RealtimeGuard::firstViolation() { return firstName; }
void RealtimeGuard::reset() noexcept
{
    violationCount = 0;
    firstName[0] = 0;
}
} // namespace crest::test
