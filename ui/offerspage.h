// GPU offers: each provider's newest prices, filterable by GPU name and tier, cheapest per GPU marked, the
// selected offer's price over time, and launching it where its provider can.
#pragma once

#include "collecteddatapage.h"
#include "providers/podlaunch.h"

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace fleetscope {

class LaunchDialog;
class OffersFilterModel;
class OffersModel;
class TableView;
class TimeSeriesChart;

class OffersPage : public CollectedDataPage
{
    Q_OBJECT
public:
    explicit OffersPage(StoreService &store, QWidget *parent = nullptr);

    void reload() override;

    OffersModel *model() const { return m_model; }
    OffersFilterModel *proxy() const { return m_proxy; }
    TableView *tableView() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *tierFilter() const { return m_tier; }
    TimeSeriesChart *chart() const { return m_chart; }
    PageState *detailState() const { return m_detailState; }
    // Source row of the offer shown in the detail chart; -1 when none is selected.
    int selectedRow() const;

    // Launches REQUEST from OFFER (through the engine; the page never opens a socket) and reports on
    // RECEIVER's thread. Without a handler the Launch button stays hidden; with one it shows, enabled
    // for offers whose provider can launch while the store can be written.
    using LaunchHandler = std::function<void(const GpuOffer &offer, const LaunchRequest &request, QObject *receiver,
                                             std::function<void(Result<QString>)> done)>;
    void setLaunchHandler(LaunchHandler handler);
    QPushButton *launchButton() const { return m_launch; }
    QLabel *launchResult() const { return m_launchResult; }
    // Opens the launch dialog for the selected offer (window-modal, not blocking); nullptr when the
    // button would be disabled. Accepting it launches.
    LaunchDialog *openLaunchDialog();

private:
    void loadDetail();
    void updateLaunch();
    Result<void> launchAllowed(int row) const;

    OffersModel *m_model = nullptr;
    OffersFilterModel *m_proxy = nullptr;
    TableView *m_table = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_tier = nullptr;
    QLabel *m_detailTitle = nullptr;
    PageState *m_detailState = nullptr;
    TimeSeriesChart *m_chart = nullptr;
    QPushButton *m_launch = nullptr;
    QLabel *m_launchResult = nullptr;
    LaunchHandler m_launchHandler;
    QList<ConnectionRecord> m_connections;
    LatestRequest m_request;
    LatestRequest m_detailRequest;
};

} // namespace fleetscope
