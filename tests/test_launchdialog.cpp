// Launching from the GPU Offers page: the button follows whether the offer's provider can launch,
// the dialog states the price (following count and spot) and needs a tick before it launches, and
// the result shows on the page. A screenshot of the dialog goes with the others.
#include "launchdialog.h"
#include "offersmodel.h"
#include "offerspage.h"
#include "store/storeservice.h"
#include "tableview.h"
#include "timeserieschart.h"
#include "teststore.h"

#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

namespace {

GpuOffer offer(qint64 connectionId, const QString &provider, const QString &gpuType, const QString &plan, double price)
{
    GpuOffer o;
    o.observedTs = QDateTime::currentDateTimeUtc();
    o.connectionId = connectionId;
    o.provider = provider;
    o.gpuType = gpuType;
    o.providerGpuId = plan;
    o.tier = provider == QLatin1String("runpod") ? QStringLiteral("community") : QStringLiteral("on-demand");
    o.gpuCount = 1;
    o.pricePerHour = price;
    o.available = true;
    return o;
}

} // namespace

class TestLaunchDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreService> m_store;
    std::unique_ptr<OffersPage> m_page;
    QList<LaunchRequest> m_launched;

    void select(const QString &provider, const QString &gpuType, const QString &tier)
    {
        const int row = m_page->model()->rowOf(provider, gpuType, tier);
        QVERIFY(row >= 0);
        m_page->tableView()->table()->setCurrentIndex(m_page->proxy()->mapFromSource(m_page->model()->index(row, OffersModel::GpuType)));
        QCOMPARE(m_page->selectedRow(), row);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_store = std::make_unique<StoreService>(*StoreLocation::parse(QString(), m_dir.path()));
        QVERIFY(m_store->startBlocking());
        WriteBatch setup;
        setup.connections << test::connection(QStringLiteral("rp"), QStringLiteral("runpod")) << test::connection(QStringLiteral("lin"), QStringLiteral("linode"))
                          << test::connection(QStringLiteral("lam"), QStringLiteral("lambda"));
        QVERIFY(m_store->writeBlocking(setup));
        WriteBatch offers;
        GpuOffer rtx = offer(1, QStringLiteral("runpod"), QStringLiteral("NVIDIA GeForce RTX 4090"), QStringLiteral("NVIDIA GeForce RTX 4090"), 0.34);
        rtx.spotPricePerHour = 0.2;
        GpuOffer a100 = offer(3, QStringLiteral("lambda"), QStringLiteral("NVIDIA A100 40GB PCIe"), QStringLiteral("gpu_1x_a100"), 1.29);
        a100.region = QStringLiteral("us-tx-1");
        offers.offers << rtx << offer(2, QStringLiteral("linode"), QStringLiteral("NVIDIA Quadro RTX 6000"), QStringLiteral("g1-gpu-rtx6000-1"), 1.5) << a100;
        QVERIFY(m_store->writeBlocking(offers));
        m_store->flush();
        m_page = std::make_unique<OffersPage>(*m_store);
        m_page->resize(1100, 700);
        m_page->show();
        m_page->reload();
        QTRY_COMPARE(m_page->model()->rowCount(), 3);
    }

    void buttonFollowsTheProvider()
    {
        QVERIFY(!m_page->launchButton()->isVisible());   // no handler: no launching from here
        m_page->setLaunchHandler([this](const GpuOffer &, const LaunchRequest &request, QObject *receiver, std::function<void(Result<QString>)> done) {
            m_launched << request;
            const bool refuse = request.name == QLatin1String("refused");
            QMetaObject::invokeMethod(receiver, [done, refuse] {
                done(refuse ? Result<QString>(fail(ErrorClass::Billing, QStringLiteral("rp launch: HTTP 402: insufficient balance"))) : Result<QString>(QStringLiteral("pod-new")));
            }, Qt::QueuedConnection);
        });
        select(QStringLiteral("runpod"), QStringLiteral("NVIDIA GeForce RTX 4090"), QStringLiteral("community"));
        QVERIFY(m_page->launchButton()->isVisible());
        QVERIFY(m_page->launchButton()->isEnabled());
        select(QStringLiteral("linode"), QStringLiteral("NVIDIA Quadro RTX 6000"), QStringLiteral("on-demand"));
        QVERIFY(!m_page->launchButton()->isEnabled());
        QCOMPARE(m_page->launchButton()->toolTip(), QStringLiteral("Linode (Akamai)'s descriptor has no launch action"));
        QCOMPARE(m_page->openLaunchDialog(), nullptr);
    }

    void dialogStatesThePriceAndNeedsATick()
    {
        select(QStringLiteral("runpod"), QStringLiteral("NVIDIA GeForce RTX 4090"), QStringLiteral("community"));
        LaunchDialog *dialog = m_page->openLaunchDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->priceLabel()->text().startsWith(QStringLiteral("Price: $0.34/hr (about $8.16 a day)")));
        QVERIFY(!dialog->launchButton()->isEnabled());
        QVERIFY(dialog->countBox()->isEnabled());   // RunPod takes a GPU count; its price is per GPU
        dialog->countBox()->setValue(2);
        QVERIFY(dialog->priceLabel()->text().startsWith(QStringLiteral("Price: $0.68/hr")));
        QVERIFY(dialog->spotBox()->isVisibleTo(dialog));
        dialog->spotBox()->setChecked(true);
        QVERIFY(dialog->priceLabel()->text().startsWith(QStringLiteral("Price: $0.40/hr")));
        QCOMPARE(dialog->confirmBox()->text(), QStringLiteral("I understand this starts a paid instance at $0.40/hr"));
        QVERIFY(!dialog->imageEdit()->text().isEmpty());   // RunPod's default image
        dialog->nameEdit()->setText(QStringLiteral("gui-1"));
        dialog->confirmBox()->setChecked(true);
        QVERIFY(dialog->launchButton()->isEnabled());
        QVERIFY(QDir().mkpath(QStringLiteral(FLEETSCOPE_BUILD_DIR "/screenshots")));
        QVERIFY(dialog->grab().toImage().save(QStringLiteral(FLEETSCOPE_BUILD_DIR "/screenshots/offers-launch-dialog.png")));
        dialog->launchButton()->click();
        QTRY_COMPARE(m_launched.size(), 1);
        QCOMPARE(m_launched.first().plan, QStringLiteral("NVIDIA GeForce RTX 4090"));
        QCOMPARE(m_launched.first().gpuCount, 2);
        QVERIFY(m_launched.first().spot);
        QCOMPARE(m_launched.first().tier, QStringLiteral("community"));
        QCOMPARE(m_launched.first().name, QStringLiteral("gui-1"));
        QTRY_VERIFY2(m_page->launchResult()->text().contains(QStringLiteral("pod-new")), qPrintable(m_page->launchResult()->text()));
        QVERIFY(m_page->launchResult()->text().contains(QStringLiteral("Pods page")));
        QVERIFY(m_page->launchButton()->isEnabled());
        QTRY_VERIFY2(m_page->chart()->title().contains(QStringLiteral("RTX 4090")), qPrintable(m_page->chart()->title()));
        QVERIFY(m_page->grab().toImage().save(QStringLiteral(FLEETSCOPE_BUILD_DIR "/screenshots/offers-launched.png")));
    }

    // What the provider needs besides is asked for before anything is sent: Lambda's SSH key.
    void missingValuesAreShownInTheDialog()
    {
        select(QStringLiteral("lambda"), QStringLiteral("NVIDIA A100 40GB PCIe"), QStringLiteral("on-demand"));
        LaunchDialog *dialog = m_page->openLaunchDialog();
        QVERIFY(dialog);
        QVERIFY(!dialog->countBox()->isEnabled());   // the plan fixes the count
        QVERIFY(!dialog->spotBox()->isVisibleTo(dialog));   // no spot price
        dialog->confirmBox()->setChecked(true);
        QVERIFY(!dialog->launchButton()->isEnabled());
        QCOMPARE(dialog->problemLabel()->text(), QStringLiteral("lam launch gpu_1x_a100: Lambda's launch needs the name of an SSH key in the account"));
        dialog->sshKeyEdit()->setText(QStringLiteral("laptop"));
        QVERIFY(dialog->problemLabel()->text().isEmpty());
        QVERIFY(dialog->launchButton()->isEnabled());
        dialog->reject();
        select(QStringLiteral("runpod"), QStringLiteral("NVIDIA GeForce RTX 4090"), QStringLiteral("community"));
    }

    void failureShowsOnThePage()
    {
        LaunchDialog *dialog = m_page->openLaunchDialog();
        QVERIFY(dialog);
        dialog->nameEdit()->setText(QStringLiteral("refused"));
        dialog->confirmBox()->setChecked(true);
        dialog->launchButton()->click();
        QTRY_VERIFY2(m_page->launchResult()->text().contains(QStringLiteral("failed")), qPrintable(m_page->launchResult()->text()));
        QVERIFY(m_page->launchResult()->text().contains(QStringLiteral("insufficient balance")));
    }
};

QTEST_MAIN(TestLaunchDialog)
#include "test_launchdialog.moc"
