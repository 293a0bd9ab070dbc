#include "emergencysummaryview.h"
#include "record/dateformat.h"

#include "viewer/displaytext.h"
#include "record/documentresults.h"
#include "record/referenceclock.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSettings>
#include <QVBoxLayout>

namespace Kakehashi {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString badge(const QString &text, const char *background, const char *foreground)
{
    return QStringLiteral("<span style='background:%1; color:%2; font-weight:bold'>&nbsp;%3&nbsp;</span>")
        .arg(QLatin1String(background), QLatin1String(foreground), esc(text));
}

QLabel *sectionLabel(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAccessibleName(accessibleName);
    return label;
}

constexpr const char *TableStart = "<table width='100%' cellspacing='0' cellpadding='1'>";

} // namespace

EmergencySummaryView::EmergencySummaryView(QWidget *parent)
    : QWidget(parent)
    , m_scroll(new QScrollArea(this))
{
    setAccessibleName(tr("Emergency summary"));
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("emergencySummaryPage"));
    // Printable-looking: black on white whatever the desktop theme.
    page->setStyleSheet(QStringLiteral(
        "#emergencySummaryPage { background: white; }"
        "#emergencySummaryPage QLabel { color: black; }"
        "#emergencySummaryPage QGroupBox { background: white; border: 1px solid #808080; margin-top: 1.1em; font-weight: bold; }"
        "#emergencySummaryPage QGroupBox::title { subcontrol-origin: margin; left: 6px; padding: 0 3px; }"));

    m_header = sectionLabel(page, QStringLiteral("emergencyHeader"), tr("Patient"));
    m_fullRecord = new QPushButton(tr("Full record"), page);
    m_fullRecord->setAccessibleName(tr("Open the full record"));
    m_fullRecord->setToolTip(tr("Leave the emergency summary and show the whole record"));
    connect(m_fullRecord, &QPushButton::clicked, this, &EmergencySummaryView::fullRecordRequested);
    m_status = sectionLabel(page, QStringLiteral("emergencyStatus"), tr("Record completeness"));
    m_status->setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; color: #6b4a00; border: 1px solid #e8c870; padding: 3px; }"));
    m_allergies = sectionLabel(page, QStringLiteral("emergencyAllergies"), tr("Allergies and contraindications"));
    m_allergies->setStyleSheet(QStringLiteral("QLabel { background: #fde8e8; color: #8a1020; border: 3px solid #c0182a; padding: 6px; }"));
    m_medications = sectionLabel(page, QStringLiteral("emergencyMedications"), tr("Current medications"));
    m_problems = sectionLabel(page, QStringLiteral("emergencyProblems"), tr("Problems"));
    m_encounters = sectionLabel(page, QStringLiteral("emergencyEncounters"), tr("Recent visits"));
    m_procedures = sectionLabel(page, QStringLiteral("emergencyProcedures"), tr("Surgery and procedures"));
    m_labs = sectionLabel(page, QStringLiteral("emergencyLabs"), tr("Key laboratory values"));
    m_infections = sectionLabel(page, QStringLiteral("emergencyInfections"), tr("Infections and dialysis"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_header, 1);
    top->addWidget(m_fullRecord, 0, Qt::AlignTop);

    const auto box = [page](QLabel *label) {
        auto *group = new QGroupBox(label->accessibleName(), page);
        group->setAccessibleName(label->accessibleName());
        auto *l = new QVBoxLayout(group);
        l->setContentsMargins(6, 4, 6, 4);
        l->addWidget(label);
        l->addStretch(1);
        return group;
    };
    auto *grid = new QGridLayout;
    grid->setSpacing(8);
    grid->addWidget(box(m_medications), 0, 0, 2, 1);
    grid->addWidget(box(m_problems), 0, 1);
    grid->addWidget(box(m_encounters), 1, 1);
    grid->addWidget(box(m_labs), 0, 2);
    grid->addWidget(box(m_procedures), 1, 2);
    grid->addWidget(box(m_infections), 2, 0, 1, 3);
    for (int c = 0; c < 3; ++c)
        grid->setColumnStretch(c, 1);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(6);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_allergies);
    layout->addLayout(grid, 1);

    m_scroll->setWidget(page);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_scroll);
    clear();
}

