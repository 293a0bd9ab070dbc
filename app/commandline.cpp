#include "commandline.h"

#include "viewer/patientview.h"
#include "record/displayzone.h"
#include "record/referenceclock.h"

#include <QCommandLineParser>
#include <QLocale>

namespace Kakehashi {

std::optional<CommandLineOptions> CommandLine::parse(const QStringList &arguments, QString *error, QString *helpText)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Kakehashi: integrated viewer for the health-record sharing service"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"), tr("Start on the bundled demo data, without a card."));
    const QCommandLineOption open(QStringLiteral("open"), tr("Open local FHIR JSON or DICOM files, folders or DICOMDIRs (repeatable)."), tr("path"));
    const QCommandLineOption patient(QStringLiteral("patient"), tr("Open this patient."), tr("id"));
    const QCommandLineOption view(QStringLiteral("view"),
                                  tr("Show this view: %1.").arg((PatientView::viewNames() << QStringLiteral("images") << QStringLiteral("compare")).join(QStringLiteral(", "))), tr("name"));
    const QCommandLineOption lang(QStringLiteral("lang"), tr("Interface language: ja or en."), tr("language"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"), tr("Render offscreen, write a PNG and exit."), tr("file"));
    const QCommandLineOption summary(QStringLiteral("summary"), tr("Print a JSON summary of what was loaded and exit."));
    const QCommandLineOption service(QStringLiteral("service"), tr("Connect to a sharing service (profile name or URL)."), tr("profile"));
    const QCommandLineOption asOf(QStringLiteral("as-of"),
                                  tr("Read the records as of this moment instead of now: an ISO 8601 date or date-time, "
                                     "e.g. 2026-10-31 (noon) or 2026-10-31T09:30+09:00. The demo reads as of its own date unless this is given."),
                                  tr("time"));
    const QCommandLineOption exportPdf(QStringLiteral("export-pdf"),
                                       tr("With --view documents or --view emergency: write what is shown as a PDF (with a header naming the "
                                          "facility, the patient and the reference time) and exit."),
                                       tr("file"));
    const QCommandLineOption timeZone(QStringLiteral("time-zone"),
                                      tr("Show every time in this zone (an IANA name such as Asia/Tokyo or UTC) instead of the setting "
                                         "display/timeZone; by default Asia/Tokyo. Times not in Japan time carry the zone's name."),
                                      tr("zone"));
    const QCommandLineOption role(QStringLiteral("role"),
                                  tr("With --demo: preview what this user sees, without a card: doctor, pharmacist or emergency."), tr("role"));
    const QCommandLineOption windowSize(QStringLiteral("window-size"),
                                        tr("Window size in pixels, e.g. 1366x768 (also the size of a --screenshot)."), tr("WxH"));
    const QCommandLineOption document(QStringLiteral("document"),
                                      tr("With --view documents: open this document instead of the patient's newest: its key as "
                                         "--summary lists it (e.g. DocumentReference/p003-doc-01), or the id alone."),
                                      tr("id"));
    parser.addOptions({demo, open, patient, view, lang, screenshot, summary, service, asOf, exportPdf, timeZone, role, windowSize, document});

    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("version"))) {
        *helpText = parser.isSet(QStringLiteral("help")) ? parser.helpText()
                                                          : QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion();
        return std::nullopt;
    }
    CommandLineOptions o;
    o.demo = parser.isSet(demo);
    o.openPaths = parser.values(open);
    o.openPaths += parser.positionalArguments();
    o.patientId = parser.value(patient);
    o.view = parser.value(view);
    o.language = parser.value(lang);
    o.screenshotPath = parser.value(screenshot);
    o.summary = parser.isSet(summary);
    o.service = parser.value(service);
    o.exportPdfPath = parser.value(exportPdf);
    o.documentId = parser.value(document);
    if (parser.isSet(asOf)) {
        const std::optional<QDateTime> when = ReferenceClock::parse(parser.value(asOf));
        if (!when) {
            *error = tr("Invalid --as-of \"%1\": use an ISO 8601 date or date-time, e.g. 2026-10-31 or 2026-10-31T09:30+09:00.")
                         .arg(parser.value(asOf));
            return std::nullopt;
        }
        o.asOf = *when;
    }

    if (parser.isSet(timeZone)) {
        o.timeZone = parser.value(timeZone).toUtf8();
        if (!QTimeZone::isTimeZoneIdAvailable(o.timeZone)) {
            *error = tr("Unknown time zone \"%1\": use an IANA name such as Asia/Tokyo or UTC.").arg(parser.value(timeZone));
            return std::nullopt;
        }
    }
    if (parser.isSet(windowSize)) {
        const QStringList wh = parser.value(windowSize).split(u'x');
        bool okW = false;
        bool okH = false;
        const int w = wh.size() == 2 ? wh[0].toInt(&okW) : 0;
        const int h = wh.size() == 2 ? wh[1].toInt(&okH) : 0;
        if (!okW || !okH || w < 640 || h < 480 || w > 8192 || h > 8192) {
            *error = tr("Invalid --window-size \"%1\": use WIDTHxHEIGHT, at least 640x480, e.g. 1366x768.").arg(parser.value(windowSize));
            return std::nullopt;
        }
        o.windowSize = QSize(w, h);
    }
    o.role = parser.value(role);
    if (!o.role.isEmpty() && o.role != u"doctor" && o.role != u"pharmacist" && o.role != u"emergency") {
        *error = tr("Unknown role \"%1\": use doctor, pharmacist or emergency.").arg(o.role);
        return std::nullopt;
    }
    if (!o.role.isEmpty() && !o.demo) {
        *error = tr("--role previews the demo only: add --demo (a real session takes the role from the HPKI card).");
        return std::nullopt;
    }
    if (!o.language.isEmpty() && o.language != u"ja" && o.language != u"en") {
        *error = tr("Unknown language \"%1\": use ja or en.").arg(o.language);
        return std::nullopt;
    }
    if (!o.view.isEmpty() && !PatientView::viewNames().contains(o.view) && o.view != u"overview" && o.view != u"images" && o.view != u"compare") {
        *error = tr("Unknown view \"%1\": use one of %2.").arg(o.view, (PatientView::viewNames() << QStringLiteral("images") << QStringLiteral("compare")).join(QStringLiteral(", ")));
        return std::nullopt;
    }
    if (!o.service.isEmpty() && o.summary && o.patientId.isEmpty()) {
        *error = tr("--service with --summary needs --patient.");
        return std::nullopt;
    }
    if (!o.service.isEmpty() && (o.demo || !o.openPaths.isEmpty())) {
        *error = tr("--service cannot be combined with --demo or --open.");
        return std::nullopt;
    }
    if (!o.screenshotPath.isEmpty() && !o.demo && o.openPaths.isEmpty() && o.service.isEmpty()) {
        *error = tr("--screenshot needs something to show: --demo, --open or --service.");
        return std::nullopt;
    }
    if (!o.exportPdfPath.isEmpty() && o.view != u"documents" && o.view != u"emergency") {
        *error = tr("--export-pdf needs --view documents or --view emergency.");
        return std::nullopt;
    }
    if (!o.exportPdfPath.isEmpty() && (!o.screenshotPath.isEmpty() || o.summary)) {
        *error = tr("--export-pdf cannot be combined with --screenshot or --summary.");
        return std::nullopt;
    }
    if (!o.exportPdfPath.isEmpty() && !o.demo && o.openPaths.isEmpty()) {
        *error = tr("--export-pdf needs something to show: --demo or --open.");
        return std::nullopt;
    }
    if (!o.documentId.isEmpty() && o.view != u"documents") {
        *error = tr("--document needs --view documents.");
        return std::nullopt;
    }
    if (o.summary && !o.demo && o.openPaths.isEmpty() && o.service.isEmpty()) {
        *error = tr("--summary needs something to load: --demo or --open.");
        return std::nullopt;
    }
    return o;
}

QString CommandLine::effectiveLanguage(const CommandLineOptions &options)
{
    if (!options.language.isEmpty())
        return options.language;
    return QLocale().language() == QLocale::Japanese ? QStringLiteral("ja") : QStringLiteral("en");
}

QTimeZone CommandLine::effectiveTimeZone(const CommandLineOptions &options, const QString &settingValue, QString *warning)
{
    if (!options.timeZone.isEmpty())
        return QTimeZone(options.timeZone);
    const QByteArray setting = settingValue.trimmed().toUtf8();
    if (!setting.isEmpty()) {
        if (QTimeZone::isTimeZoneIdAvailable(setting))
            return QTimeZone(setting);
        *warning = tr("The setting display/timeZone names an unknown time zone \"%1\"; times are shown in Asia/Tokyo.").arg(settingValue);
    }
    return DisplayZone::defaultZone();
}

} // namespace Kakehashi
