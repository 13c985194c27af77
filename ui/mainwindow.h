// The application window: sidebar of pages, global time range, per-connection sync status, menus.
#pragma once

#include "alertdestination.h"
#include "endpointtestdialog.h"
#include "offerspage.h"
#include "podspage.h"
#include "storeread.h"
#include "timerange.h"

#include <QMainWindow>
#include <QTimer>

class QLabel;
class QListWidget;
class QSettings;
class QStackedWidget;

namespace fleetscope {

class AlertMonitor;
class AlertNotifier;
class AlertsPage;
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
    // How the GPU Offers page launches an offer (main wires it to the engine).
    void setLaunchHandler(OffersPage::LaunchHandler handler);
    // How the Endpoints page's "Test…" dialog runs and cancels jobs (main wires it to the engine).
    void setEndpointJobHandler(EndpointJobHandler handler);
    // Connection management on the Providers page (main wires it to the engine and keychain).
    void setConnectionController(ConnectionController *controller);
    ProvidersPage *providersPage() const { return m_providersPage; }
    // Raised alerts become notifications (through the tray where there is one; USE_TRAY false:
    // never, for tests) whose click opens the resource's page. Main wires the window's monitor.
    void setAlertMonitor(AlertMonitor *monitor, bool useTray = true);
    AlertNotifier *alertNotifier() const { return m_alertNotifier; }
    AlertsPage *alertsPage() const { return m_alertsPage; }

public Q_SLOTS:
    void showPage(int index);
    void showAbout();
    // The page of the resource FINDING is about (the pod or connection selected where the page can).
    void openAlertResource(const fleetscope::AlertFinding &finding);
    // DESTINATION's page, with the pod or connection selected where the page can.
    void openResource(fleetscope::AlertDestination destination, qint64 connectionId, const QString &resourceId);
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
    OffersPage *m_offersPage = nullptr;
    EndpointsPage *m_endpointsPage = nullptr;
    AlertsPage *m_alertsPage = nullptr;
    AlertNotifier *m_alertNotifier = nullptr;
    TimeRangePicker *m_picker = nullptr;
    SyncStatusBar *m_syncStatus = nullptr;
    QLabel *m_readOnlyBanner = nullptr;
    QTimer m_refreshTimer;
    LatestRequest m_statusRequest;
};

} // namespace fleetscope
