// Base for table models whose rows can leave the app: the view shows them, CSV export writes tableData().
#pragma once

#include "domain.h"

#include <QAbstractTableModel>

#include <optional>

namespace fleetscope {

class ExportableTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    // Typed cells, timestamps as UTC QDateTime, so the one CSV writer formats them the same
    // way for the GUI and the CLI; what the view shows is localised separately by data().
    virtual TableData tableData() const = 0;

protected:
    // An export cell for an optional value: unknown stays empty, never 0.
    template<typename T>
    static QVariant cell(const std::optional<T> &value)
    {
        return value ? QVariant::fromValue(*value) : QVariant();
    }
};

} // namespace fleetscope
