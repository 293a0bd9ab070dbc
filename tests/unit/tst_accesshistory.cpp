// The access history (閲覧履歴): append-only, sealed, hash-chained; each user reads their own
// entries; editing, removing or reordering lines is detected; CSV export.
#include "store/accesshistory.h"
#include "store/recordcache.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Kakehashi;

namespace {

AccessEntry entry(const QString &patient, const QString &purpose = QStringLiteral("TREAT"), const QString &reason = {})
{
    AccessEntry e;
    e.at = QDateTime(QDate(2026, 12, 4), QTime(9, 30), Qt::UTC);
    e.holder = QStringLiteral("山本 一郎");
    e.role = QStringLiteral("医師");
    e.patientId = patient;
    e.patientName = QStringLiteral("山田 花子");
    e.purpose = purpose;
    e.emergencyReason = reason;
    e.service = QStringLiteral("test (https://phr.example.jp/fhir)");
    e.source = QStringLiteral("service");
    e.categories = {QStringLiteral("problems:3"), QStringLiteral("medications:5")};
    return e;
}

QList<QByteArray> lines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> out = f.readAll().split('\n');
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

bool writeLines(const QString &path, const QList<QByteArray> &ls)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    for (const QByteArray &l : ls)
        f.write(l + '\n');
    return true;
}

} // namespace

class TestAccessHistory : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QByteArray m_key = RecordCache::randomKey();

    // Three entries by this user: p001, p002 (ETREAT), p003.
    QString writeThree()
    {
        const QString path = m_dir.filePath(QStringLiteral("%1/history.log").arg(QRandomGenerator::global()->generate()));
        AccessHistory history(path, m_key, QStringLiteral("dr"));
        QString error;
        for (const AccessEntry &e : {entry(QStringLiteral("p001")), entry(QStringLiteral("p002"), QStringLiteral("ETREAT"), QStringLiteral("意識障害で救急搬送")),
                                     entry(QStringLiteral("p003"))}) {
            if (!history.append(e, &error))
                qWarning("append: %s", qPrintable(error));
        }
        return path;
    }

