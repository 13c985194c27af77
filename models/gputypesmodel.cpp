// GpuTypesModel: localised display cells, a saving worth a look marked, typed export cells.
#include "gputypesmodel.h"

#include "offersmodel.h"
#include "snapshotformat.h"

#include <QColor>
#include <QLocale>

namespace fleetscope {
namespace {

QVariant sortKey(std::optional<double> value)
{
    return value ? *value : -1.0;
}

} // namespace

void GpuTypesModel::setGpuTypes(QList<GpuTypeFigures> types)
{
    beginResetModel();
    m_rows = std::move(types);
    endResetModel();
}

int GpuTypesModel::rowOf(const QString &gpuType, const QString &provider) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].gpuType == gpuType && m_rows[i].provider == provider)
            return i;
    }
    return -1;
}

int GpuTypesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int GpuTypesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GpuTypesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GpuTypeFigures &f = m_rows.at(index.row());
    // Marked when the cheapest offer is at least a tenth below what these GPUs cost: worth a look, not noise.
    const bool saving = f.savingPerHour && f.paidPerGpuHour && f.cheapestPerGpuHour
        && *f.cheapestPerGpuHour <= *f.paidPerGpuHour * 0.9;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case GpuType: return f.gpuType.isEmpty() ? tr("Unknown GPU") : f.gpuType;
        case Provider: return OffersModel::providerText(f.provider);
        case Gpus:
            // Instances that do not say how many GPUs they have still ran: say how many such there are.
            return f.gpus > 0 ? QLocale().toString(f.gpus) : tr("%n instance(s)", nullptr, int(f.instances));
        case Paying: return SnapshotFormat::money(f.paidPerGpuHour);   // per GPU-hour, as the page says above the table
        case Cheapest: return SnapshotFormat::money(f.cheapestPerGpuHour);
        case CheapestAt:
            if (!f.cheapestPerGpuHour)
                return tr("no current offer");
            return f.cheapestTier.isEmpty() ? OffersModel::providerText(f.cheapestProvider)
                                            : tr("%1 %2").arg(OffersModel::providerText(f.cheapestProvider),
                                                              OffersModel::tierText(f.cheapestTier));
        case Saving: return SnapshotFormat::moneyPerHour(f.savingPerHour);   // all of the row's GPUs together
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Gpus: return double(f.gpus);
        case Paying: return sortKey(f.paidPerGpuHour);
        case Cheapest: return sortKey(f.cheapestPerGpuHour);
        case Saving: return sortKey(f.savingPerHour);
        default: return data(index, Qt::DisplayRole).toString().toLower();
        }
    case Qt::BackgroundRole:
        // Translucent, so it reads on light and dark palettes alike.
        if (saving && index.column() == Saving)
            return QColor(0xe0, 0x9b, 0x1a, 0x50);
        break;
    case Qt::ToolTipRole:
        if (saving && index.column() == Saving)
            return tr("Moving these %n GPU(s) to the cheapest offer would save this much per hour", nullptr, int(f.gpus));
        if (index.column() == Cheapest && f.cheapestPerGpuHour)
            return tr("Per GPU-hour: the lowest current offer for %1 from any provider, among those not marked unavailable").arg(f.gpuType);
        if (index.column() == Paying && f.costPerHour)
            return tr("Per GPU-hour: %1 for %n instance(s)", nullptr, int(f.instances)).arg(SnapshotFormat::moneyPerHour(f.costPerHour));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Gpus || index.column() == Paying || index.column() == Cheapest || index.column() == Saving)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant GpuTypesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case GpuType: return tr("GPU type");
    case Provider: return tr("Provider");
    case Gpus: return tr("GPUs");
    case Paying: return tr("Paying");
    case Cheapest: return tr("Cheapest");
    case Saving: return tr("Saving");
    case CheapestAt: return tr("Cheapest at");
    }
    return {};
}

TableData GpuTypesModel::tableData() const
{
    TableData table;
    table.columns = {QStringLiteral("gpu_type"), QStringLiteral("provider"), QStringLiteral("gpus_running"),
                     QStringLiteral("instances_running"), QStringLiteral("cost_per_hour"), QStringLiteral("paid_per_gpu_hour"),
                     QStringLiteral("cheapest_per_gpu_hour"), QStringLiteral("cheapest_provider"), QStringLiteral("cheapest_tier"),
                     QStringLiteral("saving_per_hour")};
    for (const GpuTypeFigures &f : m_rows) {
        table.rows.append({f.gpuType, f.provider, f.gpus, f.instances, cell(f.costPerHour), cell(f.paidPerGpuHour),
                           cell(f.cheapestPerGpuHour), f.cheapestProvider, f.cheapestTier, cell(f.savingPerHour)});
    }
    return table;
}

} // namespace fleetscope