void EmergencySummaryView::setAsOf(const QDateTime &asOf)
{
    m_asOf = asOf;
    if (m_hasRecord)
        rebuild();
}

void EmergencySummaryView::setLookBack(const EmergencyLookBack &lookBack)
{
    m_lookBack = lookBack;
    m_lookBackSet = true;
    if (m_hasRecord)
        rebuild();
}

void EmergencySummaryView::clear()
{
    m_record = {};
    m_hasRecord = false;
    m_summary = {};
    m_header->setText(QStringLiteral("<b style='font-size:large'>%1</b>").arg(esc(tr("Emergency summary"))));
    m_status->hide();
    for (QLabel *l : {m_allergies, m_medications, m_problems, m_encounters, m_procedures, m_labs, m_infections}) {
        l->clear();
        l->setAccessibleDescription({});
    }
}

void EmergencySummaryView::setRecord(const PatientRecord &record)
{
    m_record = record;
    m_hasRecord = true;
    rebuild();
}

void EmergencySummaryView::setRecord(const PatientRecord &record, const QDateTime &now, const DuplicateTherapyCheck &checkAtNow)
{
    m_record = record;
    m_hasRecord = true;
    rebuild(now, &checkAtNow);
}

QString EmergencySummaryView::dateText(const Fhir::DateTime &date) const
{
    if (!date.isValid())
        return tr("date unknown");
    if (date.precision == Fhir::DateTime::Precision::Day || date.precision == Fhir::DateTime::Precision::Time)
        return DateFormat::date(date.date());
    return date.displayText();
}

QString EmergencySummaryView::sourceText(const EmergencyLine &line) const
{
    const QString facility = line.facilities.isEmpty()
                                 ? (line.facility.isEmpty() ? tr("facility unknown") : line.facility)
                                 : line.facilities.join(QStringLiteral("、"));
    QString text = facility + QStringLiteral(" · ") + dateText(line.date);
    if (!line.sourceDocument.isEmpty())
        text += QStringLiteral(" · ") + DocumentResults::markFor(line.sourceDocument);
    return text;
}

QString EmergencySummaryView::marks(const EmergencyLine &line) const
{
    QString html;
    if (line.uninformed)
        html += u' ' + badge(tr("UNINFORMED", "JP-CLINS: not yet told to the patient"), "#ffd8a8", "#7a3b00");
    if (line.redacted)
        html += u' ' + badge(tr("redacted"), "#e0e0e0", "#404040");
    return html;
}

void EmergencySummaryView::setSection(QLabel *label, const QString &html, const QStringList &plainLines)
{
    label->setText(html);
    // Screen readers read the lines, not the table markup.
    label->setAccessibleDescription(plainLines.join(u'\n'));
}

