#include "mainwindow.h"

#include "record/dateformat.h"
#include "record/displayzone.h"
#include "dicompatients.h"
#include "session/imaging/imagingcontroller.h"
#include "session/imaging/studyretrieval.h"
#include "viewer/imaging/imagingpanel.h"
#include "viewer/imageview/dicomviewerwidget.h"
#include "record/localrecordsource.h"
#include "viewer/patientlistmodel.h"
#include "viewer/patientlistview.h"
#include "viewer/patientview.h"
#include "printmenu.h"
#include "record/referenceclock.h"
#include "viewer/sessionbar.h"
#include "viewer/loadproblemsbanner.h"
#include "viewer/service/servicebanners.h"
#include "viewer/signin/cardsessionui.h"

#include <QApplication>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>

namespace Kakehashi {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_records(new Session::RecordController(this))
    , m_bar(new SessionBar(this))
    , m_patientModel(new PatientListModel(this))
    , m_patientList(new PatientListView(m_patientModel, this))
    , m_patientView(new PatientView(this))
    , m_problems(new LoadProblemsBanner(this))
{
    setWindowTitle(tr("Kakehashi — shared health records"));
    addToolBar(m_bar);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_patientList);
    split->addWidget(m_patientView);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setSizes({380, 1200});

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_problems);
    layout->addWidget(split, 1);
    setCentralWidget(central);

    connect(m_patientList, &PatientListView::patientActivated, this, &MainWindow::showPatient);

    m_imaging = new Session::ImagingController(this);
    m_imaging->followRecords(m_records);
    m_imagingPanel = new ImagingPanel(m_imaging, this);
    m_imagingDock = new QDockWidget(tr("Images"), this);
    m_imagingDock->setObjectName(QStringLiteral("imagingDock"));
    m_imagingDock->setWidget(m_imagingPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_imagingDock);
    m_imagingDock->hide();
    connect(m_patientView, &PatientView::imagingStudyRequested, this, &MainWindow::openImagingStudy);
    connect(m_patientView, &PatientView::imagingComparisonRequested, this, &MainWindow::compareImagingStudy);
    connect(m_patientView, &PatientView::documentRequested, this, &MainWindow::openDocument);
    connect(m_imagingPanel->viewer(), &DicomViewerWidget::encapsulatedDocumentRequested, this, &MainWindow::showEncapsulatedDocument);
    menuBar()->addMenu(new PrintMenu(m_patientView, [this] { return documentView(); }, this));
    // Before anyone else hears loadFinished: DICOM opened with the record is in place by then.
    connect(this, &MainWindow::loadFinished, this, &MainWindow::onDicomScanned);
    connect(m_records, &Session::RecordController::localLoaded, this, &MainWindow::onLoaded);
    connect(m_records, &Session::RecordController::currentChanged, this, &MainWindow::onRecordChanged);
    connect(m_records, &Session::RecordController::rolePolicyChanged, this, [this] {
        const RolePolicy &policy = m_records->rolePolicy();
        m_bar->setPolicyLabel(policy.isPharmacyView() ? policy.viewLabel() : QString());
    });
    // The HPKI card session: Session menu, lock overlay, unlock, sign-out (viewer/signin).
    m_session = new CardSessionUi(this, m_records, m_bar);
    connect(m_session, &CardSessionUi::identityChanged, this, &MainWindow::setIdentity);
    connect(m_session, &CardSessionUi::patientDataDropped, this, &MainWindow::dropPatientData);
    connect(m_session, &CardSessionUi::statusMessage, statusBar(), [this](const QString &text) { statusBar()->showMessage(text); });
    resize(1600, 1000);
}

void MainWindow::dropPatientData()
{
    m_patientView->clear();
    m_patientModel->setPatients({});
    m_imagingPanel->closeStudy();
    m_imagingPanel->showMessage(QString());
    m_imagingDock->hide();
    if (m_serviceBanners)
        m_serviceBanners->clear();
    m_problems->clear();
    statusBar()->clearMessage();
}

int MainWindow::dockWidthBesideRecord() const
{
    return std::max(320, std::min(width() * 3 / 5, width() - kMinRecordWidth));
}

void MainWindow::narrowPatientListBesideDock()
{
    // The patient list gives way first: the record keeps most of what is left beside the dock.
    auto *split = qobject_cast<QSplitter *>(m_patientView->parentWidget());
    if (!split || split->count() < 2)
        return;
    const QList<int> sizes = split->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    const int list = std::min(sizes.value(0), std::max(180, (kMinRecordWidth - 12) / 4));
    split->setSizes({list, std::max(0, total - list)});
}

MainWindow::~MainWindow() = default;

void MainWindow::setIdentity(const SessionIdentity &identity)
{
    m_bar->setIdentity(identity);
    m_records->setUser(identity.name, identity.role);
    if (identity.demo)
        setWindowTitle(tr("Kakehashi — DEMO"));
}

QLabel *MainWindow::problemBanner() const { return m_problems->label(); }

