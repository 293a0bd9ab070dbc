#pragma once

// The pages the crash test's writer stores and the test checks. A page of patient P in run R is
// PageSize Observations "Observation/<R>-<k>-<i>" plus the marker "Basic/<R>-pages" saying that k + 1
// pages of run R exist. All of them go in one storeResources() call, i.e. one transaction: after a
// kill, a patient has pages 0..n-1 of each run, each whole, and the marker says n.
#include "store/recordcache.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Kakehashi::CacheCrash {

constexpr int PageSize = 25;
constexpr quint32 SnapshotFormat = 0x6b6b01;
inline const QString User = QStringLiteral("crash-test-user");

inline QString patientId(int n)
{
    return QStringLiteral("crash-p%1").arg(n);
}

inline QList<CachedResource> page(const QString &run, int k, const QDateTime &at)
{
    QList<CachedResource> rows;
    // Padding makes a page span several SQLite pages, so a kill can land inside one.
    const QString padding(400, u'x');
    for (int i = 0; i < PageSize; ++i) {
        const QString id = QStringLiteral("%1-%2-%3").arg(run).arg(k).arg(i);
        const QJsonObject r{{QStringLiteral("resourceType"), QStringLiteral("Observation")},
                            {QStringLiteral("id"), id},
                            {QStringLiteral("status"), QStringLiteral("final")},
                            {QStringLiteral("note"), padding}};
        rows.append({QStringLiteral("Observation/") + id, QJsonDocument(r).toJson(QJsonDocument::Compact), at});
    }
    const QString marker = run + QStringLiteral("-pages");
    const QJsonObject m{{QStringLiteral("resourceType"), QStringLiteral("Basic")}, {QStringLiteral("id"), marker}, {QStringLiteral("pages"), k + 1}};
    rows.append({QStringLiteral("Basic/") + marker, QJsonDocument(m).toJson(QJsonDocument::Compact), at});
    return rows;
}

// What the snapshot beside the rows says it was built from.
inline QByteArray snapshotPayload(const QString &run, int pages)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("run"), run}, {QStringLiteral("pages"), pages}}).toJson(QJsonDocument::Compact);
}

} // namespace Kakehashi::CacheCrash
