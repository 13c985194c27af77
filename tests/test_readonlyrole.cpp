// A desktop on a team store whose PostgreSQL role can only read: the window shows the team's data,
// says it is read-only, and every action that writes explains itself instead of failing in SQL.
#include "budgetspanel.h"
#include "mainwindow.h"
#include "offersmodel.h"
#include "pgserver.h"
#include "providerspage.h"
#include "store/storeservice.h"
#include "teststore.h"
#include "workflowconfigdialog.h"
#include "workflowspage.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QWizard>

using namespace fleetscope;

class TestReadOnlyRole : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void windowExplainsInsteadOfWriting()
    {
        test::PgServer server;
        QVERIFY2(server.start(), qPrintable(server.error()));
        const QString database = server.createDatabase();
        {
            StoreService owner(*StoreLocation::parse(server.uri(database), QString()));
            QVERIFY(owner.startBlocking());
            QVERIFY(owner.writable());
            QVERIFY(owner.writeBlocking(test::connectionBatch(QStringLiteral("team"))));
            WriteBatch offers;   // an offer of a provider that can launch
            GpuOffer offer;
            offer.observedTs = QDateTime::currentDateTimeUtc();
            offer.connectionId = 1;
            offer.provider = QStringLiteral("vultr");
            offer.gpuType = QStringLiteral("NVIDIA A100 80GB PCIe");
            offer.providerGpuId = QStringLiteral("vcg-a100-1c-6g-4vram");
            offer.tier = QStringLiteral("on-demand");
            offer.pricePerHour = 0.25;
            offers.offers << offer;
            QVERIFY(owner.writeBlocking(offers));
        }
        QVERIFY2(server.createRole(QStringLiteral("viewer"), QStringLiteral("viewer-pw-456")), qPrintable(server.error()));
        QVERIFY(server.exec(database, QStringLiteral("GRANT USAGE ON SCHEMA public TO viewer; GRANT SELECT ON ALL TABLES IN SCHEMA public TO viewer")));

        StoreService store(*StoreLocation::parse(server.uri(database, QStringLiteral("viewer")), QString()));
        QVERIFY(store.startBlocking());
        QVERIFY(!store.writable());

        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("fleetscope.conf")), QSettings::IniFormat);
        MainWindow window(store, settings, dir.path());
        window.show();
        window.refresh();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *banner = window.findChild<QLabel *>(QStringLiteral("readOnlyBanner"));
        QVERIFY(banner && banner->isVisible());
        QVERIFY(banner->text().contains(QLatin1String("can only read")));

        // The team's connection is shown.
        ProvidersPage *providers = window.findChild<ProvidersPage *>();
        QVERIFY(providers);
        QTRY_VERIFY(providers->findChildren<QAbstractItemView *>().size() > 0
                    && providers->findChildren<QAbstractItemView *>().first()->model()->rowCount() == 1);

        // Adding a connection says why not, in the status bar and the page's message line, and opens no wizard.
        window.statusBar()->clearMessage();
        providers->addConnection();
        QVERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("Read-only")), qPrintable(window.statusBar()->currentMessage()));
        bool onPage = false;
        for (const QLabel *label : providers->findChildren<QLabel *>())
            onPage = onPage || (!label->isHidden() && label->text().contains(QLatin1String("can only read")));
        QVERIFY(onPage);
        for (QWidget *top : QApplication::topLevelWidgets())
            QVERIFY(!qobject_cast<QWizard *>(top) || !top->isVisible());

        // A budget likewise, in the panel's own message line.
        BudgetsPanel *budgets = window.findChild<BudgetsPanel *>();
        QVERIFY(budgets);
        QCOMPARE(budgets->addBudget(), nullptr);
        bool said = false;
        for (const QLabel *label : budgets->findChildren<QLabel *>())
            said = said || label->text().contains(QLatin1String("Read-only"));
        QVERIFY(said);

        // A workflow configuration or a retry likewise: no dialog, no job, the status bar says why.
        auto *workflows = window.findChild<WorkflowsPage *>();
        QVERIFY(workflows);
        window.statusBar()->clearMessage();
        QCOMPARE(workflows->addConfig(), nullptr);
        QVERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("Read-only")), qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(!workflows->findChild<WorkflowConfigDialog *>());
        QVERIFY(!workflows->retryFailedRuns(false));

        // Launching an offer likewise: the button is disabled and says why.
        auto *offersPage = window.findChild<OffersPage *>();
        QVERIFY(offersPage);
        window.setLaunchHandler([](const GpuOffer &, const LaunchRequest &, QObject *, std::function<void(Result<QString>)>) { QFAIL("launched"); });
        offersPage->reload();
        QTRY_COMPARE(offersPage->model()->rowCount(), 1);
        QTRY_COMPARE(offersPage->selectedRow(), 0);
        QVERIFY(!offersPage->launchButton()->isEnabled());
        QCOMPARE(offersPage->launchButton()->toolTip(), Page::readOnlyMessage());
        QCOMPARE(offersPage->openLaunchDialog(), nullptr);

        QCOMPARE(server.scalar(database, QStringLiteral("SELECT count(*) FROM connections")), qint64(1));
        QCOMPARE(server.scalar(database, QStringLiteral("SELECT count(*) FROM budgets")), qint64(0));
    }
};

QTEST_MAIN(TestReadOnlyRole)
#include "test_readonlyrole.moc"
