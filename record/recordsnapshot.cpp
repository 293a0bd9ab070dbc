#include "recordsnapshot.h"

#include "common/parallelmap.h"

#include <QHash>

#include <algorithm>
#include <cstring>
#include <limits>

namespace Kakehashi {

// A field added to a model struct must be written and read here (and compared in tst_recordcache's
// snapshot round trip), and FormatVersion bumped; otherwise a warm open silently drops it.
// Checked where the sizes are known (64-bit Linux); a size change elsewhere is caught there.
#if defined(__linux__) && defined(__x86_64__)
static_assert(sizeof(ClinicalItem) == 640 && sizeof(LabValue) == 168 && sizeof(SourceFacility) == 104,
              "ClinicalItem changed: update put()/get(), the round-trip test, and RecordSnapshot::FormatVersion");
static_assert(sizeof(PatientInfo) == 256 && sizeof(PatientRecord) == 368 && sizeof(RecordSet) == 80 && sizeof(PatientIdentifier) == 48,
              "PatientRecord changed: update put()/get(), the round-trip test, and RecordSnapshot::FormatVersion");
static_assert(sizeof(Fhir::DateTime) == 16 && sizeof(Fhir::Coding) == 72,
              "Fhir::DateTime or Coding changed: update put()/get(), the round-trip test, and RecordSnapshot::FormatVersion");
#endif

namespace {

constexpr quint32 Magic = 0x4B4B534E; // "KKSN"

// The snapshot's binary form: little-endian integers, varints for counts and lengths, and every string
// once. A string is written as its index in a table the stream builds as it goes (0 = a null string);
// the first use of an index carries the string itself (UTF-16LE, as QString holds it, so reading is a
// copy). Facility names, code systems, units, statuses and resource types repeat on thousands of
// items: they are stored once and the record read back shares one QString for each.
class Writer
{
public:
    QByteArray bytes;

    void u8(quint8 v) { bytes.append(char(v)); }
    void boolean(bool v) { u8(v ? 1 : 0); }
    void u32(quint32 v) { raw(&v, sizeof v); }
    void i64(qint64 v) { raw(&v, sizeof v); }
    void f64(double v) { raw(&v, sizeof v); }
    void varint(quint64 v)
    {
        while (v >= 0x80) {
            u8(quint8(v | 0x80));
            v >>= 7;
        }
        u8(quint8(v));
    }
    void str(const QString &s)
    {
        if (s.isNull()) {
            varint(0);
            return;
        }
        const auto known = m_strings.constFind(s);
        if (known != m_strings.cend()) {
            varint(*known);
        } else {
            const quint32 index = quint32(m_strings.size() + 1);
            m_strings.insert(s, index);
            varint(index);
            varint(quint64(s.size()));
            raw(s.constData(), size_t(s.size()) * sizeof(QChar));
        }
    }
    void blob(const QByteArray &b)
    {
        varint(quint64(b.size()));
        bytes.append(b);
    }

private:
    void raw(const void *p, size_t n) { bytes.append(static_cast<const char *>(p), qsizetype(n)); }
    QHash<QString, quint32> m_strings;
};

// Reads in place; any read past the end or out of range marks the stream bad, and every later read
// returns zeros, so a truncated or corrupted snapshot is refused as a whole.
class Reader
{
public:
    explicit Reader(QByteArrayView bytes)
        : m_p(bytes.data())
        , m_end(bytes.data() + bytes.size())
    {
    }

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_p == m_end; }
    void fail() { m_ok = false; m_p = m_end; }
    qsizetype left() const { return m_end - m_p; }

