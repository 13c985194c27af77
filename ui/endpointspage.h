// Serverless endpoints: workers, queue and a health badge per endpoint; queue depth and running workers over time.
#pragma once

#include "collecteddatapage.h"
#include "endpointtestdialog.h"

class QLabel;
class QPushButton;
class QSortFilterProxyModel;

namespace fleetscope {

class EndpointsModel;
class TableView;
class TimeSeriesChart;

class EndpointsPage : public CollectedDataPage
{
    Q_OBJECT
public:
    explicit EndpointsPage(StoreService &store, QWidget *parent = nullptr);

    void reload() override;

    EndpointsModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    TableView *tableView() const { return m_table; }
    TimeSeriesChart *queueChart() const { return m_queueChart; }
    TimeSeriesChart *workersChart() const { return m_workersChart; }
    PageState *chartsState() const { return m_chartsState; }
    QString selectedEndpointId() const;

    // How "Test…" reaches the endpoint (main wires it to the engine); without one the button
    // stays disabled and says why.
    void setJobHandler(EndpointJobHandler handler);
    QPushButton *testButton() const { return m_testButton; }
    // Opens the test dialog for the selected endpoint; null when the button is disabled.
    EndpointTestDialog *openTestDialog();

    // The queue now is compared with the queue this long ago to tell a growing one.
    static constexpr int kQueueTrendSeconds = 10 * 60;

private:
    void loadCharts();
    void updateTestButton();

    EndpointsModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    TableView *m_table = nullptr;
    QLabel *m_chartsTitle = nullptr;
    PageState *m_chartsState = nullptr;
    TimeSeriesChart *m_queueChart = nullptr;
    TimeSeriesChart *m_workersChart = nullptr;
    QPushButton *m_testButton = nullptr;
    EndpointJobHandler m_jobHandler;
    LatestRequest m_request;
    LatestRequest m_chartsRequest;
};

} // namespace fleetscope
