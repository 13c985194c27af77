// Pods and instances: a filterable, sortable table of the latest snapshots and the selected pod's GPU util over time.
#pragma once

#include "collecteddatapage.h"

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;

namespace fleetscope {

class PodsModel;
class TableView;
class TimeSeriesChart;

class PodsPage : public CollectedDataPage
{
    Q_OBJECT
public:
    explicit PodsPage(StoreService &store, QWidget *parent = nullptr);

    void reload() override;

    PodsModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    TableView *tableView() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    TimeSeriesChart *chart() const { return m_chart; }
    PageState *detailState() const { return m_detailState; }
    QString selectedInstanceId() const;

private:
    void loadDetail();

    PodsModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    TableView *m_table = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_detailTitle = nullptr;
    PageState *m_detailState = nullptr;
    TimeSeriesChart *m_chart = nullptr;
    LatestRequest m_request;
    LatestRequest m_detailRequest;
};

} // namespace fleetscope
