#include "patientview.h"

#include "record/clinicalstatus.h"
#include "record/dateformat.h"
#include "record/medicationsafety.h"
#include "record/referenceclock.h"

#include "displaytext.h"
#include "viewer/emergency/emergencysummaryview.h"
#include "viewer/timeline/clinicalpanels.h"
#include "recorditemmodel.h"
#include "viewer/timeline/timelinepane.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

#include <utility>

namespace Kakehashi {

namespace {
QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}
} // namespace

PatientView::PatientView(QWidget *parent)
    : QWidget(parent)
    , m_model(new RecordItemModel(this))
    , m_header(new QLabel(this))
    , m_identifiers(new QLabel(this))
    , m_allergies(new QLabel(this))
    , m_completeness(new QLabel(this))
    , m_tree(new QTreeView(this))
    , m_detail(new QTextBrowser(this))
    , m_timeline(new TimelinePane(this))
    , m_panels(new ClinicalPanels(this))
    , m_rangeDelay(new QTimer(this))
{
    m_header->setTextFormat(Qt::RichText);
    m_header->setAccessibleName(tr("Patient"));
    m_identifiers->setTextFormat(Qt::PlainText);
    m_identifiers->setWordWrap(true);
    m_allergies->setTextFormat(Qt::PlainText);
    m_allergies->setWordWrap(true);
    m_allergies->setAccessibleName(tr("Allergies"));
    m_allergies->setStyleSheet(QStringLiteral("QLabel { background: #fde8e8; color: #8a1020; border: 1px solid #e0a0a0; padding: 4px; font-weight: bold; }"));
    m_completeness->setTextFormat(Qt::PlainText);
    m_completeness->setWordWrap(true);
    m_completeness->setAccessibleName(tr("Record completeness"));
    m_completeness->setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; color: #6b4a00; border: 1px solid #e8c870; padding: 4px; }"));
    m_completeness->hide();

    m_tree->setModel(m_model);
    m_tree->setAccessibleName(tr("Record items"));
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->header()->setStretchLastSection(true);
    // Column widths are fitted to the rows on screen and this many more, not to all of a
    // ten-thousand-item record (the default of 1000 rows made opening a big record slow).
    m_tree->header()->setResizeContentsPrecision(200);
    m_detail->setOpenLinks(false);
    m_detail->setAccessibleName(tr("Item details"));

    // The record tree is the first panel: everything, by category.
    m_panels->insertTab(0, m_tree, tr("All items"));
    m_panels->setCurrentIndex(0);
    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(m_panels);
    lower->addWidget(m_detail);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_timeline);
    split->addWidget(lower);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    m_rangeDelay->setSingleShot(true);
    m_rangeDelay->setInterval(120);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *headerRow = new QHBoxLayout;
    headerRow->addWidget(m_header, 1);
    m_emergencyButton = new QPushButton(tr("Emergency summary"), this);
    m_emergencyButton->setToolTip(tr("Allergies, current medications, problems, recent visits and surgery on one screen"));
    headerRow->addWidget(m_emergencyButton, 0, Qt::AlignTop);
    layout->addLayout(headerRow);
    layout->addWidget(m_identifiers);
    layout->addWidget(m_allergies);
    layout->addWidget(m_completeness);
    m_medicationSafety = new QLabel(this);
    m_medicationSafety->setTextFormat(Qt::PlainText);
    m_medicationSafety->setWordWrap(true);
    m_medicationSafety->setAccessibleName(tr("Medication safety"));
    m_medicationSafety->setStyleSheet(QStringLiteral("QLabel { background: #fff0e0; color: #7a3b00; border: 1px solid #f0b070; padding: 4px; font-weight: bold; }"));
    m_medicationSafety->hide();
    layout->addWidget(m_medicationSafety);
    layout->addWidget(split, 1);
    m_recordPage = split;
    m_emergency = new EmergencySummaryView(this);
    layout->addWidget(m_emergency, 1);
    m_emergency->hide();
    connect(m_emergency, &EmergencySummaryView::fullRecordRequested, this, [this] { setView(QStringLiteral("record")); });
    connect(m_emergencyButton, &QPushButton::clicked, this, [this] { setView(QStringLiteral("emergency")); });

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PatientView::showDetails);
    TimelineView *view = m_timeline->view();
    connect(view, &TimelineView::selectionChanged, this, [this](const QString &key) { syncSelection(key, m_timeline); });
    connect(view, &TimelineView::itemActivated, this, [this](const QString &key) {
        selectItem(key);
        if (requestDocument(key))
            return;
        // Opening an imaging study from the timeline goes straight to its images.
        for (const ClinicalItem &item : std::as_const(m_record.items)) {
            if (item.key != key)
                continue;
            const QString studyUid = item.imagingStudyUid();
            if (!studyUid.isEmpty()) {
                Q_EMIT imagingStudyRequested(studyUid);
                return;
            }
        }
        m_detail->setFocus(Qt::OtherFocusReason);
    });
    connect(m_panels, &ClinicalPanels::itemSelected, this, [this](const QString &key) { syncSelection(key, m_panels); });
    connect(m_panels, &ClinicalPanels::itemActivated, this, &PatientView::requestDocument);
    connect(view, &TimelineView::filterChanged, m_panels, &ClinicalPanels::refresh);
    // "All items" lists what the panels list: the same filter and, while following, the same range.
    m_model->setItemFilter([panels = m_panels](int i) { return panels->lists(i); });
    connect(m_panels, &ClinicalPanels::listingChanged, this, [this] {
        // While a record is being set, the tree is filled once at the end (setRecord).
        if (m_settingRecord || !m_model->refilter())
            return;
        fitTree();
        if (m_selectedKey.isEmpty())
            return;
        const bool syncing = std::exchange(m_syncing, true);
        for (int c = 0; c < m_model->rowCount(); ++c) {
            const QModelIndex group = m_model->index(c, 0);
            for (int r = 0; r < m_model->rowCount(group); ++r)
                if (m_model->index(r, 0, group).data(RecordItemModel::ItemKeyRole).toString() == m_selectedKey)
                    m_tree->setCurrentIndex(m_model->index(r, 0, group));
        }
        m_syncing = syncing;
    });
    // Panning repaints at once; the panels follow when the view settles.
    connect(view, &TimelineView::visibleRangeChanged, m_rangeDelay, qOverload<>(&QTimer::start));
    connect(m_rangeDelay, &QTimer::timeout, this, [this] {
        m_panels->setRange(m_timeline->view()->visibleFrom(), m_timeline->view()->visibleTo());
    });
    connect(m_tree, &QTreeView::activated, this, &PatientView::activateItem);
    connect(m_detail, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == u"kakehashi-imaging")
            Q_EMIT imagingStudyRequested(url.path());
        else if (url.scheme() == u"kakehashi-imaging-compare")
            Q_EMIT imagingComparisonRequested(url.path());
        else if (url.scheme() == u"kakehashi-document")
            requestDocument(url.path());
    });
    clear();
}

