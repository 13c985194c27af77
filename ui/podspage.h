// Pods and instances: a filterable, sortable table of the latest snapshots and the selected pod's GPU util over time.
#pragma once

#include "collecteddatapage.h"
#include "providers/podaction.h"
#include "snapshots.h"

#include <functional>

class QLabel;
class QPushButton;
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

    // Carries out a confirmed action (through the engine; the page never opens a socket) and
    // reports on RECEIVER's thread. Without a handler the action buttons stay hidden; with one they
    // show for instances whose provider has a lifecycle, enabled for the actions it offers.
    using ActionHandler = std::function<void(const InstanceSnapshot &pod, PodAction action, QObject *receiver,
                                             std::function<void(Result<QString>)> done)>;
    void setActionHandler(ActionHandler handler);
    QPushButton *actionButton(PodAction action) const;
    QLabel *actionResult() const { return m_actionResult; }

    PodsModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    TableView *tableView() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    TimeSeriesChart *chart() const { return m_chart; }
    PageState *detailState() const { return m_detailState; }
    QString selectedInstanceId() const;
    // Makes INSTANCE_ID the current pod, now or, while the page still reads, once it is listed.
    void selectInstance(const QString &instanceId);

private:
    void loadDetail();
    void updateActions();
    void requestAction(PodAction action);
    bool confirm(const InstanceSnapshot &pod, PodAction action);

    PodsModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    TableView *m_table = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_detailTitle = nullptr;
    PageState *m_detailState = nullptr;
    TimeSeriesChart *m_chart = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_reboot = nullptr;
    QPushButton *m_terminate = nullptr;
    QLabel *m_actionResult = nullptr;
    ActionHandler m_actionHandler;
    QString m_pendingSelection;
    LatestRequest m_request;
    LatestRequest m_detailRequest;
};

} // namespace fleetscope
