#include "processmemory.h"
#include "cardrevocation.h"
#include "commandline.h"
#include "viewer/document/documentexport.h"
#include "viewer/document/documentsummary.h"
#include "record/dateformat.h"
#include "record/displayzone.h"
#include "dicompatients.h"
#include "viewer/imageview/dicomviewerwidget.h"
#include "viewer/document/documentview.h"
#include "dicom/dicomframedecoder.h"
#include "dicom/dicomseries.h"
#include "viewer/imaging/imagingpanel.h"
#include "session/imaging/imagingstudylocator.h"
#include "net/fhirclient.h"
#include "session/sharingservicesource.h"
#include "record/localrecordsource.h"
#include "mainwindow.h"
#include "viewer/signin/cardsessionui.h"
#include "viewer/patientview.h"
#include "printmenu.h"
#include "session/recordcontroller.h"
#include "record/recordsummary.h"
#include "record/referenceclock.h"
#include "record/rolepolicy.h"
#include "screenshot.h"
#include "session/sessionpolicy.h"
#include "viewer/signin/signindialog.h"

#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLibraryInfo>
#include <QEventLoop>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <memory>
#include <utility>

using namespace Kakehashi;

namespace {

void printErr(const QString &text)
{
    std::fputs(qUtf8Printable(text + u'\n'), stderr);
}

void installTranslators(QCoreApplication &app, const QString &language)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(QStringLiteral(":/i18n/kakehashi_%1.qm").arg(language)))
        QCoreApplication::installTranslator(own);
}

// --service: a saved connection profile by name, or a URL.
Net::ConnectionProfile serviceProfile(const QString &service)
{
    QSettings settings;
    return Net::ConnectionProfile::savedNames(settings).contains(service) ? Net::ConnectionProfile::load(settings, service)
                                                                          : Net::ConnectionProfile::fromUrl(QUrl::fromUserInput(service));
}

RecordSet loadFromService(const CommandLineOptions &options)
{
    const Net::ConnectionProfile profile = serviceProfile(options.service);
    RecordSet set;
    if (!profile.isValid()) {
        set.errors.append(QCoreApplication::translate("main", "\"%1\" is neither a saved connection nor a service URL.").arg(options.service));
        return set;
    }
    Net::FhirClient client(profile);
    SharingServiceSource source(&client, nullptr);
    QEventLoop loop;
    QObject::connect(&source, &SharingServiceSource::finished, &loop, [&](const RecordSet &loaded, const Net::FhirError &) {
        set = loaded;
        loop.quit();
    });
    source.load(options.patientId, Net::PurposeOfUse::treatment());
    loop.exec();
    return set;
}

// Renders the window once layouts have settled, writes the PNG and ends the event loop.
void screenshotThenExit(QWidget *window, const QString &path, int &exitCode)
{
    QTimer::singleShot(50, window, [window, path, &exitCode] {
        QString writeError;
        if (!writeScreenshot(window, path, &writeError)) {
            printErr(QCoreApplication::translate("main", "Could not write %1: %2").arg(path, writeError));
            exitCode = 3;
        }
        QCoreApplication::exit(exitCode);
    });
}

// --export-pdf: the document (once rendered) or the emergency summary, as PDF, then exit.
void exportPdfThenExit(MainWindow &window, const CommandLineOptions &options, int &exitCode)
{
    const auto write = [&window, &options, &exitCode] {
        QString error;
        bool ok = false;
        if (options.view == u"emergency") {
            ok = PrintMenu::exportEmergencySummary(window.patientView(), options.exportPdfPath, &error);
        } else {
            ok = DocumentExport::exportDocument(window.documentView(), options.exportPdfPath, &error);
        }
        if (!ok) {
            printErr(QCoreApplication::translate("main", "Could not write %1: %2").arg(options.exportPdfPath, error));
            exitCode = 3;
        }
        QCoreApplication::exit(exitCode);
    };
    if (options.view == u"documents" && !window.documentView()->isSettled()) {
        auto done = std::make_shared<bool>(false);
        const auto once = [done, write] {
            if (!std::exchange(*done, true))
                QTimer::singleShot(50, write);
        };
        QObject::connect(window.documentView(), &DocumentView::documentShown, &window, once);
        QTimer::singleShot(60000, &window, once);
        return;
    }
    QTimer::singleShot(50, &window, write);
}

