// The configured provider accounts and how their last sync went, as an exportable table.
#pragma once

#include "page.h"

namespace fleetscope {

class ConnectionsModel;
class TableView;

class ProvidersPage : public Page
{
    Q_OBJECT
public:
    ProvidersPage(StoreService &store, QWidget *parent = nullptr);

    void reload() override;

    ConnectionsModel *model() const { return m_model; }
    TableView *tableView() const { return m_table; }

private:
    ConnectionsModel *m_model = nullptr;
    TableView *m_table = nullptr;
    LatestRequest m_request;
};

} // namespace fleetscope
