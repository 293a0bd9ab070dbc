// tst_demodata — checks the synthetic demo data written by tools/demo (target demo_data).
//
//   tst_demodata [DEMO_DATA_DIR] [QtTest options]
//
// DEMO_DATA_DIR defaults to the build's demo-data directory.

#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QResource>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#ifdef KAKEHASHI_TEST_HAVE_DCMTK
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#endif

namespace {

const QString kExCode = QStringLiteral("http://medis.or.jp/CodeSystem/master-disease-exCode");
const QString kIcd10 = QStringLiteral("http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full");
const QString kHot9 = QStringLiteral("http://medis.or.jp/CodeSystem/master-HOT9");
const QString kYj = QStringLiteral("http://capstandard.jp/iyaku.info/CodeSystem/YJ-code");
const QString kJami = QStringLiteral("http://jami.jp/CodeSystem/MedicationUsage");
const QString kJlac10 = QStringLiteral("http://medis.or.jp/CodeSystem/master-JLAC10-17digits");
const QString kJfagyFood = QStringLiteral("http://jpfhir.jp/fhir/core/CodeSystem/JP_JfagyFoodAllergen_CS");
const QString kDocType = QStringLiteral("http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes");
const QString kIndication = QStringLiteral("http://jpfhir.jp/fhir/clins/CodeSystem/JP_ehrshrs_indication");
const QString kNameRepr = QStringLiteral("http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation");
const QString kInstNo10 = QStringLiteral("http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no");
const QString kInstNo7 = QStringLiteral("http://jpfhir.jp/fhir/core/mhlw/IdSystem/MedicalOrganizationID");
const QString kFacilityKind = QStringLiteral("https://demo.kakehashi.invalid/fhir/CodeSystem/facility-kind");
const QString kBase = QStringLiteral("https://demo.kakehashi.invalid/fhir/");
const QString kHeavy = QStringLiteral("p900");
const QDate kToday(2026, 10, 31);

QJsonObject obj(const QJsonObject &o, const char *k) { return o.value(QLatin1String(k)).toObject(); }
QJsonArray arr(const QJsonObject &o, const char *k) { return o.value(QLatin1String(k)).toArray(); }
QString str(const QJsonObject &o, const char *k) { return o.value(QLatin1String(k)).toString(); }

// (system, code) pairs of a CodeableConcept
QList<QPair<QString, QString>> codings(const QJsonObject &cc) {
    QList<QPair<QString, QString>> out;
    for (const QJsonValue &c : arr(cc, "coding"))
        out.append({str(c.toObject(), "system"), str(c.toObject(), "code")});
    return out;
}

QString codeIn(const QJsonObject &cc, const QString &system) {
    for (const auto &c : codings(cc))
        if (c.first == system)
            return c.second;
    return {};
}

void collectReferences(const QJsonValue &v, QStringList &out) {
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() == QLatin1String("reference") && it.value().isString()) {
                const QString r = it.value().toString();
                if (!r.startsWith(QLatin1Char('#')) && !r.startsWith(QLatin1String("urn:")))
                    out.append(r);  // anything else must be a relative Type/id; checked by the caller
            } else {
                collectReferences(it.value(), out);
            }
        }
    } else if (v.isArray()) {
        for (const QJsonValue &x : v.toArray())
            collectReferences(x, out);
    }
}

QString facilityOf(const QJsonObject &res) {
    const QString src = str(obj(res, "meta"), "source");
    return src.section(QLatin1Char('/'), -1);
}

bool isKatakana(const QString &s) {
    for (const QChar c : s)
        if (!(c.unicode() >= 0x30A0 && c.unicode() <= 0x30FF) && c != QLatin1Char(' '))
            return false;
    return !s.isEmpty();
}

bool hasKanji(const QString &s) {
    for (const QChar c : s)
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    return false;
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QMap<QString, QByteArray> treeContents(const QString &root) {
    QMap<QString, QByteArray> out;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString p = it.next();
        out.insert(QDir(root).relativeFilePath(p), readAll(p));
    }
    return out;
}

}  // namespace

class TstDemoData : public QObject {
    Q_OBJECT
public:
    explicit TstDemoData(QString dir) : m_dir(std::move(dir)) {}

private:
    QString m_dir;
    QStringList m_patients;                                 // patient ids, sorted
    QMap<QString, QJsonArray> m_entries;                    // pid -> Bundle.entry
    QMap<QString, QHash<QString, QJsonObject>> m_resources; // pid -> "Type/id" -> resource

