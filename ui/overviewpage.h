// The landing page across every connection and provider: headline figures, one line per connection,
// GPUs by type next to the cheapest offer, and the fleet's burn rate (or GPU util) over the time range.
#pragma once

#include "page.h"

class QLabel;

namespace fleetscope {

struct ConnectionFigures;
class FigureCard;
class FleetConnectionsModel;
class GpuTypesModel;
class StaleBanner;
class TableView;
class TimeSeriesChart;

class OverviewPage : public Page
{
    Q_OBJECT
public:
    // Where a connection's row leads: its pods, or its settings when there is something to fix there.
    enum class Destination { Pods, Providers };
    Q_ENUM(Destination)

    OverviewPage(StoreService &store, QWidget *parent = nullptr);

    void reload() override;

    static Destination destinationOf(const ConnectionFigures &connection);

    FigureCard *runningCard() const { return m_running; }
    FigureCard *gpusCard() const { return m_gpus; }
    FigureCard *burnCard() const { return m_burn; }
    FigureCard *balanceCard() const { return m_balance; }
    FigureCard *utilCard() const { return m_util; }
    FigureCard *idleCard() const { return m_idle; }
    FleetConnectionsModel *connectionsModel() const { return m_connections; }
    TableView *connectionsView() const { return m_connectionsView; }
    GpuTypesModel *gpuTypesModel() const { return m_gpuTypes; }
    TableView *gpuTypesView() const { return m_gpuTypesView; }
    PageState *gpuTypesState() const { return m_gpuTypesState; }
    TimeSeriesChart *chart() const { return m_chart; }
    PageState *chartState() const { return m_chartState; }
    StaleBanner *staleBanner() const { return m_staleBanner; }

Q_SIGNALS:
    // The user activated a connection's row (double-click or Enter).
    void connectionActivated(qint64 connectionId, fleetscope::OverviewPage::Destination destination);

private:
    struct OverviewData;
    void showData(const OverviewData &data);
    void showChart(const OverviewData &data);
    void activateRow(const QModelIndex &index);

    StaleBanner *m_staleBanner = nullptr;
    FigureCard *m_running = nullptr;
    FigureCard *m_gpus = nullptr;
    FigureCard *m_burn = nullptr;
    FigureCard *m_balance = nullptr;
    FigureCard *m_util = nullptr;
    FigureCard *m_idle = nullptr;
    FleetConnectionsModel *m_connections = nullptr;
    TableView *m_connectionsView = nullptr;
    GpuTypesModel *m_gpuTypes = nullptr;
    TableView *m_gpuTypesView = nullptr;
    PageState *m_gpuTypesState = nullptr;
    PageState *m_chartState = nullptr;
    TimeSeriesChart *m_chart = nullptr;
    LatestRequest m_request;
};

} // namespace fleetscope
