#include "documentresults.h"

#include "cdadocument.h"
#include "clinicaldocument.h"
#include "clinicalitembuilder.h"
#include "resourceindex.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMultiHash>
#include <QSet>

#include <cmath>

namespace Kakehashi {

namespace {

constexpr int kMaxSectionDepth = 16;
constexpr int kMaxResults = 5000;
// 特定健診 item codes (特定健診項目コード). Laboratory items are JLAC10 codes; 9… are measurements.
constexpr QStringView kCheckupItemOid = u"1.2.392.200119.6.1005";
constexpr QStringView kJlac10Oid = u"1.2.392.200119.4.504";
constexpr QStringView kCheckupReport = u"53576-5";

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonArray arr(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toArray();
}

// The bytes a DocumentReference's source Bundle carries: inline data, a Binary, or (as JSON) a
// document Bundle kept as a resource. Only within the source; nothing is fetched.
QByteArray contentOf(const QJsonArray &entries)
{
    const QJsonObject reference = entries.at(0).toObject().value(QLatin1String("resource")).toObject();
    for (const QJsonValue &c : arr(reference, "content")) {
        const QJsonObject attachment = c.toObject().value(QLatin1String("attachment")).toObject();
        if (attachment.contains(QLatin1String("data")))
            return QByteArray::fromBase64(str(attachment, "data").toLatin1());
        const QString url = str(attachment, "url");
        if (url.isEmpty())
            continue;
        for (const QJsonValue &e : entries) {
            const QJsonObject entry = e.toObject();
            if (str(entry, "fullUrl") != url)
                continue;
            const QJsonObject resource = entry.value(QLatin1String("resource")).toObject();
            const QString type = str(resource, "resourceType");
            if (type == u"Binary")
                return QByteArray::fromBase64(str(resource, "data").toLatin1());
            if (type == u"Bundle")
                return QJsonDocument(resource).toJson(QJsonDocument::Compact);
        }
    }
    return {};
}

QString documentName(const QString &ownTitle, const ClinicalItem &document)
{
    const QString title = ownTitle.isEmpty() ? document.title : ownTitle;
    return document.start.isValid() ? DocumentResults::tr("%1, %2", "document title, date").arg(title, document.start.displayText()) : title;
}

void markItem(ClinicalItem &item, const ClinicalItem &document, const QString &name, const QString &format, int n)
{
    item.resourceType = QStringLiteral("Observation");
    item.key = document.key + QStringLiteral("#document-result-") + QString::number(n);
    item.subtype = format;
    item.sourceDocument = name;
    // The document's facility, unless the result names its own by 医療機関コード (the one key that
    // means the same facility outside the document; an Organization inside it is only the document's).
    if (!item.source.key.startsWith(QLatin1String("institution:")) || !item.source.unresolvedReason.isEmpty())
        item.source = document.source;
    QStringList parts{item.detail, DocumentResults::mark(item)};
    parts.removeAll(QString());
    item.detail = parts.join(QStringLiteral("  "));
}

QList<ClinicalItem> cdaResults(const QByteArray &bytes, const ClinicalItem &document)
{
    QList<ClinicalItem> items;
    QList<CdaObservation> observations;
    const DocumentLoadResult cda = CdaReader::read(bytes, &observations);
    if (!cda.isOk())
        return items;
    const QString name = documentName(cda.document.title, document);
    for (const CdaObservation &o : std::as_const(observations)) {
        // No value, no result: it stays in the document (never a blank or a made-up number here).
        if (!o.number && o.valueText.trimmed().isEmpty())
            continue;
        if (items.size() >= kMaxResults)
            break;
        ClinicalItem item;
        const bool checkupCode = o.codeSystem == kCheckupItemOid;
        const bool jlac10 = o.codeSystem == kJlac10Oid || (checkupCode && o.code.size() == 17 && !o.code.startsWith(u'9'));
        item.category = checkupCode && o.code.startsWith(u'9') ? ItemCategory::Vital : ItemCategory::Lab;
        item.title = o.display;
        item.codes = {Fhir::Coding{QStringLiteral("urn:oid:") + o.codeSystem, o.code, o.display}};
        item.start = o.time.isValid() ? o.time : document.start;
        item.source = document.source;
        LabValue &v = item.lab;
        v.value = o.number;
        v.unit = o.unit;
        v.text = o.valueText;
        v.low = o.low;
        v.high = o.high;
        v.rangeText = o.referenceRange;
        v.flag = o.interpretation;
        if (v.flag.isEmpty() && v.value) {
            if (v.high && *v.value > *v.high)
                v.flag = QStringLiteral("H");
            else if (v.low && *v.value < *v.low)
                v.flag = QStringLiteral("L");
        }
        v.analyteKey = jlac10 ? QString(QStringLiteral("JLAC10:") + o.code) : QString(QStringLiteral("urn:oid:") + o.codeSystem + u'|' + o.code);
        QStringList parts{v.text};
        if (!v.rangeText.isEmpty())
            parts << ClinicalItemBuilder::tr("ref. %1", "reference range").arg(v.rangeText);
        if (!v.flag.isEmpty() && v.flag != u"N")
            parts << v.flag;
        parts.removeAll(QString());
        item.detail = parts.join(QStringLiteral("  "));
        markItem(item, document, name, QStringLiteral("cda"), int(items.size()) + 1);
        items << item;
    }
    return items;
}

void collectEntries(const QJsonArray &sections, QStringList &references, int depth)
{
    if (depth >= kMaxSectionDepth)
        return;
    for (const QJsonValue &s : sections) {
        const QJsonObject section = s.toObject();
        for (const QJsonValue &e : arr(section, "entry"))
            references << Fhir::referenceOf(e);
        collectEntries(arr(section, "section"), references, depth + 1);
    }
}

bool hasValue(const QJsonObject &observation)
{
    for (auto it = observation.constBegin(); it != observation.constEnd(); ++it)
        if (it.key().startsWith(QLatin1String("value")))
            return true;
    return false;
}

// The Observations a FHIR check-up report (eCheckup, Composition type 53576-5) lists in its sections.
QList<ClinicalItem> fhirCheckupResults(const QByteArray &bytes, const ClinicalItem &document)
{
    QList<ClinicalItem> items;
    const QJsonObject bundle = QJsonDocument::fromJson(bytes).object();
    if (str(bundle, "resourceType") != u"Bundle")
        return items;
    QHash<QString, QJsonObject> byKey;
    QHash<QString, QString> fullUrlToKey;
    QJsonObject composition;
    for (const QJsonValue &e : arr(bundle, "entry")) {
        const QJsonObject entry = e.toObject();
        const QJsonObject resource = entry.value(QLatin1String("resource")).toObject();
        const QString type = str(resource, "resourceType");
        if (type.isEmpty())
            continue;
        const QString fullUrl = str(entry, "fullUrl");
        const QString id = str(resource, "id");
        const QString key = type + u'/' + (id.isEmpty() ? fullUrl : id);
        byKey.insert(key, resource);
        if (!fullUrl.isEmpty())
            fullUrlToKey.insert(fullUrl, key);
        if (type == u"Composition" && composition.isEmpty())
            composition = resource;
    }
    // Only a check-up report: the results a referral letter quotes are the sender's copies of
    // results the record carries itself.
    bool checkup = false;
    for (const Fhir::Coding &c : Fhir::codings(composition.value(QLatin1String("type"))))
        checkup = checkup || c.code == kCheckupReport;
    if (!checkup)
        return items;
    const QString name = documentName(str(composition, "title"), document);

    const ResourceIndex index(byKey, fullUrlToKey);
    const ClinicalItemBuilder builder(index);
    QStringList references;
    collectEntries(arr(composition, "section"), references, 0);
    QSet<QString> seen;
    for (const QString &ref : std::as_const(references)) {
        const QString key = index.keyFor(ref);
        if (key.isEmpty() || seen.contains(key) || items.size() >= kMaxResults)
            continue;
        seen.insert(key);
        const QJsonObject resource = byKey.value(key);
        if (str(resource, "resourceType") != u"Observation")
            continue;
        // No value (dataAbsentReason, nothing at all): it stays in the document, never a result here.
        if (!hasValue(resource) && arr(resource, "component").isEmpty())
            continue;
        std::optional<ClinicalItem> built = builder.build(resource);
        if (!built || built->redacted)
            continue;
        ClinicalItem &item = *built;
        if (!item.lab.value && item.lab.text.trimmed().isEmpty())
            continue;
        if (item.category != ItemCategory::Vital)
            item.category = ItemCategory::Lab; // a result section of a check-up: a result, whatever its category says
        if (!item.start.isValid())
            item.start = document.start;
        markItem(item, document, name, QStringLiteral("fhir-document"), int(items.size()) + 1);
        items << item;
    }
    return items;
}

bool sameTime(const Fhir::DateTime &a, const Fhir::DateTime &b)
{
    using P = Fhir::DateTime::Precision;
    if (!a.isValid() || !b.isValid())
        return false;
    if (a.precision == P::Time && b.precision == P::Time)
        return a.msecs() / 60000 == b.msecs() / 60000;
    if (a.precision < P::Day || b.precision < P::Day)
        return false; // a month or a year says too little to call two results one
    return a.date() == b.date();
}

bool sameValue(const LabValue &a, const LabValue &b)
{
    if (a.value && b.value) {
        const double x = *a.value;
        const double y = *b.value;
        if (std::fabs(x - y) > 1e-9 * std::max({1.0, std::fabs(x), std::fabs(y)}))
            return false;
        const QString ua = a.unit.trimmed();
        const QString ub = b.unit.trimmed();
        return ua.isEmpty() || ub.isEmpty() || ua.compare(ub, Qt::CaseInsensitive) == 0;
    }
    if (a.value || b.value)
        return false;
    const QString ta = a.text.simplified();
    return !ta.isEmpty() && ta.compare(b.text.simplified(), Qt::CaseInsensitive) == 0;
}

} // namespace

QList<ClinicalItem> DocumentResults::read(const QJsonObject &documentSource, const ClinicalItem &document)
{
    if (document.resourceType != u"DocumentReference" || documentSource.isEmpty() || document.redacted)
        return {};
    // Cheap first: only content declared as CDA/XML or JSON (or not declared) is decoded and parsed,
    // and JSON only for a check-up report, so records with thousands of documents assemble as fast
    // as before. (Content declared as something else that is really CDA is a lying type: it is not
    // shown, and not read here.)
    const DocumentFormat declared = documentFormatOfContentType(document.subtype);
    const bool maybeCda = document.subtype.isEmpty() || declared == DocumentFormat::Cda;
    const bool maybeCheckup = (document.subtype.isEmpty() || declared == DocumentFormat::FhirDocument) && document.documentTypeCode == kCheckupReport;
    if (!maybeCda && !maybeCheckup)
        return {};
    const QByteArray bytes = contentOf(documentSource.value(QLatin1String("entry")).toArray());
    if (bytes.isEmpty())
        return {};
    const DocumentFormat actual = sniffDocumentFormat(bytes);
    if (actual == DocumentFormat::Cda && maybeCda)
        return cdaResults(bytes, document);
    if (actual == DocumentFormat::FhirDocument && maybeCheckup)
        return fhirCheckupResults(bytes, document);
    return {};
}

bool DocumentResults::sameResult(const ClinicalItem &a, const ClinicalItem &b)
{
    if (a.redacted || b.redacted || a.lab.analyteKey.isEmpty() || a.lab.analyteKey != b.lab.analyteKey)
        return false;
    return sameTime(a.start, b.start) && sameValue(a.lab, b.lab);
}

void DocumentResults::removeRepeats(QList<ClinicalItem> &items)
{
    // The record's own results first, then document results in order: a document result is compared
    // with every result kept before it.
    QMultiHash<QString, qsizetype> kept;
    bool anyFromDocument = false;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const ClinicalItem &item = items[i];
        if (item.category != ItemCategory::Lab && item.category != ItemCategory::Vital)
            continue;
        if (isFromDocument(item))
            anyFromDocument = true;
        else if (!item.lab.analyteKey.isEmpty())
            kept.insert(item.lab.analyteKey, i);
    }
    if (!anyFromDocument)
        return;
    QList<bool> drop(items.size(), false);
    for (qsizetype i = 0; i < items.size(); ++i) {
        const ClinicalItem &item = items[i];
        if (!isFromDocument(item) || (item.category != ItemCategory::Lab && item.category != ItemCategory::Vital))
            continue;
        qsizetype same = -1;
        for (auto it = kept.constFind(item.lab.analyteKey); it != kept.cend() && it.key() == item.lab.analyteKey; ++it) {
            if (sameResult(items[*it], item)) {
                same = *it;
                break;
            }
        }
        if (same < 0) {
            if (!item.lab.analyteKey.isEmpty())
                kept.insert(item.lab.analyteKey, i);
            continue;
        }
        drop[i] = true;
        ClinicalItem &stays = items[same];
        const QString note = tr("also in the document “%1”").arg(item.sourceDocument);
        if (!stays.detail.contains(note))
            stays.detail = stays.detail.isEmpty() ? note : stays.detail + QStringLiteral("  ") + note;
    }
    qsizetype out = 0;
    for (qsizetype i = 0; i < items.size(); ++i)
        if (!drop[i])
            items[out++] = std::move(items[i]);
    items.resize(out);
}

QString DocumentResults::documentKeyOf(const ClinicalItem &item)
{
    if (!isFromDocument(item))
        return {};
    const qsizetype hash = item.key.indexOf(QLatin1String("#document-result-"));
    return hash < 0 ? QString() : item.key.left(hash);
}

QString DocumentResults::markFor(const QString &documentName)
{
    return documentName.isEmpty() ? QString() : tr("from the document “%1”").arg(documentName);
}

} // namespace Kakehashi
