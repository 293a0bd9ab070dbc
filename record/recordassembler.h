#pragma once

#include "clinicalrecord.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>

namespace Kakehashi {

// Builds patient records from FHIR JSON: single resources, Bundles of any type (collection,
// searchset with outcome entries, document, transaction), from files or from the service.
// Not thread-affine: build one per load, on a worker thread.
class RecordAssembler
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::RecordAssembler)
public:
    RecordAssembler();

    // Parses one JSON document read from |origin| (a file name or URL, shown in messages).
    // Returns false when nothing usable was found; the reason is in the errors.
    // With |parsed|, the parsed root is handed back (empty when it was not a FHIR resource) so a
    // caller that also caches the page need not parse it again.
    bool addJson(const QByteArray &json, const QString &origin, QJsonObject *parsed = nullptr);
    // The same for a JSON object already parsed (a page the FHIR client parsed to check it).
    bool addParsed(const QJsonObject &object, const QString &origin);
    void addResource(const QJsonObject &resource, const QString &origin);

    void addWarning(const QString &message) { m_warnings.append(message); }
    void addError(const QString &message) { m_errors.append(message); }
    // The load is known to be partial (a failed page, a timeout); every patient it touched is marked.
    void markIncomplete(const QString &reason) { m_incompleteReasons.append(reason); }

    int resourceCount() const { return int(m_order.size()); }

    // Patient ids named by Patient.link of the Patient resources added so far (normalised: "x" and
    // "Patient/x" are the same id), for a loader that fetches every linked record.
    QStringList linkedPatientIds() const;
    // References (as written) to resources of |types| that none of the resources added so far resolves:
    // what a loader may fetch before it calls the record complete. Contained (#id) references are left out.
    QStringList missingReferences(const QStringList &types) const;
    // Each resource's references are collected as it is added (for a loader that calls
    // missingReferences() when the record has arrived: the walk is then done while pages still come,
    // not after the last one). The answers are the same either way. Set before adding anything.
    void setCollectReferencesAsAdded(bool on) { m_collectReferences = on; }
    // |reference| (as written, or "Type/id") could not be resolved, and why: shown with the item.
    void setUnresolvedReference(const QString &reference, const QString &reason) { m_unresolved.insert(reference, reason); }
    // The patient asked for: when several Patient resources are one person, this one is shown first
    // (the others are "also recorded as"), whatever order they arrived in.
    void setPreferredPatient(const QString &patientId) { m_preferredKey = patientId.startsWith(QLatin1String("Patient/")) ? patientId : QStringLiteral("Patient/") + patientId; }
    // "Type/id" for a reference as written: relative, absolute URL, versioned; empty when it is not one.
    static QString referenceKey(const QString &reference);

    // finish() builds the items of a large load on the thread pool (the default); the result is
    // the same either way. Off for comparison in tests and benchmarks.
    void setParallel(bool parallel) { m_parallel = parallel; }

    RecordSet finish();

    // The incomplete-reason line for withheld items, worded the same wherever a count is shown.
    static QString withheldReason(int count);
    // Search outcomes (the service's withheld counts) belong to a page and are not cached: carries the
    // counts of |fetched| (a fresh fetch) into |shown| (the record read back from the cache), so the
    // window shows the same count as --summary.
    static void carryWithheldCounts(RecordSet &shown, const RecordSet &fetched);
    // The withheld counts of a complete fetch as one OperationOutcome ("OperationOutcome/kakehashi-withheld",
    // one suppressed issue per searched type, the type in issue.expression) that the cache keeps with the
    // record: a later refresh asks only for what changed, and its counts cover only that.
    static QJsonObject withheldCountsResource(const QHash<QString, int> &byType);

private:
    struct Stored
    {
        QJsonObject resource;
        int originIndex = 0;
        QStringList references; // with setCollectReferencesAsAdded: collectReferences() of resource
    };

    void addBundle(const QJsonObject &bundle, int originIndex, const QString &origin);
    void addOne(const QJsonObject &resource, const QString &fullUrl, int originIndex, const QString &origin);
    void addOperationOutcome(const QJsonObject &outcome, int originIndex, const QString &origin, bool asSearchOutcome,
                             const QString &searchedType = {});
    int originIndexFor(const QString &origin);

    QHash<QString, Stored> m_resources; // by "Type/id"
    QHash<QString, QString> m_fullUrlToKey;
    QList<QString> m_order;
    QStringList m_origins;
    QHash<int, int> m_withheldByOrigin;
    QHash<int, QHash<QString, int>> m_withheldTypesByOrigin; // origin → searched type ("" unknown) → count
    QStringList m_warnings;
    QStringList m_errors;
    QStringList m_incompleteReasons;
    QHash<QString, QString> m_unresolved;
    QString m_preferredKey;
    int m_anonymousCounter = 0;
    bool m_parallel = true;
    bool m_collectReferences = false;
};

} // namespace Kakehashi
