// MainWindow: builds the pages, wires the time range and store refreshes, persists the window state.
#include "mainwindow.h"

#include "aboutdialog.h"
#include "alertdestination.h"
#include "alertnotifier.h"
#include "alertspage.h"
#include "alerts/alertmonitor.h"
#include "costpage.h"
#include "endpointspage.h"
#include "logging.h"
#include "offerspage.h"
#include "overviewpage.h"
#include "podspage.h"
#include "providerspage.h"
#include "syncstatusbar.h"
#include "timelinepage.h"
#include "timerangepicker.h"
#include "workflowspage.h"

#include <QAction>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPainter>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace fleetscope {
namespace {

// A collection cycle commits one batch per connection; one refresh shortly after covers them all.
constexpr int kRefreshDelayMs = 250;

const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kPageKey = QStringLiteral("mainWindow/page");
const QString kTimeRangeKey = QStringLiteral("mainWindow/timeRange");

// The page icons are drawn in one mid grey; on the highlighted row they would vanish, so the
// selected state gets the same shape in the palette's highlighted-text colour (1x and 2x screens).
QIcon sidebarIcon(const QIcon &source, const QPalette &palette)
{
    QIcon icon;
    for (const int size : {20, 40}) {
        const QPixmap normal = source.pixmap(size, size);
        QPixmap selected = normal;
        QPainter painter(&selected);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(selected.rect(), palette.color(QPalette::HighlightedText));
        painter.end();
        icon.addPixmap(normal, QIcon::Normal);
        icon.addPixmap(selected, QIcon::Selected);
    }
    return icon;
}

} // namespace

MainWindow::MainWindow(StoreService &store, QSettings &settings, const QString &dataDir, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_settings(settings)
    , m_dataDir(dataDir)
{
    setWindowTitle(tr("Fleetscope"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/fleetscope.svg")));

    m_sidebar = new QListWidget(this);
    m_sidebar->setAccessibleName(tr("Pages"));
    m_sidebar->setIconSize(QSize(20, 20));
    m_sidebar->setSpacing(2);
    m_sidebar->setFixedWidth(180);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_stack = new QStackedWidget(this);

    auto *overview = new OverviewPage(store, m_stack);
    addPage(overview, QStringLiteral("overview"));
    addPage(new CostPage(store, m_stack), QStringLiteral("cost"));
    m_endpointsPage = new EndpointsPage(store, m_stack);
    addPage(m_endpointsPage, QStringLiteral("endpoints"));
    m_podsPage = new PodsPage(store, m_stack);
    addPage(m_podsPage, QStringLiteral("pods"));
    m_offersPage = new OffersPage(store, m_stack);
    addPage(m_offersPage, QStringLiteral("offers"));
    auto *workflows = new WorkflowsPage(store, m_stack);
    const Result<QUrl> aiUrl = aiBaseUrl(settings.value(QLatin1String(kAiBaseUrlSetting)).toString());
    const QString aiModel = settings.value(QLatin1String(kAiModelSetting)).toString().trimmed();
    if (aiUrl && !aiModel.isEmpty())
        workflows->setAiEndpoint(AiEndpoint{*aiUrl, aiModel});
    addPage(workflows, QStringLiteral("workflows"));
    m_alertsPage = new AlertsPage(store, m_stack);
    addPage(m_alertsPage, QStringLiteral("alerts"));
    auto *timeline = new TimelinePage(store, m_stack);
    addPage(timeline, QStringLiteral("timeline"));
    connect(timeline, &TimelinePage::resourceRequested, this, &MainWindow::openResource);
    m_providersPage = new ProvidersPage(store, m_stack);
    addPage(m_providersPage, QStringLiteral("providers"));
    // A connection's row on the Overview opens its pods, or the Providers page when it needs attention.
    connect(overview, &OverviewPage::connectionActivated, this, [this](qint64 connectionId, OverviewPage::Destination destination) {
        if (destination == OverviewPage::Destination::Pods) {
            showPage(int(m_pages.indexOf(m_podsPage)));
            return;
        }
        showPage(int(m_pages.indexOf(m_providersPage)));
        m_providersPage->selectConnection(connectionId);   // ready for Test, Edit… or Enable
    });
    // The sidebar's badge: open alerts nobody acknowledged, as of the page's last read.
    connect(m_alertsPage, &AlertsPage::unacknowledgedCountChanged, this, [this](int count) {
        QListWidgetItem *item = m_sidebar->item(int(m_pages.indexOf(m_alertsPage)));
        item->setText(count > 0 ? tr("%1 (%2)").arg(m_alertsPage->title()).arg(count) : m_alertsPage->title());
        item->setToolTip(count > 0 ? tr("%n open alert(s) not yet acknowledged", nullptr, count) : QString());
    });
    connect(m_alertsPage, &AlertsPage::resourceRequested, this, &MainWindow::openAlertResource);
    // "Add a provider…" on any empty page: the Providers page, with the wizard when it can add.
    for (Page *page : std::as_const(m_pages)) {
        connect(page, &Page::addProviderRequested, this, [this] {
            showPage(int(m_pages.indexOf(m_providersPage)));
            m_providersPage->addConnection();
        });
    }

    // A role that can only read: said once at the top, and again whenever an action would write.
    m_readOnlyBanner = new QLabel(Page::readOnlyMessage(), this);
    m_readOnlyBanner->setObjectName(QStringLiteral("readOnlyBanner"));
    m_readOnlyBanner->setWordWrap(true);
    m_readOnlyBanner->setStyleSheet(QStringLiteral("background: #fff3cd; color: #5d4200; padding: 6px 12px;"));
    m_readOnlyBanner->hide();
    for (Page *page : std::as_const(m_pages)) {
        connect(page, &Page::writeRefused, this, [this](const QString &message) {
            m_readOnlyBanner->show();
            statusBar()->showMessage(message, 15'000);
        });
    }

    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    outer->addWidget(m_readOnlyBanner);
    auto *layout = new QHBoxLayout;
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_stack, 1);
    outer->addLayout(layout, 1);
    setCentralWidget(central);
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0) {
            m_stack->setCurrentIndex(row);
            saveSettings();
        }
    });

    m_picker = new TimeRangePicker(this);
    auto *toolBar = addToolBar(tr("Time range"));
    toolBar->setObjectName(QStringLiteral("timeRangeToolBar"));
    toolBar->setMovable(false);
    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    toolBar->addWidget(m_picker);
    connect(m_picker, &TimeRangePicker::rangeChanged, this, &MainWindow::applyTimeRange);

    m_syncStatus = new SyncStatusBar(this);
    statusBar()->addWidget(m_syncStatus, 1);

    buildMenus();

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kRefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &MainWindow::refresh);
    connect(&store, &StoreService::batchCommitted, this, [this] { m_refreshTimer.start(); });

    restoreSettings();
}

