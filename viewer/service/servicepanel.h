#pragma once

#include "record/clinicalrecord.h"
#include "net/fhirclient.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Kakehashi {

// Patient search against the sharing service (wide-area MPI): kanji/katakana name, birth date,
// gender, insurance member ID, facility patient ID. The found patients are parsed off the GUI thread.
class ServicePanel : public QWidget
{
    Q_OBJECT
public:
    // The client must outlive the panel.
    explicit ServicePanel(Net::FhirClient *client, QWidget *parent = nullptr);
    ~ServicePanel() override;

    // The query the fields describe; |error| is set when a field cannot be used (e.g. a bad date).
    Net::PatientQuery query(QString *error) const;
    void setQuery(const Net::PatientQuery &query);
    // Runs the search the fields describe; patientsFound() follows.
    void search();

    QLineEdit *nameField() const { return m_name; }
    QLineEdit *birthDateField() const { return m_birthDate; }
    QComboBox *genderField() const { return m_gender; }
    QLineEdit *insuranceField() const { return m_insurance; }
    QLineEdit *facilityCodeField() const { return m_facilityCode; }
    QLineEdit *facilityPatientIdField() const { return m_facilityPatientId; }
    QPushButton *searchButton() const { return m_searchButton; }
    QLabel *statusLabel() const { return m_status; }
    bool isSearching() const { return !m_operation.isNull(); }

Q_SIGNALS:
    // |error| is set when the search failed; |patients| is then empty.
    void patientsFound(const QList<Kakehashi::PatientInfo> &patients, const Kakehashi::Net::FhirError &error);

private:
    void onFinished(const Net::FhirError &error);

    Net::FhirClient *m_client;
    QLineEdit *m_name;
    QLineEdit *m_birthDate;
    QComboBox *m_gender;
    QLineEdit *m_insurance;
    QLineEdit *m_facilityCode;
    QLineEdit *m_facilityPatientId;
    QPushButton *m_searchButton;
    QLabel *m_status;
    QPointer<Net::FhirOperation> m_operation;
    QList<Net::FhirPage> m_pages;
    quint64 m_generation = 0;
};

} // namespace Kakehashi