    QList<QJsonObject> ofType(const QString &pid, const QString &type) const {
        QList<QJsonObject> out;
        for (const QJsonValue &e : m_entries.value(pid)) {
            const QJsonObject r = obj(e.toObject(), "resource");
            if (str(r, "resourceType") == type)
                out.append(r);
        }
        return out;
    }
    void patientRows() {
        QTest::addColumn<QString>("pid");
        for (const QString &p : m_patients)
            QTest::newRow(qPrintable(p)) << p;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(QFileInfo(m_dir).isDir(), qPrintable(QStringLiteral("demo data dir missing: ") + m_dir));
        const QDir pdir(QDir(m_dir).filePath(QStringLiteral("patients")));
        const QStringList files = pdir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY(!files.isEmpty());
        for (const QString &f : files) {
            QJsonParseError err{};
            const QJsonDocument doc = QJsonDocument::fromJson(readAll(pdir.filePath(f)), &err);
            QVERIFY2(err.error == QJsonParseError::NoError, qPrintable(f + QLatin1String(": ") + err.errorString()));
            QVERIFY(doc.isObject());
            const QString pid = QFileInfo(f).completeBaseName();
            m_patients.append(pid);
            m_entries.insert(pid, arr(doc.object(), "entry"));
            QCOMPARE(str(doc.object(), "resourceType"), QStringLiteral("Bundle"));
            QCOMPARE(str(doc.object(), "type"), QStringLiteral("collection"));
            auto &index = m_resources[pid];
            for (const QJsonValue &e : m_entries.value(pid)) {
                const QJsonObject r = obj(e.toObject(), "resource");
                index.insert(str(r, "resourceType") + QLatin1Char('/') + str(r, "id"), r);
            }
        }
    }

    void otherFilesParse() {
        for (const char *name : {"imaging-manifest.json", "demo-info.json"}) {
            QJsonParseError err{};
            QJsonDocument::fromJson(readAll(QDir(m_dir).filePath(QLatin1String(name))), &err);
            QVERIFY2(err.error == QJsonParseError::NoError, name);
        }
    }

    // The moment the viewer reads the demo as of: the generator's "today", with its offset.
    void demoInfoCarriesTheAnchorDate() {
        const QJsonObject info = QJsonDocument::fromJson(readAll(QDir(m_dir).filePath(QStringLiteral("demo-info.json")))).object();
        const QJsonObject manifest = QJsonDocument::fromJson(readAll(QDir(m_dir).filePath(QStringLiteral("imaging-manifest.json")))).object();
        const QDateTime today = QDateTime::fromString(str(info, "today"), Qt::ISODate);
        QVERIFY2(today.isValid(), qPrintable(str(info, "today")));
        QCOMPARE(today.offsetFromUtc(), 9 * 3600);
        QCOMPARE(today.date(), QDate::fromString(str(manifest, "today"), Qt::ISODate));
        const QString qrc = QString::fromUtf8(readAll(QDir(m_dir).filePath(QStringLiteral("demo.qrc"))));
        QVERIFY(qrc.contains(QLatin1String("<file>demo-info.json</file>")));
    }

    void entriesWellFormed_data() { patientRows(); }
    void entriesWellFormed() {
        QFETCH(QString, pid);
        const QJsonArray entries = m_entries.value(pid);
        QCOMPARE(str(obj(entries.first().toObject(), "resource"), "resourceType"), QStringLiteral("Patient"));
        QCOMPARE(str(obj(entries.first().toObject(), "resource"), "id"), pid);
        QSet<QString> seen;
        for (const QJsonValue &v : entries) {
            const QJsonObject e = v.toObject();
            const QJsonObject r = obj(e, "resource");
            const QString type = str(r, "resourceType"), id = str(r, "id");
            QVERIFY2(!type.isEmpty() && !id.isEmpty(), QJsonDocument(e).toJson().constData());
            const QString key = type + QLatin1Char('/') + id;
            QVERIFY2(!seen.contains(key), qPrintable(QLatin1String("duplicate ") + key));
            seen.insert(key);
            QCOMPARE(str(e, "fullUrl"), kBase + key);
        }
        QCOMPARE(int(entries.size()), int(seen.size()));
    }

    void referencesResolve_data() { patientRows(); }
    void referencesResolve() {
        QFETCH(QString, pid);
        static const QRegularExpression relative(QStringLiteral("^[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]{1,64}$"));
        const auto &index = m_resources.value(pid);
        int checked = 0;
        for (auto it = index.begin(); it != index.end(); ++it) {
            QStringList refs;
            collectReferences(it.value(), refs);
            for (const QString &r : refs) {
                QVERIFY2(relative.match(r).hasMatch(), qPrintable(it.key() + QLatin1String(" has non-relative reference ") + r));
                QVERIFY2(index.contains(r), qPrintable(it.key() + QLatin1String(" -> unresolved ") + r));
                ++checked;
            }
        }
        QVERIFY(checked > 0);
    }

