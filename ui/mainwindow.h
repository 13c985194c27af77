// The application window: sidebar of pages, global time range, per-connection sync status, menus.
#pragma once

#include "endpointtestdialog.h"
#include "podspage.h"
#include "storeread.h"
#include "timerange.h"

#include <QMainWindow>
#include <QTimer>

class QListWidget;
class QSettings;
class QStackedWidget;

namespace fleetscope {

class EndpointsPage;
class ConnectionController;
class Page;
class ProvidersPage;
class SyncStatusBar;
class TimeRangePicker;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // SETTINGS keeps geometry, page and time range; DATA_DIR is shown in the About box. Reads
    // nothing yet, so it can show (pages say "Loading…") while the store opens; call refresh()
    // once start() succeeded.
    MainWindow(StoreService &store, QSettings &settings, const QString &dataDir, QWidget *parent = nullptr);

    const QList<Page *> &pages() const { return m_pages; }
    Page *currentPage() const;
    TimeRangePicker *timeRangePicker() const { return m_picker; }
    // Its showConnections() slot takes live connection states (from the engine, later).
    SyncStatusBar *syncStatusBar() const { return m_syncStatus; }

    // How the Pods page carries out stop/resume/terminate (main wires it to the engine).
    void setPodActionHandler(PodsPage::ActionHandler handler);
    // How the Endpoints page's "Test…" dialog runs and cancels jobs (main wires it to the engine).
    void setEndpointJobHandler(EndpointJobHandler handler);
    // Connection management on the Providers page (main wires it to the engine and keychain).
    void setConnectionController(ConnectionController *controller);
    ProvidersPage *providersPage() const { return m_providersPage; }

public Q_SLOTS:
    void showPage(int index);
    void showAbout();
    // Re-reads everything shown: pages, and the sync status from the connections table.
    void refresh();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void addPage(Page *page, const QString &iconName);
    void buildMenus();
    void applyTimeRange(const TimeRange &range);
    void reloadStatus();
    void restoreSettings();
    void saveSettings() const;

    StoreService &m_store;
    QSettings &m_settings;
    QString m_dataDir;
    QListWidget *m_sidebar = nullptr;
    ProvidersPage *m_providersPage = nullptr;
    QStackedWidget *m_stack = nullptr;
    QList<Page *> m_pages;
    PodsPage *m_podsPage = nullptr;
    EndpointsPage *m_endpointsPage = nullptr;
    TimeRangePicker *m_picker = nullptr;
    SyncStatusBar *m_syncStatus = nullptr;
    QTimer m_refreshTimer;
    LatestRequest m_statusRequest;
};

} // namespace fleetscope
