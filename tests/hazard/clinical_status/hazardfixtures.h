#pragma once

// Shared by the clinical-status hazard tests: the fixtures in tests/data/hazard/clinical_status and
// the `kakehashi --summary` output for them.
#include "record/clinicalrecord.h"
#include "record/localrecordsource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace HazardFixtures {

inline QString path(const QString &name)
{
    return QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/hazard/clinical_status/") + name;
}

// The reference time of every fixture.
inline QDateTime asOf()
{
    return QDateTime(QDate(2026, 10, 31), QTime(3, 0), Qt::UTC); // noon in Japan
}

inline Kakehashi::PatientRecord record(const QString &name)
{
    const Kakehashi::RecordSet set = Kakehashi::LocalRecordSource::load({path(name)});
    if (!set.errors.isEmpty() || set.patients.size() != 1) {
        qWarning() << name << set.errors << set.patients.size();
        return {};
    }
    return set.patients.first();
}

// `kakehashi --open <fixture> --as-of <date> --summary`: the first patient object (with "clinical").
inline QJsonObject summaryPatient(const QString &name, const QString &asOfText = QStringLiteral("2026-10-31"))
{
    QProcess p;
    p.setProgram(QStringLiteral(KAKEHASHI_BINARY));
    p.setArguments({QStringLiteral("--open"), path(name), QStringLiteral("--as-of"), asOfText, QStringLiteral("--summary"),
                    QStringLiteral("--lang"), QStringLiteral("en")});
    p.start();
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning() << "kakehashi --summary failed" << p.exitCode() << p.readAllStandardError();
        return {};
    }
    const QJsonArray patients = QJsonDocument::fromJson(p.readAllStandardOutput()).object().value(u"patients").toArray();
    return patients.isEmpty() ? QJsonObject() : patients.first().toObject();
}

} // namespace HazardFixtures