    void idsUniqueAcrossPatientsAndSharedIdentical() {
        static const QSet<QString> sharedTypes{QStringLiteral("Organization"), QStringLiteral("Practitioner"),
                                               QStringLiteral("Endpoint"), QStringLiteral("Medication")};
        QHash<QString, QString> owner;
        QHash<QString, QJsonObject> shared;
        for (const QString &pid : m_patients) {
            const auto &index = m_resources.value(pid);
            for (auto it = index.begin(); it != index.end(); ++it) {
                const QString type = it.key().section(QLatin1Char('/'), 0, 0);
                if (sharedTypes.contains(type)) {
                    if (shared.contains(it.key()))
                        QVERIFY2(shared.value(it.key()) == it.value(), qPrintable(it.key() + QLatin1String(" differs in ") + pid));
                    shared.insert(it.key(), it.value());
                    continue;
                }
                QVERIFY2(!owner.contains(it.key()),
                         qPrintable(it.key() + QLatin1String(" in ") + pid + QLatin1String(" and ") + owner.value(it.key())));
                owner.insert(it.key(), pid);
                if (type != QLatin1String("Patient"))
                    QVERIFY2(it.key().section(QLatin1Char('/'), 1).startsWith(pid + QLatin1Char('-')), qPrintable(it.key()));
            }
        }
    }

    void everyClinicalResourceHasASource_data() { patientRows(); }
    void everyClinicalResourceHasASource() {
        QFETCH(QString, pid);
        static const QSet<QString> clinical{
            QStringLiteral("Condition"), QStringLiteral("Observation"), QStringLiteral("MedicationRequest"),
            QStringLiteral("MedicationDispense"), QStringLiteral("Procedure"), QStringLiteral("Encounter"),
            QStringLiteral("AllergyIntolerance"), QStringLiteral("DiagnosticReport"), QStringLiteral("DocumentReference"),
            QStringLiteral("ImagingStudy")};
        const auto &index = m_resources.value(pid);
        for (auto it = index.begin(); it != index.end(); ++it) {
            if (!clinical.contains(str(it.value(), "resourceType")))
                continue;
            const QString org = facilityOf(it.value());
            QVERIFY2(index.contains(QLatin1String("Organization/") + org), qPrintable(it.key() + QLatin1String(" meta.source")));
        }
    }

    void conditionCodes() {
        int n = 0;
        int withExchangeCode = 0;
        QSet<QString> activeAndResolvedWithExCode;
        for (const QString &pid : m_patients) {
            for (const QJsonObject &c : ofType(pid, QStringLiteral("Condition"))) {
                const QJsonObject code = obj(c, "code");
                // MEDIS codes where known (exchange code and/or management number); never invented.
                const QString ex = codeIn(code, kExCode);
                QVERIFY2(ex.isEmpty() || ex.size() == 4, qPrintable(str(c, "id")));
                QVERIFY2(!ex.startsWith(QLatin1String("ZZ")), qPrintable(str(c, "id")));
                QVERIFY2(!ex.isEmpty() || !codeIn(code, QStringLiteral("http://medis.or.jp/CodeSystem/master-disease-keyNumber")).isEmpty()
                             || !codeIn(code, kIcd10).isEmpty(), qPrintable(str(c, "id")));
                if (!ex.isEmpty()) {
                    ++withExchangeCode;
                    activeAndResolvedWithExCode.insert(codeIn(obj(c, "clinicalStatus"), QStringLiteral("http://terminology.hl7.org/CodeSystem/condition-clinical")));
                }
                QVERIFY2(!codeIn(code, kIcd10).isEmpty(), qPrintable(str(c, "id")));
                const QString status = codeIn(obj(c, "clinicalStatus"),
                                              QStringLiteral("http://terminology.hl7.org/CodeSystem/condition-clinical"));
                QVERIFY(status == QLatin1String("active") || status == QLatin1String("resolved"));
                if (status == QLatin1String("resolved"))
                    QVERIFY(c.contains(QLatin1String("abatementDateTime")));
                QVERIFY(c.contains(QLatin1String("onsetDateTime")));
                QVERIFY(str(obj(c, "recorder"), "reference").startsWith(QLatin1String("Practitioner/")));
                ++n;
            }
        }
        QVERIFY(n >= 10);
        // Conditions with MEDIS exchange codes and ICD-10, both active and resolved.
        QVERIFY(withExchangeCode >= 5);
        QVERIFY(activeAndResolvedWithExCode.contains(QStringLiteral("active")));
        QVERIFY(activeAndResolvedWithExCode.contains(QStringLiteral("resolved")));
    }

