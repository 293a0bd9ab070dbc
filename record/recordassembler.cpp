#include "recordassembler.h"

#include "documentresults.h"
#include "clinicaldocument.h"
#include "clinicalitembuilder.h"
#include "profilecheck.h"
#include "resourceindex.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>
#include "common/parallelmap.h"

#include <algorithm>

namespace Kakehashi {

using namespace Fhir;

namespace {

constexpr int kMaxBundleDepth = 8;
// Below this many resources the thread pool costs more than it saves.
constexpr qsizetype kParallelThreshold = 256;

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

bool isKana(QStringView text)
{
    bool any = false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u' ' || u == 0x3000 || u == 0x30FB || u == 0x30FC)
            continue;
        if ((u >= 0x30A0 && u <= 0x30FF) || (u >= 0x3040 && u <= 0x309F) || (u >= 0xFF66 && u <= 0xFF9F))
            any = true;
        else
            return false;
    }
    return any;
}

bool hasCjk(QStringView text)
{
    for (QChar c : text)
        if (c.unicode() >= 0x3000)
            return true;
    return false;
}

int withheldCountOf(const QJsonObject &issue)
{
    for (const QJsonValue &e : issue.value(QLatin1String("extension")).toArray()) {
        const QJsonValue v = e.toObject().value(QLatin1String("valueInteger"));
        if (v.isDouble())
            return v.toInt();
    }
    static const QRegularExpression digits(QStringLiteral("(\\d+)"));
    for (const QString &text : {str(issue.value(QLatin1String("details")).toObject(), "text"), str(issue, "diagnostics")}) {
        const auto m = digits.match(text);
        if (m.hasMatch())
            return m.captured(1).toInt();
    }
    return -1; // something was withheld, the count is not stated
}

// The resource type a searchset page answered ("AllergyIntolerance" for .../AllergyIntolerance?patient=…),
// from the Bundle's self link or the page's URL; empty when it cannot be told ($everything, a file).
QString searchedTypeOf(const QJsonObject &bundle, const QString &origin)
{
    QString url;
    for (const QJsonValue &l : bundle.value(QLatin1String("link")).toArray())
        if (str(l.toObject(), "relation") == u"self")
            url = str(l.toObject(), "url");
    if (url.isEmpty())
        url = origin;
    const QString path = QUrl(url).path();
    const QString last = path.section(u'/', -1);
    static const QRegularExpression typeName(QStringLiteral("^[A-Z][A-Za-z]+$"));
    return typeName.match(last).hasMatch() ? last : QString();
}

// A page that looked resources up by id (`Type?_id=a,b`: references the record's own fetch did not
// include). Its withheld count is not added again: what it withholds was already counted by the
// patient's own search or $everything, and the reference then reads as unresolved with its reason.
bool isIdLookup(const QJsonObject &bundle, const QString &origin)
{
    QString url;
    for (const QJsonValue &l : bundle.value(QLatin1String("link")).toArray())
        if (str(l.toObject(), "relation") == u"self")
            url = str(l.toObject(), "url");
    if (url.isEmpty())
        url = origin;
    return QUrlQuery(QUrl(url)).hasQueryItem(QStringLiteral("_id"));
}

// A patient reference as written in subject/patient/link: a bare id means Patient/<id>, so
// "jppatientExample01" and "Patient/jppatientExample01" are one patient.
QString patientReference(const QString &ref)
{
    if (ref.isEmpty() || ref.startsWith(u'#') || ref.contains(u'/') || ref.contains(u':'))
        return ref;
    return QStringLiteral("Patient/") + ref;
}

void collectReferences(const QJsonValue &node, QStringList &out, bool top)
{
    if (node.isArray()) {
        for (const QJsonValue &v : node.toArray())
            collectReferences(v, out, false);
        return;
    }
    if (!node.isObject())
        return;
    const QJsonObject o = node.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == u"reference" && it->isString()) {
            const QString typeHint = o.value(QLatin1String("type")).toString();
            out.append(typeHint.isEmpty() ? it->toString() : typeHint + u'|' + it->toString());
        } else if (it.key() != u"contained" && (it->isObject() || it->isArray()) && !(top && it.key() == u"text")) {
            collectReferences(*it, out, false);
        }
    }
}

