// bin/kakehashi: starts the viewer, bin/kakehashi-viewer beside it, in its place (same pid, arguments,
// environment and open files), with glibc's huge-page setting already made (ProcessMemory::launch).
// No Qt and no other libraries: the viewer then need not re-execute itself for that setting, which
// would load its hundred-odd libraries a second time. Running kakehashi-viewer directly still works
// (it re-executes itself once, see processmemory.h).
#include "app/processmemory.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>

int main(int argc, char **argv)
{
    (void)argc;
    char self[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    std::string dir;
    if (n > 0) {
        self[n] = '\0';
        dir = self;
    } else if (argv[0] && std::strchr(argv[0], '/')) {
        dir = argv[0];
    }
    const std::string::size_type slash = dir.rfind('/');
    dir = slash == std::string::npos ? std::string(".") : dir.substr(0, slash);
    const std::string program = dir + "/kakehashi-viewer";
    Kakehashi::ProcessMemory::launch(program.c_str(), argv);
    std::fprintf(stderr, "kakehashi: cannot start %s: %s\n", program.c_str(), std::strerror(errno));
    return 127;
}
