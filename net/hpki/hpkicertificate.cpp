#include "hpkicertificate.h"
#include "hpki_p.h"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <optional>
#include <vector>

Q_LOGGING_CATEGORY(lcHpki, "kakehashi.net.hpki", QtInfoMsg)

namespace Kakehashi::Net {

using namespace HpkiPrivate;

namespace HpkiPrivate {

X509Ptr parseCertificate(const QByteArray &data)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data.constData());
    X509Ptr cert(d2i_X509(nullptr, &p, data.size()));
    if (!cert) {
        BIO *bio = BIO_new_mem_buf(data.constData(), int(data.size()));
        cert.reset(PEM_read_bio_X509(bio, nullptr, nullptr, nullptr));
        BIO_free(bio);
    }
    ERR_clear_error();
    return cert;
}

QByteArray toDer(X509 *cert)
{
    unsigned char *buf = nullptr;
    const int len = i2d_X509(cert, &buf);
    if (len <= 0)
        return {};
    QByteArray der(reinterpret_cast<const char *>(buf), len);
    OPENSSL_free(buf);
    return der;
}

static QString asn1String(const ASN1_STRING *s)
{
    unsigned char *utf8 = nullptr;
    const int len = ASN1_STRING_to_UTF8(&utf8, s);
    if (len < 0)
        return {};
    QString out = QString::fromUtf8(reinterpret_cast<const char *>(utf8), len);
    OPENSSL_free(utf8);
    return out;
}

QString nameEntry(const X509_NAME *name, int nid)
{
    if (!name)
        return {};
    const int idx = X509_NAME_get_index_by_NID(name, nid, -1);
    if (idx < 0)
        return {};
    return asn1String(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, idx)));
}