void EmergencySummaryView::rebuild(const QDateTime &now, const DuplicateTherapyCheck *checkAtNow)
{
    if (!m_lookBackSet)
        m_lookBack = EmergencyLookBack::fromSettings(QSettings());
    const QDateTime asOf = m_asOf.isValid() ? m_asOf : (now.isValid() ? now : ReferenceClock::now());
    // The caller's check is for its moment: used only when the summary is as of that same moment.
    m_summary = EmergencySummary::build(m_record, asOf, m_lookBack, checkAtNow && asOf == now ? checkAtNow : nullptr);
    const EmergencySummary &s = m_summary;
    const EmergencyLookBack &lb = s.lookBack;
    const QString cellDate = QStringLiteral("<td style='white-space:nowrap; color:#303030' align='right'>%1</td>");

    // Who, and as of when.
    const PatientInfo &p = s.patient;
    QStringList facts;
    if (!p.gender.isEmpty())
        facts << DisplayText::gender(p.gender);
    if (p.birthDate.isValid())
        facts << tr("born %1 (%2)").arg(DateFormat::birthDate(p.birthDate), DisplayText::age(p.ageAt(asOf.date())));
    QString header = QStringLiteral("<b style='font-size:large'>%1</b>&nbsp;&nbsp;<b style='font-size:large'>%2</b>")
                         .arg(esc(tr("Emergency summary")), esc(p.displayName()));
    if (!p.kanaName.isEmpty() && p.kanaName != p.displayName())
        header += QStringLiteral("&nbsp;<span>%1</span>").arg(esc(p.kanaName));
    header += QStringLiteral("&nbsp;&nbsp;%1<br><span style='color:#404040'>%2</span>")
                  .arg(esc(facts.join(QStringLiteral(" · "))),
                       esc(tr("As of %1. Visits %2 days, dispensing %3 days, resolved problems %4 days, surgery %5 months.")
                               .arg(DateFormat::dateTime(asOf))
                               .arg(lb.encounterDays)
                               .arg(lb.dispenseDays)
                               .arg(lb.resolvedProblemDays)
                               .arg(lb.procedureMonths)));
    m_header->setText(header);

    // What the summary cannot show.
    QStringList status;
    if (s.incomplete)
        status << tr("The record is incomplete: %1").arg(s.incompleteReasons.join(QStringLiteral("; ")));
    else if (s.withheldCount > 0)
        status << tr("%n item(s) withheld by the patient's disclosure settings", nullptr, s.withheldCount);
    if (s.undeliveredCount > 0)
        status << tr("%n item(s) not provided at the patient's request (UNDELIVERED)", nullptr, s.undeliveredCount);
    if (s.uninformedCount > 0)
        status << tr("%n item(s) marked UNINFORMED: not yet told to the patient — do not disclose to the patient or family without care.",
                     nullptr, s.uninformedCount);
    m_status->setText(esc(status.join(u'\n')).replace(u'\n', QStringLiteral("<br>")));
    m_status->setAccessibleDescription(status.join(u'\n'));
    m_status->setVisible(!status.isEmpty());

    // Only images were opened for this person: every section is unknown, and says so.
    if (s.imagesOnly) {
        const QString unknown = tr("Unknown: no health record was loaded for this patient, only DICOM images.");
        for (QLabel *section : {m_allergies, m_medications, m_problems, m_encounters, m_procedures, m_labs})
            setSection(section, QStringLiteral("<span style='font-weight:bold'>%1</span>").arg(esc(unknown)), {unknown});
        return;
    }

    // Allergies: large, red, first.
    {
        QString html;
        QStringList plain;
        // What an empty list means comes from ClinicalStatus, the rule the allergy banner uses too.
        const QString allergyState = ClinicalStatus::stateText(ClinicalStatus::Kind::Allergies, s.allergyStatus);
        const QString contraState = ClinicalStatus::stateText(ClinicalStatus::Kind::Contraindications, s.contraindicationStatus);
        if (s.allergies.isEmpty()) {
            html = QStringLiteral("<span style='font-size:large; font-weight:bold'>%1</span>").arg(esc(allergyState));
            plain << allergyState;
            if (!contraState.isEmpty() && s.contraindicationStatus.state != s.allergyStatus.state) {
                html += QStringLiteral("<br><span style='font-weight:bold'>%1</span>").arg(esc(contraState));
                plain << contraState;
            }
        } else {
            html = QStringLiteral("<table cellspacing='0' cellpadding='1'>");
            for (const EmergencyLine &a : s.allergies) {
                QString kind = a.drugAllergy ? tr("DRUG", "drug allergy / contraindication") : QString();
                QString row = QStringLiteral("<tr><td style='font-size:x-large; font-weight:bold'>⚠ %1</td><td>&nbsp;").arg(esc(a.title));
                if (!kind.isEmpty())
                    row += badge(kind, "#c0182a", "white") + u' ';
                if (a.highCriticality)
                    row += badge(tr("HIGH RISK", "allergy criticality"), "#700010", "white") + u' ';
                row += esc(a.detail) + marks(a) + QStringLiteral("</td>");
                row += QStringLiteral("<td style='color:#5a1018' align='right'>&nbsp;%1</td></tr>").arg(esc(sourceText(a)));
                html += row;
                QStringList parts{a.title};
                if (!kind.isEmpty())
                    parts << kind;
                if (a.highCriticality)
                    parts << tr("HIGH RISK", "allergy criticality");
                parts << a.detail << sourceText(a);
                if (a.uninformed)
                    parts << tr("UNINFORMED", "JP-CLINS: not yet told to the patient");
                parts.removeAll(QString());
                plain << parts.join(QStringLiteral(" — "));
            }
            html += QStringLiteral("</table>");
            QStringList notes;
            if (!contraState.isEmpty())
                notes << contraState;
            if (s.allergyStatus.withheld > 0)
                notes << tr("%n more withheld item(s) may include more allergies.", nullptr, s.allergyStatus.withheld);
            for (const QString &n : std::as_const(notes)) {
                html += QStringLiteral("<div style='font-weight:bold'>%1</div>").arg(esc(n));
                plain << n;
            }
        }
        setSection(m_allergies, html, plain);
    }

    // Current medications, one line per ingredient.
    {
        QString html;
        QStringList plain;
        for (const QString &w : s.duplicateTherapyWarnings) {
            html += QStringLiteral("<div style='color:#7a3b00; font-weight:bold'>⚠ %1</div>").arg(esc(w));
            plain << w;
        }
        // Never silently skipped: a current prescription no code master could map was not compared.
        for (const UncheckedMedication &u : s.uncheckedMedications) {
            html += QStringLiteral("<div style='color:#5a4a00'>? %1</div>").arg(esc(u.message()));
            plain << u.message();
        }
        if (s.medications.isEmpty()) {
            const QString notShared = tr("Not in the shared record: no medication running now or dispensed in the last %n day(s). This does not mean the patient takes none.", nullptr, lb.dispenseDays);
            html += esc(notShared);
            plain << notShared;
        } else {
            html += QLatin1String(TableStart);
            for (const EmergencyLine &m : s.medications) {
                QString title = QStringLiteral("<b>%1</b>").arg(esc(m.title));
                if (m.duplicateTherapy)
                    title += u' ' + badge(tr("duplicate", "duplicate therapy"), "#f0b070", "#4a2000");
                if (!m.active && m.dispensedRecently)
                    title += u' ' + badge(tr("dispensed recently", "medication no longer running"), "#e8e8e8", "#303030");
                else if (!m.active && m.periodUnknown)
                    title += u' ' + badge(tr("period unknown", "medication whose end cannot be known"), "#e8e8e8", "#303030");
                if (m.ingredientUnchecked)
                    title += u' ' + badge(tr("ingredient unknown — not checked", "duplicate therapy"), "#f4e8b0", "#4a3a00");
                // A current line says until when (its last day of use, MedicationPeriod).
                const QString source = m.active && m.endDate.isValid()
                                           ? sourceText(m) + u' ' + tr("until %1", "medication: last day of use").arg(dateText(m.endDate))
                                           : sourceText(m);
                html += QStringLiteral("<tr><td>%1%2<br><span style='color:#404040'>%3</span></td>").arg(title, marks(m), esc(m.detail));
                html += cellDate.arg(esc(source).replace(QStringLiteral("、"), QStringLiteral("<br>"))) + QStringLiteral("</tr>");
                plain << QStringList{m.title, m.detail, source, m.duplicateTherapy ? tr("duplicate", "duplicate therapy") : QString(),
                                     !m.active && m.periodUnknown ? tr("period unknown", "medication whose end cannot be known") : QString(),
                                     m.ingredientUnchecked ? tr("ingredient unknown — not checked", "duplicate therapy") : QString()}
                             .filter(QRegularExpression(QStringLiteral("\\S")))
                             .join(QStringLiteral(" — "));
            }
            html += QStringLiteral("</table>");
        }
        setSection(m_medications, html, plain);
    }

    // Problems: active, then resolved recently.
    {
        QString html;
        QStringList plain;
        if (s.problems.isEmpty()) {
            html = esc(tr("Not in the shared record: no active problem (this does not mean there is none)."));
            plain << tr("Not in the shared record: no active problem (this does not mean there is none).");
        } else {
            html += QLatin1String(TableStart);
            for (const EmergencyLine &pr : s.problems) {
                QString title = pr.active ? QStringLiteral("<b>%1</b>").arg(esc(pr.title)) : esc(pr.title);
                if (!pr.active)
                    title += u' ' + badge(tr("resolved %1").arg(dateText(pr.endDate.isValid() ? pr.endDate : pr.date)), "#e8e8e8", "#303030");
                if (!pr.detail.isEmpty())
                    title += QStringLiteral(" <span style='color:#404040'>%1</span>").arg(esc(pr.detail));
                html += QStringLiteral("<tr><td>%1%2</td>").arg(title, marks(pr)) + cellDate.arg(esc(sourceText(pr))) + QStringLiteral("</tr>");
                QStringList parts{pr.title, pr.active ? QString() : tr("resolved"), sourceText(pr),
                                  pr.uninformed ? tr("UNINFORMED", "JP-CLINS: not yet told to the patient") : QString()};
                parts.removeAll(QString());
                plain << parts.join(QStringLiteral(" — "));
            }
            html += QStringLiteral("</table>");
        }
        setSection(m_problems, html, plain);
    }

    // Recent visits: admissions first.
    {
        QString html;
        QStringList plain;
        html += QStringLiteral("<div style='color:#404040'>%1</div>").arg(esc(tr("Last %n day(s)", nullptr, lb.encounterDays)));
        if (s.encounters.isEmpty()) {
            html += esc(tr("Not in the shared record: no visit in this period (this does not mean there was none)."));
            plain << tr("Not in the shared record: no visit in this period (this does not mean there was none).");
        } else {
            html += QLatin1String(TableStart);
            for (const EmergencyLine &e : s.encounters) {
                QString title = e.admission || e.emergencyVisit ? QStringLiteral("<b>%1</b>").arg(esc(e.title)) : esc(e.title);
                if (e.count > 1)
                    title += u' ' + esc(tr("×%1 (since %2)").arg(e.count).arg(dateText(e.firstDate)));
                if (!e.detail.isEmpty())
                    title += QStringLiteral("<br><span style='color:#404040'>%1</span>").arg(esc(e.detail));
                QString when = sourceText(e);
                if (e.admission && e.endDate.isValid())
                    when += QStringLiteral("–") + dateText(e.endDate);
                html += QStringLiteral("<tr><td>%1%2</td>").arg(title, marks(e)) + cellDate.arg(esc(when)) + QStringLiteral("</tr>");
                plain << QStringList{e.title, e.detail, when}.filter(QRegularExpression(QStringLiteral("\\S"))).join(QStringLiteral(" — "));
            }
            html += QStringLiteral("</table>");
        }
        setSection(m_encounters, html, plain);
    }

    // Surgery, anaesthesia, transfusion and other procedures.
    {
        QString html;
        QStringList plain;
        html += QStringLiteral("<div style='color:#404040'>%1</div>")
                    .arg(esc(tr("Last %n year(s)", nullptr, lb.procedureMonths / 12 > 0 ? lb.procedureMonths / 12 : 1)));
        if (s.procedures.isEmpty()) {
            html += esc(tr("Not in the shared record: no procedure or surgery in this period (this does not mean there was none)."));
            plain << tr("Not in the shared record: no procedure or surgery in this period (this does not mean there was none).");
        } else {
            html += QLatin1String(TableStart);
            for (const EmergencyLine &pr : s.procedures) {
                QString title = QStringLiteral("<b>%1</b>").arg(esc(pr.title));
                if (pr.count > 1)
                    title += u' ' + esc(tr("×%1 (since %2)").arg(pr.count).arg(dateText(pr.firstDate)));
                html += QStringLiteral("<tr><td>%1%2</td>").arg(title, marks(pr)) + cellDate.arg(esc(sourceText(pr))) + QStringLiteral("</tr>");
                plain << pr.title + QStringLiteral(" — ") + sourceText(pr);
            }
            html += QStringLiteral("</table>");
        }
        setSection(m_procedures, html, plain);
    }

    // Key labs: latest value of each, with its date and facility; old values greyed.
    {
        const QHash<QString, QString> names{
            {QStringLiteral("egfr"), tr("eGFR")},
            {QStringLiteral("creatinine"), tr("Creatinine")},
            {QStringLiteral("potassium"), tr("K", "potassium")},
            {QStringLiteral("hemoglobin"), tr("Hb", "haemoglobin")},
            {QStringLiteral("platelets"), tr("PLT", "platelets")},
            {QStringLiteral("glucose"), tr("Glucose")},
            {QStringLiteral("hba1c"), tr("HbA1c")},
        };
        QString html;
        QStringList plain;
        if (s.labs.isEmpty()) {
            html += esc(tr("Not in the shared record: no key laboratory value (this does not mean none was measured)."));
            plain << tr("Not in the shared record: no key laboratory value (this does not mean none was measured).");
        } else {
            html += QLatin1String(TableStart);
            for (const EmergencyLine &l : s.labs) {
                const char *colour = l.stale ? "#808080" : "black";
                QString value = QStringLiteral("<b>%1</b>").arg(esc(l.valueText));
                if (!l.flag.isEmpty())
                    value += QStringLiteral(" <b style='color:#c0182a'>%1</b>").arg(esc(l.flag));
                if (l.stale)
                    value += u' ' + esc(tr("(old)", "lab value older than the look-back"));
                html += QStringLiteral("<tr style='color:%1'><td>%2</td><td>%3</td>")
                            .arg(QLatin1String(colour), esc(names.value(l.keyLab)), value)
                        + cellDate.arg(esc(sourceText(l))) + QStringLiteral("</tr>");
                plain << QStringList{names.value(l.keyLab), l.valueText, l.flag, sourceText(l)}
                             .filter(QRegularExpression(QStringLiteral("\\S")))
                             .join(QStringLiteral(" — "));
            }
            html += QStringLiteral("</table>");
        }
        for (const QString &note : s.labNotes) {
            html += QStringLiteral("<div style='color:#404040'>%1</div>").arg(esc(note));
            plain << note;
        }
        const QString checkup = s.lastCheckup ? tr("Last check-up: %1").arg(sourceText(*s.lastCheckup))
                                              : tr("Last check-up: not in the shared record (this does not mean there was none).");
        html += QStringLiteral("<div style='margin-top:4px'>%1</div>").arg(esc(checkup));
        plain << checkup;
        setSection(m_labs, html, plain);
    }

    // 感染症 (the JP-CLINS infection item set) and 透析 (dialysis within its look-back).
    {
        QString html;
        QStringList plain;
        if (s.notDisclosedForRole.contains(ItemCategory::Lab)) {
            const QString hidden = tr("Infection tests: not disclosed to this role.");
            html += esc(hidden);
            plain << hidden;
        } else if (s.infections.isEmpty()) {
            const QString notShared = tr("Infection tests (syphilis, HBs antigen, HCV, HIV): not in the shared record (this does not mean none was done, nor that results were negative).");
            html += esc(notShared);
            plain << notShared;
        } else {
            html += QLatin1String(TableStart);
            for (const EmergencyLine &l : s.infections) {
                QString value = QStringLiteral("<b>%1</b>").arg(esc(l.valueText));
                if (!l.flag.isEmpty())
                    value += QStringLiteral(" <b style='color:#c0182a'>%1</b>").arg(esc(l.flag));
                html += QStringLiteral("<tr><td>%1</td><td>%2%3</td>").arg(esc(InfectionLabs::groupName(l.infectionGroup)), value, marks(l))
                        + cellDate.arg(esc(sourceText(l))) + QStringLiteral("</tr>");
                plain << QStringList{InfectionLabs::groupName(l.infectionGroup), l.valueText, l.flag, sourceText(l)}
                             .filter(QRegularExpression(QStringLiteral("\\S")))
                             .join(QStringLiteral(" — "));
            }
            html += QStringLiteral("</table>");
        }
        QString dialysis;
        if (s.notDisclosedForRole.contains(ItemCategory::Procedure))
            dialysis = tr("Dialysis: not disclosed to this role.");
        else if (s.dialysis)
            dialysis = tr("Dialysis: %n session(s) in the last %1 days, latest %2", nullptr, s.dialysis->count)
                           .arg(lb.dialysisDays)
                           .arg(sourceText(*s.dialysis));
        else
            dialysis = tr("Dialysis: not in the shared record for the last %n day(s) (this does not mean there was none).", nullptr, lb.dialysisDays);
        html += QStringLiteral("<div style='margin-top:4px; font-weight:%1'>%2</div>")
                    .arg(s.dialysis ? QStringLiteral("bold") : QStringLiteral("normal"), esc(dialysis));
        plain << dialysis;
        setSection(m_infections, html, plain);
    }
}

} // namespace Kakehashi
