// Base for table models whose rows can leave the app: the view shows them, CSV export writes tableData().
#pragma once

#include "domain.h"

#include <QAbstractTableModel>

namespace fleetscope {

class ExportableTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    // Typed cells, timestamps as UTC QDateTime, so the one CSV writer formats them the same
    // way for the GUI and the CLI; what the view shows is localised separately by data().
    virtual TableData tableData() const = 0;
};

} // namespace fleetscope
