#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

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
};

} // namespace Kakehashi