// What kind of patient identifier a system is, in words (never its value: that is patient data).
QString identifierKind(const QString &system)
{
    if (system == Fhir::System::InsuranceMemberId)
        return QCoreApplication::translate("Kakehashi::RecordAssembler", "insurance member ID");
    if (system.startsWith(Fhir::System::FacilityPatientIdPrefix))
        return QCoreApplication::translate("Kakehashi::RecordAssembler", "facility patient ID (%1)").arg(system.mid(Fhir::System::FacilityPatientIdPrefix.size()));
    return QCoreApplication::translate("Kakehashi::RecordAssembler", "identifier (%1)").arg(system);
}

struct PatientGroup
{
    QString primary;
    QStringList keys;
};

class UnionFind
{
public:
    QString find(const QString &k)
    {
        QString root = k;
        while (m_parent.contains(root) && m_parent.value(root) != root)
            root = m_parent.value(root);
        m_parent.insert(k, root);
        return root;
    }
    void unite(const QString &a, const QString &b)
    {
        const QString ra = find(a);
        const QString rb = find(b);
        if (ra != rb)
            m_parent.insert(rb, ra);
    }
    void add(const QString &k)
    {
        if (!m_parent.contains(k))
            m_parent.insert(k, k);
    }

private:
    QHash<QString, QString> m_parent;
};

void mergePatient(PatientInfo &info, const QJsonObject &p, const ResourceIndex &index)
{
    for (const QJsonValue &n : p.value(QLatin1String("name")).toArray()) {
        const QJsonObject name = n.toObject();
        const QString text = humanNameText(name);
        if (text.isEmpty())
            continue;
        const QString rep = humanNameRepresentation(name);
        if ((rep == u"SYL" || (rep.isEmpty() && isKana(text))) && info.kanaName.isEmpty())
            info.kanaName = text;
        else if ((rep == u"IDE" || (rep.isEmpty() && hasCjk(text))) && info.kanjiName.isEmpty())
            info.kanjiName = text;
        else if (rep != u"SYL" && rep != u"IDE" && info.otherName.isEmpty())
            info.otherName = text;
    }
    if (info.gender.isEmpty())
        info.gender = str(p, "gender");
    if (!info.birthDate.isValid())
        info.birthDate = QDate::fromString(str(p, "birthDate"), Qt::ISODate);
    for (const QJsonValue &i : p.value(QLatin1String("identifier")).toArray()) {
        const QJsonObject id = i.toObject();
        const PatientIdentifier pid{str(id, "system"), str(id, "value")};
        if (!pid.value.isEmpty()
            && std::none_of(info.identifiers.cbegin(), info.identifiers.cend(),
                            [&](const PatientIdentifier &x) { return x.system == pid.system && x.value == pid.value; }))
            info.identifiers.append(pid);
    }
    const QJsonValue managing = p.value(QLatin1String("managingOrganization"));
    const QJsonObject org = index.resolve(referenceOf(managing), p);
    QString orgName = str(org, "name");
    if (orgName.isEmpty())
        orgName = str(managing.toObject(), "display");
    if (!orgName.isEmpty() && !info.sourceNames.contains(orgName))
        info.sourceNames.append(orgName);
}

} // namespace

RecordAssembler::RecordAssembler() = default;

QString RecordAssembler::referenceKey(const QString &reference)
{
    if (reference.isEmpty() || reference.startsWith(u'#') || reference.startsWith(QLatin1String("urn:")))
        return {};
    QString ref = reference;
    const qsizetype history = ref.indexOf(QLatin1String("/_history/"));
    if (history >= 0)
        ref.truncate(history);
    const qsizetype slash = ref.lastIndexOf(u'/');
    if (slash <= 0 || slash == ref.size() - 1)
        return {};
    const qsizetype typeSlash = ref.lastIndexOf(u'/', slash - 1);
    const QString type = ref.mid(typeSlash + 1, slash - typeSlash - 1);
    if (type.isEmpty() || !type.front().isUpper())
        return {};
    return ref.mid(typeSlash + 1);
}

QStringList RecordAssembler::linkedPatientIds() const
{
    QStringList ids;
    for (auto it = m_resources.cbegin(); it != m_resources.cend(); ++it) {
        if (!it.key().startsWith(QLatin1String("Patient/")))
            continue;
        for (const QJsonValue &l : it->resource.value(QLatin1String("link")).toArray()) {
            QString ref = patientReference(referenceOf(l.toObject().value(QLatin1String("other"))));
            if (m_fullUrlToKey.contains(ref))
                ref = m_fullUrlToKey.value(ref);
            const QString key = referenceKey(ref);
            if (key.startsWith(QLatin1String("Patient/")) && !ids.contains(key.mid(8)))
                ids.append(key.mid(8));
        }
    }
    ids.sort();
    return ids;
}

