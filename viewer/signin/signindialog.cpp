#include "signindialog.h"
#include "dateformat.h"
#include "displayzone.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
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

SignInDialog::SignInDialog(HpkiCard *card, HpkiTrustAnchors anchors, QWidget *parent)
    : QDialog(parent)
    , m_card(card)
    , m_anchors(std::move(anchors))
    , m_tokens(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_problems(new QLabel(this))
    , m_pinWarning(new QLabel(this))
    , m_pin(new QLineEdit(this))
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
    m_signIn->setDefault(true);
    m_buttons->addButton(m_signIn, QDialogButtonBox::AcceptRole);

    auto *refresh = new QPushButton(tr("Refresh", "list of cards"), this);
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_tokens, 1);
    tokenRow->addWidget(refresh);

    auto *form = new QFormLayout;
    form->addRow(tr("Card:"), tokenRow);
    form->addRow(tr("Certificate:"), m_summary);
    form->addRow(QString(), m_problems);
    form->addRow(tr("PIN:"), m_pin);
    form->addRow(QString(), m_pinWarning);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    connect(refresh, &QPushButton::clicked, this, &SignInDialog::refreshTokens);
    connect(m_tokens, &QComboBox::currentIndexChanged, this, &SignInDialog::showToken);
    connect(m_pin, &QLineEdit::textChanged, this, &SignInDialog::updateButton);
    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::signIn);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    refreshTokens();
}

void SignInDialog::refreshTokens()
{
    HpkiCardError error;
    m_tokenList = m_card->tokens(&error);
    const QSignalBlocker blocker(m_tokens);
    m_tokens->clear();
    for (const HpkiToken &t : std::as_const(m_tokenList))
        m_tokens->addItem(t.model.isEmpty() ? t.label : tr("%1 (%2)", "card label (card model)").arg(t.label, t.model));
    if (!error.ok())
        m_problems->setText(error.message());
    else if (m_tokenList.isEmpty())
        m_problems->setText(tr("Insert your HPKI card."));
    showToken(m_tokens->currentIndex());
}

void SignInDialog::showToken(int index)
{
    m_auth.reset();
    m_acceptable = false;
    m_summary->clear();
    m_pinWarning->clear();
    if (index < 0 || index >= m_tokenList.size()) {
        updateButton();
        return;
    }
    const HpkiToken &token = m_tokenList.at(index);
    HpkiCardError error;
    m_auth = HpkiCard::authenticationCertificate(m_card->certificates(token.slotId, &error));
    QStringList problems;
    if (!error.ok())
        problems << error.message();
    else if (!m_auth)
        problems << tr("This card holds no authentication certificate (only a signing certificate or none).");
    if (m_auth) {
        const HpkiCertificate &c = m_auth->certificate;
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
    m_pinWarning->setText(pinStateWarning(token.pinState));
    updateButton();
}

void SignInDialog::updateButton()
{
    const int index = m_tokens->currentIndex();
    const bool locked = index >= 0 && index < m_tokenList.size() && m_tokenList.at(index).pinState == HpkiPinState::Locked;
    m_signIn->setEnabled(m_auth && m_acceptable && !locked && !m_pin->text().isEmpty());
    m_pin->setEnabled(m_auth && m_acceptable && !locked);
}

void SignInDialog::signIn()
{
    const int index = m_tokens->currentIndex();
    if (!m_auth || !m_acceptable || index < 0 || index >= m_tokenList.size())
        return;
    // QString storage cannot be wiped reliably; the byte copy is wiped by login() and the field cleared.
    QByteArray pin = m_pin->text().toUtf8();
    m_pin->clear();
    QGuiApplication::setOverrideCursor(Qt::BusyCursor);
    HpkiCardError error = m_card->login(m_tokenList.at(index).slotId, pin);
    if (error.ok())
        error = m_card->tlsIdentity(*m_auth, &m_identity);
    QGuiApplication::restoreOverrideCursor();
    if (!error.ok()) {
        m_card->logout();
        m_pinWarning->setText(error.message());
        m_pin->setFocus();
        return;
    }
    m_certificate = m_auth->certificate;
    accept();
}

} // namespace Kakehashi
