#pragma once

#include "net/hpki/revocationcheck.h"

#include <QString>

namespace Kakehashi {

// The CRLs of the HPKI certification authorities kept for offline sign-in, one file per
// distribution point (named by the SHA-256 of its URL) in <AppLocalDataLocation>/crl-cache.
// Owner only like the other caches (files 0600, folder 0700, store/privatefiles.*), written to
// a temporary name and renamed. A CRL is public and signed: RevocationCheck verifies it again on
// every load, so the file needs no encryption.
class CrlCache : public Net::CrlStore
{
public:
    explicit CrlCache(QString directory = defaultDirectory());

    static QString defaultDirectory();
    QString directory() const { return m_directory; }
    QString pathFor(const QUrl &distributionPoint) const;

    QByteArray load(const QUrl &distributionPoint) const override;
    bool store(const QUrl &distributionPoint, const QByteArray &der, QString *error) override;

private:
    QString m_directory;
};

} // namespace Kakehashi