private slots:
    void appendsAndReadsBack()
    {
        const QString path = writeThree();
        AccessHistory history(path, m_key, QStringLiteral("dr"));
        const AccessHistory::Reading r = history.read();
        QVERIFY2(r.intact(), qPrintable(r.problems.join(u'\n') + r.errorString));
        QCOMPARE(r.totalLines, 3);
        QCOMPARE(r.entries.size(), 3);
        QCOMPARE(r.entries.at(0).sequence, 1);
        QCOMPARE(r.entries.at(2).sequence, 3);
        QCOMPARE(r.entries.at(1).patientId, QStringLiteral("p002"));
        QCOMPARE(r.entries.at(1).purpose, QStringLiteral("ETREAT"));
        QCOMPARE(r.entries.at(1).emergencyReason, QStringLiteral("意識障害で救急搬送"));
        QCOMPARE(r.entries.at(0).holder, QStringLiteral("山本 一郎"));
        QCOMPARE(r.entries.at(0).role, QStringLiteral("医師"));
        QCOMPARE(r.entries.at(0).at, QDateTime(QDate(2026, 12, 4), QTime(9, 30), Qt::UTC));
        QCOMPARE(r.entries.at(0).categories, (QStringList{QStringLiteral("problems:3"), QStringLiteral("medications:5")}));
        QCOMPARE(r.entries.at(0).service, QStringLiteral("test (https://phr.example.jp/fhir)"));
    }

    // Nothing readable on disk, and the file is the owner's only.
    void sealedAndPrivate()
    {
        const QString path = writeThree();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray disk = f.readAll();
        for (const QString &secret : {QStringLiteral("p001"), QStringLiteral("山田"), QStringLiteral("山本"), QStringLiteral("ETREAT"),
                                      QStringLiteral("救急"), QStringLiteral("phr.example.jp")})
            QVERIFY2(!disk.contains(secret.toUtf8()), qPrintable(secret));
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
    }

    // Each user reads their own; another user's lines are counted, never shown, and do not count
    // as tampering.
    void usersReadTheirOwn()
    {
        const QString path = writeThree();
        const QByteArray otherKey = RecordCache::randomKey();
        {
            AccessHistory nurse(path, otherKey, QStringLiteral("nurse"));
            QString error;
            QVERIFY2(nurse.append(entry(QStringLiteral("p009")), &error), qPrintable(error));
        }
        AccessHistory doctor(path, m_key, QStringLiteral("dr"));
        const AccessHistory::Reading mine = doctor.read();
        QVERIFY2(mine.intact(), qPrintable(mine.problems.join(u'\n')));
        QCOMPARE(mine.entries.size(), 3);
        QCOMPARE(mine.otherUsersEntries, 1);
        AccessHistory nurse(path, otherKey, QStringLiteral("nurse"));
        const AccessHistory::Reading theirs = nurse.read();
        QVERIFY(theirs.intact());
        QCOMPARE(theirs.entries.size(), 1);
        QCOMPARE(theirs.entries.first().patientId, QStringLiteral("p009"));
        QCOMPARE(theirs.entries.first().sequence, 4);
        // Same key, another user name: nothing of the doctor's.
        AccessHistory sameKeyOtherUser(path, m_key, QStringLiteral("someone"));
        QCOMPARE(sameKeyOtherUser.read().entries.size(), 0);
    }

    void tamperingIsDetected_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("edit a row") << QStringLiteral("edit");
        QTest::newRow("edit the last row") << QStringLiteral("edit-last");
        QTest::newRow("delete a row") << QStringLiteral("delete");
        QTest::newRow("delete the first row") << QStringLiteral("delete-first");
        QTest::newRow("reorder") << QStringLiteral("reorder");
        QTest::newRow("duplicate a row") << QStringLiteral("duplicate");
        QTest::newRow("garbage line") << QStringLiteral("garbage");
    }

    void tamperingIsDetected()
    {
        QFETCH(QString, change);
        const QString path = writeThree();
        QList<QByteArray> ls = lines(path);
        QCOMPARE(ls.size(), 3);
        if (change == u"edit" || change == u"edit-last") {
            QByteArray &l = ls[change == u"edit" ? 1 : 2];
            const qsizetype at = l.size() - 10; // inside the base64 ciphertext
            l[at] = l.at(at) == 'A' ? 'B' : 'A';
        } else if (change == u"delete") {
            ls.removeAt(1);
        } else if (change == u"delete-first") {
            ls.removeFirst();
        } else if (change == u"reorder") {
            ls.swapItemsAt(1, 2);
        } else if (change == u"duplicate") {
            ls.insert(2, ls.at(1));
        } else {
            ls.insert(1, "not an entry");
        }
        QVERIFY(writeLines(path, ls));
        AccessHistory history(path, m_key, QStringLiteral("dr"));
        const AccessHistory::Reading r = history.read();
        QVERIFY2(!r.intact(), qPrintable(change));
        QVERIFY(!r.problems.isEmpty());
        // What still reads is shown; a changed entry is never shown as it now reads.
        for (const AccessEntry &e : r.entries)
            QVERIFY(e.patientId.startsWith(u"p00"));
        if (change.startsWith(u"edit"))
            QCOMPARE(r.entries.size(), 2);
    }

    // The untouched log reads intact after more appends (the chain continues across opens).
    void chainContinuesAcrossOpens()
    {
        const QString path = writeThree();
        for (int i = 0; i < 3; ++i) {
            AccessHistory history(path, m_key, QStringLiteral("dr"));
            QString error;
            QVERIFY2(history.append(entry(QStringLiteral("p10%1").arg(i)), &error), qPrintable(error));
        }
        AccessHistory history(path, m_key, QStringLiteral("dr"));
        const AccessHistory::Reading r = history.read();
        QVERIFY(r.intact());
        QCOMPARE(r.entries.size(), 6);
        QCOMPARE(r.entries.last().sequence, 6);
        QVERIFY(!r.entries.last().at.isNull());
    }

    void csvExport()
    {
        AccessEntry tricky = entry(QStringLiteral("p001"), QStringLiteral("ETREAT"), QStringLiteral("=HYPERLINK(\"x\"), \"quoted\"\nnext"));
        tricky.sequence = 7;
        const QByteArray csv = AccessHistory::toCsv({tricky});
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        const QString text = QString::fromUtf8(csv.mid(3));
        const QStringList rows = text.split(QStringLiteral("\r\n"));
        QCOMPARE(rows.first(), QStringLiteral("sequence,time_utc,holder,role,patient_id,patient_name,purpose,emergency_reason,service,source,categories"));
        QVERIFY(rows.at(1).startsWith(QStringLiteral("7,2026-12-04T09:30:00Z,山本 一郎,医師,p001,山田 花子,ETREAT,")));
        // The reason: quoted, inner quotes doubled, a formula defused, the line break kept inside the field.
        QVERIFY2(text.contains(QStringLiteral("\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\nnext\"")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral(",service,problems:3 medications:5\r\n")));
    }

    void unwritableFileIsAClearError()
    {
        AccessHistory history(QStringLiteral("/proc/kakehashi-no-such/history.log"), m_key, QStringLiteral("dr"));
        QString error;
        QVERIFY(!history.append(entry(QStringLiteral("p001")), &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAccessHistory)
#include "tst_accesshistory.moc"
