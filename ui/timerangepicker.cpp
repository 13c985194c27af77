// TimeRangePicker: preset combo box; its last entry opens the custom range dialog.
#include "timerangepicker.h"

#include "customrangedialog.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

namespace fleetscope {
namespace {

constexpr int kCustomItem = -1;

} // namespace

TimeRangePicker::TimeRangePicker(QWidget *parent)
    : QWidget(parent)
{
    m_combo = new QComboBox(this);
    m_combo->setAccessibleName(tr("Time range"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (TimeRange::Preset preset : {TimeRange::Preset::LastHour, TimeRange::Preset::Last6Hours,
                                     TimeRange::Preset::Last24Hours, TimeRange::Preset::Last7Days,
                                     TimeRange::Preset::Last30Days}) {
        m_combo->addItem(TimeRange::preset(preset).label(), int(preset));
    }
    m_combo->addItem(tr("Custom…"), kCustomItem);
    connect(m_combo, &QComboBox::activated, this, &TimeRangePicker::handleActivated);

    auto *label = new QLabel(tr("&Time range:"), this);
    label->setBuddy(m_combo);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_combo);
    showRange();
}

void TimeRangePicker::setRange(const TimeRange &range)
{
    m_range = range;
    showRange();
    Q_EMIT rangeChanged(m_range);
}

void TimeRangePicker::showRange()
{
    const int customIndex = m_combo->findData(kCustomItem);
    if (m_range.kind() == TimeRange::Preset::Custom) {
        // The custom entry names the span in force, so the control always says what is shown.
        m_combo->setItemText(customIndex, m_range.label());
        m_combo->setCurrentIndex(customIndex);
    } else {
        m_combo->setItemText(customIndex, tr("Custom…"));
        m_combo->setCurrentIndex(m_combo->findData(int(m_range.kind())));
    }
}

void TimeRangePicker::handleActivated(int index)
{
    const int preset = m_combo->itemData(index).toInt();
    if (preset != kCustomItem) {
        setRange(TimeRange::preset(TimeRange::Preset(preset)));
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto *dialog = new CustomRangeDialog(m_range.from(now), m_range.to(now), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { setRange(dialog->range()); });
    connect(dialog, &QDialog::rejected, this, &TimeRangePicker::showRange);
    dialog->open();
}

} // namespace fleetscope
