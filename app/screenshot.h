#pragma once

#include <QString>

class QWidget;

namespace Kakehashi {

// Renders |widget| (already laid out) and writes it as PNG through a temporary file.
bool writeScreenshot(QWidget *widget, const QString &path, QString *error);

} // namespace Kakehashi