QStringList RecordAssembler::missingReferences(const QStringList &types) const
{
    QStringList found;
    for (const QString &key : m_order) {
        const Stored &stored = *m_resources.constFind(key);
        if (m_collectReferences)
            found.append(stored.references);
        else
            collectReferences(stored.resource, found, true);
    }
    QStringList missing;
    QSet<QString> seen;
    for (const QString &entry : std::as_const(found)) {
        const qsizetype bar = entry.indexOf(u'|');
        const QString hint = bar > 0 && !entry.left(bar).contains(u'/') ? entry.left(bar) : QString();
        const QString ref = hint.isEmpty() ? entry : entry.mid(bar + 1);
        if (ref.startsWith(u'#') || seen.contains(ref) || m_fullUrlToKey.contains(ref))
            continue;
        seen.insert(ref);
        const QString key = referenceKey(ref);
        const QString type = key.isEmpty() ? hint : key.section(u'/', 0, 0);
        if (!types.contains(type) || (!key.isEmpty() && m_resources.contains(key)))
            continue;
        missing.append(ref);
    }
    return missing;
}

int RecordAssembler::originIndexFor(const QString &origin)
{
    const qsizetype i = m_origins.indexOf(origin);
    if (i >= 0)
        return int(i);
    m_origins.append(origin);
    return int(m_origins.size() - 1);
}

bool RecordAssembler::addJson(const QByteArray &json, const QString &origin, QJsonObject *parsed)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError) {
        m_errors.append(tr("%1: not valid JSON (%2 at byte %3)").arg(origin, err.errorString()).arg(err.offset));
        return false;
    }
    if (!doc.isObject()) {
        m_errors.append(tr("%1: not a FHIR resource (the JSON is not an object)").arg(origin));
        return false;
    }
    const QJsonObject obj = doc.object();
    const bool usable = addParsed(obj, origin);
    if (parsed && !str(obj, "resourceType").isEmpty())
        *parsed = obj;
    return usable;
}

bool RecordAssembler::addParsed(const QJsonObject &obj, const QString &origin)
{
    if (str(obj, "resourceType").isEmpty()) {
        m_errors.append(tr("%1: not a FHIR resource (no resourceType)").arg(origin));
        return false;
    }
    const qsizetype before = m_order.size();
    const qsizetype errorsBefore = m_errors.size();
    addResource(obj, origin);
    return m_order.size() > before || m_errors.size() == errorsBefore;
}

void RecordAssembler::addResource(const QJsonObject &resource, const QString &origin)
{
    const int originIndex = originIndexFor(origin);
    const QString type = str(resource, "resourceType");
    if (type == u"Bundle")
        addBundle(resource, originIndex, origin);
    else if (type == u"OperationOutcome")
        addOperationOutcome(resource, originIndex, origin, false);
    else
        addOne(resource, QString(), originIndex, origin);
}

void RecordAssembler::addBundle(const QJsonObject &bundle, int originIndex, const QString &origin)
{
    struct Frame
    {
        QJsonObject bundle;
        int depth;
    };
    QList<Frame> stack{{bundle, 0}};
    while (!stack.isEmpty()) {
        const Frame frame = stack.takeLast();
        const QJsonValue entries = frame.bundle.value(QLatin1String("entry"));
        if (!entries.isUndefined() && !entries.isArray()) {
            m_errors.append(tr("%1: Bundle.entry is not a list").arg(origin));
            continue;
        }
        int index = 0;
        for (const QJsonValue &e : entries.toArray()) {
            ++index;
            const QJsonObject entry = e.toObject();
            const QJsonObject resource = entry.value(QLatin1String("resource")).toObject();
            if (resource.isEmpty()) {
                if (!entry.contains(QLatin1String("request")))
                    m_warnings.append(tr("%1: Bundle entry %2 has no resource").arg(origin).arg(index));
                continue;
            }
            const QString type = str(resource, "resourceType");
            const QString mode = str(entry.value(QLatin1String("search")).toObject(), "mode");
            if (type.isEmpty()) {
                m_errors.append(tr("%1: Bundle entry %2 is not a FHIR resource (no resourceType)").arg(origin).arg(index));
            } else if (type == u"OperationOutcome") {
                if (mode == u"outcome" && isIdLookup(frame.bundle, origin))
                    continue;
                addOperationOutcome(resource, originIndex, origin, mode == u"outcome",
                                    mode == u"outcome" ? searchedTypeOf(frame.bundle, origin) : QString());
            } else if (type == u"Bundle") {
                if (frame.depth + 1 > kMaxBundleDepth)
                    m_errors.append(tr("%1: Bundles nested deeper than %2 levels were not read").arg(origin).arg(kMaxBundleDepth));
                else
                    stack.append({resource, frame.depth + 1});
            } else {
                addOne(resource, str(entry, "fullUrl"), originIndex, origin);
            }
        }
    }
}

