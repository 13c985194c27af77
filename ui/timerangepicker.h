// The global time-range control: presets (1 h … 30 d) and a custom span chosen in a dialog.
#pragma once

#include "timerange.h"

#include <QWidget>

class QComboBox;

namespace fleetscope {

class TimeRangePicker : public QWidget
{
    Q_OBJECT
public:
    explicit TimeRangePicker(QWidget *parent = nullptr);

    const TimeRange &range() const { return m_range; }

public Q_SLOTS:
    // Shows RANGE and emits rangeChanged, also for the same preset: presets move with "now".
    void setRange(const fleetscope::TimeRange &range);

Q_SIGNALS:
    void rangeChanged(const fleetscope::TimeRange &range);

private:
    void handleActivated(int index);
    void showRange();

    QComboBox *m_combo = nullptr;
    TimeRange m_range;
};

} // namespace fleetscope
