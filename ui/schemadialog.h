// Reviewing a proposed metric schema: fields in an editable table, the sample, and the rows they
// extract, updated as the fields change. Confirm hands back the write; Cancel stores nothing.
#pragma once

#include "schemareview.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace fleetscope {

class SchemaReviewDialog : public QDialog
{
    Q_OBJECT
public:
    SchemaReviewDialog(const WorkflowConfig &config, const SchemaProposal &proposal, const ResultFile &sample, QWidget *parent = nullptr);

    SchemaReview *review() { return &m_review; }
    QTableView *fieldsView() const { return m_fieldsView; }
    QTableView *previewView() const { return m_previewView; }
    QLabel *status() const { return m_status; }
    QPushButton *confirmButton() const { return m_confirm; }

private:
    void updateStatus();

    SchemaReview m_review;
    QTableView *m_fieldsView = nullptr;
    QTableView *m_previewView = nullptr;
    QPlainTextEdit *m_sampleView = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_confirm = nullptr;
};

} // namespace fleetscope
