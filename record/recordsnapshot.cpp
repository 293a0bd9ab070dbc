#include "recordsnapshot.h"

#include <QBuffer>
#include <QJsonDocument>

namespace Kakehashi {

// A field added to a model struct must be written and read here (and compared in tst_recordcache's
// snapshot round trip), and FormatVersion bumped; otherwise a warm open silently drops it.
// Checked where the sizes are known (64-bit Linux); a size change elsewhere is caught there.
#if defined(__linux__) && defined(__x86_64__)
static_assert(sizeof(ClinicalItem) == 640 && sizeof(LabValue) == 168 && sizeof(SourceFacility) == 104,
              "ClinicalItem changed: update the snapshot operators, the round-trip test, and RecordSnapshot::FormatVersion");
static_assert(sizeof(PatientInfo) == 256 && sizeof(PatientRecord) == 368 && sizeof(RecordSet) == 80 && sizeof(PatientIdentifier) == 48,
              "PatientRecord changed: update the snapshot operators, the round-trip test, and RecordSnapshot::FormatVersion");
static_assert(sizeof(Fhir::DateTime) == 16 && sizeof(Fhir::Coding) == 72,
              "Fhir::DateTime or Coding changed: update the snapshot operators, the round-trip test, and RecordSnapshot::FormatVersion");
#endif

namespace {

constexpr quint32 Magic = 0x4B4B534E; // "KKSN"
// Fixed so that a newer Qt does not change the layout under us (QDateTime, QDate).
constexpr QDataStream::Version StreamVersion = QDataStream::Qt_6_4;

void setupStream(QDataStream &s)
{
    s.setVersion(StreamVersion);
    // The host order on every platform we build for: QString reads back with a plain copy.
    s.setByteOrder(QDataStream::LittleEndian);
    s.setFloatingPointPrecision(QDataStream::DoublePrecision);
}

template<typename T>
void writeList(QDataStream &out, const QList<T> &list)
{
    out << quint32(list.size());
    for (const T &v : list)
        out << v;
}

// Counts are checked against what is left, so junk cannot ask for a huge allocation.
template<typename T>
void readList(QDataStream &in, QList<T> &list)
{
    quint32 n = 0;
    in >> n;
    list.clear();
    if (in.status() != QDataStream::Ok || qint64(n) > in.device()->bytesAvailable()) {
        in.setStatus(QDataStream::ReadCorruptData);
        return;
    }
    list.reserve(qsizetype(n));
    for (quint32 i = 0; i < n && in.status() == QDataStream::Ok; ++i) {
        T v;
        in >> v;
        list.append(std::move(v));
    }
}

template<typename E>
void writeEnum(QDataStream &out, E value)
{
    out << quint8(value);
}

template<typename E>
void readEnum(QDataStream &in, E &value, E last)
{
    quint8 raw = 0;
    in >> raw;
    if (raw > quint8(last))
        in.setStatus(QDataStream::ReadCorruptData);
    else
        value = E(raw);
}

void writeOptional(QDataStream &out, const std::optional<double> &v)
{
    out << bool(v.has_value()) << v.value_or(0.0);
}

void readOptional(QDataStream &in, std::optional<double> &v)
{
    bool has = false;
    double value = 0;
    in >> has >> value;
    v = has ? std::optional<double>(value) : std::nullopt;
}

} // namespace

namespace Fhir {

QDataStream &operator<<(QDataStream &out, const Coding &coding)
{
    return out << coding.system << coding.code << coding.display;
}

QDataStream &operator>>(QDataStream &in, Coding &coding)
{
    return in >> coding.system >> coding.code >> coding.display;
}

QDataStream &operator<<(QDataStream &out, const DateTime &dateTime)
{
    writeEnum(out, dateTime.precision);
    return out << dateTime.value << qint32(dateTime.offsetSeconds);
}

QDataStream &operator>>(QDataStream &in, DateTime &dateTime)
{
    readEnum(in, dateTime.precision, DateTime::Precision::Time);
    qint32 offset = 0;
    in >> dateTime.value >> offset;
    // UTC offsets lie within ±18 hours.
    if (offset < -18 * 3600 || offset > 18 * 3600)
        in.setStatus(QDataStream::ReadCorruptData);
    dateTime.offsetSeconds = offset;
    return in;
}

} // namespace Fhir

QDataStream &operator<<(QDataStream &out, const SourceFacility &source)
{
    out << source.key << source.name;
    writeEnum(out, source.basis);
    return out << source.code << source.unresolvedReason;
}

QDataStream &operator>>(QDataStream &in, SourceFacility &source)
{
    in >> source.key >> source.name;
    readEnum(in, source.basis, SourceFacility::Basis::Provenance);
    return in >> source.code >> source.unresolvedReason;
}

QDataStream &operator<<(QDataStream &out, const LabValue &lab)
{
    writeOptional(out, lab.value);
    out << lab.text << lab.unit;
    writeOptional(out, lab.low);
    writeOptional(out, lab.high);
    return out << lab.rangeText << lab.flag << lab.analyteKey;
}

QDataStream &operator>>(QDataStream &in, LabValue &lab)
{
    readOptional(in, lab.value);
    in >> lab.text >> lab.unit;
    readOptional(in, lab.low);
    readOptional(in, lab.high);
    return in >> lab.rangeText >> lab.flag >> lab.analyteKey;
}

QDataStream &operator<<(QDataStream &out, const ClinicalItem &item)
{
    writeEnum(out, item.category);
    out << item.resourceType << item.key << item.title << item.detail << item.status << item.active << item.start << item.end;
    writeList(out, item.codes);
    return out << item.source << item.uninformed << item.redacted << item.lab << item.encounterClass << item.documentTypeCode
               << item.subtype << item.criticality << item.imagingEndpointType << item.imagingEndpointAddress << item.sourceDocument;
}

QDataStream &operator>>(QDataStream &in, ClinicalItem &item)
{
    readEnum(in, item.category, ItemCategory::Other);
    in >> item.resourceType >> item.key >> item.title >> item.detail >> item.status >> item.active >> item.start >> item.end;
    readList(in, item.codes);
    return in >> item.source >> item.uninformed >> item.redacted >> item.lab >> item.encounterClass >> item.documentTypeCode
              >> item.subtype >> item.criticality >> item.imagingEndpointType >> item.imagingEndpointAddress >> item.sourceDocument;
}

QDataStream &operator<<(QDataStream &out, const PatientIdentifier &identifier)
{
    return out << identifier.system << identifier.value;
}

QDataStream &operator>>(QDataStream &in, PatientIdentifier &identifier)
{
    return in >> identifier.system >> identifier.value;
}

QDataStream &operator<<(QDataStream &out, const PatientInfo &patient)
{
    out << patient.key << patient.id << patient.kanjiName << patient.kanaName << patient.otherName << patient.gender << patient.birthDate;
    writeList(out, patient.identifiers);
    writeList(out, patient.linkedKeys);
    writeList(out, patient.sourceNames);
    writeList(out, patient.identityNotes);
    return out << patient.placeholder;
}

QDataStream &operator>>(QDataStream &in, PatientInfo &patient)
{
    in >> patient.key >> patient.id >> patient.kanjiName >> patient.kanaName >> patient.otherName >> patient.gender >> patient.birthDate;
    readList(in, patient.identifiers);
    readList(in, patient.linkedKeys);
    readList(in, patient.sourceNames);
    readList(in, patient.identityNotes);
    return in >> patient.placeholder;
}

QDataStream &operator<<(QDataStream &out, const PatientRecord &record)
{
    out << record.patient;
    writeList(out, record.items);
    out << qint32(record.withheldCount) << qint32(record.undeliveredCount) << record.incomplete;
    writeList(out, record.incompleteReasons);
    out << record.imagesOnly;
    // The document sources (small Bundles) as compact JSON, sorted by key for a stable layout.
    QStringList keys = record.documentSources.keys();
    keys.sort();
    out << quint32(keys.size());
    for (const QString &key : std::as_const(keys))
        out << key << record.documentSources.value(key);
    QStringList types = record.withheldByType.keys();
    types.sort();
    out << quint32(types.size());
    for (const QString &type : std::as_const(types))
        out << type << qint32(record.withheldByType.value(type));
    out << quint32(record.notDisclosedForRole.size());
    for (ItemCategory c : record.notDisclosedForRole)
        out << qint32(c);
    return out;
}

QDataStream &operator>>(QDataStream &in, PatientRecord &record)
{
    in >> record.patient;
    readList(in, record.items);
    qint32 withheld = 0;
    qint32 undelivered = 0;
    in >> withheld >> undelivered >> record.incomplete;
    record.withheldCount = withheld;
    record.undeliveredCount = undelivered;
    readList(in, record.incompleteReasons);
    in >> record.imagesOnly;
    quint32 documents = 0;
    in >> documents;
    record.documentSources.clear();
    if (in.status() != QDataStream::Ok || qint64(documents) > in.device()->bytesAvailable()) {
        in.setStatus(QDataStream::ReadCorruptData);
        return in;
    }
    for (quint32 i = 0; i < documents && in.status() == QDataStream::Ok; ++i) {
        QString key;
        QByteArray json; // parsed (and checked) when the document is opened
        in >> key >> json;
        record.documentSources.insert(key, json);
    }
    quint32 types = 0;
    in >> types;
    record.withheldByType.clear();
    if (in.status() != QDataStream::Ok || qint64(types) > in.device()->bytesAvailable()) {
        in.setStatus(QDataStream::ReadCorruptData);
        return in;
    }
    for (quint32 i = 0; i < types && in.status() == QDataStream::Ok; ++i) {
        QString type;
        qint32 n = 0;
        in >> type >> n;
        record.withheldByType.insert(type, n);
    }
    quint32 hidden = 0;
    in >> hidden;
    record.notDisclosedForRole.clear();
    if (in.status() != QDataStream::Ok || qint64(hidden) > in.device()->bytesAvailable() || hidden > quint32(ItemCategoryCount)) {
        in.setStatus(QDataStream::ReadCorruptData);
        return in;
    }
    for (quint32 i = 0; i < hidden && in.status() == QDataStream::Ok; ++i) {
        qint32 c = 0;
        in >> c;
        if (c < 0 || c >= ItemCategoryCount) {
            in.setStatus(QDataStream::ReadCorruptData);
            return in;
        }
        record.notDisclosedForRole << ItemCategory(c);
    }
    return in;
}

QDataStream &operator<<(QDataStream &out, const RecordSet &set)
{
    writeList(out, set.patients);
    writeList(out, set.warnings);
    writeList(out, set.errors);
    return out << qint32(set.resourceCount);
}

QDataStream &operator>>(QDataStream &in, RecordSet &set)
{
    readList(in, set.patients);
    readList(in, set.warnings);
    readList(in, set.errors);
    qint32 count = 0;
    in >> count;
    set.resourceCount = count;
    return in;
}

QByteArray RecordSnapshot::serialize() const
{
    QByteArray bytes;
    {
        QDataStream out(&bytes, QIODevice::WriteOnly);
        setupStream(out);
        out << Magic << FormatVersion << set << newestFetch << qint32(resourceRows);
        if (out.status() != QDataStream::Ok)
            return {};
    }
    return bytes;
}

std::optional<RecordSnapshot> RecordSnapshot::deserialize(QByteArrayView bytes)
{
    // Read in place: a big record's snapshot is megabytes.
    const QByteArray raw = QByteArray::fromRawData(bytes.data(), bytes.size());
    QBuffer buffer;
    buffer.setData(raw);
    if (!buffer.open(QIODevice::ReadOnly))
        return std::nullopt;
    QDataStream in(&buffer);
    setupStream(in);
    quint32 magic = 0;
    quint32 version = 0;
    in >> magic >> version;
    if (in.status() != QDataStream::Ok || magic != Magic || version != FormatVersion)
        return std::nullopt;
    RecordSnapshot snapshot;
    qint32 rows = 0;
    in >> snapshot.set >> snapshot.newestFetch >> rows;
    if (in.status() != QDataStream::Ok || !in.atEnd() || rows < 0)
        return std::nullopt;
    snapshot.resourceRows = rows;
    return snapshot;
}

} // namespace Kakehashi
