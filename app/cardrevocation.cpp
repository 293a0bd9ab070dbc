#include "cardrevocation.h"

#include "store/crlcache.h"
#include "mainwindow.h"
#include "viewer/signin/cardsessionui.h"

#include <QCoreApplication>
#include <QLabel>
#include <QLoggingCategory>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcRevocation, "kakehashi.app.revocation", QtInfoMsg)

namespace Kakehashi {

namespace {
const auto BannerName = QStringLiteral("certificateWarningBanner");

void showBanner(MainWindow *window, const QString &text)
{
    QLabel *banner = certificateWarningBanner(window);
    if (!banner) {
        banner = new QLabel(window);
        banner->setObjectName(BannerName);
        banner->setWordWrap(true);
        banner->setTextFormat(Qt::PlainText);
        banner->setAccessibleName(QCoreApplication::translate("CardRevocation", "Card certificate warning"));
        banner->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #5d4200; font-weight: bold; "
                                             "border: 1px solid #e0a800; padding: 4px; }"));
        if (auto *layout = window->centralWidget() ? qobject_cast<QVBoxLayout *>(window->centralWidget()->layout()) : nullptr)
            layout->insertWidget(0, banner);
        // The warning belongs to this sign-in: gone with the session.
        QObject::connect(window->cardSessionUi(), &CardSessionUi::signedOut, banner, &QObject::deleteLater);
    }
    banner->setText(text);
    banner->show();
}
} // namespace

QLabel *certificateWarningBanner(const MainWindow *window)
{
    return window ? window->findChild<QLabel *>(BannerName) : nullptr;
}

bool checkCardRevocation(MainWindow *window, const Net::ConnectionProfile &profile, const Net::HpkiTrustAnchors &anchors,
                         const Net::HpkiCertificate &certificate, QString *refusal, Net::CrlStore *store,
                         Net::RevocationResult *resultOut)
{
    CrlCache defaultStore;
    Net::RevocationCheck::Options options;
    options.timeoutSeconds = profile.crlTimeoutSeconds;
    options.graceHours = profile.crlGraceHours;
    const Net::RevocationCheck check(anchors, store ? store : &defaultStore, options);
    const Net::RevocationResult result = check.check(certificate);
    if (resultOut)
        *resultOut = result;
    qCInfo(lcRevocation) << "revocation check:" << int(result.status) << "from cache:" << result.fromCache
                         << "CRL:" << result.distributionPoint.toDisplayString() << result.detail;
    if (result.isGood())
        return true;
    if (!result.allowsSignIn(profile.revocationPolicy)) {
        *refusal = QCoreApplication::translate("CardRevocation", "Sign-in refused: %1").arg(result.message());
        return false;
    }
    showBanner(window, QCoreApplication::translate("CardRevocation",
                                            "Warning: %1 You are signed in because the connection \"%2\" allows "
                                            "sign-in without a revocation check (soft-fail).").arg(result.message(), profile.name));
    return true;
}

} // namespace Kakehashi
