// Schema review models: editable fields, the live extraction preview, and the confirm write.
#include "schemareview.h"

#include "workflows/metricdirection.h"

#include <QLocale>

namespace fleetscope {
namespace {

constexpr qsizetype kSampleTextBytes = 64 * 1024;

QString directionText(MetricDirection direction)
{
    return directionName(direction);
}

} // namespace

// ---- SchemaFieldsModel -----------------------------------------------------------------------

SchemaFieldsModel::SchemaFieldsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SchemaFieldsModel::setFields(const QList<SchemaField> &fields)
{
    beginResetModel();
    m_fields = fields;
    endResetModel();
}

void SchemaFieldsModel::appendField(const SchemaField &field)
{
    beginInsertRows({}, int(m_fields.size()), int(m_fields.size()));
    m_fields << field;
    endInsertRows();
}

void SchemaFieldsModel::removeField(int row)
{
    if (row < 0 || row >= m_fields.size())
        return;
    beginRemoveRows({}, row, row);
    m_fields.removeAt(row);
    endRemoveRows();
}

int SchemaFieldsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_fields.size());
}

int SchemaFieldsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SchemaFieldsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_fields.size() || (role != Qt::DisplayRole && role != Qt::EditRole))
        return {};
    const SchemaField &f = m_fields.at(index.row());
    const bool metric = f.role == SchemaFieldRole::Metric;
    switch (index.column()) {
    case RoleColumn:
        return roleName(f.role);
    case NameColumn:
        return f.name;
    case PathColumn:
        return f.path;
    case UnitColumn:
        return metric ? f.unit : QString();
    case DirectionColumn:
        return metric ? directionText(f.direction) : QString();
    default:
        return {};
    }
}

QVariant SchemaFieldsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RoleColumn:
        return tr("Role");
    case NameColumn:
        return tr("Name");
    case PathColumn:
        return tr("JSON path");
    case UnitColumn:
        return tr("Unit");
    case DirectionColumn:
        return tr("Better");
    default:
        return {};
    }
}

Qt::ItemFlags SchemaFieldsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const bool metric = m_fields.at(index.row()).role == SchemaFieldRole::Metric;
    if (metric || (index.column() != UnitColumn && index.column() != DirectionColumn))
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool SchemaFieldsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.row() >= m_fields.size())
        return false;
    SchemaField &f = m_fields[index.row()];
    const QString text = value.toString().trimmed();
    switch (index.column()) {
    case RoleColumn:
        if (text != QLatin1String("dimension") && text != QLatin1String("metric"))
            return false;
        f.role = text == QLatin1String("metric") ? SchemaFieldRole::Metric : SchemaFieldRole::Dimension;
        if (f.role == SchemaFieldRole::Metric) {
            f.unit = unitFromName(f.name);
            f.direction = inferDirection(f.name, f.unit);
        } else {
            f.unit.clear();
            f.direction = MetricDirection::Neutral;
        }
        Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
        return true;
    case NameColumn:
        f.name = text;
        break;
    case PathColumn:
        f.path = text;
        break;
    case UnitColumn:
        f.unit = text;
        break;
    case DirectionColumn:
        if (text != QLatin1String("lower") && text != QLatin1String("higher") && text != QLatin1String("neutral"))
            return false;
        f.direction = directionFromName(text);
        break;
    default:
        return false;
    }
    Q_EMIT dataChanged(index, index);
    return true;
}

// ---- ExtractionPreviewModel ------------------------------------------------------------------

ExtractionPreviewModel::ExtractionPreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ExtractionPreviewModel::setExtraction(const QList<SchemaField> &fields, const QList<MetricRecord> &records)
{
    beginResetModel();
    m_columns.clear();
    for (const SchemaField &f : fields) {
        if (f.role == SchemaFieldRole::Dimension)
            m_columns << f;
    }
    for (const SchemaField &f : fields) {
        if (f.role == SchemaFieldRole::Metric)
            m_columns << f;
    }
    m_records = records;
    endResetModel();
}

int ExtractionPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int ExtractionPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant ExtractionPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_records.size() || index.column() >= m_columns.size())
        return {};
    const SchemaField &column = m_columns.at(index.column());
    const MetricRecord &record = m_records.at(index.row());
    if (column.role == SchemaFieldRole::Dimension) {
        if (role != Qt::DisplayRole)
            return {};
        const QJsonValue value = record.dimensions.value(column.name);
        return value.isDouble() ? QLocale().toString(value.toDouble(), 'g', QLocale::FloatingPointShortest) : value.toString();
    }
    for (const MetricValue &metric : record.metrics) {
        if (metric.name != column.name)
            continue;
        if (role == Qt::DisplayRole)
            return QLocale().toString(metric.value, 'g', QLocale::FloatingPointShortest);
        if (role == Qt::UserRole)
            return metric.value;
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant ExtractionPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section >= m_columns.size())
        return {};
    const SchemaField &column = m_columns.at(section);
    return column.unit.isEmpty() || column.role == SchemaFieldRole::Dimension ? column.name : QStringLiteral("%1 (%2)").arg(column.name, column.unit);
}

// ---- SchemaReview ----------------------------------------------------------------------------

SchemaReview::SchemaReview(const WorkflowConfig &config, const SchemaProposal &proposal, const ResultFile &sample, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_proposal(proposal)
    , m_sample(sample)
{
    if (Result<QJsonDocument> document = parseSample(sample))
        m_document = *document;
    else
        m_problem = document.error().message;
    m_fields.setFields(proposal.schema.fields);
    connect(&m_fields, &QAbstractItemModel::dataChanged, this, &SchemaReview::updatePreview);
    connect(&m_fields, &QAbstractItemModel::rowsInserted, this, &SchemaReview::updatePreview);
    connect(&m_fields, &QAbstractItemModel::rowsRemoved, this, &SchemaReview::updatePreview);
    connect(&m_fields, &QAbstractItemModel::modelReset, this, &SchemaReview::updatePreview);
    updatePreview();
}

QString SchemaReview::sampleText() const
{
    QString text = QString::fromUtf8(m_sample.content.left(kSampleTextBytes));
    if (m_sample.content.size() > kSampleTextBytes)
        text += QStringLiteral("\n…");
    return text;
}

MetricSchema SchemaReview::confirmedSchema() const
{
    MetricSchema schema = m_proposal.schema;
    schema.configId = m_config.id;
    schema.configName = m_config.name;
    schema.fields = m_fields.fields();
    if (isEdited())
        schema.source = QStringLiteral("user");
    return schema;
}

std::optional<WriteBatch> SchemaReview::confirmBatch() const
{
    if (!m_problem.isEmpty())
        return std::nullopt;
    WriteBatch batch;
    batch.source = QStringLiteral("schema for %1").arg(m_config.name);
    batch.workflowSchemas << confirmedSchema();
    return batch;
}

void SchemaReview::updatePreview()
{
    if (!m_document) {
        m_preview.setExtraction({}, {});
        Q_EMIT previewUpdated();
        return;
    }
    const QList<SchemaField> &fields = m_fields.fields();
    const QString source = QStringLiteral("the fields");
    Result<void> valid = validateSchemaAgainst(fields, *m_document, source);
    m_problem = valid ? QString() : valid.error().message.mid(source.size() + 2);
    MetricSchema schema = m_proposal.schema;
    schema.fields = fields;
    // Paths that do not parse leave nothing to preview; the problem says why.
    FileExtraction extraction = validateSchemaFields(fields, source) ? extractWithSchema(schema, *m_document, m_sample.path) : FileExtraction{};
    m_recordCount = extraction.records.size();
    if (extraction.records.size() > kPreviewRecords)
        extraction.records.resize(kPreviewRecords);
    m_preview.setExtraction(fields, extraction.records);
    Q_EMIT previewUpdated();
}

} // namespace fleetscope
