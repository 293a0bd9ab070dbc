#include "processmemory.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib> // defines __GLIBC__ where it applies
#include <cstring>
#include <string>

#if defined(__GLIBC__)
#include <gnu/libc-version.h>
#include <malloc.h>
#include <unistd.h>
#endif

namespace Kakehashi::ProcessMemory {

void tuneAllocator()
{
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
    // Each heap grows by 32 MiB beyond what a request needs: a big record is millions of small
    // allocations, and growing the heap page by page was a visible share of --summary (sysmalloc,
    // mprotect). Address space only: untouched pages are never faulted in.
    mallopt(M_TOP_PAD, 32 << 20);
#endif
}

#if defined(__GLIBC__)
namespace {

bool underSanitizer()
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
    return true;
#else
    return false;
#endif
#else
    return false;
#endif
}

// "always [madvise] never": the bracketed word is the kernel's mode.
bool kernelHandsOutHugePagesOnRequest()
{
    std::FILE *f = std::fopen("/sys/kernel/mm/transparent_hugepage/enabled", "re");
    if (!f)
        return false;
    char line[128] = {};
    const bool read = std::fgets(line, sizeof line, f) != nullptr;
    std::fclose(f);
    return read && std::strstr(line, "[madvise]") != nullptr;
}

bool glibcHasHugetlbTunable()
{
    int major = 0;
    int minor = 0;
    return std::sscanf(gnu_get_libc_version(), "%d.%d", &major, &minor) == 2 && (major > 2 || (major == 2 && minor >= 35));
}

} // namespace
#endif

bool hugePagesOnRequest()
{
#if defined(__GLIBC__)
    return !underSanitizer() && glibcHasHugetlbTunable() && kernelHandsOutHugePagesOnRequest();
#else
    return false;
#endif
}

#if defined(__GLIBC__)
namespace {

// GLIBC_TUNABLES as it was, to put back when no program was started.
struct SavedTunables
{
    bool had = false;
    std::string value;
};

// Adds glibc.malloc.hugetlb=1 to GLIBC_TUNABLES where useHugePages() would ask for huge pages;
// false (environment untouched) where it would not.
bool addHugePagesTunable(SavedTunables *saved)
{
    if (std::getenv("KAKEHASHI_NO_HUGE_PAGES"))
        return false;
    const char *tunables = std::getenv("GLIBC_TUNABLES");
    if (tunables && std::strstr(tunables, "glibc.malloc.hugetlb"))
        return false; // set already: by us before the re-exec, by the launcher, or by the user
    if (!hugePagesOnRequest())
        return false;
    saved->had = tunables != nullptr;
    saved->value = tunables ? tunables : "";
    std::string value = "glibc.malloc.hugetlb=1";
    if (tunables && *tunables)
        value = std::string(tunables) + ':' + value;
    return setenv("GLIBC_TUNABLES", value.c_str(), 1) == 0;
}

// The program did not start: do not leave the setting for child processes that did not ask for it.
void restoreTunables(const SavedTunables &saved)
{
    if (saved.had)
        setenv("GLIBC_TUNABLES", saved.value.c_str(), 1);
    else
        unsetenv("GLIBC_TUNABLES");
}

} // namespace
#endif

void useHugePages(char **argv)
{
#if defined(__GLIBC__)
    if (!argv || !argv[0])
        return;
    SavedTunables saved;
    if (!addHugePagesTunable(&saved))
        return;
    execv("/proc/self/exe", argv);
    // Could not re-execute (no /proc): go on with small pages.
    restoreTunables(saved);
#else
    (void)argv;
#endif
}

int launch(const char *program, char **argv)
{
#if defined(__GLIBC__)
    SavedTunables saved;
    const bool added = addHugePagesTunable(&saved);
    execv(program, argv);
    const int error = errno;
    if (added)
        restoreTunables(saved);
    errno = error;
#else
    (void)program;
    (void)argv;
    errno = ENOSYS;
#endif
    return -1;
}

} // namespace Kakehashi::ProcessMemory
