// The fleet timeline: what happened in the global time range (pods, alerts, failures, prices,
// guardrail and user actions), filtered by connection and kind, each row opening its resource's page.
#pragma once

#include "alertdestination.h"
#include "page.h"

class QComboBox;

namespace fleetscope {

class TableView;
class TimelineModel;

class TimelinePage : public Page
{
    Q_OBJECT
public:
    explicit TimelinePage(StoreService &store, QWidget *parent = nullptr);

    void reload() override;

    TimelineModel *model() const { return m_model; }
    TableView *tableView() const { return m_table; }
    QComboBox *connectionCombo() const { return m_connection; }
    QComboBox *kindCombo() const { return m_kind; }

Q_SIGNALS:
    void resourceRequested(fleetscope::AlertDestination destination, qint64 connectionId, const QString &resource);

private:
    void fillConnections();
    void showState(bool anyConnection);

    TimelineModel *m_model = nullptr;
    TableView *m_table = nullptr;
    QComboBox *m_connection = nullptr;
    QComboBox *m_kind = nullptr;
    bool m_anyConnection = false;
    LatestRequest m_request;
};

} // namespace fleetscope
