// TableView: layout, export action and its error reporting.
#include "tableview.h"

#include "exportabletablemodel.h"
#include "export/csvwriter.h"

#include <QAction>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace fleetscope {

TableView::TableView(QWidget *parent)
    : QWidget(parent)
    , m_exportName(QStringLiteral("table"))
{
    m_table = new QTableView(this);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setAccessibleName(tr("Table"));

    auto *exportAction = new QAction(tr("Export CSV…"), this);
    connect(exportAction, &QAction::triggered, this, &TableView::promptExportCsv);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addAction(exportAction);

    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::PlainText);
    m_exportButton = new QPushButton(tr("Export CSV…"), this);
    m_exportButton->setAccessibleName(tr("Export table as CSV"));
    connect(m_exportButton, &QPushButton::clicked, this, &TableView::promptExportCsv);

    auto *header = new QHBoxLayout;
    header->addWidget(m_summary, 1);
    header->addWidget(m_exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_table, 1);
    updateSummary();
}

void TableView::setModel(ExportableTableModel *model)
{
    m_model = model;
    m_table->setModel(model);
    connect(model, &QAbstractItemModel::modelReset, this, &TableView::updateSummary);
    connect(model, &QAbstractItemModel::rowsInserted, this, &TableView::updateSummary);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &TableView::updateSummary);
    updateSummary();
}

void TableView::updateSummary()
{
    const int rows = m_model ? m_model->rowCount() : 0;
    m_summary->setText(tr("%n row(s)", nullptr, rows));
    m_exportButton->setEnabled(rows > 0);
    if (m_model && rows > 0)
        m_table->resizeColumnsToContents();
}

Result<qint64> TableView::exportCsv(const QString &path)
{
    if (!m_model)
        return fail(ErrorClass::Config, tr("%1: this table has nothing to export").arg(path));
    return writeCsvFile(m_model->tableData(), path);
}

void TableView::promptExportCsv()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export CSV"), m_exportName + QStringLiteral(".csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const Result<qint64> written = exportCsv(path);
    if (!written) {
        QMessageBox::warning(this, tr("Export failed"), describe(written.error()));
        return;
    }
    m_summary->setText(tr("Exported %n row(s) to %1", nullptr, int(*written)).arg(path));
}

} // namespace fleetscope
