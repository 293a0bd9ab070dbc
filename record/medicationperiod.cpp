#include "medicationperiod.h"

#include "displayzone.h"

#include <QJsonArray>

#include <cmath>

namespace Kakehashi {

using namespace Fhir;

namespace {

constexpr qint64 DayMs = 86400000;

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

// Whole days of a FHIR Duration/Quantity; 0 when it is not a duration we can read.
int durationDays(const QJsonObject &duration)
{
    const double v = duration.value(QLatin1String("value")).toDouble();
    if (!(v > 0))
        return 0;
    QString unit = str(duration, "code");
    if (unit.isEmpty())
        unit = str(duration, "unit");
    double days = 0;
    if (unit == u"d" || unit == u"日" || unit == u"日分" || unit == u"day" || unit == u"days")
        days = v;
    else if (unit == u"wk" || unit == u"週" || unit == u"週間")
        days = v * 7;
    else if (unit == u"mo" || unit == u"月" || unit == u"か月" || unit == u"ヶ月")
        days = v * 30;
    else if (unit == u"a" || unit == u"年")
        days = v * 365;
    return days > 0 ? int(std::ceil(days)) : 0;
}

// dispenseRequest.quantity counts days only when written in 日分 (JP prescriptions of 内服 by days).
int quantityDays(const QJsonObject &quantity)
{
    const QString unit = str(quantity, "unit");
    if (unit != u"日分")
        return 0;
    const double v = quantity.value(QLatin1String("value")).toDouble();
    return v > 0 ? int(std::ceil(v)) : 0;
}

DateTime dayOnly(QDate day)
{
    // The form DateTime::parse gives a date-only value: noon UTC of that calendar day.
    DateTime d;
    d.value = QDateTime(day, QTime(12, 0), Qt::UTC);
    d.precision = DateTime::Precision::Day;
    return d;
}

// The calendar day of an instant in the display zone, without local-time functions.
QDate displayDay(qint64 msecs)
{
    const qint64 local = msecs + qint64(DisplayZone::offsetAt(msecs)) * 1000;
    const qint64 days = local >= 0 ? local / DayMs : -((-local + DayMs - 1) / DayMs);
    return QDate(1970, 1, 1).addDays(days);
}

// JP Core dosage extensions: the period of use, and the usage duration (実服用日数).
void readDosageExtensions(const QJsonObject &dosage, DateTime &start, DateTime &end, int &days)
{
    for (const QJsonValue &e : dosage.value(QLatin1String("extension")).toArray()) {
        const QJsonObject ext = e.toObject();
        const QString url = str(ext, "url");
        if (url.endsWith(QLatin1String("JP_MedicationDosage_PeriodOfUse"))) {
            const QJsonObject p = obj(ext, "valuePeriod");
            const DateTime s = DateTime::parse(str(p, "start"));
            const DateTime en = DateTime::parse(str(p, "end"));
            if (s.isValid())
                start = s;
            if (en.isValid())
                end = en;
        } else if (url.endsWith(QLatin1String("JP_MedicationDosage_UsageDuration")) && days <= 0) {
            days = durationDays(obj(ext, "valueDuration"));
        }
    }
}

QJsonObject firstDosage(const QJsonObject &r)
{
    const QJsonValue d = r.value(QLatin1String("dosageInstruction"));
    if (d.isArray())
        return d.toArray().first().toObject();
    const QJsonValue s = r.value(QLatin1String("dosage"));
    return s.isArray() ? s.toArray().first().toObject() : s.toObject();
}

bool statusVetoes(QStringView status)
{
    static const char *const vetoes[] = {"entered-in-error", "cancelled", "stopped", "on-hold", "draft",
                                         "declined", "not-taken", "not-done", "intended", "preparation"};
    for (const char *v : vetoes)
        if (status == QLatin1String(v))
            return true;
    return false;
}

} // namespace

MedicationPeriod::Period MedicationPeriod::periodOf(const QJsonObject &r)
{
    Period p;
    const QString type = str(r, "resourceType");
    const QJsonObject dosage = firstDosage(r);
    const QJsonObject repeat = obj(obj(dosage, "timing"), "repeat");
    DateTime start;
    DateTime end;
    int days = 0;
    readDosageExtensions(dosage, start, end, days);
    const QJsonObject bounds = obj(repeat, "boundsPeriod");
    if (!start.isValid())
        start = DateTime::parse(str(bounds, "start"));
    if (!end.isValid())
        end = DateTime::parse(str(bounds, "end"));
    const int boundsDays = durationDays(obj(repeat, "boundsDuration"));
    if (boundsDays > 0)
        days = boundsDays;

    if (type == u"MedicationRequest") {
        const QJsonObject dispense = obj(r, "dispenseRequest");
        if (days <= 0)
            days = durationDays(obj(dispense, "expectedSupplyDuration"));
        if (days <= 0)
            days = quantityDays(obj(dispense, "quantity"));
        if (!start.isValid())
            start = DateTime::parse(str(r, "authoredOn"));
        if (!start.isValid())
            start = DateTime::parse(str(obj(dispense, "validityPeriod"), "start"));
    } else if (type == u"MedicationDispense") {
        const int supplied = durationDays(obj(r, "daysSupply"));
        if (supplied > 0)
            days = supplied;
        // Taken from when it was handed over, whatever the prescription's own dates were.
        DateTime handed = DateTime::parse(str(r, "whenHandedOver"));
        if (!handed.isValid())
            handed = DateTime::parse(str(r, "whenPrepared"));
        if (handed.isValid()) {
            start = handed;
            if (supplied > 0)
                end = {};
        }
    } else { // MedicationStatement, MedicationAdministration
        DateTime s;
        DateTime e;
        const QString dt = str(r, "effectiveDateTime");
        if (!dt.isEmpty()) {
            s = DateTime::parse(dt);
            // One administration is an event on its day; a statement of that moment says nothing of its end.
            if (type == u"MedicationAdministration")
                e = s;
        } else {
            const QJsonObject period = obj(r, "effectivePeriod");
            s = DateTime::parse(str(period, "start"));
            e = DateTime::parse(str(period, "end"));
        }
        if (s.isValid())
            start = s;
        if (e.isValid())
            end = e;
        if (!start.isValid())
            start = DateTime::parse(str(r, "dateAsserted"));
    }
    if (!end.isValid() && start.isValid() && days > 0)
        end = dayOnly(start.date().addDays(days - 1));
    p.start = start;
    p.end = end;
    p.days = days;
    return p;
}

bool MedicationPeriod::isVetoed(const ClinicalItem &item)
{
    return statusVetoes(item.status);
}

MedicationPeriod::State MedicationPeriod::stateAt(const ClinicalItem &item, qint64 asOfMsecs)
{
    if (isVetoed(item))
        return State::Vetoed;
    const QDate today = displayDay(asOfMsecs);
    if (item.start.isValid() && item.start.date() > today)
        return State::NotStarted;
    if (!item.end.isValid()) {
        const bool done = item.status == u"completed"
                          && (item.resourceType == u"MedicationStatement" || item.resourceType == u"MedicationAdministration");
        return done ? State::Ended : State::PeriodUnknown;
    }
    if (item.end.date() < today)
        return State::Ended;
    // Without a start we cannot say it had begun; the end alone is not enough to call it current.
    return item.start.isValid() ? State::Current : State::PeriodUnknown;
}

QList<const ClinicalItem *> MedicationPeriod::currentAt(const PatientRecord &record, qint64 asOfMsecs)
{
    QList<const ClinicalItem *> out;
    for (const ClinicalItem &item : record.items)
        if (item.category == ItemCategory::Medication && isCurrentAt(item, asOfMsecs))
            out << &item;
    return out;
}

std::optional<qint64> MedicationPeriod::endExclusiveMsecs(const ClinicalItem &item)
{
    if (!item.end.isValid())
        return std::nullopt;
    const qint64 utcMidnight = QDate(1970, 1, 1).daysTo(item.end.date().addDays(1)) * DayMs;
    return utcMidnight - qint64(DisplayZone::offsetAt(utcMidnight)) * 1000;
}

QString MedicationPeriod::stateText(const ClinicalItem &item, State state)
{
    switch (state) {
    case State::Current:
        return tr("Current", "medication in use at the reference time");
    case State::NotStarted:
        return tr("Not started", "medication whose period starts after the reference time");
    case State::Ended:
        return tr("Ended", "medication whose period ended before the reference time");
    case State::PeriodUnknown:
        return tr("Period unknown", "medication whose end cannot be known from the record");
    case State::Vetoed:
        break;
    }
    const QString &s = item.status;
    if (s == u"stopped")
        return tr("Stopped", "medication status");
    if (s == u"cancelled")
        return tr("Cancelled", "medication status");
    if (s == u"entered-in-error")
        return tr("Entered in error", "medication status");
    if (s == u"on-hold")
        return tr("On hold", "medication status");
    if (s == u"draft")
        return tr("Draft", "medication status");
    if (s == u"not-taken")
        return tr("Not taken", "medication status");
    if (s == u"not-done")
        return tr("Not done", "medication status");
    if (s == u"declined")
        return tr("Declined", "medication status");
    if (s == u"intended")
        return tr("Intended", "medication status");
    if (s == u"preparation")
        return tr("Being prepared", "medication status");
    return s;
}

} // namespace Kakehashi
