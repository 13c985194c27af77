// The endpoint "Test…" dialog from the Endpoints page with a scripted handler: the button's state,
// payload validation, the live status line, timings and output, cancel and errors; and a screenshot.
#include "endpointspage.h"
#include "store/storeservice.h"
#include "teststore.h"

#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "tableview.h"

using namespace fleetscope;

namespace {

runpod::JobObservation observation(const char *status, std::optional<qint64> delay, std::optional<qint64> execution, qint64 roundTrip,
                                   int requests)
{
    runpod::JobObservation o;
    o.answer.id = QStringLiteral("job-42-u1");
    o.answer.statusName = QString::fromLatin1(status);
    o.answer.status = runpod::jobStatusFromName(o.answer.statusName);
    o.answer.delayMs = delay;
    o.answer.executionMs = execution;
    o.roundTripMs = roundTrip;
    o.requests = requests;
    return o;
}

QString ms(qint64 value)
{
    return QLocale().toString(value) + QStringLiteral(" ms");
}

} // namespace

class TestEndpointTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreService> m_store;
    std::unique_ptr<EndpointsPage> m_page;
    QList<runpod::JobRequest> m_runs;
    QStringList m_cancels;
    bool m_cancelled = false;

    // Answers as RunPod would, one step every 30 ms: queued, in progress, then completed (or
    // cancelled once cancel was called; a job named "stuck" stays queued until then).
    EndpointJobHandler scriptedHandler()
    {
        EndpointJobHandler handler;
        handler.run = [this](runpod::JobRequest request, QObject *receiver, runpod::JobProgress progress, runpod::JobDone done) {
            m_runs << request;
            m_cancelled = false;
            const bool stuck = request.payload.value(QStringLiteral("input")).toObject().contains(QStringLiteral("stuck"));
            auto step = std::make_shared<int>(0);
            auto *timer = new QTimer(receiver);
            timer->setInterval(30);
            connect(timer, &QTimer::timeout, receiver, [this, timer, step, stuck, progress, done] {
                ++*step;
                if (m_cancelled) {
                    timer->deleteLater();
                    const runpod::JobObservation last = observation("CANCELLED", 1204, std::nullopt, 30 * *step, *step);
                    progress(last);
                    return done(last);
                }
                if (stuck || *step == 1)
                    return progress(observation("IN_QUEUE", std::nullopt, std::nullopt, 30 * *step, *step));
                if (*step == 2)
                    return progress(observation("IN_PROGRESS", 1204, std::nullopt, 1650, *step));
                timer->deleteLater();
                runpod::JobObservation last = observation("COMPLETED", 1204, 2311, 3650, *step);
                last.answer.output = QJsonObject{{QStringLiteral("text"), QStringLiteral("Hello! How can I help you today?")},
                                                 {QStringLiteral("tokens"), 9}};
                progress(last);
                done(last);
            });
            timer->start();
        };
        handler.cancel = [this](qint64, const QString &, const QString &jobId, QObject *receiver, std::function<void(Result<QString>)> done) {
            m_cancels << jobId;
            m_cancelled = true;
            QTimer::singleShot(0, receiver, [done] { done(QStringLiteral("CANCELLED")); });
        };
        return handler;
    }

    EndpointTestDialog *openDialog()
    {
        m_page->testButton()->click();
        auto *dialog = m_page->findChild<EndpointTestDialog *>();
        if (dialog && !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        return dialog;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QDir().mkpath(QStringLiteral(FLEETSCOPE_BUILD_DIR "/screenshots")));
        m_store = std::make_unique<StoreService>(*StoreLocation::parse(QString(), m_dir.path()));
        QVERIFY(m_store->startBlocking());
        m_store->submit(test::connectionBatch(QStringLiteral("prod"), QStringLiteral("runpod")));
        WriteBatch batch;
        EndpointSnapshot endpoint;
        endpoint.snapshotTs = QDateTime::currentDateTimeUtc();
        endpoint.connectionId = 1;
        endpoint.endpointId = QStringLiteral("vllm-7b2kq");
        endpoint.name = QStringLiteral("llm-chat");
        endpoint.gpuTypeIds = QStringLiteral("ADA_24");
        endpoint.workersMax = 3;
        batch.endpoints << endpoint;
        m_store->submit(batch);
        m_store->flush();
        m_page = std::make_unique<EndpointsPage>(*m_store);
        m_page->resize(1000, 700);
        m_page->show();
        m_page->reload();
        QTRY_COMPARE(m_page->tableView()->table()->model()->rowCount(), 1);
    }

    void cleanup()
    {
        for (EndpointTestDialog *dialog : m_page->findChildren<EndpointTestDialog *>())
            delete dialog;
    }

    void testIsDisabledWithoutAHandlerAndSaysWhy()
    {
        QTRY_VERIFY(m_page->tableView()->table()->currentIndex().isValid());
        QVERIFY(!m_page->testButton()->isEnabled());
        QVERIFY(m_page->testButton()->toolTip().contains(QLatin1String("collection engine")));
        QVERIFY(!m_page->openTestDialog());
        m_page->setJobHandler(scriptedHandler());
        QVERIFY(m_page->testButton()->isEnabled());
        m_page->tableView()->table()->setCurrentIndex({});
        QVERIFY(!m_page->testButton()->isEnabled());
        QVERIFY(m_page->testButton()->toolTip().contains(QLatin1String("Select an endpoint")));
        m_page->tableView()->table()->setCurrentIndex(m_page->tableView()->table()->model()->index(0, 0));
        QVERIFY(m_page->testButton()->isEnabled());
    }

    void invalidJsonIsNamedByLineAndColumnAndNothingIsSent()
    {
        m_runs.clear();
        EndpointTestDialog *dialog = openDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->payloadEdit()->toPlainText(), EndpointTestDialog::defaultPayload());
        QVERIFY(!dialog->payloadError()->isVisible());
        dialog->payloadEdit()->setPlainText(QStringLiteral("{\n  \"input\": {\"prompt\": \"Hello\"\n}"));
        QVERIFY(dialog->payloadError()->isVisible());
        QVERIFY2(dialog->payloadError()->text().contains(QLatin1String("line 3, column")), qPrintable(dialog->payloadError()->text()));
        QVERIFY(!dialog->runButton()->isEnabled());
        QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
        dialog->payloadEdit()->setPlainText(QStringLiteral("{\"prompt\": \"no input\"}"));
        QVERIFY(dialog->payloadError()->text().contains(QLatin1String("\"input\"")));
        QVERIFY(!dialog->runButton()->isEnabled());
        QVERIFY(m_runs.isEmpty());
        dialog->payloadEdit()->setPlainText(EndpointTestDialog::defaultPayload());
        QVERIFY(!dialog->payloadError()->isVisible());
        QVERIFY(dialog->runButton()->isEnabled());
    }

    void runAndPollShowsStatusTimingsAndOutput()
    {
        m_runs.clear();
        EndpointTestDialog *dialog = openDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->windowTitle().contains(QLatin1String("llm-chat (vllm-7b2kq)")));
        dialog->runAndPollButton()->setChecked(true);
        dialog->runButton()->click();
        QCOMPARE(m_runs.size(), 1);
        QCOMPARE(m_runs.first().mode, runpod::JobMode::RunAndPoll);
        QCOMPARE(m_runs.first().endpointId, QStringLiteral("vllm-7b2kq"));
        QCOMPARE(m_runs.first().connectionId, qint64(1));
        QCOMPARE(m_runs.first().payload.value(QStringLiteral("input")).toObject().value(QStringLiteral("prompt")).toString(), QStringLiteral("Hello"));
        QVERIFY(dialog->isRunning());
        QVERIFY(dialog->progressBar()->isVisible());
        QVERIFY(!dialog->runButton()->isEnabled());
        QTRY_VERIFY(dialog->statusLabel()->text().contains(QLatin1String("In queue")));
        QVERIFY(dialog->cancelButton()->isEnabled());   // the job has an id now
        QTRY_VERIFY(!dialog->isRunning());
        QCOMPARE(dialog->statusLabel()->text(), QStringLiteral("Job job-42-u1 · In queue → In progress → Completed"));
        QCOMPARE(dialog->timingsLabel()->text(),
                 QStringLiteral("Delay %1 · Execution %2 · Round trip %3").arg(ms(1204), ms(2311), ms(3650)));
        QVERIFY(dialog->resultView()->toPlainText().contains(QLatin1String("\"text\": \"Hello! How can I help you today?\"")));
        QVERIFY(dialog->resultView()->toPlainText().contains(QLatin1Char('\n')));   // pretty-printed
        QVERIFY(!dialog->progressBar()->isVisible());
        QVERIFY(!dialog->cancelButton()->isEnabled());
        QVERIFY(dialog->runButton()->isEnabled());

        QTest::qWait(50);
        const QImage shot = dialog->grab().toImage();
        QVERIFY(!shot.isNull());
        QVERIFY(shot.save(QStringLiteral(FLEETSCOPE_BUILD_DIR "/screenshots/endpoint-test-dialog.png")));
    }

    void cancelAsksRunPodAndShowsTheCancelledJob()
    {
        m_cancels.clear();
        EndpointTestDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->runAndPollButton()->setChecked(true);
        dialog->payloadEdit()->setPlainText(QStringLiteral(R"({"input": {"stuck": true}})"));
        QVERIFY(!dialog->cancelButton()->isEnabled());
        dialog->runButton()->click();
        QTRY_VERIFY(dialog->cancelButton()->isEnabled());
        dialog->cancelButton()->click();
        QCOMPARE(m_cancels, QStringList{QStringLiteral("job-42-u1")});
        QTRY_VERIFY(!dialog->isRunning());
        QVERIFY2(dialog->statusLabel()->text().endsWith(QStringLiteral("In queue → Cancelled")), qPrintable(dialog->statusLabel()->text()));
    }

    void errorsShowTheirClassAndMessage()
    {
        EndpointJobHandler failing = scriptedHandler();
        failing.run = [](runpod::JobRequest, QObject *receiver, runpod::JobProgress, runpod::JobDone done) {
            QTimer::singleShot(10, receiver, [done] {
                done(fail(ErrorClass::Auth, QStringLiteral("runpod serverless runsync: POST 127.0.0.1/v2/vllm-7b2kq/runsync answered HTTP 401 (credential rejected)")));
            });
        };
        m_page->setJobHandler(failing);
        EndpointTestDialog *dialog = openDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->runSyncButton()->isChecked());
        dialog->runButton()->click();
        QVERIFY(dialog->statusLabel()->text().contains(QLatin1String("runsync")));
        QTRY_VERIFY(!dialog->isRunning());
        QVERIFY2(dialog->statusLabel()->text().startsWith(QStringLiteral("auth — runpod serverless runsync")), qPrintable(dialog->statusLabel()->text()));
        QVERIFY(dialog->statusLabel()->text().contains(QLatin1String("401")));
        QVERIFY(dialog->resultView()->toPlainText().isEmpty());
        m_page->setJobHandler(scriptedHandler());
    }

    void closingWhileRunningStopsFollowing()
    {
        std::stop_token stop;
        EndpointJobHandler handler;
        handler.run = [&stop](runpod::JobRequest request, QObject *, runpod::JobProgress, runpod::JobDone) { stop = request.stop; };
        handler.cancel = [](qint64, const QString &, const QString &, QObject *, std::function<void(Result<QString>)>) {};
        m_page->setJobHandler(handler);
        EndpointTestDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->runButton()->click();
        QVERIFY(stop.stop_possible() && !stop.stop_requested());
        dialog->close();   // deletes itself
        QTRY_VERIFY(m_page->findChildren<EndpointTestDialog *>().isEmpty());
        QVERIFY(stop.stop_requested());
        m_page->setJobHandler(scriptedHandler());
    }
};

QTEST_MAIN(TestEndpointTest)
#include "test_endpointtest.moc"