void RecordAssembler::addOne(const QJsonObject &resource, const QString &fullUrl, int originIndex, const QString &origin)
{
    Q_UNUSED(origin);
    QString key = resourceKey(resource);
    if (key.isEmpty())
        key = str(resource, "resourceType") + QStringLiteral("/#") + QString::number(++m_anonymousCounter);
    if (!fullUrl.isEmpty())
        m_fullUrlToKey.insert(fullUrl, key);
    QStringList references;
    if (m_collectReferences)
        collectReferences(resource, references, true);
    auto it = m_resources.find(key);
    if (it == m_resources.end()) {
        m_resources.insert(key, {resource, originIndex, std::move(references)});
        m_order.append(key);
    } else {
        // The same resource again (shared Organizations, a refreshed page): the latest copy wins.
        it->resource = resource;
        it->originIndex = originIndex;
        it->references = std::move(references);
    }
}

void RecordAssembler::addOperationOutcome(const QJsonObject &outcome, int originIndex, const QString &origin, bool asSearchOutcome,
                                          const QString &searchedType)
{
    for (const QJsonValue &i : outcome.value(QLatin1String("issue")).toArray()) {
        const QJsonObject issue = i.toObject();
        const QString severity = str(issue, "severity");
        const QString code = str(issue, "code");
        QString text = str(issue, "diagnostics");
        if (text.isEmpty())
            text = codeableText(issue.value(QLatin1String("details")));
        if (code == u"suppressed") {
            const int n = withheldCountOf(issue);
            // A kept count (withheldCountsResource) names its type in the issue's expression.
            QString type = searchedType;
            const QString expression = issue.value(QLatin1String("expression")).toArray().first().toString();
            if (type.isEmpty() && str(outcome, "id") == u"kakehashi-withheld")
                type = expression;
            m_withheldByOrigin[originIndex] += n < 0 ? 1 : n;
            m_withheldTypesByOrigin[originIndex][type] += n < 0 ? 1 : n;
            if (n < 0)
                m_warnings.append(tr("%1: some items were withheld by the patient's disclosure settings (count not stated)").arg(origin));
            continue;
        }
        if (asSearchOutcome && severity == u"information")
            continue;
        const QString message = tr("%1: the service reported: %2").arg(origin, text.isEmpty() ? code : text);
        if (severity == u"error" || severity == u"fatal")
            m_errors.append(message);
        else
            m_warnings.append(message);
    }
}

