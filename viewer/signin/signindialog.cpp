#include "signindialog.h"
#include "record/dateformat.h"
#include "record/displayzone.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace Kakehashi {

using namespace Net;

namespace {

QString pinStateWarning(HpkiPinState state)
{
    switch (state) {
    case HpkiPinState::CountLow: return SignInDialog::tr("Few PIN attempts remain before the card locks.");
    case HpkiPinState::FinalTry: return SignInDialog::tr("Last attempt: a wrong PIN locks the card.");
    case HpkiPinState::Locked: return SignInDialog::tr("The PIN is locked. Ask the card issuer to unlock it.");
    case HpkiPinState::Ok: break;
    }
    return {};
}

} // namespace

SignInDialog::SignInDialog(Session::CardSession *session, HpkiTrustAnchors anchors, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_anchors(std::move(anchors))
    , m_tokens(new QComboBox(this))
    , m_refresh(new QPushButton(tr("Refresh", "list of cards"), this))
    , m_summary(new QLabel(this))
    , m_problems(new QLabel(this))
    , m_pinWarning(new QLabel(this))
    , m_pin(new QLineEdit(this))
    , m_progressText(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_signIn(new QPushButton(tr("Sign in"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Sign in with HPKI card"));
    m_tokens->setAccessibleName(tr("Card"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setStyleSheet(QStringLiteral("color: #b00020"));
    m_pinWarning->setWordWrap(true);
    m_pinWarning->setTextFormat(Qt::PlainText);
    m_pinWarning->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setAccessibleName(tr("PIN"));
    m_progressText->setTextFormat(Qt::PlainText);
    m_progressText->setWordWrap(true);
    m_progress->setRange(0, 0); // busy: how long the card takes is not known
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("The card is working"));
    m_progress->hide();
    m_signIn->setDefault(true);
    m_buttons->addButton(m_signIn, QDialogButtonBox::AcceptRole);

    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_tokens, 1);
    tokenRow->addWidget(m_refresh);

    auto *form = new QFormLayout;
    form->addRow(tr("Card:"), tokenRow);
    form->addRow(tr("Certificate:"), m_summary);
    form->addRow(QString(), m_problems);
    form->addRow(tr("PIN:"), m_pin);
    form->addRow(QString(), m_pinWarning);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progressText);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);

    connect(m_refresh, &QPushButton::clicked, this, &SignInDialog::refreshTokens);
    connect(m_tokens, &QComboBox::currentIndexChanged, this, &SignInDialog::showToken);
    connect(m_pin, &QLineEdit::textChanged, this, &SignInDialog::updateButton);
    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::signIn);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_session, &Session::CardSession::tokensRead, this, &SignInDialog::onTokensRead);
    connect(m_session, &Session::CardSession::busyChanged, this, &SignInDialog::onBusyChanged);
    connect(m_session, &Session::CardSession::stepChanged, this,
            [this](Session::CardSession::Step step) { m_progressText->setText(Session::CardSession::stepText(step)); });
    connect(m_session, &Session::CardSession::signedIn, this, [this] {
        if (!m_signingIn)
            return;
        m_signingIn = false;
        accept();
    });
    connect(m_session, &Session::CardSession::signInFailed, this, [this](const Session::SignInFailure &failure) {
        if (!m_signingIn)
            return;
        m_signingIn = false;
        m_pinWarning->setText(failure.message());
        // The token's PIN state may have changed (few tries left, locked): read it again.
        refreshTokens();
        m_pin->setFocus();
        Q_EMIT signInRefused();
    });

    refreshTokens();
}

void SignInDialog::refreshTokens()
{
    m_session->readTokens();
    onBusyChanged(true);
}

void SignInDialog::onBusyChanged(bool busy)
{
    m_progress->setVisible(busy);
    m_progressText->setVisible(busy);
    m_refresh->setEnabled(!busy);
    m_tokens->setEnabled(!busy);
    if (busy)
        m_progressText->setText(Session::CardSession::stepText(m_session->step()));
    updateButton();
}

