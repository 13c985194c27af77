// GPU offers from each provider's newest catalog as a table, with the cheapest offer of each GPU type marked.
#pragma once

#include "exportabletablemodel.h"
#include "snapshots.h"

#include <QHash>
#include <QSortFilterProxyModel>

namespace fleetscope {

class OffersModel : public ExportableTableModel
{
    Q_OBJECT
public:
    enum Column { GpuType, Provider, Tier, MemoryGb, Price, SpotPrice, Available, Observed, ColumnCount };
    // SortRole: numbers for numeric columns, unknown sorted below every known value.
    // CheapestRole: true on the row with the lowest price of its GPU type (ties: all of them).
    enum Role { SortRole = Qt::UserRole + 1, CheapestRole, TierRole };

    using ExportableTableModel::ExportableTableModel;

    void setOffers(QList<GpuOffer> offers);
    const GpuOffer &offer(int row) const { return m_offers.at(row); }
    int rowOf(const QString &provider, const QString &gpuType, const QString &tier) const;   // -1 when not listed
    bool isCheapest(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    TableData tableData() const override;

    static QString providerText(const QString &kind);   // "RunPod"; the kind itself when it has no descriptor
    static QString tierText(const QString &tier);       // "Secure", "Community"; others as stored

private:
    QList<GpuOffer> m_offers;
    QHash<QString, double> m_cheapest;   // GPU type -> lowest known price per hour
};

// What the Offers page shows of the model: GPU types whose name contains a text, in one tier or all.
class OffersFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setGpuText(const QString &text);
    void setTier(const QString &tier);   // empty: every tier
    QString tier() const { return m_tier; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_gpuText;
    QString m_tier;
};

} // namespace fleetscope
