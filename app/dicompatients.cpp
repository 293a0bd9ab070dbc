#include "dicompatients.h"

#include <QHash>
#include <QSet>

namespace Kakehashi {

namespace {

QString sexToGender(const QString &sex)
{
    const QString s = sex.trimmed().toUpper();
    if (s == u"M")
        return QStringLiteral("male");
    if (s == u"F")
        return QStringLiteral("female");
    if (s == u"O")
        return QStringLiteral("other");
    return {}; // not recorded: shown as unknown, never guessed
}

// "20240131" → "2024-01-31". The study time is left out: without a zone it names no instant,
// and the study day alone is exact.
QString studyDay(const QString &date)
{
    const QString d = date.trimmed();
    if (d.size() != 8)
        return {};
    return QStringLiteral("%1-%2-%3").arg(d.left(4), d.mid(4, 2), d.mid(6, 2));
}

QString identityOf(const Dicom::DicomSeries &s)
{
    return s.patientId + u'\x1f' + s.patientName;
}

} // namespace

QString DicomPatients::nameGroup(const QString &dicomName, int group)
{
    const QStringList groups = dicomName.split(u'=');
    if (group >= groups.size())
        return {};
    QStringList parts = groups.at(group).split(u'^');
    // family^given^middle^prefix^suffix: a person reads family and given names.
    while (parts.size() > 2)
        parts.removeLast();
    for (QString &p : parts)
        p = p.trimmed();
    parts.removeAll(QString());
    return parts.join(u' ');
}

QList<PatientRecord> DicomPatients::records(const QList<Dicom::DicomSeries> &series, const QStringList &takenIds)
{
    QList<PatientRecord> out;
    QHash<QString, int> byIdentity;
    QSet<QString> used(takenIds.cbegin(), takenIds.cend());
    // Per person and study: the series in it, for one imaging item per study.
    QList<QList<QList<const Dicom::DicomSeries *>>> studies;
    QList<QStringList> studyUids;
    for (const Dicom::DicomSeries &s : series) {
        const QString identity = identityOf(s);
        auto it = byIdentity.find(identity);
        if (it == byIdentity.end()) {
            PatientRecord r;
            PatientInfo &p = r.patient;
            QString id = s.patientId.trimmed();
            if (id.isEmpty())
                id = tr("no patient ID");
            const QString base = id;
            for (int n = 2; used.contains(id); ++n)
                id = QStringLiteral("%1 (%2)").arg(base).arg(n);
            used.insert(id);
            p.id = id;
            p.key = QStringLiteral("DICOM/") + id;
            // Alphabetic=ideographic=phonetic (PS3.5 6.2.1): kanji, kana and romaji as written.
            p.otherName = nameGroup(s.patientName, 0);
            p.kanjiName = nameGroup(s.patientName, 1);
            p.kanaName = nameGroup(s.patientName, 2);
            p.gender = sexToGender(s.patientSex);
            p.birthDate = QDate::fromString(s.patientBirthDate.trimmed(), QStringLiteral("yyyyMMdd"));
            if (!s.patientId.trimmed().isEmpty())
                p.identifiers.append({patientIdSystem(), s.patientId.trimmed()});
            p.sourceNames.append(tr("DICOM files"));
            r.incomplete = true;
            r.imagesOnly = true;
            r.incompleteReasons.append(tr("only DICOM images were opened for this patient; no health record (diseases, "
                                          "medications, allergies, lab results) was loaded, so nothing is known about them here"));
            it = byIdentity.insert(identity, int(out.size()));
            out.append(r);
            studies.append(QList<QList<const Dicom::DicomSeries *>>());
            studyUids.append(QStringList());
        }
        const int pi = *it;
        const QString uid = s.studyInstanceUid.isEmpty() ? s.seriesInstanceUid : s.studyInstanceUid;
        int si = int(studyUids[pi].indexOf(uid));
        if (si < 0) {
            si = int(studyUids[pi].size());
            studyUids[pi].append(uid);
            studies[pi].append(QList<const Dicom::DicomSeries *>());
        }
        studies[pi][si].append(&s);
    }
    for (int pi = 0; pi < out.size(); ++pi) {
        for (int si = 0; si < studies.at(pi).size(); ++si) {
            const QList<const Dicom::DicomSeries *> &group = studies.at(pi).at(si);
            const Dicom::DicomSeries &first = *group.first();
            ClinicalItem item;
            item.category = ItemCategory::Imaging;
            item.resourceType = QStringLiteral("ImagingStudy");
            item.key = QStringLiteral("ImagingStudy/dicom-%1").arg(studyUids.at(pi).at(si));
            QStringList modalities;
            int images = 0;
            for (const Dicom::DicomSeries *s : group) {
                modalities << s->modality;
                images += s->instanceCount;
            }
            modalities.removeAll(QString());
            modalities.removeDuplicates();
            item.subtype = modalities.join(u'/');
            item.title = first.studyDescription.isEmpty() ? tr("%1 study", "imaging modality").arg(item.subtype) : first.studyDescription;
            item.detail = QStringList{item.subtype, tr("%n series", nullptr, int(group.size())), tr("%n image(s)", nullptr, images)}.join(u'・');
            item.start = Fhir::DateTime::parse(studyDay(first.studyDate));
            if (!first.studyInstanceUid.isEmpty())
                item.codes.append({QStringLiteral("urn:dicom:uid"), first.studyInstanceUid, QString()});
            out[pi].items.append(item);
        }
    }
    return out;
}

void DicomPatients::addTo(RecordSet &set, const QList<Dicom::DicomSeries> &series)
{
    QStringList taken;
    for (const PatientRecord &r : std::as_const(set.patients))
        taken << r.patient.id;
    set.patients += records(series, taken);
}

} // namespace Kakehashi
