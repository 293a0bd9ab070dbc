#pragma once

// Every Qt Test executable of the project starts through this: offscreen platform, test-mode
// standard paths (never the user's real cache or settings), and the demo-data location.
#include <QApplication>
#include <QDir>
#include <QStandardPaths>
#include <QTest>

namespace KakehashiTest {
// Empties the test-mode folders of the current organisation/application name. main() calls it;
// a test that renames the application (as main.cpp does) calls it again, or a file left by an
// earlier run or another branch's build (a newer cache schema, another key) decides its result.
inline void resetTestPaths()
{
    for (auto location : {QStandardPaths::AppLocalDataLocation, QStandardPaths::CacheLocation,
                          QStandardPaths::AppConfigLocation})
        QDir(QStandardPaths::writableLocation(location)).removeRecursively();
}
} // namespace KakehashiTest

#define KAKEHASHI_TEST_MAIN(TestObject)                                      \
    int main(int argc, char *argv[])                                         \
    {                                                                        \
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))                  \
            qputenv("QT_QPA_PLATFORM", "offscreen");                         \
        QStandardPaths::setTestModeEnabled(true);                            \
        QApplication app(argc, argv);                                        \
        app.setAttribute(Qt::AA_Use96Dpi, true);                             \
        /* Start from empty test-mode folders: no cache or settings left by  \
           an earlier run (or another branch's build) may decide a result. */ \
        KakehashiTest::resetTestPaths();                                     \
        TestObject tc;                                                       \
        QTEST_SET_MAIN_SOURCE_PATH                                           \
        return QTest::qExec(&tc, argc, argv);                                \
    }
