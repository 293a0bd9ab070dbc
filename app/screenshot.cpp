#include "screenshot.h"

#include <QCoreApplication>
#include <QImageWriter>
#include <QPixmap>
#include <QSaveFile>
#include <QWidget>

namespace Kakehashi {

bool writeScreenshot(QWidget *widget, const QString &path, QString *error)
{
    const QPixmap pixmap = widget->grab();
    if (pixmap.isNull()) {
        *error = QCoreApplication::translate("Kakehashi::Screenshot", "the window could not be rendered");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    QImageWriter writer(&file, "png");
    if (!writer.write(pixmap.toImage())) {
        *error = writer.errorString();
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace Kakehashi
