#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;

namespace Kakehashi {

// Says that some input could not be used as it is, so what is shown may be incomplete: the count and
// the first problem, with every error and warning one click away. Hidden when there is none.
class LoadProblemsBanner : public QWidget
{
    Q_OBJECT
public:
    explicit LoadProblemsBanner(QWidget *parent = nullptr);

    void setProblems(const QStringList &errors, const QStringList &warnings);
    void clear();
    QLabel *label() const { return m_text; }

private:
    void showDetails();

    QLabel *m_text;
    QStringList m_errors;
    QStringList m_warnings;
};

} // namespace Kakehashi
