// Pod actions from the Pods page: buttons follow the pod's state, confirmations name the pod and
// its cost, terminate needs the typed name, and the result shows without blocking.
#include "podspage.h"
#include "store/storeservice.h"
#include "teststore.h"

#include <QApplication>
#include <QInputDialog>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "tableview.h"

using namespace fleetscope;

namespace {

// Long enough for a loaded CI machine (QTRY's default 5 s once ran out there); a pass takes milliseconds.
constexpr int kWaitMs = 20'000;

// Answers the next modal dialog: Yes on a message box, TEXT into an input dialog.
void answerNextDialog(QObject *context, const QString &text = QString(), QString *seenText = nullptr)
{
    auto *timer = new QTimer(context);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, context, [timer, text, seenText] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal)
            return;
        timer->deleteLater();
        if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            if (seenText)
                *seenText = box->text();
            box->button(QMessageBox::Yes)->click();
        } else if (auto *input = qobject_cast<QInputDialog *>(modal)) {
            if (seenText)
                *seenText = input->labelText();
            input->setTextValue(text);
            input->accept();
        }
    });
    timer->start();
}

} // namespace

class TestPodActions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreService> m_store;
    std::unique_ptr<PodsPage> m_page;
    QList<std::pair<QString, PodAction>> m_calls;

    void select(const QString &name)
    {
        QTableView *table = m_page->tableView()->table();
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, 0).data().toString() == name) {
                table->setCurrentIndex(table->model()->index(row, 0));
                return;
            }
        }
        QFAIL("no such pod in the table");
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_store = std::make_unique<StoreService>(*StoreLocation::parse(QString(), m_dir.path()));
        QVERIFY(m_store->startBlocking());
        m_store->submit(test::connectionBatch(QStringLiteral("prod"), QStringLiteral("runpod")));
        m_store->flush();
        WriteBatch batch;
        for (const auto &[name, status] : {std::pair{"trainer", "RUNNING"}, std::pair{"notebook", "EXITED"}}) {
            InstanceSnapshot pod;
            pod.snapshotTs = QDateTime::currentDateTimeUtc();
            pod.connectionId = 1;
            pod.provider = QStringLiteral("runpod");
            pod.instanceId = QStringLiteral("id-") + QString::fromLatin1(name);
            pod.name = QString::fromLatin1(name);
            pod.status = QString::fromLatin1(status);
            pod.gpuType = QStringLiteral("NVIDIA H100 80GB HBM3");
            pod.gpuCount = 2;
            pod.costPerHour = 5.98;
            batch.instances << pod;
        }
        // Instances of descriptor providers: a Lambda VM (reboot and terminate, no stop or start)
        // and a Kubernetes node (its descriptor deletes pods only, and a node has no namespace).
        InstanceSnapshot vm;
        vm.snapshotTs = QDateTime::currentDateTimeUtc();
        vm.connectionId = 1;   // the page goes by the provider; one stored connection will do
        vm.provider = QStringLiteral("lambda");
        vm.instanceId = QStringLiteral("0920582c7ff041399e34823a0be62549");
        vm.name = QStringLiteral("lambda-node");
        vm.status = QStringLiteral("running");
        batch.instances << vm;
        InstanceSnapshot node = vm;
        node.provider = QStringLiteral("kubernetes");
        node.instanceId = QStringLiteral("uid-node-1");
        node.name = QStringLiteral("gpu-node-1");
        node.metadata = QJsonObject{{QStringLiteral("kind"), QStringLiteral("node")}};
        batch.instances << node;
        m_store->submit(batch);
        m_store->flush();
        m_page = std::make_unique<PodsPage>(*m_store);
        m_page->resize(1000, 700);
        m_page->show();
        m_page->reload();
        QTRY_COMPARE_WITH_TIMEOUT(m_page->tableView()->table()->model()->rowCount(), 4, kWaitMs);
    }

    void buttonsStayHiddenWithoutAHandler()
    {
        select(QStringLiteral("trainer"));
        QVERIFY(!m_page->actionButton(PodAction::Stop)->isVisible());
    }

    void buttonsFollowThePodsState()
    {
        m_page->setActionHandler([this](const InstanceSnapshot &pod, PodAction action, QObject *receiver, std::function<void(Result<QString>)> done) {
            m_calls << std::pair{pod.instanceId, action};
            QMetaObject::invokeMethod(receiver, [done, action] {
                done(action == PodAction::Stop ? Result<QString>(QStringLiteral("EXITED")) : Result<QString>(fail(ErrorClass::Auth, QStringLiteral("key rejected"))));
            }, Qt::QueuedConnection);
        });
        select(QStringLiteral("trainer"));
        QVERIFY(m_page->actionButton(PodAction::Stop)->isVisible());
        QVERIFY(m_page->actionButton(PodAction::Stop)->isEnabled());
        QVERIFY(!m_page->actionButton(PodAction::Resume)->isEnabled());
        select(QStringLiteral("notebook"));
        QVERIFY(!m_page->actionButton(PodAction::Stop)->isEnabled());
        QVERIFY(m_page->actionButton(PodAction::Resume)->isEnabled());
    }

    // A descriptor instance gets exactly its provider's actions; the others are disabled and say why.
    void descriptorInstancesOfferTheirProvidersActions()
    {
        select(QStringLiteral("lambda-node"));
        for (PodAction action : {PodAction::Stop, PodAction::Resume, PodAction::Reboot, PodAction::Terminate})
            QVERIFY(m_page->actionButton(action)->isVisible());
        QVERIFY(!m_page->actionButton(PodAction::Stop)->isEnabled());
        QCOMPARE(m_page->actionButton(PodAction::Stop)->toolTip(), QStringLiteral("Lambda offers no stop action"));
        QVERIFY(!m_page->actionButton(PodAction::Resume)->isEnabled());
        QCOMPARE(m_page->actionButton(PodAction::Resume)->text(), QStringLiteral("Start…"));
        QCOMPARE(m_page->actionButton(PodAction::Resume)->toolTip(), QStringLiteral("Lambda offers no start action"));
        QVERIFY(m_page->actionButton(PodAction::Reboot)->isEnabled());
        QVERIFY(m_page->actionButton(PodAction::Terminate)->isEnabled());
        QVERIFY(m_page->actionButton(PodAction::Terminate)->toolTip().isEmpty());

        select(QStringLiteral("gpu-node-1"));
        QVERIFY(!m_page->actionButton(PodAction::Reboot)->isEnabled());
        QVERIFY(!m_page->actionButton(PodAction::Terminate)->isEnabled());
        QVERIFY2(m_page->actionButton(PodAction::Terminate)->toolTip().contains(QLatin1String("metadata.namespace")),
                 qPrintable(m_page->actionButton(PodAction::Terminate)->toolTip()));

        // The same confirmation as RunPod's, then the handler (the engine and the audit in the app).
        m_calls.clear();
        select(QStringLiteral("lambda-node"));
        QString asked;
        answerNextDialog(this, QString(), &asked);
        m_page->actionButton(PodAction::Reboot)->click();
        QVERIFY2(asked.contains(QStringLiteral("“lambda-node”")), qPrintable(asked));
        QCOMPARE(m_calls.size(), 1);
        QCOMPARE(m_calls.first(), (std::pair{QStringLiteral("0920582c7ff041399e34823a0be62549"), PodAction::Reboot}));

        select(QStringLiteral("trainer"));   // back to RunPod: its own words, and no reboot
        QCOMPARE(m_page->actionButton(PodAction::Resume)->text(), QStringLiteral("Resume…"));
        QVERIFY(!m_page->actionButton(PodAction::Reboot)->isEnabled());
    }

    void stopAsksNamingThePodAndItsCost()
    {
        m_calls.clear();
        select(QStringLiteral("trainer"));
        QString asked;
        answerNextDialog(this, QString(), &asked);
        m_page->actionButton(PodAction::Stop)->click();
        QVERIFY2(asked.contains(QStringLiteral("“trainer”")) && asked.contains(QLatin1String("$5.98/hr")), qPrintable(asked));
        QCOMPARE(m_calls.size(), 1);
        QCOMPARE(m_calls.first().first, QStringLiteral("id-trainer"));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->actionResult()->text().contains(QLatin1String("stop accepted, now EXITED")), kWaitMs);
    }

    void failuresAreShownWithTheirClass()
    {
        m_calls.clear();
        select(QStringLiteral("notebook"));
        answerNextDialog(this);
        m_page->actionButton(PodAction::Resume)->click();
        QCOMPARE(m_calls.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(m_page->actionResult()->text().contains(QStringLiteral("resume failed — auth: key rejected")), kWaitMs);
    }

    void terminateNeedsTheTypedName()
    {
        m_calls.clear();
        select(QStringLiteral("trainer"));
        answerNextDialog(this, QStringLiteral("trainr"));
        m_page->actionButton(PodAction::Terminate)->click();
        QVERIFY(m_calls.isEmpty());   // a mistyped name cancels
        answerNextDialog(this, QStringLiteral("trainer"));
        m_page->actionButton(PodAction::Terminate)->click();
        QCOMPARE(m_calls.size(), 1);
        QCOMPARE(m_calls.first().second, PodAction::Terminate);
    }
};

QTEST_MAIN(TestPodActions)
#include "test_podactions.moc"
