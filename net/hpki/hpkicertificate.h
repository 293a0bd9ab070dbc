#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Kakehashi::Net {

// What the holder is licensed as, from the certificate's hcRole (ISO 17090 / HPKI CP).
enum class HpkiRole { None, Doctor, Dentist, Pharmacist, Nurse, Other };

// An HPKI end-entity certificate, decoded once. Value type; no OpenSSL types leak out.
class HpkiCertificate
{
    Q_DECLARE_TR_FUNCTIONS(HpkiCertificate)
public:
    // The hcRole coding scheme used by the MHLW HPKI certificate policy.
    static constexpr auto HcRoleAttributeOid = "1.0.17090.0.1";
    static constexpr auto HpkiRoleSchemeOid = "1.2.392.100495.1.6.1.1";

    HpkiCertificate() = default;
    // DER or PEM. A null certificate comes back when the bytes are not an X.509 certificate.
    static HpkiCertificate fromData(const QByteArray &data);

    bool isNull() const { return m_der.isEmpty(); }
    QByteArray der() const { return m_der; }

    HpkiRole role() const { return m_role; }
    QString roleText() const { return m_roleText; } // as written, e.g. "Medical Doctor"; empty without hcRole
    bool hasRole() const { return m_role != HpkiRole::None; }

    QString romajiName() const { return m_commonName; }          // subject CN
    QString organization() const { return m_organization; }      // subject O
    QString holderSerialNumber() const { return m_holderSerial; } // subject serialNumber
    QString kanjiName() const { return m_kanjiName; }             // subjectAltName directoryName CN
    QString kanjiOrganization() const { return m_kanjiOrganization; }
    QString serialNumberHex() const { return m_serialHex; }       // the certificate's own serial
    QString issuerCommonName() const { return m_issuerCommonName; }
    QString issuerDisplayName() const { return m_issuerDisplay; }
    QString subjectDisplayName() const { return m_subjectDisplay; }
    QDateTime notBefore() const { return m_notBefore; }
    QDateTime notAfter() const { return m_notAfter; }
    QStringList policyOids() const { return m_policies; }

    bool hasKeyUsage() const { return m_hasKeyUsage; }
    bool hasDigitalSignature() const { return m_digitalSignature; }
    bool hasNonRepudiation() const { return m_nonRepudiation; }
    // The HPKI signing certificate: nonRepudiation without digitalSignature. Never used to log in.
    bool isSigningOnly() const { return m_hasKeyUsage && m_nonRepudiation && !m_digitalSignature; }
    bool canAuthenticate() const { return !m_hasKeyUsage || m_digitalSignature; }
    bool isSelfIssued() const { return m_selfIssued; }

    // The hcRole text in a DER subjectDirectoryAttributes extension value; empty when there is none.
    static QString hcRoleFromSubjectDirectoryAttributes(const QByteArray &der);
    // "Medical Doctor" -> Doctor, unknown non-empty text -> Other, empty -> None.
    static HpkiRole roleFromText(const QString &text);
    static QString roleName(HpkiRole role); // translated, for the UI

private:
    friend class HpkiCertificateParser;
    QByteArray m_der;
    HpkiRole m_role = HpkiRole::None;
    QString m_roleText;
    QString m_commonName, m_organization, m_holderSerial;
    QString m_kanjiName, m_kanjiOrganization;
    QString m_serialHex, m_issuerCommonName, m_issuerDisplay, m_subjectDisplay;
    QDateTime m_notBefore, m_notAfter;
    QStringList m_policies;
    bool m_hasKeyUsage = false, m_digitalSignature = false, m_nonRepudiation = false, m_selfIssued = false;
};

} // namespace Kakehashi::Net