void PatientView::fitTree()
{
    m_tree->expandAll();
    for (int c = 0; c < RecordItemModel::ColumnCount - 1; ++c)
        m_tree->resizeColumnToContents(c);
}

void PatientView::clear()
{
    m_record = {};
    m_model->setRecord(m_record);
    m_header->setText(tr("<h2>No patient selected</h2>"));
    m_identifiers->clear();
    m_allergies->hide();
    m_completeness->hide();
    if (m_medicationSafety) {
        m_medicationSafety->clear();
        m_medicationSafety->hide();
    }
    m_detail->clear();
    m_selectedKey.clear();
    m_timeline->setRecord(m_record);
    m_panels->setSource(&m_timeline->view()->model());
    m_pendingEmergency.reset();
    m_emergency->clear();
    showEmergencySummary(m_emergencyShown);
    Q_EMIT recordChanged();
}

TimelineView *PatientView::timeline() const
{
    return m_timeline->view();
}

void PatientView::setRecord(const PatientRecord &record)
{
    m_record = record;
    const PatientInfo &p = record.patient;
    QString header = QStringLiteral("<h2 style='margin:2px'>%1").arg(esc(p.displayName()));
    if (!p.kanaName.isEmpty() && p.kanaName != p.displayName())
        header += QStringLiteral(" <span style='font-size:small; font-weight:normal'>%1</span>").arg(esc(p.kanaName));
    header += QStringLiteral("</h2>");
    const QDateTime now = ReferenceClock::now(); // one moment for the header and the banners
    QStringList facts{DisplayText::gender(p.gender)};
    if (p.birthDate.isValid())
        facts << tr("born %1 (%2)").arg(DateFormat::birthDate(p.birthDate), DisplayText::age(p.ageAt(now.date())));
    if (p.placeholder)
        facts << tr("not delivered: shown as a placeholder");
    header += QStringLiteral("<div>%1</div>").arg(esc(facts.join(QStringLiteral(" · "))));
    m_header->setText(header);

    QStringList ids;
    for (const PatientIdentifier &id : p.identifiers)
        ids << DisplayText::identifierLabel(id.system) + QStringLiteral(": ") + id.value;
    if (!p.linkedKeys.isEmpty())
        ids << tr("Also recorded as %1").arg(p.linkedKeys.join(QStringLiteral(", ")));
    if (!p.sourceNames.isEmpty())
        ids << tr("Records at %1").arg(p.sourceNames.join(QStringLiteral("、")));
    QString identifiers = ids.join(QStringLiteral("   "));
    // Records joined into one person for another reason than Patient.link: one visible line each.
    for (const QString &note : p.identityNotes)
        identifiers += u'\n' + tr("Note: %1").arg(note);
    m_identifiers->setText(identifiers);

    // One rule (ClinicalStatus) decides what the banner may say: recorded, none known, not recorded,
    // withheld, or not disclosed to this role — never "none" for what could not be seen.
    const ClinicalStatus::Result allergyStatus = ClinicalStatus::evaluate(record, ClinicalStatus::Kind::Allergies, now);
    const ClinicalStatus::Result contraStatus = ClinicalStatus::evaluate(record, ClinicalStatus::Kind::Contraindications, now);
    m_allergies->setText(ClinicalStatus::bannerText(ClinicalStatus::Kind::Allergies, allergyStatus) + u'\n'
                         + ClinicalStatus::bannerText(ClinicalStatus::Kind::Contraindications, contraStatus));
    m_allergies->setAccessibleDescription(ClinicalStatus::stateKey(allergyStatus.state) + u' '
                                          + ClinicalStatus::stateKey(contraStatus.state));
    m_allergies->show();

    // Duplicate therapy, and the current prescriptions that could not be checked (ingredient unknown).
    QStringList duplicates;
    const DuplicateTherapyCheck check = MedicationSafety::check(record, now);
    for (const DuplicateTherapyWarning &w : check.warnings)
        duplicates << w.message();
    for (const UncheckedMedication &u : check.unchecked)
        duplicates << u.message();
    m_medicationSafety->setText(duplicates.join(u'\n'));
    m_medicationSafety->setVisible(!duplicates.isEmpty());

    QStringList reasons = record.incompleteReasons;
    m_completeness->setText(tr("This record is incomplete: %1").arg(reasons.join(QStringLiteral("; "))));
    m_completeness->setVisible(record.incomplete);

    m_detail->clear();
    m_selectedKey.clear();
    {
        // The tree lists what the panels list (their filter asks the timeline's model), so it is
        // filled once, after the timeline and the panels have the new record: filled first, it was
        // built, expanded and measured against the previous patient's listing, then again.
        const bool setting = std::exchange(m_settingRecord, true);
        m_timeline->setRecord(record);
        m_panels->setSource(&m_timeline->view()->model(), m_timeline->view()->visibleFrom(), m_timeline->view()->visibleTo());
        m_settingRecord = setting;
    }
    m_model->setRecord(record);
    fitTree();
    m_pendingEmergency = PendingEmergency{now, check}; // the duplicate-therapy rule ran once, above
    showEmergencySummary(m_emergencyShown);
    Q_EMIT recordChanged();
}

