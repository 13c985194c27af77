// A table over any ExportableTableModel with a row count and "Export CSV…" through the shared CSV writer.
#pragma once

#include "error.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace fleetscope {

class ExportableTableModel;

class TableView : public QWidget
{
    Q_OBJECT
public:
    explicit TableView(QWidget *parent = nullptr);

    void setModel(ExportableTableModel *model);
    // File name the export dialog proposes, without suffix: "connections".
    void setExportName(const QString &name) { m_exportName = name; }
    QTableView *table() const { return m_table; }

    // Writes the model's tableData() to PATH; returns rows written.
    Result<qint64> exportCsv(const QString &path);

public Q_SLOTS:
    void promptExportCsv();

private:
    void updateSummary();

    ExportableTableModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_exportButton = nullptr;
    QString m_exportName;
};

} // namespace fleetscope
