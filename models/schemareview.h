// Reviewing a proposed metric schema before it is stored: the fields as an editable table, and the
// rows the fields extract from the sample as a second table that follows every edit.
#pragma once

#include "domain.h"
#include "workflows/schemaproposal.h"

#include <QAbstractTableModel>
#include <QJsonDocument>

namespace fleetscope {

// The proposal's fields, one per row: role, name, path, unit, direction; all editable, role and
// direction as their names ("dimension"/"metric", "lower"/"higher"/"neutral").
class SchemaFieldsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { RoleColumn, NameColumn, PathColumn, UnitColumn, DirectionColumn, ColumnCount };

    explicit SchemaFieldsModel(QObject *parent = nullptr);

    void setFields(const QList<SchemaField> &fields);
    const QList<SchemaField> &fields() const { return m_fields; }
    void appendField(const SchemaField &field);
    void removeField(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

private:
    QList<SchemaField> m_fields;
};

// Extracted rows: one column per dimension, then one per metric (with its unit), in field order.
class ExtractionPreviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit ExtractionPreviewModel(QObject *parent = nullptr);

    void setExtraction(const QList<SchemaField> &fields, const QList<MetricRecord> &records);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<SchemaField> m_columns;
    QList<MetricRecord> m_records;
};

// One review: the proposal, the sample, the two models, and the schema Confirm stores.
class SchemaReview : public QObject
{
    Q_OBJECT
public:
    // At most this many records are previewed.
    static constexpr qsizetype kPreviewRecords = 200;

    SchemaReview(const WorkflowConfig &config, const SchemaProposal &proposal, const ResultFile &sample, QObject *parent = nullptr);

    SchemaFieldsModel *fields() { return &m_fields; }
    ExtractionPreviewModel *preview() { return &m_preview; }
    const ResultFile &sample() const { return m_sample; }
    const QStringList &notes() const { return m_proposal.notes; }
    // The first bytes of the sample, as text, for display.
    QString sampleText() const;

    // Why the fields cannot be confirmed as they are (one line), or empty when they can.
    const QString &problem() const { return m_problem; }
    qsizetype previewCount() const { return m_recordCount; }
    // Whether the user changed anything the proposal said.
    bool isEdited() const { return m_fields.fields() != m_proposal.schema.fields; }

    // The schema to store: the fields as edited, source "user" once edited, else the proposal's.
    MetricSchema confirmedSchema() const;
    // The write that stores it as the configuration's next version; nullopt while problem() is set.
    std::optional<WriteBatch> confirmBatch() const;

Q_SIGNALS:
    void previewUpdated();

private:
    void updatePreview();

    WorkflowConfig m_config;
    SchemaProposal m_proposal;
    ResultFile m_sample;
    std::optional<QJsonDocument> m_document;
    SchemaFieldsModel m_fields;
    ExtractionPreviewModel m_preview;
    QString m_problem;
    qsizetype m_recordCount = 0;
};

} // namespace fleetscope
