// SchemaReviewDialog: role and direction picked from lists, everything else typed; the preview follows.
#include "schemadialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace fleetscope {
namespace {

// A combo box of fixed choices for one column.
class ChoiceDelegate : public QStyledItemDelegate
{
public:
    ChoiceDelegate(QStringList choices, QObject *parent) : QStyledItemDelegate(parent), m_choices(std::move(choices)) {}

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        auto *box = new QComboBox(parent);
        box->addItems(m_choices);
        return box;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        auto *box = static_cast<QComboBox *>(editor);
        box->setCurrentIndex(std::max(0, int(m_choices.indexOf(index.data(Qt::EditRole).toString()))));
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        model->setData(index, static_cast<QComboBox *>(editor)->currentText(), Qt::EditRole);
    }

private:
    QStringList m_choices;
};

} // namespace

SchemaReviewDialog::SchemaReviewDialog(const WorkflowConfig &config, const SchemaProposal &proposal, const ResultFile &sample, QWidget *parent)
    : QDialog(parent)
    , m_review(config, proposal, sample)
{
    setWindowTitle(tr("Review schema for %1").arg(config.name));
    resize(980, 680);

    auto *intro = new QLabel(tr("Proposed (%1) from %2. Check each field: dimensions group results, metrics are the "
                                "measured numbers. Confirm stores it as the configuration's next schema version; later "
                                "imports and fetches read JSON files no built-in recognizer knows with it.")
                                 .arg(proposal.schema.source, sample.path),
                             this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    auto *notes = new QLabel(m_review.notes().join(QLatin1Char('\n')), this);
    notes->setWordWrap(true);
    notes->setTextFormat(Qt::PlainText);
    notes->setVisible(!m_review.notes().isEmpty());

    m_fieldsView = new QTableView(this);
    m_fieldsView->setModel(m_review.fields());
    m_fieldsView->setAccessibleName(tr("Schema fields"));
    m_fieldsView->setItemDelegateForColumn(SchemaFieldsModel::RoleColumn, new ChoiceDelegate({QStringLiteral("dimension"), QStringLiteral("metric")}, this));
    m_fieldsView->setItemDelegateForColumn(SchemaFieldsModel::DirectionColumn,
                                           new ChoiceDelegate({QStringLiteral("lower"), QStringLiteral("higher"), QStringLiteral("neutral")}, this));
    m_fieldsView->horizontalHeader()->setSectionResizeMode(SchemaFieldsModel::PathColumn, QHeaderView::Stretch);
    m_fieldsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto *add = new QPushButton(tr("Add field"), this);
    auto *remove = new QPushButton(tr("Remove field"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        m_review.fields()->appendField(SchemaField{SchemaFieldRole::Metric, tr("new_metric"), QStringLiteral("$."), {}, MetricDirection::Neutral});
        m_fieldsView->edit(m_review.fields()->index(m_review.fields()->rowCount() - 1, SchemaFieldsModel::PathColumn));
    });
    connect(remove, &QPushButton::clicked, this, [this] { m_review.fields()->removeField(m_fieldsView->currentIndex().row()); });
    auto *fieldButtons = new QHBoxLayout;
    fieldButtons->addWidget(add);
    fieldButtons->addWidget(remove);
    fieldButtons->addStretch(1);

    m_sampleView = new QPlainTextEdit(m_review.sampleText(), this);
    m_sampleView->setReadOnly(true);
    m_sampleView->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_sampleView->setAccessibleName(tr("Sample file"));
    m_previewView = new QTableView(this);
    m_previewView->setModel(m_review.preview());
    m_previewView->setAccessibleName(tr("Extracted rows"));
    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_sampleView);
    bottom->addWidget(m_previewView);
    bottom->setSizes({360, 600});

    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_confirm = buttons->addButton(tr("Confirm"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *fieldsPane = new QWidget(this);
    auto *fieldsLayout = new QVBoxLayout(fieldsPane);
    fieldsLayout->setContentsMargins(0, 0, 0, 0);
    fieldsLayout->addWidget(m_fieldsView, 1);
    fieldsLayout->addLayout(fieldButtons);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(fieldsPane);
    split->addWidget(bottom);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(notes);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(&m_review, &SchemaReview::previewUpdated, this, &SchemaReviewDialog::updateStatus);
    updateStatus();
}

void SchemaReviewDialog::updateStatus()
{
    const bool ok = m_review.problem().isEmpty();
    m_status->setText(ok ? tr("%n row(s) extracted from the sample.", nullptr, int(m_review.previewCount())) : m_review.problem());
    m_status->setStyleSheet(ok ? QString() : QStringLiteral("color: #c62828;"));
    m_confirm->setEnabled(ok);
    m_previewView->resizeColumnsToContents();
}

} // namespace fleetscope
