// Hazard: a key object selection names images that are not among those opened. Marking nothing
// would read as "no key images here"; the viewer says how many of its images are missing instead.
#include "../../testsupport.h"
#include "../../unit/dicom/presentationfixtures.h"

#include "viewer/imageview/dicomviewerwidget.h"

#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

using namespace Kakehashi;
using namespace Kakehashi::Dicom;

class TestHazardKeyImages : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void someMissing();
    void allMissing();
    void nothingMissing();

private:
    DicomPresentationObjects selection(const QString &name, const QList<QByteArray> &instances);
    QTemporaryDir m_dir;
    QList<DicomSeries> m_series;
    const QByteArray m_study = "1.2.826.0.1.3680043.9.7433.77.1";
    const QByteArray m_seriesUid = "1.2.826.0.1.3680043.9.7433.77.1.1";
};

void TestHazardKeyImages::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QDir().mkpath(m_dir.filePath(QStringLiteral("ct")));
    for (int i = 0; i < 3; ++i) {
        PresentationFixtures::Image image;
        image.instanceNumber = i + 1;
        image.z = 5.0 * i;
        image.fill = 300;
        QVERIFY(image.write(m_dir.filePath(QStringLiteral("ct/%1.dcm").arg(i))));
    }
    m_series = DicomSeriesScanner::scan({m_dir.filePath(QStringLiteral("ct"))}).series;
    QCOMPARE(m_series.size(), 1);
}

DicomPresentationObjects TestHazardKeyImages::selection(const QString &name, const QList<QByteArray> &instances)
{
    QList<QPair<QByteArray, QByteArray>> refs;
    for (const QByteArray &n : instances)
        refs.append({m_seriesUid, m_seriesUid + '.' + n});
    const QString path = m_dir.filePath(name);
    if (!PresentationFixtures::writeKeyObjectSelection(path, {}, m_study, refs))
        return {};
    DicomSliceRef ref;
    ref.path = path;
    return DicomPresentationReader::read({ref});
}

void TestHazardKeyImages::someMissing()
{
    DicomViewerWidget viewer;
    viewer.resize(1000, 600);
    viewer.show();
    viewer.setSeries(m_series);
    // Instance 2 is open; 7 and 9 are not (the CD held only part of the study).
    viewer.setPresentationObjects(selection(QStringLiteral("some.dcm"), {"2", "7", "9"}));
    QVERIFY(viewer.keyImageNotice()->isVisible());
    const QString notice = viewer.keyImageNotice()->text();
    QVERIFY2(notice.contains(QStringLiteral("Key images “Of Interest”: 2 of 3 referenced image(s) are not among the opened images.")),
             qPrintable(notice));
    // The browser says it under the study, and still marks the one that is open.
    const QString browser = viewer.browserText();
    QVERIFY2(browser.contains(QStringLiteral("⚠ Key images “Of Interest”: 2 of 3")), qPrintable(browser));
    QVERIFY(browser.contains(QStringLiteral("★ 1 key image(s)")));
}

void TestHazardKeyImages::allMissing()
{
    DicomViewerWidget viewer;
    viewer.resize(1000, 600);
    viewer.show();
    viewer.setSeries(m_series);
    viewer.setPresentationObjects(selection(QStringLiteral("all.dcm"), {"7", "9"}));
    QVERIFY(viewer.keyImageNotice()->isVisible());
    QVERIFY2(viewer.keyImageNotice()->text().contains(QStringLiteral("none of its 2 referenced image(s) is among the opened images")),
             qPrintable(viewer.keyImageNotice()->text()));
    QVERIFY(!viewer.browserText().contains(QStringLiteral("★")));
    // With no images open at all, the selection still says so (a row of its own, not silence).
    DicomViewerWidget empty;
    empty.show();
    empty.setSeries({});
    empty.setPresentationObjects(selection(QStringLiteral("all2.dcm"), {"7"}));
    QVERIFY(empty.keyImageNotice()->isVisible());
    QVERIFY(empty.browserText().contains(QStringLiteral("⚠ Key images “Of Interest”: none of its 1")));
}

void TestHazardKeyImages::nothingMissing()
{
    DicomViewerWidget viewer;
    viewer.resize(1000, 600);
    viewer.show();
    viewer.setSeries(m_series);
    viewer.setPresentationObjects(selection(QStringLiteral("none.dcm"), {"1", "3"}));
    QVERIFY(!viewer.keyImageNotice()->isVisible());
    QVERIFY(!viewer.browserText().contains(QStringLiteral("⚠")));
    QVERIFY(viewer.browserText().contains(QStringLiteral("★ 2 key image(s)")));
}

KAKEHASHI_TEST_MAIN(TestHazardKeyImages)
#include "tst_hazard_keyimages.moc"