QStringList PatientView::viewNames()
{
    QStringList names{QStringLiteral("record"), QStringLiteral("timeline"), QStringLiteral("emergency")};
    for (int c = 0; c < ItemCategoryCount; ++c)
        names << CategoryNames::key(ItemCategory(c));
    return names;
}

bool PatientView::setView(const QString &name)
{
    if (name == u"emergency") {
        showEmergencySummary(true);
        return true;
    }
    if (name.isEmpty() || name == u"record" || name == u"overview" || name == u"timeline") {
        m_model->setVisibleCategories({});
        m_panels->setCurrentWidget(m_tree);
        if (name == u"timeline")
            m_timeline->view()->setFocus(Qt::OtherFocusReason);
    } else if (const auto category = CategoryNames::fromKey(name)) {
        m_model->setVisibleCategories({*category});
        if (!m_panels->showCategory(*category))
            m_panels->setCurrentWidget(m_tree);
    } else {
        return false;
    }
    showEmergencySummary(false);
    m_tree->expandAll();
    return true;
}

EmergencySummaryView *PatientView::emergencySummary() const
{
    buildEmergencySummary();
    return m_emergency;
}

void PatientView::buildEmergencySummary() const
{
    if (!m_pendingEmergency)
        return;
    const PendingEmergency pending = *std::exchange(m_pendingEmergency, std::nullopt);
    m_emergency->setRecord(m_record, pending.now, pending.check);
}