    quint8 u8()
    {
        if (m_p >= m_end) {
            fail();
            return 0;
        }
        return quint8(*m_p++);
    }
    bool boolean()
    {
        const quint8 v = u8();
        if (v > 1)
            fail();
        return v == 1;
    }
    quint32 u32() { return raw<quint32>(); }
    qint64 i64() { return raw<qint64>(); }
    double f64() { return raw<double>(); }
    quint64 varint()
    {
        quint64 v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            const quint8 b = u8();
            v |= quint64(b & 0x7f) << shift;
            if (!(b & 0x80))
                return v;
        }
        fail();
        return 0;
    }
    // A count of things that each take at least |minBytes| bytes: never more than what is left can
    // hold, so junk cannot ask for a huge allocation.
    qsizetype count(qsizetype minBytes = 1)
    {
        const quint64 n = varint();
        if (n > quint64(left() / minBytes)) {
            fail();
            return 0;
        }
        return qsizetype(n);
    }
    QString str()
    {
        const quint64 index = varint();
        if (index == 0)
            return {};
        if (index <= quint64(m_strings.size()))
            return m_strings.at(qsizetype(index - 1));
        if (index != quint64(m_strings.size()) + 1) {
            fail();
            return {};
        }
        const quint64 length = varint();
        if (length > quint64(left()) / sizeof(QChar)) {
            fail();
            return {};
        }
        QString s(qsizetype(length), Qt::Uninitialized);
        std::memcpy(s.data(), m_p, size_t(length) * sizeof(QChar));
        m_p += length * sizeof(QChar);
        m_strings.append(s);
        return s;
    }
    QByteArray blob()
    {
        const qsizetype n = count();
        QByteArray b(m_p, n);
        m_p += n;
        return b;
    }
    template<typename E>
    E enumValue(E last)
    {
        const quint8 v = u8();
        if (v > quint8(last)) {
            fail();
            return E{};
        }
        return E(v);
    }

private:
    template<typename T>
    T raw()
    {
        T v{};
        if (left() < qsizetype(sizeof(T))) {
            fail();
            return v;
        }
        std::memcpy(&v, m_p, sizeof(T));
        m_p += sizeof(T);
        return v;
    }

    const char *m_p;
    const char *m_end;
    bool m_ok = true;
    QList<QString> m_strings;
};

// No item (and no patient) is written in fewer bytes: counts of either are checked against it.
constexpr qsizetype MinItemBytes = 40;

static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "the snapshot is written in host order, which must be little-endian");

// An instant as milliseconds since the epoch: 0 invalid, 1 UTC, 2 a fixed offset (seconds follow).
void put(Writer &w, const QDateTime &t)
{
    if (!t.isValid()) {
        w.u8(0);
        return;
    }
    const int offset = t.timeSpec() == Qt::UTC ? 0 : t.offsetFromUtc();
    w.u8(t.timeSpec() == Qt::UTC ? 1 : 2);
    w.i64(t.toMSecsSinceEpoch());
    if (t.timeSpec() != Qt::UTC)
        w.i64(offset);
}

QDateTime getDateTime(Reader &r)
{
    switch (r.u8()) {
    case 0:
        return {};
    case 1:
        return QDateTime::fromMSecsSinceEpoch(r.i64(), Qt::UTC);
    case 2: {
        const qint64 ms = r.i64();
        const qint64 offset = r.i64();
        if (offset < -18 * 3600 || offset > 18 * 3600) {
            r.fail();
            return {};
        }
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::OffsetFromUTC, int(offset));
    }
    default:
        r.fail();
        return {};
    }
}

void put(Writer &w, const QDate &d) { w.i64(d.isValid() ? d.toJulianDay() : std::numeric_limits<qint64>::min()); }

QDate getDate(Reader &r)
{
    const qint64 jd = r.i64();
    return jd == std::numeric_limits<qint64>::min() ? QDate() : QDate::fromJulianDay(jd);
}

void put(Writer &w, const std::optional<double> &v)
{
    w.boolean(v.has_value());
    if (v)
        w.f64(*v);
}

std::optional<double> getOptional(Reader &r)
{
    if (!r.boolean())
        return std::nullopt;
    return r.f64();
}

void put(Writer &w, const QStringList &list)
{
    w.varint(quint64(list.size()));
    for (const QString &s : list)
        w.str(s);
}

QStringList getStrings(Reader &r)
{
    QStringList list;
    const qsizetype n = r.count();
    list.reserve(n);
    for (qsizetype i = 0; i < n && r.ok(); ++i)
        list.append(r.str());
    return list;
}

void put(Writer &w, const Fhir::Coding &c)
{
    w.str(c.system);
    w.str(c.code);
    w.str(c.display);
}

void get(Reader &r, Fhir::Coding &c)
{
    c.system = r.str();
    c.code = r.str();
    c.display = r.str();
}

void put(Writer &w, const Fhir::DateTime &t)
{
    w.u8(quint8(t.precision));
    put(w, t.value);
    w.i64(t.offsetSeconds);
}

