// ProvidersPage: the connections table, read from the store.
#include "providerspage.h"

#include "connectionsmodel.h"
#include "tableview.h"

#include <QTableView>

namespace fleetscope {

ProvidersPage::ProvidersPage(StoreService &store, QWidget *parent)
    : Page(tr("Providers"), store, parent)
{
    m_model = new ConnectionsModel(this);
    m_table = new TableView(this);
    m_table->setModel(m_model);
    m_table->setExportName(QStringLiteral("connections"));
    m_table->table()->setAccessibleName(tr("Provider connections"));
    pageState()->setContent(m_table);
}

void ProvidersPage::reload()
{
    pageState()->showLoading();
    readLatest<QList<ConnectionRecord>>(m_request, [](Store &store) { return store.connections(); },
                                        [this](Result<QList<ConnectionRecord>> connections) {
        if (!connections) {
            pageState()->showError(connections.error());
            return;
        }
        m_model->setConnections(*std::move(connections));
        if (m_model->rowCount() == 0) {
            pageState()->showEmpty(tr("No providers yet. Each provider account you add is listed here with its "
                                      "cadence, last sync and last error."));
            return;
        }
        pageState()->showContent();
    });
}

} // namespace fleetscope
