#include "servicepanel.h"
#include "session/whenfinished.h"

#include "record/recordassembler.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Kakehashi {

ServicePanel::ServicePanel(Net::FhirClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_name(new QLineEdit(this))
    , m_birthDate(new QLineEdit(this))
    , m_gender(new QComboBox(this))
    , m_insurance(new QLineEdit(this))
    , m_facilityCode(new QLineEdit(this))
    , m_facilityPatientId(new QLineEdit(this))
    , m_searchButton(new QPushButton(tr("Search"), this))
    , m_status(new QLabel(this))
{
    m_name->setPlaceholderText(tr("Kanji or katakana, e.g. ヤマダ"));
    m_name->setAccessibleName(tr("Patient name"));
    m_birthDate->setPlaceholderText(tr("YYYY-MM-DD"));
    m_birthDate->setAccessibleName(tr("Birth date"));
    m_gender->addItem(tr("Any", "gender"), QString());
    m_gender->addItem(tr("Female"), QStringLiteral("female"));
    m_gender->addItem(tr("Male"), QStringLiteral("male"));
    m_gender->addItem(tr("Other", "gender"), QStringLiteral("other"));
    m_gender->addItem(tr("Unknown", "gender"), QStringLiteral("unknown"));
    m_insurance->setPlaceholderText(tr("insurer:symbol:number:branch"));
    m_insurance->setAccessibleName(tr("Insurance member ID"));
    m_facilityCode->setPlaceholderText(tr("10-digit institution code"));
    m_facilityCode->setAccessibleName(tr("Medical institution code"));
    m_facilityPatientId->setAccessibleName(tr("Facility patient ID"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Birth date"), m_birthDate);
    form->addRow(tr("Gender"), m_gender);
    form->addRow(tr("Insurance member ID"), m_insurance);
    form->addRow(tr("Institution code"), m_facilityCode);
    form->addRow(tr("Facility patient ID"), m_facilityPatientId);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(form);
    layout->addWidget(m_searchButton);
    layout->addWidget(m_status);
    layout->addStretch(1);

    connect(m_searchButton, &QPushButton::clicked, this, &ServicePanel::search);
    for (QLineEdit *field : {m_name, m_birthDate, m_insurance, m_facilityCode, m_facilityPatientId})
        connect(field, &QLineEdit::returnPressed, this, &ServicePanel::search);
}

ServicePanel::~ServicePanel()
{
    if (m_operation)
        m_operation->cancel();
}

Net::PatientQuery ServicePanel::query(QString *error) const
{
    Net::PatientQuery q;
    q.name = m_name->text().trimmed();
    const QString date = m_birthDate->text().trimmed();
    if (!date.isEmpty()) {
        q.birthDate = QDate::fromString(date, QStringLiteral("yyyy-MM-dd"));
        if (!q.birthDate.isValid() && error)
            *error = tr("The birth date must be written as YYYY-MM-DD.");
    }
    q.gender = m_gender->currentData().toString();
    q.insuranceMemberId = m_insurance->text().trimmed();
    q.facilityCode = m_facilityCode->text().trimmed();
    q.facilityPatientId = m_facilityPatientId->text().trimmed();
    if (!q.facilityPatientId.isEmpty() && q.facilityCode.size() != 10 && error)
        *error = tr("A facility patient ID needs the 10-digit institution code.");
    return q;
}

void ServicePanel::setQuery(const Net::PatientQuery &query)
{
    m_name->setText(query.name);
    m_birthDate->setText(query.birthDate.isValid() ? query.birthDate.toString(Qt::ISODate) : QString());
    m_gender->setCurrentIndex(qMax(0, m_gender->findData(query.gender)));
    m_insurance->setText(query.insuranceMemberId);
    m_facilityCode->setText(query.facilityCode);
    m_facilityPatientId->setText(query.facilityPatientId);
}

void ServicePanel::search()
{
    QString error;
    const Net::PatientQuery q = query(&error);
    if (error.isEmpty() && q.isEmpty())
        error = tr("Enter at least one search field.");
    if (!error.isEmpty()) {
        m_status->setText(error);
        return;
    }
    if (m_operation)
        m_operation->cancel();
    ++m_generation;
    m_pages.clear();
    m_status->setText(tr("Searching…"));
    m_searchButton->setEnabled(false);
    // A search is routine care, also while an emergency-access record is loading on the same client.
    m_operation = m_client->searchPatients(q, Net::PurposeOfUse::treatment());
    connect(m_operation, &Net::FhirOperation::pageReceived, this, [this](const Net::FhirPage &page) { m_pages.append(page); });
    connect(m_operation, &Net::FhirOperation::finished, this, &ServicePanel::onFinished);
}

void ServicePanel::onFinished(const Net::FhirError &error)
{
    m_operation = nullptr;
    m_searchButton->setEnabled(true);
    if (error.isError() && error.kind != Net::FhirError::Kind::Cancelled) {
        m_status->setText(tr("The search failed: %1").arg(error.message()));
        Q_EMIT patientsFound({}, error);
        return;
    }
    if (error.kind == Net::FhirError::Kind::Cancelled)
        return;
    const quint64 generation = m_generation;
    whenFinished(this, QtConcurrent::run([pages = m_pages] {
        RecordAssembler assembler;
        for (const Net::FhirPage &page : pages)
            assembler.addJson(page.json, page.origin.toString(QUrl::RemoveUserInfo));
        QList<PatientInfo> found;
        const RecordSet set = assembler.finish();
        for (const PatientRecord &r : set.patients) {
            if (!r.patient.placeholder)
                found.append(r.patient);
        }
        return found;
    }), [this, generation](const QList<PatientInfo> &found) {
        if (generation != m_generation)
            return;
        m_status->setText(tr("%n patient(s) found.", nullptr, int(found.size())));
        Q_EMIT patientsFound(found, {});
    });
}

} // namespace Kakehashi