void get(Reader &r, Fhir::DateTime &t)
{
    t.precision = r.enumValue(Fhir::DateTime::Precision::Time);
    t.value = getDateTime(r);
    const qint64 offset = r.i64();
    // UTC offsets lie within ±18 hours.
    if (offset < -18 * 3600 || offset > 18 * 3600)
        r.fail();
    else
        t.offsetSeconds = int(offset);
}

void put(Writer &w, const SourceFacility &f)
{
    w.str(f.key);
    w.str(f.name);
    w.u8(quint8(f.basis));
    w.str(f.code);
    w.str(f.unresolvedReason);
}

void get(Reader &r, SourceFacility &f)
{
    f.key = r.str();
    f.name = r.str();
    f.basis = r.enumValue(SourceFacility::Basis::Provenance);
    f.code = r.str();
    f.unresolvedReason = r.str();
}

void put(Writer &w, const LabValue &lab)
{
    put(w, lab.value);
    w.str(lab.text);
    w.str(lab.unit);
    put(w, lab.low);
    put(w, lab.high);
    w.str(lab.rangeText);
    w.str(lab.flag);
    w.str(lab.analyteKey);
}

void get(Reader &r, LabValue &lab)
{
    lab.value = getOptional(r);
    lab.text = r.str();
    lab.unit = r.str();
    lab.low = getOptional(r);
    lab.high = getOptional(r);
    lab.rangeText = r.str();
    lab.flag = r.str();
    lab.analyteKey = r.str();
}

void put(Writer &w, const ClinicalItem &item)
{
    w.u8(quint8(item.category));
    w.str(item.resourceType);
    w.str(item.key);
    w.str(item.title);
    w.str(item.detail);
    w.str(item.status);
    w.boolean(item.active);
    put(w, item.start);
    put(w, item.end);
    w.varint(quint64(item.codes.size()));
    for (const Fhir::Coding &c : item.codes)
        put(w, c);
    put(w, item.source);
    w.boolean(item.uninformed);
    w.boolean(item.redacted);
    put(w, item.lab);
    w.str(item.encounterClass);
    w.str(item.documentTypeCode);
    w.str(item.subtype);
    w.str(item.criticality);
    w.str(item.imagingEndpointType);
    w.str(item.imagingEndpointAddress);
    w.str(item.sourceDocument);
}

void get(Reader &r, ClinicalItem &item)
{
    item.category = r.enumValue(ItemCategory::Other);
    item.resourceType = r.str();
    item.key = r.str();
    item.title = r.str();
    item.detail = r.str();
    item.status = r.str();
    item.active = r.boolean();
    get(r, item.start);
    get(r, item.end);
    const qsizetype codes = r.count(3);
    item.codes.resize(codes);
    for (Fhir::Coding &c : item.codes)
        get(r, c);
    get(r, item.source);
    item.uninformed = r.boolean();
    item.redacted = r.boolean();
    get(r, item.lab);
    item.encounterClass = r.str();
    item.documentTypeCode = r.str();
    item.subtype = r.str();
    item.criticality = r.str();
    item.imagingEndpointType = r.str();
    item.imagingEndpointAddress = r.str();
    item.sourceDocument = r.str();
}

void put(Writer &w, const PatientInfo &p)
{
    w.str(p.key);
    w.str(p.id);
    w.str(p.kanjiName);
    w.str(p.kanaName);
    w.str(p.otherName);
    w.str(p.gender);
    put(w, p.birthDate);
    w.varint(quint64(p.identifiers.size()));
    for (const PatientIdentifier &i : p.identifiers) {
        w.str(i.system);
        w.str(i.value);
    }
    put(w, p.linkedKeys);
    put(w, p.sourceNames);
    put(w, p.identityNotes);
    w.boolean(p.placeholder);
}

void get(Reader &r, PatientInfo &p)
{
    p.key = r.str();
    p.id = r.str();
    p.kanjiName = r.str();
    p.kanaName = r.str();
    p.otherName = r.str();
    p.gender = r.str();
    p.birthDate = getDate(r);
    const qsizetype identifiers = r.count(2);
    p.identifiers.resize(identifiers);
    for (PatientIdentifier &i : p.identifiers) {
        i.system = r.str();
        i.value = r.str();
    }
    p.linkedKeys = getStrings(r);
    p.sourceNames = getStrings(r);
    p.identityNotes = getStrings(r);
    p.placeholder = r.boolean();
}