void PatientView::showEmergencySummary(bool show)
{
    m_emergencyShown = show;
    if (show)
        buildEmergencySummary();
    // The summary has its own header, allergy block and warnings; the rest steps aside.
    const bool hasRecord = !m_record.patient.key.isEmpty() || !m_record.items.isEmpty();
    m_header->setVisible(!show);
    m_emergencyButton->setVisible(!show);
    m_identifiers->setVisible(!show);
    m_allergies->setVisible(!show && hasRecord);
    m_completeness->setVisible(!show && m_record.incomplete);
    m_medicationSafety->setVisible(!show && !m_medicationSafety->text().isEmpty());
    m_recordPage->setVisible(!show);
    m_emergency->setVisible(show);
}

void PatientView::showDetails(const QModelIndex &index)
{
    const ClinicalItem *item = m_model->itemAt(index);
    if (item && !m_syncing)
        syncSelection(item->key, m_tree);
    showDetailsOf(item);
}

bool PatientView::selectItem(const QString &key)
{
    bool known = false;
    for (const ClinicalItem &item : std::as_const(m_record.items))
        if (item.key == key) {
            known = true;
            break;
        }
    if (!known)
        return false;
    syncSelection(key, this);
    return true;
}

void PatientView::syncSelection(const QString &key, QObject *origin)
{
    if (m_syncing)
        return;
    m_syncing = true;
    m_selectedKey = key;
    TimelineView *view = m_timeline->view();
    if (origin != m_timeline) {
        view->ensureVisible(key);
        view->setSelectedKey(key);
    }
    if (origin != m_panels)
        m_panels->selectKey(key);
    const ClinicalItem *found = nullptr;
    if (origin != m_tree) {
        QModelIndex match;
        for (int c = 0; c < m_model->rowCount() && !match.isValid(); ++c) {
            const QModelIndex group = m_model->index(c, 0);
            for (int r = 0; r < m_model->rowCount(group); ++r) {
                const QModelIndex i = m_model->index(r, 0, group);
                if (i.data(RecordItemModel::ItemKeyRole).toString() == key) {
                    match = i;
                    break;
                }
            }
        }
        if (match.isValid())
            m_tree->setCurrentIndex(match);
        else
            m_tree->selectionModel()->clearCurrentIndex();
    }
    for (const ClinicalItem &item : std::as_const(m_record.items))
        if (item.key == key) {
            found = &item;
            break;
        }
    showDetailsOf(found);
    m_syncing = false;
}

