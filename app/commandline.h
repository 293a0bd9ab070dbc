#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QSize>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace Kakehashi {

struct CommandLineOptions
{
    bool demo = false;
    QStringList openPaths;
    QString patientId;
    QString view;
    QString language;   // "ja", "en" or empty for the system locale
    QString screenshotPath;
    bool summary = false;
    QString service;    // a connection profile or URL (sharing-service issue)
    QDateTime asOf;     // --as-of: the ReferenceClock's fixed time; invalid = not given
    QString exportPdfPath; // --export-pdf: write the document or emergency summary shown as PDF, exit
    QByteArray timeZone; // --time-zone: IANA id of the display zone; empty = the setting, else Asia/Tokyo
    QSize windowSize;    // --window-size WxH; invalid = the default (1600×1000)
    QString role;        // --role (with --demo): doctor, pharmacist or emergency preview; empty = doctor
    QString documentId;  // --document: with --view documents, this document instead of the newest

    bool headless() const { return summary || !screenshotPath.isEmpty() || !exportPdfPath.isEmpty(); }
};

class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::CommandLine)
public:
    // Parses argv; on a usage error returns nullopt and fills |error|.
    static std::optional<CommandLineOptions> parse(const QStringList &arguments, QString *error, QString *helpText);
    // The language to load: --lang if given, else the system's ("ja" for a Japanese locale, else "en").
    static QString effectiveLanguage(const CommandLineOptions &options);
    // The display zone: --time-zone if given, else the setting display/timeZone, else Asia/Tokyo.
    // An unknown zone in the setting is reported in |warning| and Asia/Tokyo used.
    static QTimeZone effectiveTimeZone(const CommandLineOptions &options, const QString &settingValue, QString *warning);
};

} // namespace Kakehashi
