#pragma once

namespace Kakehashi::ProcessMemory {

// How the process allocates memory, set once at start-up before any thread (the app's main() and
// every bench call it first, so benches time the allocator the app runs with). glibc only;
// elsewhere both are no-ops.
//
// Why: opening a big record or decoding a study fills fresh buffers of megabytes (a decrypted
// snapshot, a frame, a rendered image). Each fresh 4 KiB page faults on first touch, and on a
// virtual machine a fault costs more than the work on the page: the fresh-process warm open of p900
// spent ~170 of its ~200 ms of "read + decrypt" in page faults (bench_warm_open), and RGB and
// multi-frame decoding ran at 0.2-0.4x DCMTK (bench_decode).

// Keeps freed buffers in the heap for reuse instead of returning them to the kernel: the mmap
// threshold is raised to 64 MiB and the trim threshold to 128 MiB (at most that much freed memory
// stays with the process); and each heap grows 32 MiB at a time (M_TOP_PAD), not just by what one
// request needs.
void tuneAllocator();

// Asks glibc (2.35 or later) to back its heaps with transparent huge pages where the kernel hands
// them out on request (/sys/kernel/mm/transparent_hugepage/enabled is "madvise"): one fault per
// 2 MiB instead of 512. glibc reads that setting (GLIBC_TUNABLES=glibc.malloc.hugetlb=1) only when
// a program starts, so this re-executes the program once with it set (same pid, same arguments and
// open files). Does nothing when GLIBC_TUNABLES already names glibc.malloc.hugetlb (so
// `GLIBC_TUNABLES=glibc.malloc.hugetlb=0` turns it off), when KAKEHASHI_NO_HUGE_PAGES is set, when
// the kernel gives huge pages to everyone or to no one, or under a sanitizer. Returns only when it
// did not re-execute. |argv| is main()'s.
void useHugePages(char **argv);

// Starts |program| in place of this process (execv: same pid, open files), with the huge-page setting
// useHugePages() would make, so |program| starts with it and need not re-execute itself. For the
// small launcher bin/kakehashi (app/launcher.cpp), which has no Qt libraries to load: the viewer's own
// re-execution loads its hundred-odd libraries twice (~0.1-0.2 s a start here). Returns -1 with errno
// set only when |program| could not be started (the environment is then as it was).
int launch(const char *program, char **argv);

// Whether useHugePages() would ask for huge pages here (glibc 2.35+, the kernel's "madvise" mode,
// no sanitizer), whatever the environment says.
bool hugePagesOnRequest();

} // namespace Kakehashi::ProcessMemory