QString openSslErrors()
{
    QStringList parts;
    char buf[256];
    while (const unsigned long e = ERR_get_error()) {
        ERR_error_string_n(e, buf, sizeof buf);
        parts << QString::fromLatin1(buf);
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace HpkiPrivate

namespace {

// Minimal DER walker for the subjectDirectoryAttributes value; bounds-checked, no recursion limit
// beyond the data itself (which is at most a few hundred bytes).
struct Tlv
{
    unsigned char tag = 0;
    const unsigned char *content = nullptr;
    size_t length = 0;
    bool constructed() const { return tag & 0x20; }
};

std::vector<Tlv> children(const unsigned char *p, size_t len)
{
    std::vector<Tlv> out;
    size_t pos = 0;
    while (pos + 2 <= len) {
        Tlv t;
        t.tag = p[pos++];
        if ((t.tag & 0x1f) == 0x1f)
            return {}; // multi-byte tags do not occur here
        size_t l = p[pos++];
        if (l & 0x80) {
            const size_t n = l & 0x7f;
            if (n == 0 || n > 4 || pos + n > len)
                return {};
            l = 0;
            for (size_t i = 0; i < n; ++i)
                l = (l << 8) | p[pos++];
        }
        if (l > len - pos)
            return {};
        t.content = p + pos;
        t.length = l;
        pos += l;
        out.push_back(t);
    }
    return pos == len ? out : std::vector<Tlv>{};
}

QString oidText(const Tlv &t)
{
    if (t.tag != V_ASN1_OBJECT)
        return {};
    QByteArray der;
    der.append(char(V_ASN1_OBJECT));
    if (t.length > 127)
        return {};
    der.append(char(t.length));
    der.append(reinterpret_cast<const char *>(t.content), qsizetype(t.length));
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    ASN1_OBJECT *obj = d2i_ASN1_OBJECT(nullptr, &p, der.size());
    if (!obj)
        return {};
    char buf[128];
    const int n = OBJ_obj2txt(buf, sizeof buf, obj, 1);
    ASN1_OBJECT_free(obj);
    return n > 0 ? QString::fromLatin1(buf, qMin(n, int(sizeof buf) - 1)) : QString();
}

std::optional<QString> directoryString(const Tlv &t)
{
    const auto *c = reinterpret_cast<const char *>(t.content);
    const auto n = qsizetype(t.length);
    switch (t.tag) {
    case V_ASN1_UTF8STRING: return QString::fromUtf8(c, n);
    case V_ASN1_PRINTABLESTRING:
    case V_ASN1_IA5STRING:
    case V_ASN1_T61STRING: return QString::fromLatin1(c, n);
    case V_ASN1_BMPSTRING: {
        QString s;
        for (qsizetype i = 0; i + 1 < n; i += 2)
            s.append(QChar(char16_t((uchar(c[i]) << 8) | uchar(c[i + 1]))));
        return s;
    }
    default: return std::nullopt;
    }
}

// CodedData ::= SET { codingSchemeReference [0] EXPLICIT OID, codeDataValue [1] EXPLICIT PrintableString
// OPTIONAL, codeDataFreeText [2] EXPLICIT DirectoryString OPTIONAL }. Search the HCActor tree for it.
std::optional<QString> findCodedRole(const Tlv &node, int depth = 0)
{
    if (!node.constructed() || depth > 8)
        return std::nullopt;
    const auto kids = children(node.content, node.length);
    bool schemeMatches = false;
    std::optional<QString> value, freeText;
    for (const Tlv &k : kids) {
        if (k.tag == 0xA0 || k.tag == 0xA1 || k.tag == 0xA2) {
            const auto inner = children(k.content, k.length);
            if (inner.size() != 1)
                continue;
            if (k.tag == 0xA0 && inner[0].tag == V_ASN1_OBJECT)
                schemeMatches = oidText(inner[0]) == QLatin1String(HpkiCertificate::HpkiRoleSchemeOid);
            else if (k.tag == 0xA1)
                value = directoryString(inner[0]);
            else if (k.tag == 0xA2)
                freeText = directoryString(inner[0]);
        }
    }
    if (schemeMatches && (freeText || value))
        return freeText ? freeText : value;
    for (const Tlv &k : kids)
        if (auto found = findCodedRole(k, depth + 1))
            return found;
    return std::nullopt;
}

std::optional<QString> hcRoleFromExtension(const unsigned char *der, size_t length)
{
    const auto outer = children(der, length);
    if (outer.size() != 1 || outer[0].tag != (V_ASN1_SEQUENCE | 0x20))
        return std::nullopt;
    for (const Tlv &attribute : children(outer[0].content, outer[0].length)) {
        const auto parts = children(attribute.content, attribute.length);
        if (parts.size() != 2 || oidText(parts[0]) != QLatin1String(HpkiCertificate::HcRoleAttributeOid))
            continue;
        if (auto role = findCodedRole(parts[1]))
            return role->trimmed();
    }
    return std::nullopt;
}

std::optional<QString> hcRole(X509 *cert)
{
    const int idx = X509_get_ext_by_NID(cert, NID_subject_directory_attributes, -1);
    if (idx < 0)
        return std::nullopt;
    const ASN1_OCTET_STRING *data = X509_EXTENSION_get_data(X509_get_ext(cert, idx));
    return hcRoleFromExtension(ASN1_STRING_get0_data(data), size_t(ASN1_STRING_length(data)));
}

QDateTime asn1Time(const ASN1_TIME *t)
{
    struct tm tm = {};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                     QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

QString oneLine(const X509_NAME *name)
{
    BIO *bio = BIO_new(BIO_s_mem());
    X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    QString out = QString::fromUtf8(data, len);
    BIO_free(bio);
    return out;
}

} // namespace

class HpkiCertificateParser
{
public:
    static HpkiCertificate parse(X509 *x)
    {
        HpkiCertificate c;
        c.m_der = toDer(x);
        const X509_NAME *subject = X509_get_subject_name(x);
        const X509_NAME *issuer = X509_get_issuer_name(x);
        c.m_commonName = nameEntry(subject, NID_commonName);
        c.m_organization = nameEntry(subject, NID_organizationName);
        c.m_holderSerial = nameEntry(subject, NID_serialNumber);
        c.m_issuerCommonName = nameEntry(issuer, NID_commonName);
        c.m_issuerDisplay = oneLine(issuer);
        c.m_subjectDisplay = oneLine(subject);
        c.m_selfIssued = X509_NAME_cmp(subject, issuer) == 0;
        c.m_notBefore = asn1Time(X509_get0_notBefore(x));
        c.m_notAfter = asn1Time(X509_get0_notAfter(x));

        if (const ASN1_INTEGER *serial = X509_get0_serialNumber(x)) {
            if (BIGNUM *bn = ASN1_INTEGER_to_BN(serial, nullptr)) {
                char *hex = BN_bn2hex(bn);
                c.m_serialHex = QString::fromLatin1(hex);
                OPENSSL_free(hex);
                BN_free(bn);
            }
        }

        // Forces the extension cache so that the key-usage flags are filled in.
        const uint32_t flags = X509_get_extension_flags(x);
        c.m_hasKeyUsage = flags & EXFLAG_KUSAGE;
        const uint32_t ku = X509_get_key_usage(x);
        c.m_digitalSignature = ku & KU_DIGITAL_SIGNATURE;
        c.m_nonRepudiation = ku & KU_NON_REPUDIATION;

        if (auto *sans = static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(x, NID_subject_alt_name, nullptr, nullptr))) {
            for (int i = 0; i < sk_GENERAL_NAME_num(sans); ++i) {
                const GENERAL_NAME *gn = sk_GENERAL_NAME_value(sans, i);
                if (gn->type != GEN_DIRNAME)
                    continue;
                if (c.m_kanjiName.isEmpty())
                    c.m_kanjiName = nameEntry(gn->d.directoryName, NID_commonName);
                if (c.m_kanjiOrganization.isEmpty())
                    c.m_kanjiOrganization = nameEntry(gn->d.directoryName, NID_organizationName);
            }
            GENERAL_NAMES_free(sans);
        }

        if (auto *policies = static_cast<CERTIFICATEPOLICIES *>(X509_get_ext_d2i(x, NID_certificate_policies, nullptr, nullptr))) {
            for (int i = 0; i < sk_POLICYINFO_num(policies); ++i) {
                char buf[128];
                const int n = OBJ_obj2txt(buf, sizeof buf, sk_POLICYINFO_value(policies, i)->policyid, 1);
                if (n > 0)
                    c.m_policies << QString::fromLatin1(buf, qMin(n, int(sizeof buf) - 1));
            }
            CERTIFICATEPOLICIES_free(policies);
        }

        if (const auto role = hcRole(x)) {
            c.m_roleText = *role;
            c.m_role = HpkiCertificate::roleFromText(*role);
        }
        ERR_clear_error();
        return c;
    }
};

HpkiCertificate HpkiCertificate::fromData(const QByteArray &data)
{
    const X509Ptr x = parseCertificate(data);
    return x ? HpkiCertificateParser::parse(x.get()) : HpkiCertificate();
}

QString HpkiCertificate::hcRoleFromSubjectDirectoryAttributes(const QByteArray &der)
{
    return hcRoleFromExtension(reinterpret_cast<const unsigned char *>(der.constData()), size_t(der.size())).value_or(QString());
}

HpkiRole HpkiCertificate::roleFromText(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return HpkiRole::None;
    if (t.compare(QLatin1String("Medical Doctor"), Qt::CaseInsensitive) == 0)
        return HpkiRole::Doctor;
    if (t.compare(QLatin1String("Dentist"), Qt::CaseInsensitive) == 0)
        return HpkiRole::Dentist;
    if (t.compare(QLatin1String("Pharmacist"), Qt::CaseInsensitive) == 0)
        return HpkiRole::Pharmacist;
    if (t.compare(QLatin1String("Nurse"), Qt::CaseInsensitive) == 0)
        return HpkiRole::Nurse;
    return HpkiRole::Other;
}

QString HpkiCertificate::roleName(HpkiRole role)
{
    switch (role) {
    case HpkiRole::Doctor: return tr("Doctor", "HPKI role");
    case HpkiRole::Dentist: return tr("Dentist", "HPKI role");
    case HpkiRole::Pharmacist: return tr("Pharmacist", "HPKI role");
    case HpkiRole::Nurse: return tr("Nurse", "HPKI role");
    case HpkiRole::Other: return tr("Other health professional", "HPKI role");
    case HpkiRole::None: break;
    }
    return tr("No role in certificate", "HPKI role");
}

} // namespace Kakehashi::Net
