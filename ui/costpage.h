// Spend: balance, burn rate, spend limit, days of balance left, idle cost, burn over time, budgets and cost per pod.
#pragma once

#include "collecteddatapage.h"

class QSortFilterProxyModel;

namespace fleetscope {

class BudgetsPanel;
class FigureCard;
class PodsModel;
class TableView;
class TimeSeriesChart;

class CostPage : public CollectedDataPage
{
    Q_OBJECT
public:
    explicit CostPage(StoreService &store, QWidget *parent = nullptr);

    void reload() override;

    FigureCard *balanceCard() const { return m_balance; }
    FigureCard *burnCard() const { return m_burn; }
    FigureCard *spendLimitCard() const { return m_spendLimit; }
    FigureCard *daysLeftCard() const { return m_daysLeft; }
    FigureCard *idleCard() const { return m_idle; }
    TimeSeriesChart *chart() const { return m_chart; }
    PageState *chartState() const { return m_chartState; }
    PodsModel *podCostModel() const { return m_podCosts; }
    TableView *tableView() const { return m_table; }
    BudgetsPanel *budgetsPanel() const { return m_budgets; }

    // Pods under this GPU util over the last hour count as idle.
    static constexpr double kIdleUtilPercent = 10.0;

private:
    struct CostData;
    void showData(const CostData &data);

    FigureCard *m_balance = nullptr;
    FigureCard *m_burn = nullptr;
    FigureCard *m_spendLimit = nullptr;
    FigureCard *m_daysLeft = nullptr;
    FigureCard *m_idle = nullptr;
    PageState *m_chartState = nullptr;
    TimeSeriesChart *m_chart = nullptr;
    PodsModel *m_podCosts = nullptr;
    QSortFilterProxyModel *m_podCostsSorted = nullptr;
    TableView *m_table = nullptr;
    BudgetsPanel *m_budgets = nullptr;
    LatestRequest m_request;
};

} // namespace fleetscope