void put(Writer &w, const PatientRecord &record)
{
    put(w, record.patient);
    w.varint(quint64(record.items.size()));
    for (const ClinicalItem &item : record.items)
        put(w, item);
    w.i64(record.withheldCount);
    w.i64(record.undeliveredCount);
    w.boolean(record.incomplete);
    put(w, record.incompleteReasons);
    w.boolean(record.imagesOnly);
    // The document sources compressed (lab reports' sources are most of a big record's bytes), sorted
    // by key for a stable layout; a warm open inflates one only when its document is opened.
    // Serialised and compressed on idle pool threads too: an assembled record keeps them parsed
    // (DocumentSource::fromObject), so this is where their JSON is written.
    QStringList keys = record.documentSources.keys();
    keys.sort();
    const QList<QByteArray> blobs = parallelMapped(keys, [&record](const QString &key) { return record.documentSources.value(key).compressed(); });
    w.varint(quint64(keys.size()));
    for (qsizetype i = 0; i < keys.size(); ++i) {
        w.str(keys.at(i));
        w.blob(blobs.at(i));
    }
    QStringList types = record.withheldByType.keys();
    types.sort();
    w.varint(quint64(types.size()));
    for (const QString &type : std::as_const(types)) {
        w.str(type);
        w.i64(record.withheldByType.value(type));
    }
    w.varint(quint64(record.notDisclosedForRole.size()));
    for (ItemCategory c : record.notDisclosedForRole)
        w.u8(quint8(c));
}

void get(Reader &r, PatientRecord &record)
{
    get(r, record.patient);
    const qsizetype items = r.count(MinItemBytes);
    record.items.resize(items);
    for (ClinicalItem &item : record.items) {
        if (!r.ok())
            break;
        get(r, item);
    }
    record.withheldCount = int(r.i64());
    record.undeliveredCount = int(r.i64());
    record.incomplete = r.boolean();
    record.incompleteReasons = getStrings(r);
    record.imagesOnly = r.boolean();
    const qsizetype documents = r.count();
    record.documentSources.clear();
    for (qsizetype i = 0; i < documents && r.ok(); ++i) {
        const QString key = r.str();
        record.documentSources.insert(key, DocumentSource::fromCompressed(r.blob())); // inflated, parsed and checked when opened
    }
    const qsizetype types = r.count();
    record.withheldByType.clear();
    for (qsizetype i = 0; i < types && r.ok(); ++i) {
        const QString type = r.str();
        record.withheldByType.insert(type, int(r.i64()));
    }
    const qsizetype hidden = r.count();
    record.notDisclosedForRole.clear();
    if (hidden > ItemCategoryCount)
        r.fail();
    for (qsizetype i = 0; i < hidden && r.ok(); ++i) {
        const quint8 c = r.u8();
        if (c >= ItemCategoryCount)
            r.fail();
        else
            record.notDisclosedForRole << ItemCategory(c);
    }
}

} // namespace

QByteArray RecordSnapshot::serialize() const
{
    Writer w;
    w.bytes.reserve(1 << 16);
    w.u32(Magic);
    w.u32(FormatVersion);
    w.varint(quint64(set.patients.size()));
    for (const PatientRecord &record : set.patients)
        put(w, record);
    put(w, set.warnings);
    put(w, set.errors);
    w.i64(set.resourceCount);
    put(w, newestFetch);
    w.i64(resourceRows);
    return w.bytes;
}

std::optional<RecordSnapshot> RecordSnapshot::deserialize(QByteArrayView bytes)
{
    Reader r(bytes);
    if (r.u32() != Magic || r.u32() != FormatVersion || !r.ok())
        return std::nullopt;
    RecordSnapshot snapshot;
    const qsizetype patients = r.count(MinItemBytes);
    snapshot.set.patients.resize(patients);
    for (PatientRecord &record : snapshot.set.patients) {
        if (!r.ok())
            break;
        get(r, record);
    }
    snapshot.set.warnings = getStrings(r);
    snapshot.set.errors = getStrings(r);
    const qint64 resources = r.i64();
    snapshot.newestFetch = getDateTime(r);
    const qint64 rows = r.i64();
    if (!r.ok() || !r.atEnd() || rows < 0 || rows > std::numeric_limits<int>::max() || resources < 0
        || resources > std::numeric_limits<int>::max())
        return std::nullopt;
    snapshot.set.resourceCount = int(resources);
    snapshot.resourceRows = int(rows);
    return snapshot;
}

} // namespace Kakehashi
