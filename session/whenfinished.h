#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QThread>

#include <type_traits>
#include <utility>

namespace Kakehashi {

// Runs |f| with |future|'s result on |context|'s thread once the future has finished — never when
// it was cancelled, and never after |context| is gone.
//
// Use this, not QFuture::then(context, f): in Qt 6.4 the continuation reads a QPointer to the
// context on the worker thread and posts to it, so a context being destroyed on its own thread at
// that moment (a window closed while its cache opens) is used after it was freed; and a
// continuation attached while another thread finishes the future runs twice (common/serialqueue.h).
// A QFutureWatcher that the context owns detaches from the future under the future's own lock when
// it is destroyed. |f| always runs from the event loop, even for a future that had finished already.
//
// Called on another thread than |context|'s (an instance arriving on a DIMSE worker), the watcher is
// made on |context|'s thread by a queued call: |context| must be alive during this call, as for any
// use of a pointer; if it is gone before the queued call runs, nothing runs.
template<typename T, typename F>
void whenFinished(QObject *context, const QFuture<T> &future, F &&f)
{
    if (QThread::currentThread() != context->thread()) {
        QMetaObject::invokeMethod(
            context, [context, future, f = std::forward<F>(f)]() mutable { whenFinished(context, future, std::move(f)); },
            Qt::QueuedConnection);
        return;
    }
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, f = std::forward<F>(f)]() mutable {
        watcher->deleteLater();
        const QFuture<T> done = watcher->future();
        if (done.isCanceled())
            return;
        if constexpr (std::is_void_v<T>)
            f();
        else if (done.resultCount() > 0)
            f(done.result());
    });
    watcher->setFuture(future);
}

} // namespace Kakehashi