void SignInDialog::onTokensRead(const QList<Session::CardToken> &tokens, const HpkiCardError &error)
{
    const QString previous = m_tokens->currentIndex() >= 0 && m_tokens->currentIndex() < m_tokenList.size()
                                 ? m_tokenList.at(m_tokens->currentIndex()).token.serialNumber
                                 : QString();
    const QString warning = m_pinWarning->text();
    m_tokenList = tokens;
    {
        const QSignalBlocker blocker(m_tokens);
        m_tokens->clear();
        for (const Session::CardToken &t : std::as_const(m_tokenList)) {
            m_tokens->addItem(t.token.model.isEmpty() ? t.token.label : tr("%1 (%2)", "card label (card model)").arg(t.token.label, t.token.model));
            if (!previous.isEmpty() && t.token.serialNumber == previous)
                m_tokens->setCurrentIndex(m_tokens->count() - 1);
        }
    }
    showToken(m_tokens->currentIndex());
    if (!error.ok())
        m_problems->setText(error.message());
    else if (m_tokenList.isEmpty())
        m_problems->setText(tr("Insert your HPKI card."));
    if (!previous.isEmpty() && !warning.isEmpty()) // the last attempt's answer stays readable
        m_pinWarning->setText(warning);
    Q_EMIT tokensShown();
}

void SignInDialog::showToken(int index)
{
    m_acceptable = false;
    m_summary->clear();
    m_pinWarning->clear();
    m_problems->clear();
    if (index < 0 || index >= m_tokenList.size()) {
        updateButton();
        return;
    }
    const Session::CardToken &token = m_tokenList.at(index);
    QStringList problems;
    if (!token.error.ok())
        problems << token.error.message();
    else if (!token.authentication)
        problems << tr("This card holds no authentication certificate (only a signing certificate or none).");
    if (token.authentication) {
        const HpkiCertificate &c = token.authentication->certificate;
        QStringList lines;
        lines << (c.kanjiName().isEmpty() ? c.romajiName() : tr("%1 (%2)", "kanji name (romaji name)").arg(c.kanjiName(), c.romajiName()));
        lines << tr("Role: %1", "HPKI role").arg(c.hasRole() ? HpkiCertificate::roleName(c.role()) + QStringLiteral(" — ") + c.roleText()
                                                            : HpkiCertificate::roleName(c.role()));
        lines << tr("Organisation: %1").arg(c.kanjiOrganization().isEmpty() ? c.organization() : c.kanjiOrganization());
        lines << tr("Issued by: %1").arg(c.issuerCommonName());
        lines << tr("Valid: %1 – %2").arg(DateFormat::date(DisplayZone::toDisplay(c.notBefore()).date()),
                                          DateFormat::date(DisplayZone::toDisplay(c.notAfter()).date()));
        m_summary->setText(lines.join(u'\n'));
        const HpkiCheck check = checkForAuthentication(c, m_anchors);
        m_acceptable = check.accepted();
        problems << check.messages();
    }
    m_problems->setText(problems.join(u'\n'));
    m_pinWarning->setText(pinStateWarning(token.token.pinState));
    updateButton();
}

void SignInDialog::updateButton()
{
    const int index = m_tokens->currentIndex();
    const bool valid = index >= 0 && index < m_tokenList.size();
    const bool usable = valid && m_tokenList.at(index).authentication && m_acceptable
                        && m_tokenList.at(index).token.pinState != HpkiPinState::Locked;
    const bool busy = m_session->isBusy();
    m_signIn->setEnabled(usable && !busy && !m_pin->text().isEmpty());
    m_pin->setEnabled(usable && !busy);
}

void SignInDialog::signIn()
{
    const int index = m_tokens->currentIndex();
    if (m_session->isBusy() || !m_acceptable || index < 0 || index >= m_tokenList.size() || !m_tokenList.at(index).authentication)
        return;
    const HpkiCardCertificate certificate = *m_tokenList.at(index).authentication;
    // QString storage cannot be wiped reliably; the byte copy is wiped by the session and the field cleared.
    QByteArray pin = m_pin->text().toUtf8();
    m_pin->clear();
    m_pinWarning->clear();
    m_certificate = certificate.certificate;
    m_signingIn = true;
    m_session->signIn(certificate, pin);
}

} // namespace Kakehashi
