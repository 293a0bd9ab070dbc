#pragma once

// A full disk without root or a mount: while a FileSizeLimit lives, no file of this process may
// grow past |bytes| (RLIMIT_FSIZE), so write() fails with EFBIG as it fails with ENOSPC on a full
// file system. SIGXFSZ (which would end the process) is ignored from the first use on.
#include <csignal>
#include <sys/resource.h>

namespace KakehashiTest {

class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        std::signal(SIGXFSZ, SIG_IGN);
        m_ok = ::getrlimit(RLIMIT_FSIZE, &m_old) == 0;
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        m_ok = m_ok && ::setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit()
    {
        if (m_ok)
            ::setrlimit(RLIMIT_FSIZE, &m_old);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;
    bool ok() const { return m_ok; }

private:
    rlimit m_old {};
    bool m_ok = false;
};

} // namespace KakehashiTest