int runSummary(const CommandLineOptions &options)
{
    // Before anything is assembled: that decides which medications are current.
    if (options.asOf.isValid())
        ReferenceClock::setFixed(options.asOf);
    else if (options.demo)
        ReferenceClock::setFixed(LocalRecordSource::demoReferenceTime());
    RecordSet set;
    if (!options.service.isEmpty())
        set = loadFromService(options);
    if (options.demo)
        set = LocalRecordSource::loadDemo(options.patientId);
    const LocalInputs inputs = LocalRecordSource::partition(options.openPaths);
    Dicom::DicomScanResult dicom;
    if (!inputs.dicomPaths.isEmpty()) {
        dicom = Dicom::DicomSeriesScanner::scan(inputs.dicomPaths);
        set.errors += dicom.errors;
    }
    if (!inputs.recordPaths.isEmpty()) {
        RecordSet opened = LocalRecordSource::load(inputs.recordPaths);
        set.patients += opened.patients;
        set.warnings += opened.warnings;
        set.errors += opened.errors;
        set.resourceCount += opened.resourceCount;
    }
    // Patients of the DICOM files that no record was loaded for: listed like the others.
    DicomPatients::addTo(set, dicom.series);
    if (!options.patientId.isEmpty()) {
        const PatientRecord *one = set.find(options.patientId);
        if (!one) {
            for (const QString &e : std::as_const(set.errors))
                printErr(e);
            printErr(QCoreApplication::translate("main", "No patient with id %1 was loaded.").arg(options.patientId));
            return 1;
        }
        const PatientRecord keep = *one;
        set.patients = {keep};
    }
    if (options.role == u"pharmacist") {
        // Through the RecordController, as every record the window shows: the policy is applied there only.
        Session::RecordController records;
        records.setRolePolicy(Session::rolePolicyFor(std::nullopt, {}, RolePolicy::Scope::Pharmacy));
        records.setLocalRecords(set);
        set = records.localRecords();
    }
    QJsonObject summary = recordSummaryJson(set);
    addDocumentSummaries(summary, set);
    summary.insert(QStringLiteral("dicom"), dicomSeriesSummaryJson(dicom.series));
    std::fputs(QJsonDocument(summary).toJson(QJsonDocument::Indented).constData(), stdout);
    std::fflush(stdout);
    // The process ends here: tearing down a big record (tens of thousands of items, each with its
    // strings) only to exit costs a tenth of the run, so the record and the summary are handed to
    // a holder that is never destroyed. Nothing in them needs closing (no files, no cache).
    static const std::pair<RecordSet, QJsonObject> *keptUntilExit = nullptr;
    keptUntilExit = new std::pair<RecordSet, QJsonObject>(std::move(set), std::move(summary));
    const RecordSet &done = keptUntilExit->first;
    if (!done.errors.isEmpty()) {
        for (const QString &e : std::as_const(done.errors))
            printErr(e);
        return 2;
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // Before anything else (it may re-execute the program once) and before any thread: see its header.
    Kakehashi::ProcessMemory::useHugePages(argv);
    Kakehashi::ProcessMemory::tuneAllocator();
    QStringList rawArgs;
    for (int i = 0; i < argc; ++i)
        rawArgs << QString::fromLocal8Bit(argv[i]);
    const bool wantsHeadless = rawArgs.contains(QStringLiteral("--screenshot")) || rawArgs.contains(QStringLiteral("--summary"))
                               || std::any_of(rawArgs.cbegin(), rawArgs.cend(), [](const QString &a) { return a.startsWith(QStringLiteral("--export-pdf")); })
                               || std::any_of(rawArgs.cbegin(), rawArgs.cend(), [](const QString &a) { return a.startsWith(QStringLiteral("--screenshot=")); });
    if (wantsHeadless && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    const bool textOnly = rawArgs.contains(QStringLiteral("--summary")) || rawArgs.contains(QStringLiteral("--help"))
                          || rawArgs.contains(QStringLiteral("-h")) || rawArgs.contains(QStringLiteral("--version"))
                          || rawArgs.contains(QStringLiteral("-v"));
    // Without a display Qt would abort: start without widgets and say what to do instead.
    const bool noDisplay = !textOnly && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
                           && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    std::unique_ptr<QCoreApplication> app(textOnly || noDisplay ? new QCoreApplication(argc, argv) : new QApplication(argc, argv));
    QCoreApplication::setOrganizationName(QStringLiteral("Kakehashi"));
    QCoreApplication::setApplicationName(QStringLiteral("kakehashi"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KAKEHASHI_VERSION));

    QString error;
    QString help;
    const std::optional<CommandLineOptions> parsed = CommandLine::parse(QCoreApplication::arguments(), &error, &help);
    if (!parsed) {
        if (!help.isEmpty()) {
            std::fputs(qUtf8Printable(help), stdout);
            return 0;
        }
        printErr(error);
        return 64;
    }
    const CommandLineOptions options = *parsed;
    const QString language = CommandLine::effectiveLanguage(options);
    installTranslators(*app, language);
    // Dates follow the interface language, never the computer's locale; the display zone is set once,
    // before any record is read (DisplayZone, DateFormat).
    QLocale::setDefault(language == u"ja" ? QLocale(QLocale::Japanese, QLocale::Japan) : QLocale(QLocale::English, QLocale::UnitedKingdom));
    if (!options.summary) // --summary writes ISO 8601 (DisplayZone::isoText) whatever the language
        DateFormat::setStyle(DateFormat::styleForLanguage(language));
    {
        QString zoneWarning;
        const QSettings settings;
        DisplayZone::setZone(CommandLine::effectiveTimeZone(options, settings.value(QStringLiteral("display/timeZone")).toString(), &zoneWarning));
        if (!zoneWarning.isEmpty())
            printErr(zoneWarning);
    }
    if (noDisplay) {
        printErr(QCoreApplication::translate("main", "No display was found. Run Kakehashi on a desktop, or use --screenshot FILE or --summary, or set QT_QPA_PLATFORM=offscreen."));
        return 1;
    }

    if (options.summary)
        return runSummary(options);

    // Declared before the window: the window's card session refers to it until the window is gone.
    Session::CardSession cardSession;
    MainWindow window;
    if (options.demo && options.role == u"pharmacist") {
        // A preview of what a pharmacist sees, without a card: the same RolePolicy as a pharmacist's
        // HPKI sign-in, clearly labelled as a preview.
        window.setIdentity({QCoreApplication::translate("main", "Demo Pharmacist"), QCoreApplication::translate("main", "Pharmacist"),
                            QCoreApplication::translate("main", "Kakehashi Demo Pharmacy"), true});
        window.records()->setRolePolicy(Session::rolePolicyFor(std::nullopt, {}, RolePolicy::Scope::Pharmacy));
        window.setRolePreview(QCoreApplication::translate("main", "Preview: what a pharmacist sees (no card)"));
    } else if (options.demo && options.role == u"emergency") {
        window.setIdentity({QCoreApplication::translate("main", "Demo Emergency Physician"),
                            QCoreApplication::translate("main", "Medical Doctor"),
                            QCoreApplication::translate("main", "Kakehashi Demo Hospital (ER)"), true});
        window.setRolePreview(QCoreApplication::translate("main", "Preview: what emergency staff see (no card)"));
        if (options.view.isEmpty())
            window.setView(QStringLiteral("emergency"));
    } else if (options.demo) {
        window.setIdentity({QCoreApplication::translate("main", "Demo Doctor"),
                            QCoreApplication::translate("main", "Medical Doctor"),
                            QCoreApplication::translate("main", "Kakehashi Demo Hospital"), true});
        if (options.role == u"doctor")
            window.setRolePreview(QCoreApplication::translate("main", "Preview: what a doctor sees (no card)"));
    } else
        window.setIdentity({QCoreApplication::translate("main", "Not signed in"), QString(), QString(), false});
    if (options.windowSize.isValid())
        window.resize(options.windowSize);
    if (!options.view.isEmpty())
        window.setView(options.view);
    if (options.asOf.isValid())
        window.setReferenceTime(options.asOf);

    int exitCode = 0;
    QObject::connect(&window, &MainWindow::loadFinished, &window, [&] {
        const RecordSet &set = window.records()->localRecords();
        for (const QString &e : set.errors)
            printErr(e);
        if (!options.patientId.isEmpty() && !window.showPatient(options.patientId)) {
            printErr(QCoreApplication::translate("main", "No patient with id %1 was loaded.").arg(options.patientId));
            exitCode = 1;
        } else if (options.patientId.isEmpty() && !set.patients.isEmpty()) {
            window.showPatient(set.patients.first().patient.id);
        }
        if (set.patients.isEmpty() && !set.errors.isEmpty())
            exitCode = 2;
        // DICOM opened on the command line is already shown; else the patient's first study.
        if (options.view == u"images" && window.imagingPanel()->openedSeries().isEmpty() && !window.openFirstImagingStudy())
            window.imagingPanel()->showMessage(QCoreApplication::translate("main", "This patient's record lists no imaging study."));
        // --view documents: the patient's first document (the referral letter in the demo).
        if (options.view == u"documents" && !window.openFirstDocument(options.documentId)) {
            if (options.documentId.isEmpty()) {
                window.documentView()->showMessage(QCoreApplication::translate("main", "No documents"),
                                                   QCoreApplication::translate("main", "This patient's record lists no document that can be opened."));
            } else {
                const QString text = QCoreApplication::translate("main", "This patient's record has no document %1 that can be opened.")
                                         .arg(options.documentId);
                window.documentView()->showMessage(QCoreApplication::translate("main", "No such document"), text);
                printErr(text);
                exitCode = 2;
                // Never a PDF of the message under the name the caller gave for the document.
                if (!options.exportPdfPath.isEmpty()) {
                    QCoreApplication::exit(exitCode);
                    return;
                }
            }
        }
        if (!options.exportPdfPath.isEmpty()) {
            exportPdfThenExit(window, options, exitCode);
            return;
        }
        if (options.screenshotPath.isEmpty())
            return;
        // Let layouts settle before rendering.
        const auto shoot = [&] { screenshotThenExit(&window, options.screenshotPath, exitCode); };
        // What the window shows may still be loading: images (with or without --view images, e.g.
        // DICOM given to --open) decode on the thread pool, their thumbnails too, and documents render
        // asynchronously in WebEngine. Wait (bounded) until everything on screen is final.
        ImagingPanel *images = window.imagingPanel();
        // QtPdf draws pages on its own thread after the view is laid out: give it a moment.
        if (options.view == u"documents" && window.documentView()->content() == DocumentView::Content::Pdf) {
            QTimer::singleShot(1500, &window, shoot);
            return;
        }
        const bool wantDocument = options.view == u"documents";
        const auto settled = [&window, images, wantDocument] {
            return images->isSettled() && images->viewer()->isSettled()
                && (!wantDocument || window.documentView()->isSettled());
        };
        if (settled()) {
            shoot();
            return;
        }
        auto shot = std::make_shared<bool>(false);
        const auto shootOnce = [shot, shoot] {
            if (!std::exchange(*shot, true))
                shoot();
        };
        auto *poll = new QTimer(&window);
        poll->setInterval(50);
        QObject::connect(poll, &QTimer::timeout, &window, [poll, settled, shootOnce] {
            if (settled()) {
                poll->stop();
                shootOnce();
            }
        });
        poll->start();
        QTimer::singleShot(60000, &window, shootOnce);
    });

    if (!options.service.isEmpty()) {
        // The window opens the patient cache-first; the screenshot waits until the record has loaded.
        const Net::ConnectionProfile profile = serviceProfile(options.service);
        if (profile.requiresCardSignIn()) {
            // HPKI card sign-in before anything is asked of the service: the card is the TLS identity.
            if (!options.screenshotPath.isEmpty()) {
                printErr(QCoreApplication::translate("main", "%1 needs a card sign-in, which --screenshot cannot do.").arg(options.service));
                return 2;
            }
            // The card works on its own thread; this waits in an event loop, not on the card.
            Net::HpkiCardError opened;
            {
                QEventLoop loop;
                QObject::connect(&cardSession, &Session::CardSession::moduleOpened, &loop, [&](const Net::HpkiCardError &e) {
                    opened = e;
                    loop.quit();
                });
                cardSession.openModule(profile.pkcs11Module.isEmpty() ? Net::HpkiCard::defaultModulePath() : profile.pkcs11Module);
                loop.exec();
            }
            if (!opened.ok()) {
                printErr(opened.message());
                return 2;
            }
            Net::HpkiTrustAnchors anchors = Net::HpkiTrustAnchors::defaults();
            for (const QString &file : profile.cardTrustAnchorFiles)
                if (!anchors.addFile(file))
                    printErr(QCoreApplication::translate("main", "Card trust anchor file %1 holds no certificate.").arg(file));
            SignInDialog signIn(&cardSession, anchors);
            if (signIn.exec() != QDialog::Accepted)
                return 1;
            if (QString refused; !checkCardRevocation(&window, profile, anchors, signIn.certificate(), &refused)) {
                printErr(refused);
                QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Sign-in refused"), refused);
                return 2;
            }
            window.cardSessionUi()->begin(&cardSession, anchors);
            QObject::connect(window.cardSessionUi(), &CardSessionUi::signedOut, &window, [] { QCoreApplication::quit(); });
        }
        QString serviceError;
        if (!window.connectService(profile, &serviceError)) {
            printErr(serviceError);
            return 2;
        }
        QObject::connect(&window, &MainWindow::servicePatientLoaded, &window, [&] {
            const RecordLoadOutcome &outcome = window.records()->serviceOutcome();
            if (outcome.state == RecordLoadOutcome::State::Failed) {
                printErr(outcome.error.message());
                exitCode = 2;
            } else if (outcome.state != RecordLoadOutcome::State::Fresh) {
                printErr(outcome.error.message());
            }
            if (options.screenshotPath.isEmpty())
                return;
            screenshotThenExit(&window, options.screenshotPath, exitCode);
        });
        if (!options.patientId.isEmpty()) {
            window.openServicePatient(options.patientId);
        } else if (!options.screenshotPath.isEmpty()) {
            screenshotThenExit(&window, options.screenshotPath, exitCode);
        }
    } else if (options.demo)
        window.loadDemo();
    else if (!options.openPaths.isEmpty())
        window.openPaths(options.openPaths);
    window.show();
    const int rc = QCoreApplication::exec();
    return exitCode != 0 ? exitCode : rc;
}