void MainWindow::addPage(Page *page, const QString &iconName)
{
    page->setObjectName(iconName);
    m_pages.append(page);
    m_stack->addWidget(page);
    const QIcon icon(QStringLiteral(":/icons/%1.svg").arg(iconName));
    page->pageState()->setEmptyIcon(icon);
    auto *item = new QListWidgetItem(sidebarIcon(icon, palette()), page->title(), m_sidebar);
    item->setSizeHint(QSize(0, 34));
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    for (int i = 0; i < m_pages.size(); ++i) {
        QAction *action = go->addAction(m_pages[i]->title(), this, [this, i] { showPage(i); });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    go->addSeparator();
    QAction *refreshAction = go->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    refreshAction->setShortcut(QKeySequence::Refresh);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Fleetscope"), this, &MainWindow::showAbout);
}

Page *MainWindow::currentPage() const
{
    return qobject_cast<Page *>(m_stack->currentWidget());
}

void MainWindow::showPage(int index)
{
    if (index >= 0 && index < m_pages.size())
        m_sidebar->setCurrentRow(index);
}

void MainWindow::setAlertMonitor(AlertMonitor *monitor, bool useTray)
{
    m_alertNotifier = new AlertNotifier(useTray, this);
    connect(monitor, &AlertMonitor::alertsRaised, m_alertNotifier, &AlertNotifier::show);
    connect(m_alertNotifier, &AlertNotifier::resourceRequested, this, [this](const AlertFinding &finding) {
        openAlertResource(finding);
        showNormal();
        raise();
        activateWindow();
    });
    connect(monitor, &AlertMonitor::evaluationFailed, this, [this](const Error &error) {
        statusBar()->showMessage(tr("Alert rules could not be evaluated: %1").arg(describe(error)), 10'000);
    });
}

void MainWindow::openAlertResource(const AlertFinding &finding)
{
    openResource(alertDestination(finding.kind), finding.connectionId, finding.resourceId);
}

void MainWindow::openResource(AlertDestination destination, qint64 connectionId, const QString &resourceId)
{
    const auto pageNamed = [this](const QString &name) {
        for (int i = 0; i < m_pages.size(); ++i) {
            if (m_pages[i]->objectName() == name)
                return i;
        }
        return -1;
    };
    switch (destination) {
    case AlertDestination::Pods:
        showPage(int(m_pages.indexOf(m_podsPage)));
        m_podsPage->selectInstance(resourceId);
        return;
    case AlertDestination::Endpoints:
        showPage(int(m_pages.indexOf(m_endpointsPage)));
        return;
    case AlertDestination::Providers:
        showPage(int(m_pages.indexOf(m_providersPage)));
        m_providersPage->selectConnection(connectionId);
        return;
    case AlertDestination::Cost:
        showPage(pageNamed(QStringLiteral("cost")));
        return;
    case AlertDestination::Offers:
        showPage(pageNamed(QStringLiteral("offers")));
        return;
    case AlertDestination::Workflows:
        showPage(pageNamed(QStringLiteral("workflows")));
        return;
    case AlertDestination::Alerts:
        showPage(int(m_pages.indexOf(m_alertsPage)));
        return;
    }
}

void MainWindow::showAbout()
{
    auto *about = new AboutDialog(m_dataDir, this);
    about->setAttribute(Qt::WA_DeleteOnClose);
    about->open();
}

void MainWindow::applyTimeRange(const TimeRange &range)
{
    qCDebug(lcUi) << "time range" << range.settingsKey();
    for (Page *page : std::as_const(m_pages))
        page->setTimeRange(range);
    saveSettings();
}

void MainWindow::refresh()
{
    m_readOnlyBanner->setVisible(!m_store.writable());   // known once the store has opened
    for (Page *page : std::as_const(m_pages))
        page->reload();
    reloadStatus();
}

void MainWindow::reloadStatus()
{
    readLatest<QList<ConnectionRecord>>(m_store, this, m_statusRequest, [](Store &store) { return store.connections(); },
                                        [this](Result<QList<ConnectionRecord>> connections) {
        if (connections)
            m_syncStatus->showConnections(*connections);
        else
            statusBar()->showMessage(tr("Could not read the connections: %1").arg(describe(connections.error())));
    });
}

void MainWindow::setPodActionHandler(PodsPage::ActionHandler handler)
{
    m_podsPage->setActionHandler(std::move(handler));
}

void MainWindow::setLaunchHandler(OffersPage::LaunchHandler handler)
{
    m_offersPage->setLaunchHandler(std::move(handler));
}

void MainWindow::setConnectionController(ConnectionController *controller)
{
    m_providersPage->setController(controller);
}

void MainWindow::setEndpointJobHandler(EndpointJobHandler handler)
{
    m_endpointsPage->setJobHandler(std::move(handler));
}

void MainWindow::restoreSettings()
{
    const QSettings &settings = m_settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(1280, 800);
    int page = 0;
    for (int i = 0; i < m_pages.size(); ++i) {
        if (m_pages[i]->objectName() == settings.value(kPageKey).toString())
            page = i;
    }
    const TimeRange range = TimeRange::fromSettingsKey(settings.value(kTimeRangeKey).toString());
    {
        const QSignalBlocker blocker(m_picker);   // no reads before the store is open
        m_picker->setRange(range);
    }
    for (Page *each : std::as_const(m_pages))
        each->restoreTimeRange(range);
    showPage(page);   // last: switching pages saves the settings, range included
}

void MainWindow::saveSettings() const
{
    QSettings &settings = m_settings;
    if (const Page *page = currentPage())
        settings.setValue(kPageKey, page->objectName());
    settings.setValue(kTimeRangeKey, m_picker->range().settingsKey());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings.setValue(kGeometryKey, saveGeometry());   // only a shown window has a geometry worth keeping
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace fleetscope
