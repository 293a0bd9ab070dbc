#pragma once

#include <QFuture>
#include <QMutex>
#include <QMutexLocker>
#include <QPromise>
#include <QThreadPool>

#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace Kakehashi {

// Runs jobs one after another, in the order they were given, on the global thread pool; each
// run() returns the job's future. Any thread may add jobs. Nothing here waits: while jobs are
// queued, one pool task runs them in turn and ends when the queue is empty, so a pool of one thread
// (a one-CPU machine) or a caller that is itself a pool task still gets every job run.
//
// Use this, not a chain of QFuture::then(): in Qt 6.4 a continuation attached to a future at the
// moment another thread finishes that future runs twice. QFutureInterfaceBase::setContinuation sees
// the future finished, runs the continuation at once and also keeps it; the finishing thread's
// runContinuation() then runs it again, and the second run finds its promise and function moved
// away: a crash in QPromise::start, or a double free. (Qt 6.5 added a flag against this.) A loader
// that appends the next page's work while the previous page's work is finishing hits that window.
//
// The futures returned here are finished by QPromise and never carry a continuation of ours:
// watch them (QFutureWatcher, whenFinished) or wait for them; do not then() them.
class SerialQueue
{
public:
    SerialQueue()
        : d(std::make_shared<State>())
    {
    }

    template<typename F>
    auto run(F &&f) -> QFuture<std::invoke_result_t<std::decay_t<F> &>>
    {
        using R = std::invoke_result_t<std::decay_t<F> &>;
        auto promise = std::make_shared<QPromise<R>>();
        QFuture<R> future = promise->future();
        promise->start();
        push([promise, f = std::forward<F>(f)]() mutable {
            try {
                if constexpr (std::is_void_v<R>)
                    f();
                else
                    promise->addResult(f());
            } catch (...) {
                promise->setException(std::current_exception());
            }
            promise->finish();
        });
        return future;
    }

private:
    struct State
    {
        QMutex mutex;
        std::deque<std::function<void()>> jobs; // guarded by mutex
        bool draining = false;                  // guarded by mutex: a pool task is running the jobs
    };

    void push(std::function<void()> job)
    {
        {
            QMutexLocker lock(&d->mutex);
            d->jobs.push_back(std::move(job));
            if (d->draining)
                return;
            d->draining = true;
        }
        QThreadPool::globalInstance()->start([state = d] { drain(*state); });
    }

    static void drain(State &state)
    {
        for (;;) {
            std::function<void()> job;
            {
                QMutexLocker lock(&state.mutex);
                if (state.jobs.empty()) {
                    state.draining = false;
                    return;
                }
                job = std::move(state.jobs.front());
                state.jobs.pop_front();
            }
            job();
        }
    }

    std::shared_ptr<State> d;
};

} // namespace Kakehashi
