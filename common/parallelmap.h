#pragma once

#include <QList>
#include <QSemaphore>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <memory>
#include <type_traits>

namespace Kakehashi {

// |fn| applied to every element of |in|, results in order. The calling thread does the work, helped
// by whichever threads of the global pool are idle right now; it never waits for a thread to become
// free. QtConcurrent::blockingMapped (Qt 6) instead queues all the work on the pool and waits: called
// from a pool thread while every other pool thread is busy, or from the only one (a one-CPU machine),
// the work never runs and the caller waits for ever. The record loader stores and assembles pages on
// pool threads, so it must not use it.
//
// |fn| must be safe to call from several threads at once.
template<typename T, typename Fn>
auto parallelMapped(const QList<T> &in, Fn fn) -> QList<std::decay_t<std::invoke_result_t<Fn &, const T &>>>
{
    using R = std::decay_t<std::invoke_result_t<Fn &, const T &>>;
    QList<R> out(in.size());
    if (in.isEmpty())
        return out;
    R *results = out.data(); // detached once, here: the threads only write their own elements
    std::atomic<qsizetype> next{0};
    const auto work = [&] {
        for (qsizetype i = next.fetch_add(1); i < in.size(); i = next.fetch_add(1))
            results[i] = fn(in.at(i));
    };
    // Shared, not on this stack: a helper may still be inside release() when acquire() returns here.
    const auto finished = std::make_shared<QSemaphore>();
    int helpers = 0;
    QThreadPool *pool = QThreadPool::globalInstance();
    const int wanted = int(std::min<qsizetype>(pool->maxThreadCount(), in.size() - 1));
    for (int h = 0; h < wanted; ++h) {
        if (!pool->tryStart([&work, finished] {
                work();
                finished->release();
            }))
            break; // no idle thread: the caller carries on alone
        ++helpers;
    }
    work();
    finished->acquire(helpers);
    return out;
}

} // namespace Kakehashi
