#pragma once

#include "timelineview.h"

#include <QWidget>

class QDateEdit;
class QLabel;
class QLineEdit;
class QMenu;
class QTimer;
class QToolButton;

namespace Kakehashi {

// The timeline with its filter bar (categories, facilities, date range, free text) and the
// trust line (how many items the patient's disclosure settings withheld).
class TimelinePane : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePane(QWidget *parent = nullptr);

    void setRecord(const PatientRecord &record);
    TimelineView *view() const { return m_view; }
    QLineEdit *searchField() const { return m_search; }
    QToolButton *categoryButton() const { return m_categories; }
    QToolButton *facilityButton() const { return m_facilities; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QLabel *withheldLabel() const { return m_withheld; }

Q_SIGNALS:
    void filterChanged();

private:
    void applyFilter();

    TimelineView *m_view;
    QToolButton *m_categories;
    QMenu *m_categoryMenu;
    QToolButton *m_facilities;
    QMenu *m_facilityMenu;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLineEdit *m_search;
    QToolButton *m_fit;
    QLabel *m_withheld;
    QTimer *m_searchDelay;
};

} // namespace Kakehashi
