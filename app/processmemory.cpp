#include "processmemory.h"

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

void useHugePages(char **argv)
{
#if defined(__GLIBC__)
    if (!argv || !argv[0] || std::getenv("KAKEHASHI_NO_HUGE_PAGES"))
        return;
    const char *tunables = std::getenv("GLIBC_TUNABLES");
    if (tunables && std::strstr(tunables, "glibc.malloc.hugetlb"))
        return; // set already: by us before the re-exec, or by the user
    if (!hugePagesOnRequest())
        return;
    std::string value = "glibc.malloc.hugetlb=1";
    if (tunables && *tunables)
        value = std::string(tunables) + ':' + value;
    if (setenv("GLIBC_TUNABLES", value.c_str(), 1) != 0)
        return;
    execv("/proc/self/exe", argv);
    // Could not re-execute (no /proc): go on with small pages, and do not leave the setting for
    // child processes that did not ask for it.
    if (tunables)
        setenv("GLIBC_TUNABLES", tunables, 1);
    else
        unsetenv("GLIBC_TUNABLES");
#else
    (void)argv;
#endif
}

} // namespace Kakehashi::ProcessMemory
