// Asks for a fixed time span (two local date-times) for the global time range.
#pragma once

#include "timerange.h"

#include <QDialog>

class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;

namespace fleetscope {

class CustomRangeDialog : public QDialog
{
    Q_OBJECT
public:
    CustomRangeDialog(const QDateTime &from, const QDateTime &to, QWidget *parent = nullptr);

    TimeRange range() const;

private:
    void validate();

    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace fleetscope
