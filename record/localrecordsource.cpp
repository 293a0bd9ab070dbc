#include "localrecordsource.h"

#include "dicom/dicomfilekind.h"

#include "recordassembler.h"
#include "referenceclock.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QResource>
#include <QThreadPool>

#include <memory>

Q_LOGGING_CATEGORY(lcLocalSource, "kakehashi.record.local", QtInfoMsg)

namespace Kakehashi {

namespace {

// Frees |assembler| — the parsed JSON of every file read, a tenth of a second to free for a large
// record — on a pool thread, so the caller goes on with the record meanwhile.
void releaseOnPool(std::unique_ptr<RecordAssembler> assembler)
{
    QThreadPool::globalInstance()->start([held = std::shared_ptr<RecordAssembler>(std::move(assembler))]() mutable { held.reset(); });
}

void loadFile(RecordAssembler &assembler, const QString &path, const QString &shownName, RecordSet *early)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        early->errors.append(LocalRecordSource::tr("%1: cannot be read (%2)").arg(shownName, f.errorString()));
        return;
    }
    if (f.size() > LocalRecordSource::MaxFileBytes) {
        early->errors.append(LocalRecordSource::tr("%1: too large to open (%2 MB)").arg(shownName).arg(f.size() >> 20));
        return;
    }
    if (Dicom::dicomFileKind(f.peek(132)) != Dicom::DicomFileKind::NotDicom) {
        early->warnings.append(LocalRecordSource::tr("%1: DICOM files are opened in the image view, not as records").arg(shownName));
        return;
    }
    assembler.addJson(f.readAll(), shownName);
}

// The files of the index group holding patientId (paths relative to root), or empty when the index
// cannot be trusted for this folder or names no such patient.
QStringList indexedGroup(const QString &root, const QString &patientId)
{
    QFile f(root + QStringLiteral("/patients-index.json"));
    if (!f.open(QIODevice::ReadOnly) || f.size() > 16 * 1024 * 1024)
        return {};
    const QJsonObject index = QJsonDocument::fromJson(f.readAll()).object();
    if (index.value(QLatin1String("format")).toInt() != 1)
        return {};
    // Exactly the files that are there, each with the size it had when indexed.
    const QJsonObject listed = index.value(QLatin1String("files")).toObject();
    QStringList present;
    QDirIterator it(root + QStringLiteral("/patients"), {QStringLiteral("*.json")}, QDir::Files | QDir::Readable,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString rel = QDir(root).relativeFilePath(file);
        const QJsonValue size = listed.value(rel);
        if (!size.isDouble() || qint64(size.toDouble()) != QFileInfo(file).size())
            return {};
        present.append(rel);
    }
    if (present.size() != listed.size())
        return {};
    for (const QJsonValue &g : index.value(QLatin1String("groups")).toArray()) {
        const QJsonObject group = g.toObject();
        if (!group.value(QLatin1String("patients")).toArray().contains(patientId))
            continue;
        QStringList files;
        for (const QJsonValue &file : group.value(QLatin1String("files")).toArray()) {
            if (!present.contains(file.toString()))
                return {};
            files.append(file.toString());
        }
        files.sort();
        return files;
    }
    return {};
}

} // namespace

RecordSet LocalRecordSource::loadPersonFiles(const QString &root, const QString &patientId, bool *usedIndex)
{
    const QString patientsDir = root + QStringLiteral("/patients");
    const QStringList group = patientId.isEmpty() ? QStringList() : indexedGroup(root, patientId);
    if (usedIndex)
        *usedIndex = !group.isEmpty();
    if (group.isEmpty())
        return load({patientsDir});
    // Named as when the whole folder is read (relative to patients/), so messages do not differ.
    auto owned = std::make_unique<RecordAssembler>();
    RecordAssembler &assembler = *owned;
    RecordSet early;
    for (const QString &rel : group) {
        const QString path = QDir(root).filePath(rel);
        loadFile(assembler, path, QDir(patientsDir).relativeFilePath(path), &early);
    }
    RecordSet set = assembler.finish();
    releaseOnPool(std::move(owned));
    set.errors = early.errors + set.errors;
    set.warnings = early.warnings + set.warnings;
    qCDebug(lcLocalSource) << "loaded" << group.size() << "indexed files:" << set.resourceCount << "resources";
    return set;
}