void PatientView::showDetailsOf(const ClinicalItem *item)
{
    if (!item) {
        m_detail->clear();
        return;
    }
    QString html = QStringLiteral("<b>%1</b><br>").arg(esc(item->title));
    if (item->uninformed)
        html += QStringLiteral("<span style='color:#9a4d00'>%1</span><br>")
                    .arg(esc(tr("Not yet told to the patient (UNINFORMED): do not disclose on patient-facing output.")));
    html += esc(CategoryNames::displayName(item->category)) + QStringLiteral(" · ") + esc(item->start.displayText());
    if (item->end.isValid())
        html += QStringLiteral(" – ") + esc(item->end.displayText());
    html += QStringLiteral("<br>") + esc(item->detail);
    html += QStringLiteral("<br>%1: %2").arg(esc(tr("Source", "facility an item came from")), esc(DisplayText::source(item->source)));
    if (!item->source.code.isEmpty())
        html += QStringLiteral(" (%1 %2)").arg(esc(tr("Medical institution code")), esc(item->source.code));
    if (!item->source.unresolvedReason.isEmpty())
        html += QStringLiteral("<br><span style='color:#9a4d00'>%1</span>").arg(esc(item->source.unresolvedReason));
    if (!item->codes.isEmpty()) {
        html += QStringLiteral("<br><table>");
        for (const Fhir::Coding &c : item->codes)
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>").arg(esc(c.code), esc(c.display), esc(c.system));
        html += QStringLiteral("</table>");
    }
    const QString studyUid = item->imagingStudyUid();
    if (!studyUid.isEmpty()) {
        QUrl link;
        link.setScheme(QStringLiteral("kakehashi-imaging"));
        link.setPath(studyUid);
        html += QStringLiteral("<p><a href='%1'>%2</a>").arg(esc(link.toString()), esc(tr("Open images")));
        // Another imaging study of this patient: one click puts the two side by side.
        bool hasOther = false;
        for (const ClinicalItem &other : std::as_const(m_record.items))
            hasOther = hasOther || (!other.imagingStudyUid().isEmpty() && other.imagingStudyUid() != studyUid);
        if (hasOther) {
            link.setScheme(QStringLiteral("kakehashi-imaging-compare"));
            html += QStringLiteral(" · <a href='%1'>%2</a>").arg(esc(link.toString()), esc(tr("Compare with prior")));
        }
        html += QStringLiteral("</p>");
    }
    if (item->category == ItemCategory::Document && m_record.documentSources.contains(item->key)) {
        QUrl link;
        link.setScheme(QStringLiteral("kakehashi-document"));
        link.setPath(item->key);
        html += QStringLiteral("<p><a href='%1'>%2</a></p>").arg(esc(link.toString()), esc(tr("Open document")));
    }
    m_detail->setHtml(html);
}

void PatientView::activateItem(const QModelIndex &index)
{
    const ClinicalItem *item = m_model->itemAt(index);
    if (!item)
        return;
    const QString studyUid = item->imagingStudyUid();
    if (!studyUid.isEmpty())
        Q_EMIT imagingStudyRequested(studyUid);
    else
        requestDocument(item->key);
}

bool PatientView::requestDocument(const QString &key)
{
    if (!m_record.documentSources.contains(key))
        return false;
    Q_EMIT documentRequested(key);
    return true;
}

} // namespace Kakehashi