    void medicationCodes() {
        int n = 0;
        for (const QString &pid : m_patients) {
            for (const QString &type : {QStringLiteral("MedicationRequest"), QStringLiteral("MedicationDispense")}) {
                for (const QJsonObject &m : ofType(pid, type)) {
                    const QJsonObject med = obj(m, "medicationCodeableConcept");
                    QVERIFY2(!codeIn(med, kHot9).isEmpty() || !codeIn(med, kYj).isEmpty(), qPrintable(str(m, "id")));
                    const QJsonObject dose = arr(m, "dosageInstruction").first().toObject();
                    QVERIFY(!str(dose, "text").isEmpty());
                    QVERIFY2(codeIn(obj(obj(dose, "timing"), "code"), kJami).size() == 16, qPrintable(str(m, "id")));
                    ++n;
                }
            }
            for (const QJsonObject &d : ofType(pid, QStringLiteral("MedicationDispense"))) {
                bool orgActor = false;
                for (const QJsonValue &p : arr(d, "performer"))
                    orgActor |= str(obj(p.toObject(), "actor"), "reference").startsWith(QLatin1String("Organization/"));
                QVERIFY(orgActor);
            }
        }
        QVERIFY(n > 100);
    }

    void labCodes() {
        int n = 0;
        for (const QString &pid : m_patients) {
            for (const QJsonObject &o : ofType(pid, QStringLiteral("Observation"))) {
                const QJsonObject cat = arr(o, "category").first().toObject();
                if (codeIn(cat, QStringLiteral("http://terminology.hl7.org/CodeSystem/observation-category")) !=
                    QLatin1String("laboratory"))
                    continue;
                QVERIFY2(codeIn(obj(o, "code"), kJlac10).size() == 17, qPrintable(str(o, "id")));
                // Qualitative results (感染症: 陰性/陽性) carry a text value and no numeric range.
                if (!o.contains(QLatin1String("valueString"))) {
                    QCOMPARE(str(obj(o, "valueQuantity"), "system"), QStringLiteral("http://unitsofmeasure.org"));
                    QVERIFY(!arr(o, "referenceRange").isEmpty());
                }
                const QString interp = codeIn(arr(o, "interpretation").first().toObject(),
                                              QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"));
                QVERIFY(interp == QLatin1String("H") || interp == QLatin1String("L") || interp == QLatin1String("N"));
                QVERIFY(str(arr(o, "performer").first().toObject(), "reference").startsWith(QLatin1String("Organization/")));
                ++n;
            }
        }
        QVERIFY(n > 1000);
    }

    void normalPatients() {
        int normal = 0, male = 0, female = 0, youngest = 200, oldest = 0;
        for (const QString &pid : m_patients) {
            if (pid == kHeavy)
                continue;
            const QJsonObject p = m_resources.value(pid).value(QLatin1String("Patient/") + pid);
            QString ide, syl;
            for (const QJsonValue &nv : arr(p, "name")) {
                const QJsonObject n = nv.toObject();
                const QString rep = str(arr(n, "extension").first().toObject(), "valueCode");
                QCOMPARE(str(arr(n, "extension").first().toObject(), "url"), kNameRepr);
                if (rep == QLatin1String("IDE"))
                    ide = str(n, "text");
                if (rep == QLatin1String("SYL"))
                    syl = str(n, "text");
            }
            QVERIFY2(hasKanji(ide), qPrintable(pid));
            QVERIFY2(isKatakana(syl), qPrintable(pid));
            bool member = false, facility = false;
            for (const QJsonValue &iv : arr(p, "identifier")) {
                const QJsonObject id = iv.toObject();
                if (str(id, "system") == QLatin1String("http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID"))
                    member = str(id, "value").count(QLatin1Char(':')) == 3;
                if (str(id, "system").startsWith(QLatin1String("urn:oid:1.2.392.100495.20.3.51.1")))
                    facility = str(id, "system").size() == QStringLiteral("urn:oid:1.2.392.100495.20.3.51.1").size() + 10;
            }
            QVERIFY2(member && facility, qPrintable(pid));
            const QDate birth = QDate::fromString(str(p, "birthDate"), Qt::ISODate);
            int age = kToday.year() - birth.year();
            if (QDate(kToday.year(), birth.month(), birth.day()) > kToday)
                --age;
            youngest = std::min(youngest, age);
            oldest = std::max(oldest, age);
            (str(p, "gender") == QLatin1String("male") ? male : female)++;
            ++normal;
        }
        QVERIFY(normal >= 6);
        QVERIFY(male > 0 && female > 0);
        QVERIFY2(youngest <= 8, qPrintable(QString::number(youngest)));
        QVERIFY2(oldest >= 85, qPrintable(QString::number(oldest)));
    }

    void facilities() {
        QMap<QString, QString> kindOf;  // org id -> facility kind
        for (const QString &pid : m_patients) {
            for (const QJsonObject &o : ofType(pid, QStringLiteral("Organization"))) {
                QString kind;
                for (const QJsonValue &t : arr(o, "type"))
                    if (kind.isEmpty())
                        kind = codeIn(t.toObject(), kFacilityKind);
                if (kind.isEmpty())
                    continue;  // payer
                QString no10, no7;
                for (const QJsonValue &iv : arr(o, "identifier")) {
                    if (str(iv.toObject(), "system") == kInstNo10)
                        no10 = str(iv.toObject(), "value");
                    if (str(iv.toObject(), "system") == kInstNo7)
                        no7 = str(iv.toObject(), "value");
                }
                QVERIFY2(QRegularExpression(QStringLiteral("^\\d{10}$")).match(no10).hasMatch(), qPrintable(str(o, "id")));
                QVERIFY2(QRegularExpression(QStringLiteral("^\\d{7}$")).match(no7).hasMatch(), qPrintable(str(o, "id")));
                QVERIFY(no10.endsWith(no7));
                kindOf.insert(str(o, "id"), kind);
            }
        }
        QVERIFY(kindOf.size() >= 5);
        const QList<QString> kinds = kindOf.values();
        for (const char *k : {"university-hospital", "hospital", "clinic", "dental-clinic"})
            QVERIFY2(kinds.contains(QLatin1String(k)), k);
        QVERIFY(kinds.count(QStringLiteral("pharmacy")) >= 2);
    }

    void heavyPatient() {
        QVERIFY(m_patients.contains(kHeavy));
        QVERIFY2(m_entries.value(kHeavy).size() >= 10000, qPrintable(QString::number(m_entries.value(kHeavy).size())));
    }

    void sameAnalyteFromTwoFacilities() {
        bool found = false;
        for (const QString &pid : m_patients) {
            QHash<QString, QSet<QString>> facilitiesByJlac, localCodesByJlac;
            for (const QJsonObject &o : ofType(pid, QStringLiteral("Observation"))) {
                const QString jlac = codeIn(obj(o, "code"), kJlac10);
                if (jlac.isEmpty())
                    continue;
                facilitiesByJlac[jlac].insert(str(arr(o, "performer").first().toObject(), "reference"));
                for (const auto &c : codings(obj(o, "code")))
                    if (c.first != kJlac10)
                        localCodesByJlac[jlac].insert(c.first + QLatin1Char('|') + c.second);
            }
            for (auto it = facilitiesByJlac.begin(); it != facilitiesByJlac.end(); ++it)
                if (it.value().size() >= 2 && localCodesByJlac.value(it.key()).size() >= 2)
                    found = true;
        }
        QVERIFY(found);
    }

    void duplicateIngredientFromTwoFacilities() {
        // same ingredient (YJ first 7 characters, or the 一般名 note) prescribed by two
        // facilities with overlapping periods of use
        struct Rx { QString org, ingredient; QDate start, end; };
        int patientsWithDuplicates = 0;
        for (const QString &pid : m_patients) {
            QList<Rx> list;
            for (const QJsonObject &m : ofType(pid, QStringLiteral("MedicationRequest"))) {
                const QJsonObject dose = arr(m, "dosageInstruction").first().toObject();
                const QJsonObject period = obj(arr(dose, "extension").first().toObject(), "valuePeriod");
                QString ingredient = codeIn(obj(m, "medicationCodeableConcept"), kYj).left(7);
                if (ingredient.isEmpty())
                    ingredient = str(arr(m, "note").first().toObject(), "text");
                list.append({facilityOf(m), ingredient, QDate::fromString(str(period, "start"), Qt::ISODate),
                             QDate::fromString(str(period, "end"), Qt::ISODate)});
            }
            bool dup = false;
            for (int i = 0; i < list.size() && !dup; ++i)
                for (int j = i + 1; j < list.size() && !dup; ++j)
                    dup = list[i].org != list[j].org && list[i].ingredient == list[j].ingredient &&
                          list[i].start <= list[j].end && list[j].start <= list[i].end;
            patientsWithDuplicates += dup;
        }
        QVERIFY(patientsWithDuplicates >= 1);
    }

    void documents_data() {
        QTest::addColumn<QString>("pid");
        QTest::addColumn<QString>("docId");
        for (const QString &pid : m_patients)
            for (const QJsonObject &d : ofType(pid, QStringLiteral("DocumentReference")))
                QTest::newRow(qPrintable(str(d, "id"))) << pid << str(d, "id");
    }
    void documents() {
        QFETCH(QString, pid);
        QFETCH(QString, docId);
        const auto &index = m_resources.value(pid);
        const QJsonObject ref = index.value(QLatin1String("DocumentReference/") + docId);
        const QString type = codeIn(obj(ref, "type"), kDocType);
        QVERIFY(type == QLatin1String("57133-1") || type == QLatin1String("18842-5") || type == QLatin1String("53576-5"));
        QVERIFY(str(obj(ref, "custodian"), "reference").startsWith(QLatin1String("Organization/")));
        QVERIFY(!str(ref, "date").isEmpty());
        const QJsonObject att = obj(arr(ref, "content").first().toObject(), "attachment");
        const QString contentType = str(att, "contentType");
        const QJsonObject bin = index.value(str(att, "url"));
        QCOMPARE(str(bin, "resourceType"), QStringLiteral("Binary"));
        QCOMPARE(str(bin, "contentType"), contentType);
        const QByteArray raw = QByteArray::fromBase64(str(bin, "data").toLatin1());
        QCOMPARE(int(raw.size()), att.value(QLatin1String("size")).toInt());
        // Not every document is a FHIR document: a PDF letter, an MHLW check-up CDA.
        if (contentType == u"application/pdf") {
            QVERIFY(raw.startsWith("%PDF-"));
            QVERIFY(raw.trimmed().endsWith("%%EOF"));
            return;
        }
        if (contentType == u"application/hl7-v3+xml") {
            QCOMPARE(type, QStringLiteral("53576-5"));
            QVERIFY(raw.contains("<ClinicalDocument xmlns=\"urn:hl7-org:v3\""));
            QVERIFY(raw.contains("<birthTime value=\""));
            QVERIFY(!raw.contains("<!DOCTYPE"));
            return;
        }
        QCOMPARE(contentType, QStringLiteral("application/fhir+json"));
        QJsonParseError err{};
        const QJsonObject doc = QJsonDocument::fromJson(raw, &err).object();
        QVERIFY2(err.error == QJsonParseError::NoError, qPrintable(err.errorString()));
        QCOMPARE(str(doc, "resourceType"), QStringLiteral("Bundle"));
        QCOMPARE(str(doc, "type"), QStringLiteral("document"));
        const QJsonObject comp = obj(arr(doc, "entry").first().toObject(), "resource");
        QCOMPARE(str(comp, "resourceType"), QStringLiteral("Composition"));
        QCOMPARE(codeIn(obj(comp, "type"), kDocType), type);
        // every urn:uuid reference inside the document resolves to an entry
        QSet<QString> urls;
        for (const QJsonValue &e : arr(doc, "entry"))
            urls.insert(str(e.toObject(), "fullUrl"));
        QStringList refs;
        collectReferences(QJsonValue(doc), refs);  // non-urn refs (must be none)
        QVERIFY2(refs.isEmpty(), qPrintable(refs.join(QLatin1Char(' '))));
        const QString rawText = QString::fromUtf8(raw);
        static const QRegularExpression urnRef(QStringLiteral("\"reference\":\"(urn:uuid:[0-9a-f-]{36})\""));
        for (auto it = urnRef.globalMatch(rawText); it.hasNext();)
            QVERIFY(urls.contains(it.next().captured(1)));
        // narratives are plain XHTML
        QVERIFY(!rawText.contains(QLatin1String("<script"), Qt::CaseInsensitive));
        QVERIFY(rawText.contains(QLatin1String("<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">")));
    }

    void allDocumentKindsPresent() {
        QSet<QString> types;
        for (const QString &pid : m_patients)
            for (const QJsonObject &d : ofType(pid, QStringLiteral("DocumentReference")))
                types.insert(codeIn(obj(d, "type"), kDocType));
        QCOMPARE(types, (QSet<QString>{QStringLiteral("57133-1"), QStringLiteral("18842-5"), QStringLiteral("53576-5")}));
    }

    void flagsCoverageAllergiesProceduresEncounters() {
        QSet<QString> tags;
        int coverages = 0, drugAllergyHigh = 0, foodJfagy = 0, procedures = 0, imp = 0, amb = 0;
        for (const QString &pid : m_patients) {
            for (const QJsonObject &c : ofType(pid, QStringLiteral("Condition")))
                for (const QJsonValue &t : arr(obj(c, "meta"), "tag"))
                    if (str(t.toObject(), "system") == kIndication)
                        tags.insert(str(t.toObject(), "code"));
            coverages += ofType(pid, QStringLiteral("Coverage")).size();
            for (const QJsonObject &a : ofType(pid, QStringLiteral("AllergyIntolerance"))) {
                const QString cat = arr(a, "category").first().toString();
                if (cat == QLatin1String("medication") && str(a, "criticality") == QLatin1String("high"))
                    ++drugAllergyHigh;
                if (cat == QLatin1String("food") && !codeIn(obj(a, "code"), kJfagyFood).isEmpty())
                    ++foodJfagy;
            }
            procedures = std::max(procedures, int(ofType(pid, QStringLiteral("Procedure")).size()));
            for (const QJsonObject &e : ofType(pid, QStringLiteral("Encounter"))) {
                const QString cls = str(obj(e, "class"), "code");
                if (cls == QLatin1String("IMP")) {
                    ++imp;
                    QVERIFY(!str(obj(e, "period"), "start").isEmpty() && !str(obj(e, "period"), "end").isEmpty());
                }
                amb += cls == QLatin1String("AMB");
                QVERIFY(str(obj(e, "serviceProvider"), "reference").startsWith(QLatin1String("Organization/")));
            }
        }
        QVERIFY(tags.contains(QStringLiteral("UNINFORMED")));
        QVERIFY(tags.contains(QStringLiteral("UNDELIVERED")));
        QVERIFY(coverages >= 1);
        QVERIFY(drugAllergyHigh >= 1);
        QVERIFY(foodJfagy >= 1);
        QVERIFY(procedures >= 3);
        QVERIFY(imp >= 1);
        QVERIFY(amb >= 10);
    }

    void imagingStudies() {
        int ct = 0, xray = 0;
        for (const QString &pid : m_patients) {
            for (const QJsonObject &s : ofType(pid, QStringLiteral("ImagingStudy"))) {
                const QString ep = str(arr(s, "endpoint").first().toObject(), "reference");
                const QJsonObject endpoint = m_resources.value(pid).value(ep);
                QCOMPARE(str(obj(endpoint, "connectionType"), "code"), QStringLiteral("dicom-wado-rs"));
                QCOMPARE(str(endpoint, "address"), QStringLiteral("https://demo.kakehashi.invalid/dicom-web"));
                for (const QJsonValue &sv : arr(s, "series")) {
                    const QJsonObject se = sv.toObject();
                    const QString mod = str(obj(se, "modality"), "code");
                    if (mod == QLatin1String("CT") && arr(se, "instance").size() >= 20)
                        ++ct;
                    if (mod == QLatin1String("CR") || mod == QLatin1String("DX"))
                        ++xray;
                    QVERIFY(str(se, "uid").startsWith(QLatin1String("2.25.")));
                }
            }
        }
        QVERIFY(ct >= 1);
        QVERIFY(xray >= 1);
    }

    void dicomFiles_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("studyUid");
        QTest::addColumn<QString>("seriesUid");
        QTest::addColumn<QString>("sopUid");
        QTest::addColumn<QString>("modality");
        QTest::addColumn<QString>("studyDate");
        QTest::addColumn<QString>("family");
        for (const QString &pid : m_patients) {
            const QJsonObject p = m_resources.value(pid).value(QLatin1String("Patient/") + pid);
            const QString family = str(arr(p, "name").first().toObject(), "family");
            for (const QJsonObject &s : ofType(pid, QStringLiteral("ImagingStudy"))) {
                const QString study = str(arr(s, "identifier").first().toObject(), "value").mid(8);  // urn:oid:
                const QString date = str(s, "started").left(10).remove(QLatin1Char('-'));
                for (const QJsonValue &sv : arr(s, "series")) {
                    const QJsonObject se = sv.toObject();
                    for (const QJsonValue &iv : arr(se, "instance")) {
                        const QString sop = str(iv.toObject(), "uid");
                        const QString path = QDir(m_dir).filePath(
                            QStringLiteral("dicom/%1/%2/%3.dcm").arg(study, str(se, "uid"), sop));
                        QTest::newRow(qPrintable(QStringLiteral("%1/%2").arg(str(s, "id")).arg(
                            iv.toObject().value(QLatin1String("number")).toInt())))
                            << path << study << str(se, "uid") << sop << str(obj(se, "modality"), "code") << date << family;
                    }
                }
            }
        }
    }
    void dicomFiles() {
        QFETCH(QString, path);
        QFETCH(QString, studyUid);
        QFETCH(QString, seriesUid);
        QFETCH(QString, sopUid);
        QFETCH(QString, modality);
        QFETCH(QString, studyDate);
        QFETCH(QString, family);
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray head = f.read(132);
        QCOMPARE(head.mid(128, 4), QByteArray("DICM"));
#ifdef KAKEHASHI_TEST_HAVE_DCMTK
        DcmFileFormat ff;
        QVERIFY(ff.loadFile(QFile::encodeName(path).constData()).good());
        DcmDataset *ds = ff.getDataset();
        auto get = [ds](const DcmTagKey &k) {
            OFString v;
            ds->findAndGetOFStringArray(k, v);
            return QString::fromUtf8(v.c_str());
        };
        QCOMPARE(get(DCM_SOPInstanceUID), sopUid);
        QCOMPARE(get(DCM_StudyInstanceUID), studyUid);
        QCOMPARE(get(DCM_SeriesInstanceUID), seriesUid);
        QCOMPARE(get(DCM_Modality), modality);
        QCOMPARE(get(DCM_StudyDate), studyDate);
        QCOMPARE(get(DCM_SpecificCharacterSet), QStringLiteral("ISO_IR 192"));
        const QStringList groups = get(DCM_PatientName).split(QLatin1Char('='));
        QCOMPARE(groups.size(), 3);
        QVERIFY2(groups.at(1).startsWith(family + QLatin1Char('^')), qPrintable(get(DCM_PatientName)));
        QVERIFY(!get(DCM_PatientID).isEmpty());
        Uint16 rows = 0, cols = 0;
        ds->findAndGetUint16(DCM_Rows, rows);
        ds->findAndGetUint16(DCM_Columns, cols);
        QCOMPARE(int(rows), modality == QLatin1String("CT") ? 256 : 512);
        QCOMPARE(int(cols), int(rows));
        if (modality == QLatin1String("CT")) {
            Uint16 rep = 9;
            ds->findAndGetUint16(DCM_PixelRepresentation, rep);
            QCOMPARE(int(rep), 1);
            QVERIFY(!get(DCM_RescaleIntercept).isEmpty());
            QVERIFY(!get(DCM_ImagePositionPatient).isEmpty());
        }
#else
        QVERIFY(head.size() == 132);
        QVERIFY(f.readAll().contains(sopUid.toLatin1()));
#endif
    }

    void qrcAndRcc() {
        const QString qrc = QString::fromUtf8(readAll(QDir(m_dir).filePath(QStringLiteral("demo.qrc"))));
        QVERIFY(qrc.contains(QLatin1String("<qresource prefix=\"/demo\">")));
        for (const QString &pid : m_patients)
            QVERIFY(qrc.contains(QStringLiteral("<file>patients/%1.json</file>").arg(pid)));
        QDirIterator it(QDir(m_dir).filePath(QStringLiteral("dicom")), {QStringLiteral("*.dcm")}, QDir::Files,
                        QDirIterator::Subdirectories);
        int dcm = 0;
        while (it.hasNext()) {
            const QString rel = QDir(m_dir).relativeFilePath(it.next());
            QVERIFY2(qrc.contains(QStringLiteral("<file>%1</file>").arg(rel)), qPrintable(rel));
            ++dcm;
        }
        QVERIFY(dcm >= 21);
        const QString rcc = QDir(m_dir).filePath(QStringLiteral("kakehashi-demo.rcc"));
        if (!QFileInfo::exists(rcc))
            QSKIP("kakehashi-demo.rcc not built (run the demo_data target)");
        QVERIFY(QResource::registerResource(rcc));
        {
            QFile p(QStringLiteral(":/demo/patients/p001.json"));
            QVERIFY(p.open(QIODevice::ReadOnly));
            QCOMPARE(p.readAll(), readAll(QDir(m_dir).filePath(QStringLiteral("patients/p001.json"))));
        }
        QVERIFY(QResource::unregisterResource(rcc));
    }

    void generatorIsDeterministicAndFast() {
        QTemporaryDir a, b;
        QVERIFY(a.isValid() && b.isValid());
        for (const QTemporaryDir *d : {&a, &b}) {
            QProcess proc;
            proc.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            QElapsedTimer timer;
            timer.start();
            proc.start(QStringLiteral(KAKEHASHI_PYTHON3),
                       {QStringLiteral(KAKEHASHI_DEMO_GENERATOR), QStringLiteral("--out"), d->path()});
            QVERIFY(proc.waitForFinished(120000));
            QCOMPARE(proc.exitStatus(), QProcess::NormalExit);
            QCOMPARE(proc.exitCode(), 0);
            qInfo("generator took %lld ms", qint64(timer.elapsed())); // speed belongs in bench/, not in a timed test
        }
        const auto ta = treeContents(a.path()), tb = treeContents(b.path());
        QVERIFY(ta.size() >= 9);
        QCOMPARE(ta.keys(), tb.keys());
        for (auto it = ta.begin(); it != ta.end(); ++it) {
            QVERIFY2(it.value() == tb.value(it.key()), qPrintable(it.key()));
            // the build's demo data was produced by the same generator
            QVERIFY2(it.value() == readAll(QDir(m_dir).filePath(it.key())), qPrintable(QLatin1String("stale: ") + it.key()));
        }
    }
};

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    QString dir = QStringLiteral(KAKEHASHI_DEMO_DATA_DIR_DEFAULT);
    if (args.size() > 1 && !args.at(1).startsWith(QLatin1Char('-'))) {
        dir = args.at(1);
        args.removeAt(1);
    }
    TstDemoData test(dir);
    return QTest::qExec(&test, args);
}

#include "tst_demodata.moc"