void MainWindow::setRolePreview(const QString &text)
{
    m_bar->setRolePreview(text);
}

void MainWindow::setReferenceTime(const QDateTime &asOf)
{
    m_referenceTimeGiven = asOf.isValid();
    ReferenceClock::setFixed(asOf);
    m_bar->showReferenceTime();
}

void MainWindow::loadDemo()
{
    // Before the load: which medications are current is decided when the record is assembled.
    if (!m_referenceTimeGiven) {
        const QDateTime demoToday = LocalRecordSource::demoReferenceTime();
        if (demoToday.isValid())
            ReferenceClock::setFixed(demoToday);
    }
    m_bar->showReferenceTime();
    statusBar()->showMessage(tr("Loading %1…").arg(tr("demo data")));
    m_records->loadLocal([] { return LocalRecordSource::loadDemo(); });
}

void MainWindow::openPaths(const QStringList &paths)
{
    auto scan = std::make_shared<Dicom::DicomScanResult>();
    m_pendingDicomScan = scan;
    statusBar()->showMessage(tr("Loading %1…").arg(paths.join(QStringLiteral(", "))));
    m_records->loadLocal([paths, scan] {
        const LocalInputs inputs = LocalRecordSource::partition(paths);
        RecordSet set = inputs.recordPaths.isEmpty() ? RecordSet() : LocalRecordSource::load(inputs.recordPaths);
        if (!inputs.dicomPaths.isEmpty()) {
            *scan = Dicom::DicomSeriesScanner::scan(inputs.dicomPaths);
            set.errors += scan->errors;
            DicomPatients::addTo(set, scan->series);
        }
        return set;
    });
}

void MainWindow::onDicomScanned()
{
    const std::shared_ptr<Dicom::DicomScanResult> scan = std::exchange(m_pendingDicomScan, nullptr);
    if (!scan || (scan->series.isEmpty() && scan->otherObjects.isEmpty()))
        return;
    // Key object selections, presentation states and reports among the files (read off the GUI thread).
    m_imagingPanel->viewer()->loadPresentationObjects(scan->otherObjects);
    m_imagingPanel->setOpenedSeries(scan->series);
    showImagingDock();
}

void MainWindow::showImagingDock()
{
    if (!m_imagingDock->isVisible()) {
        m_imagingDock->show();
        // Images need room, but the record beside them stays usable: at most 3/5 of the window, and
        // never less than kMinRecordWidth for the patient list and record.
        resizeDocks({m_imagingDock}, {dockWidthBesideRecord()}, Qt::Horizontal);
        narrowPatientListBesideDock();
    }
    m_imagingDock->raise();
}

void MainWindow::compareImagingStudy(const QString &studyInstanceUid)
{
    openImagingStudy(studyInstanceUid);
    m_imagingPanel->viewer()->setCompareOnOpen(true); // when the study's series are shown
}

void MainWindow::openImagingStudy(const QString &studyInstanceUid)
{
    m_imagingPanel->viewer()->setCompareOnOpen(false);
    showImagingDock();
    m_imagingPanel->openStudy(studyInstanceUid);
}

bool MainWindow::openFirstImagingStudy()
{
    const PatientRecord *record = m_records->current();
    const QString study = record ? Session::ImagingController::firstStudyOf(*record) : QString();
    if (study.isEmpty())
        return false;
    openImagingStudy(study);
    return true;
}

void MainWindow::onLoaded()
{
    const RecordSet &set = m_records->localRecords();
    QList<PatientInfo> patients;
    for (const PatientRecord &r : set.patients)
        patients.append(r.patient);
    m_patientModel->setPatients(patients);
    m_problems->setProblems(set.errors, set.warnings);
    statusBar()->showMessage(tr("%n patient(s), %1 resources", nullptr, int(patients.size())).arg(set.resourceCount));
    Q_EMIT loadFinished();
}

bool MainWindow::showPatient(const QString &patientId)
{
    return m_records->selectLocal(patientId);
}

void MainWindow::onRecordChanged(const QString &previousPatientId)
{
    const PatientRecord *record = m_records->current();
    if (!record) {
        m_patientView->clear();
        return;
    }
    if (previousPatientId != record->patient.id) {
        m_imagingPanel->closeStudy(); // the previous patient's retrieval stops
        // A service patient's row is the one that was activated; selecting it again would reopen it.
        if (!m_records->serviceRecord())
            m_patientList->selectPatient(record->patient.id);
    }
    m_patientView->setRecord(*record);
    if (!m_view.isEmpty())
        m_patientView->setView(m_view);
}

bool MainWindow::setView(const QString &name)
{
    if (name == u"images") {
        showImagingDock();
        return true;
    }
    if (name == u"compare") {
        // The first series of the opened DICOM beside its most recent prior of the same patient.
        showImagingDock();
        m_imagingPanel->viewer()->setCompareOnOpen(true);
        return true;
    }
    if (name == u"documents")
        showDocumentDock();
    if (!m_patientView->setView(name))
        return false;
    m_view = name;
    return true;
}

} // namespace Kakehashi
