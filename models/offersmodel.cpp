// OffersModel: localised display cells, cheapest marking, numeric sort keys and typed export cells.
#include "offersmodel.h"

#include "providers/catalog.h"
#include "snapshotformat.h"

#include <QColor>
#include <QFont>
#include <QLocale>

namespace fleetscope {
namespace {

// Unknown values sort below every real one (all real ones here are >= 0).
QVariant sortKey(std::optional<double> value)
{
    return value ? *value : -1.0;
}

} // namespace

void OffersModel::setOffers(QList<GpuOffer> offers)
{
    beginResetModel();
    m_offers = std::move(offers);
    m_cheapest.clear();
    for (const GpuOffer &o : std::as_const(m_offers)) {
        if (!o.pricePerHour)
            continue;
        auto it = m_cheapest.find(o.gpuType);
        if (it == m_cheapest.end())
            m_cheapest.insert(o.gpuType, *o.pricePerHour);
        else
            *it = std::min(*it, *o.pricePerHour);
    }
    endResetModel();
}

int OffersModel::rowOf(const QString &provider, const QString &gpuType, const QString &tier) const
{
    for (int i = 0; i < m_offers.size(); ++i) {
        const GpuOffer &o = m_offers[i];
        if (o.provider == provider && o.gpuType == gpuType && o.tier == tier)
            return i;
    }
    return -1;
}

bool OffersModel::isCheapest(int row) const
{
    const GpuOffer &o = m_offers.at(row);
    const auto it = m_cheapest.constFind(o.gpuType);
    return o.pricePerHour && it != m_cheapest.constEnd() && *o.pricePerHour <= *it;
}

int OffersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_offers.size());
}

int OffersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OffersModel::providerText(const QString &kind)
{
    const ProviderKind *provider = findProviderKind(kind);
    return provider && !provider->displayName.isEmpty() ? provider->displayName : kind;
}

QString OffersModel::tierText(const QString &tier)
{
    if (tier == QLatin1String("secure"))
        return tr("Secure");
    if (tier == QLatin1String("community"))
        return tr("Community");
    return tier.isEmpty() ? SnapshotFormat::unknown() : tier;
}

QVariant OffersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GpuOffer &o = m_offers.at(index.row());
    const bool cheapest = isCheapest(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case GpuType: return o.gpuType;
        case Provider: return providerText(o.provider);
        case Tier: return tierText(o.tier);
        case MemoryGb:
            return o.memoryGb ? tr("%1 GB").arg(QLocale().toString(*o.memoryGb, 'g', 4)) : SnapshotFormat::unknown();
        case Price: return SnapshotFormat::moneyPerHour(o.pricePerHour);
        case SpotPrice: return SnapshotFormat::moneyPerHour(o.spotPricePerHour);
        case Available:
            return o.available ? (*o.available ? tr("Yes") : tr("No")) : SnapshotFormat::unknown();
        case Observed: return SnapshotFormat::clockTime(o.observedTs);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case MemoryGb: return sortKey(o.memoryGb);
        case Price: return sortKey(o.pricePerHour);
        case SpotPrice: return sortKey(o.spotPricePerHour);
        case Available: return o.available ? int(*o.available) : -1;
        case Observed: return o.observedTs.toMSecsSinceEpoch();
        default: return data(index, Qt::DisplayRole).toString().toLower();
        }
    case CheapestRole: return cheapest;
    case TierRole: return o.tier;
    case Qt::FontRole:
        if (cheapest && index.column() == Price) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::BackgroundRole:
        // Translucent, so it reads on light and dark palettes alike.
        if (cheapest && index.column() == Price)
            return QColor(0x3a, 0xa5, 0x5d, 0x50);
        break;
    case Qt::ToolTipRole:
        if (cheapest && index.column() == Price)
            return tr("Cheapest listed offer for %1").arg(o.gpuType);
        if (index.column() == Observed)
            return QLocale().toString(o.observedTs.toLocalTime(), QLocale::LongFormat);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == MemoryGb || index.column() == Price || index.column() == SpotPrice)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant OffersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case GpuType: return tr("GPU type");
    case Provider: return tr("Provider");
    case Tier: return tr("Tier");
    case MemoryGb: return tr("Memory");
    case Price: return tr("Price/hr");
    case SpotPrice: return tr("Spot price/hr");
    case Available: return tr("Available");
    case Observed: return tr("Observed");
    }
    return {};
}

TableData OffersModel::tableData() const
{
    // The columns of the gpu-offers export dataset, so a CSV from the table and one from the CLI line up.
    TableData table;
    table.columns = {QStringLiteral("observed_ts"), QStringLiteral("provider"), QStringLiteral("gpu_type"),
                     QStringLiteral("provider_gpu_id"), QStringLiteral("memory_gb"), QStringLiteral("tier"),
                     QStringLiteral("price_per_hour"), QStringLiteral("spot_price_per_hour"), QStringLiteral("available")};
    for (const GpuOffer &o : m_offers) {
        table.rows.append({o.observedTs.toUTC(), o.provider, o.gpuType, o.providerGpuId, cell(o.memoryGb), o.tier,
                           cell(o.pricePerHour), cell(o.spotPricePerHour), cell(o.available)});
    }
    return table;
}

void OffersFilterModel::setGpuText(const QString &text)
{
    m_gpuText = text.trimmed();
    invalidateRowsFilter();
}

void OffersFilterModel::setTier(const QString &tier)
{
    m_tier = tier;
    invalidateRowsFilter();
}

bool OffersFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex gpu = sourceModel()->index(sourceRow, OffersModel::GpuType, sourceParent);
    if (!m_tier.isEmpty() && gpu.data(OffersModel::TierRole).toString() != m_tier)
        return false;
    return m_gpuText.isEmpty() || gpu.data().toString().contains(m_gpuText, Qt::CaseInsensitive);
}

} // namespace fleetscope