RecordSet RecordAssembler::finish()
{
    RecordSet set;
    set.resourceCount = int(m_order.size());

    QHash<QString, QJsonObject> byKey;
    byKey.reserve(m_resources.size());
    for (auto it = m_resources.cbegin(); it != m_resources.cend(); ++it)
        byKey.insert(it.key(), it->resource);
    ResourceIndex index(byKey, m_fullUrlToKey);
    index.setUnresolvedReasons(&m_unresolved);
    const ClinicalItemBuilder builder(index);

    // People: Patient resources, joined by Patient.link into one person.
    UnionFind people;
    QStringList patientKeys;
    QSet<QString> replaced;
    for (const QString &key : std::as_const(m_order)) {
        if (!key.startsWith(QLatin1String("Patient/")))
            continue;
        patientKeys.append(key);
        people.add(key);
    }
    for (const QString &key : std::as_const(patientKeys)) {
        for (const QJsonValue &l : byKey.value(key).value(QLatin1String("link")).toArray()) {
            const QJsonObject link = l.toObject();
            const QString other = index.keyFor(patientReference(referenceOf(link.value(QLatin1String("other")))));
            if (!byKey.contains(other) || !other.startsWith(QLatin1String("Patient/")))
                continue;
            people.unite(key, other);
            if (str(link, "type") == u"replaced-by")
                replaced.insert(key);
        }
    }
    // The same identifier (system + value) on Patient resources not joined by Patient.link: one person,
    // with a visible note, unless their birth dates or sexes disagree (then two people and a warning:
    // merging two people's records is worse than showing one person twice).
    struct IdentityMerge
    {
        QString first;
        QString second;
        QString system;
    };
    QList<IdentityMerge> identityMerges;
    {
        QHash<QString, QString> keyOfIdentifier;
        for (const QString &key : std::as_const(patientKeys)) {
            const QJsonObject patient = byKey.value(key);
            for (const QJsonValue &i : patient.value(QLatin1String("identifier")).toArray()) {
                const QJsonObject id = i.toObject();
                const QString system = str(id, "system");
                const QString value = str(id, "value").trimmed();
                if (system.isEmpty() || value.isEmpty())
                    continue;
                const QString idKey = system + u'|' + value;
                const auto it = keyOfIdentifier.constFind(idKey);
                if (it == keyOfIdentifier.cend()) {
                    keyOfIdentifier.insert(idKey, key);
                    continue;
                }
                const QString other = it.value();
                if (people.find(other) == people.find(key))
                    continue;
                const QJsonObject o = byKey.value(other);
                const auto differs = [&](const char *field) {
                    return !str(o, field).isEmpty() && !str(patient, field).isEmpty() && str(o, field) != str(patient, field);
                };
                if (differs("birthDate") || differs("gender")) {
                    set.warnings.append(tr("%1 and %2 share an identifier (%3) but differ in birth date or sex; they are shown as two "
                                           "people. Check the patient's identity.")
                                            .arg(other, key, identifierKind(system)));
                    continue;
                }
                people.unite(other, key);
                identityMerges.append({other, key, system});
            }
        }
    }
    QHash<QString, int> recordOfRoot;
    QHash<QString, int> recordOfIdentifier;
    QList<QSet<int>> originsOfRecord;
    for (const QString &key : std::as_const(patientKeys)) {
        const QString root = people.find(key);
        int r = recordOfRoot.value(root, -1);
        if (r < 0) {
            r = int(set.patients.size());
            recordOfRoot.insert(root, r);
            set.patients.append(PatientRecord{});
            originsOfRecord.append(QSet<int>());
        }
        PatientInfo &info = set.patients[r].patient;
        const bool primary = info.key.isEmpty() || (replaced.contains(info.key) && !replaced.contains(key))
                             || (key == m_preferredKey && info.key != m_preferredKey && !replaced.contains(key));
        if (primary) {
            if (!info.key.isEmpty())
                info.linkedKeys.append(info.key);
            info.key = key;
            info.id = key.mid(8);
        } else {
            info.linkedKeys.append(key);
        }
        mergePatient(info, byKey.value(key), index);
        originsOfRecord[r].insert(m_resources.value(key).originIndex);
    }
    for (int r = 0; r < set.patients.size(); ++r)
        for (const PatientIdentifier &id : std::as_const(set.patients[r].patient.identifiers))
            recordOfIdentifier.insert(id.system + u'|' + id.value, r);
    for (const IdentityMerge &m : std::as_const(identityMerges)) {
        const int r = recordOfRoot.value(people.find(m.first), -1);
        if (r < 0)
            continue;
        const QString note = tr("%1 and %2 have the same %3 and are shown as one person.").arg(m.first, m.second, identifierKind(m.system));
        set.patients[r].patient.identityNotes.append(note);
        set.warnings.append(note);
    }

    auto placeholderFor = [&](const QString &ref, const QString &label) {
        int r = recordOfRoot.value(ref, -1);
        if (r >= 0)
            return r;
        r = int(set.patients.size());
        recordOfRoot.insert(ref, r);
        PatientRecord rec;
        rec.patient.key = ref;
        rec.patient.id = ref.startsWith(QLatin1String("Patient/")) ? ref.mid(8) : ref;
        rec.patient.otherName = label;
        rec.patient.placeholder = true;
        set.patients.append(rec);
        originsOfRecord.append(QSet<int>());
        set.warnings.append(tr("%1 is referred to but was not delivered; its items are shown under a placeholder").arg(ref));
        return r;
    };

    // Per resource, everything that depends only on the resource and the (read-only) index is
    // worked out on the thread pool; assigning items to people and collecting messages then runs
    // in load order, so the result is the same as a sequential pass.
    struct Prepared
    {
        QList<ProfileFinding> findings;
        bool compartment = false;
        bool undelivered = false;
        bool subjectIsObject = false;
        QString subjectRef; // as written
        QString subjectKey; // index.keyFor(subjectRef)
        QString identifierSystem;
        QString identifierValue;
        std::optional<ClinicalItem> item;
        QJsonObject documentSource; // document items: what showing the document needs
        QList<ClinicalItem> documentResults; // structured results read from inside the document (DocumentResults)
    };
    const auto prepare = [&](const QString &key) {
        Prepared p;
        const QJsonObject &res = m_resources.constFind(key)->resource;
        p.findings = ProfileCheck::check(res);
        const QString type = str(res, "resourceType");
        p.compartment = ClinicalItemBuilder::isPatientCompartmentType(type);
        if (!p.compartment)
            return p;
        // Which person: subject/patient/beneficiary reference, or a logical identifier.
        QJsonValue subject = res.value(QLatin1String("subject"));
        if (!subject.isObject())
            subject = res.value(QLatin1String("patient"));
        if (!subject.isObject())
            subject = res.value(QLatin1String("beneficiary"));
        p.subjectIsObject = subject.isObject();
        p.subjectRef = patientReference(referenceOf(subject));
        if (!p.subjectRef.isEmpty()) {
            p.subjectKey = index.keyFor(p.subjectRef);
        } else if (p.subjectIsObject) {
            const QJsonObject ident = subject.toObject().value(QLatin1String("identifier")).toObject();
            p.identifierSystem = str(ident, "system");
            p.identifierValue = str(ident, "value");
        }
        for (const QJsonValue &t : res.value(QLatin1String("meta")).toObject().value(QLatin1String("tag")).toArray()) {
            const QJsonObject tag = t.toObject();
            p.undelivered = p.undelivered || (str(tag, "system") == System::EhrShareIndication && str(tag, "code") == u"UNDELIVERED");
        }
        if (!p.undelivered)
            p.item = builder.build(res);
        if (p.item && p.item->category == ItemCategory::Document && !p.item->redacted)
            p.documentSource = ClinicalDocumentReader::sourceBundle(res, index);
        if (!p.documentSource.isEmpty())
            p.documentResults = DocumentResults::read(p.documentSource, *p.item);
        return p;
    };
    QList<Prepared> prepared;
    if (m_parallel && m_order.size() >= kParallelThreshold) {
        // The calling thread takes part (parallelMapped), so this also works when finish() runs on a
        // pool thread, as it does in the record loader.
        prepared = parallelMapped(m_order, prepare);
    } else {
        prepared.reserve(m_order.size());
        for (const QString &key : std::as_const(m_order))
            prepared.append(prepare(key));
    }

    int unassigned = 0;
    for (qsizetype k = 0; k < m_order.size(); ++k) {
        Prepared &p = prepared[k];
        for (ProfileFinding &f : p.findings) {
            if (f.severity == ProfileFinding::Severity::Error)
                set.errors.append(std::move(f.message));
            else
                set.warnings.append(std::move(f.message));
        }
        if (!p.compartment)
            continue;
        int r = -1;
        if (!p.subjectRef.isEmpty()) {
            const QString &pk = p.subjectKey;
            if (byKey.contains(pk))
                r = recordOfRoot.value(people.find(pk), -1);
            else if (recordOfRoot.size() == 1 && patientKeys.size() == 1 && set.patients.size() == 1)
                r = 0; // a single-patient load whose resources point at the patient's other address
            else
                r = placeholderFor(pk.isEmpty() ? p.subjectRef : pk, pk.isEmpty() ? p.subjectRef : pk);
        } else if (p.subjectIsObject) {
            const QString idKey = p.identifierSystem + u'|' + p.identifierValue;
            r = recordOfIdentifier.value(idKey, -1);
            if (r < 0 && !p.identifierValue.isEmpty())
                r = placeholderFor(QStringLiteral("identifier:") + idKey, tr("Patient identified only by %1").arg(p.identifierSystem));
        }
        if (r < 0 && set.patients.size() == 1)
            r = 0;
        if (r < 0) {
            ++unassigned;
            continue;
        }
        PatientRecord &record = set.patients[r];
        originsOfRecord[r].insert(m_resources.constFind(m_order[k])->originIndex);
        if (p.undelivered) {
            ++record.undeliveredCount; // never displayed, only counted
            continue;
        }
        if (!p.item)
            continue;
        if (p.item->redacted)
            ++record.withheldCount;
        if (!p.documentSource.isEmpty())
            record.documentSources.insert(p.item->key, DocumentSource::fromObject(std::move(p.documentSource)));
        record.items.append(std::move(*p.item));
        record.items.append(std::move(p.documentResults));
    }
    if (unassigned > 0)
        set.warnings.append(tr("%n clinical resource(s) name no patient and were not shown", nullptr, unassigned));

    for (int r = 0; r < set.patients.size(); ++r) {
        PatientRecord &record = set.patients[r];
        const auto addWithheld = [&record, this](int origin) {
            record.withheldCount += m_withheldByOrigin.value(origin);
            const QHash<QString, int> byType = m_withheldTypesByOrigin.value(origin);
            for (auto t = byType.cbegin(); t != byType.cend(); ++t)
                record.withheldByType[t.key()] += t.value();
        };
        for (int o : std::as_const(originsOfRecord[r]))
            addWithheld(o);
        if (set.patients.size() == 1)
            for (auto it = m_withheldByOrigin.cbegin(); it != m_withheldByOrigin.cend(); ++it)
                if (!originsOfRecord[r].contains(it.key()))
                    addWithheld(it.key());
        if (record.withheldCount > 0) {
            record.incomplete = true;
            record.incompleteReasons.append(withheldReason(record.withheldCount));
        }
        if (!m_incompleteReasons.isEmpty()) {
            record.incomplete = true;
            record.incompleteReasons.append(m_incompleteReasons);
        }
        // A result read from a document that is also a shared Observation is shown once.
        DocumentResults::removeRepeats(record.items);
        std::stable_sort(record.items.begin(), record.items.end(), [](const ClinicalItem &a, const ClinicalItem &b) {
            return a.start.msecs() > b.start.msecs();
        });
    }

    set.warnings = m_warnings + set.warnings;
    set.errors = m_errors + set.errors;
    return set;
}