bool LocalRecordSource::isDicomFile(const QString &path)
{
    if (QFileInfo(path).fileName().compare(QLatin1String("DICOMDIR"), Qt::CaseInsensitive) == 0)
        return true;
    return Dicom::isDicomFileContent(path);
}

LocalInputs LocalRecordSource::partition(const QStringList &paths)
{
    LocalInputs inputs;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isDir()) {
            (info.isFile() && isDicomFile(path) ? inputs.dicomPaths : inputs.recordPaths).append(path);
            continue;
        }
        bool hasJson = false;
        bool hasDicom = QFileInfo::exists(QDir(path).filePath(QStringLiteral("DICOMDIR")));
        QDirIterator it(path, QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
        while (it.hasNext() && !(hasJson && hasDicom)) {
            const QString file = it.next();
            if (file.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
                hasJson = true;
            else if (!hasDicom && isDicomFile(file))
                hasDicom = true;
        }
        if (hasJson || !hasDicom)
            inputs.recordPaths.append(path); // an empty folder: load() says it holds nothing
        if (hasDicom)
            inputs.dicomPaths.append(path);
    }
    return inputs;
}

RecordSet LocalRecordSource::load(const QStringList &paths)
{
    auto owned = std::make_unique<RecordAssembler>();
    RecordAssembler &assembler = *owned;
    RecordSet early;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            early.errors.append(tr("%1: no such file or folder").arg(path));
            continue;
        }
        if (info.isDir()) {
            QStringList files;
            QDirIterator it(path, {QStringLiteral("*.json")}, QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
            while (it.hasNext())
                files.append(it.next());
            files.sort();
            if (files.isEmpty())
                early.warnings.append(tr("%1: the folder holds no FHIR JSON files").arg(path));
            for (const QString &file : std::as_const(files))
                loadFile(assembler, file, QDir(path).relativeFilePath(file), &early);
        } else {
            loadFile(assembler, path, info.fileName(), &early);
        }
    }
    RecordSet set = assembler.finish();
    releaseOnPool(std::move(owned));
    set.errors = early.errors + set.errors;
    set.warnings = early.warnings + set.warnings;
    qCDebug(lcLocalSource) << "loaded" << set.resourceCount << "resources," << set.patients.size() << "patients";
    return set;
}

bool LocalRecordSource::registerDemoData(QString *errorMessage)
{
    if (QFileInfo::exists(demoDataRoot() + QStringLiteral("/patients")))
        return true;
    QStringList candidates;
    const QString env = qEnvironmentVariable("KAKEHASHI_DEMO_RCC");
    if (!env.isEmpty())
        candidates << env;
    const QString appDir = QCoreApplication::applicationDirPath();
    candidates << appDir + QStringLiteral("/kakehashi-demo.rcc")
               << appDir + QStringLiteral("/../share/kakehashi/kakehashi-demo.rcc");
#ifdef KAKEHASHI_BUILD_DEMO_RCC
    candidates << QStringLiteral(KAKEHASHI_BUILD_DEMO_RCC);
#endif
    for (const QString &c : std::as_const(candidates)) {
        if (QFileInfo::exists(c) && QResource::registerResource(c))
            return true;
    }
    if (errorMessage)
        *errorMessage = tr("The demo data (kakehashi-demo.rcc) was not found next to the program. Build the project, or set KAKEHASHI_DEMO_RCC.");
    return false;
}

QString LocalRecordSource::demoDataRoot()
{
    return QStringLiteral(":/demo");
}

RecordSet LocalRecordSource::loadDemo(const QString &patientId)
{
    QString error;
    if (!registerDemoData(&error)) {
        RecordSet set;
        set.errors.append(error);
        return set;
    }
    return loadPersonFiles(demoDataRoot(), patientId);
}

QDateTime LocalRecordSource::demoReferenceTime()
{
    if (!registerDemoData(nullptr))
        return {};
    QFile f(demoDataRoot() + QStringLiteral("/demo-info.json"));
    if (!f.open(QIODevice::ReadOnly)) {
        qCWarning(lcLocalSource) << "the demo data has no demo-info.json: it reads as of the system clock";
        return {};
    }
    const QString today = QJsonDocument::fromJson(f.read(64 * 1024)).object().value(QLatin1String("today")).toString();
    const std::optional<QDateTime> when = ReferenceClock::parse(today);
    if (!when)
        qCWarning(lcLocalSource) << "demo-info.json has no valid \"today\"";
    return when.value_or(QDateTime());
}

} // namespace Kakehashi
