// GPU offers: each provider's newest prices, filterable by GPU name and tier, cheapest per GPU marked, and the selected offer's price over time.
#pragma once

#include "collecteddatapage.h"

class QComboBox;
class QLabel;
class QLineEdit;

namespace fleetscope {

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

private:
    void loadDetail();

    OffersModel *m_model = nullptr;
    OffersFilterModel *m_proxy = nullptr;
    TableView *m_table = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_tier = nullptr;
    QLabel *m_detailTitle = nullptr;
    PageState *m_detailState = nullptr;
    TimeSeriesChart *m_chart = nullptr;
    LatestRequest m_request;
    LatestRequest m_detailRequest;
};

} // namespace fleetscope