QString RecordAssembler::withheldReason(int count)
{
    return tr("%n item(s) withheld by the patient's disclosure settings", nullptr, count);
}

QJsonObject RecordAssembler::withheldCountsResource(const QHash<QString, int> &byType)
{
    QStringList types = byType.keys();
    types.sort();
    QJsonArray issues;
    for (const QString &type : std::as_const(types)) {
        const int n = byType.value(type);
        if (n <= 0)
            continue;
        issues.append(QJsonObject{
            {QStringLiteral("severity"), QStringLiteral("information")},
            {QStringLiteral("code"), QStringLiteral("suppressed")},
            {QStringLiteral("expression"), QJsonArray{type}},
            {QStringLiteral("extension"), QJsonArray{QJsonObject{
                                              {QStringLiteral("url"), QStringLiteral("https://kakehashi.invalid/fhir/StructureDefinition/withheld-count")},
                                              {QStringLiteral("valueInteger"), n}}}},
        });
    }
    return {{QStringLiteral("resourceType"), QStringLiteral("OperationOutcome")},
            {QStringLiteral("id"), QStringLiteral("kakehashi-withheld")},
            {QStringLiteral("issue"), issues}};
}

void RecordAssembler::carryWithheldCounts(RecordSet &shown, const RecordSet &fetched)
{
    for (PatientRecord &record : shown.patients) {
        const PatientRecord *fresh = fetched.find(record.patient.id);
        if (!fresh)
            continue;
        int added = 0;
        for (auto it = fresh->withheldByType.cbegin(); it != fresh->withheldByType.cend(); ++it) {
            const int already = record.withheldByType.value(it.key());
            if (it.value() > already) {
                added += it.value() - already;
                record.withheldByType[it.key()] = it.value();
            }
        }
        if (added == 0)
            continue;
        record.incompleteReasons.removeAll(withheldReason(record.withheldCount));
        record.withheldCount += added;
        record.incompleteReasons.prepend(withheldReason(record.withheldCount));
        record.incomplete = true;
    }
}

} // namespace Kakehashi
