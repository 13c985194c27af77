// The endpoint "Test" dialog: sends a JSON payload by runsync or run + status, follows the job live
// and shows its output and timings; the network work goes through a handler main wires to the engine.
#pragma once

#include "providers/runpod/runpodjobs.h"

#include <QDialog>

#include <functional>
#include <stop_token>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace fleetscope {

// How the dialog reaches an endpoint; ui/ never opens a socket itself.
struct EndpointJobHandler {
    // Follows REQUEST; PROGRESS and DONE are called on RECEIVER's thread unless it is gone.
    std::function<void(runpod::JobRequest request, QObject *receiver, runpod::JobProgress progress, runpod::JobDone done)> run;
    // Asks RunPod to cancel a job; DONE gets the job's status afterwards.
    std::function<void(qint64 connectionId, const QString &endpointId, const QString &jobId, QObject *receiver,
                       std::function<void(Result<QString>)> done)> cancel;

    explicit operator bool() const { return run && cancel; }
};

class EndpointTestDialog : public QDialog
{
    Q_OBJECT
public:
    static QString defaultPayload() { return QStringLiteral(R"({"input": {"prompt": "Hello"}})"); }

    EndpointTestDialog(qint64 connectionId, QString endpointId, const QString &endpointName, EndpointJobHandler handler,
                       QWidget *parent = nullptr);
    ~EndpointTestDialog() override;   // stops following a job that is still running

    // The payload as a request body, or a message naming the line and column of the first error.
    static std::expected<QJsonObject, QString> parsePayload(const QString &text);

    QRadioButton *runSyncButton() const { return m_runSync; }
    QRadioButton *runAndPollButton() const { return m_runAndPoll; }
    QPlainTextEdit *payloadEdit() const { return m_payload; }
    QLabel *payloadError() const { return m_payloadError; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *timingsLabel() const { return m_timings; }
    QPlainTextEdit *resultView() const { return m_result; }
    bool isRunning() const { return m_running; }

private:
    void run();
    void cancelJob();
    void showObservation(const runpod::JobObservation &observation);
    void finish(const Result<runpod::JobObservation> &result);
    void showStatusLine(const QString &tail = QString());
    void setRunning(bool running);
    bool validatePayload();

    qint64 m_connectionId;
    QString m_endpointId;
    EndpointJobHandler m_handler;
    std::stop_source m_stop;
    bool m_running = false;
    QString m_jobId;
    QStringList m_statusTrail;   // the statuses seen, in order: "In queue", "In progress", ...
    bool m_final = false;

    QRadioButton *m_runSync = nullptr;
    QRadioButton *m_runAndPoll = nullptr;
    QPlainTextEdit *m_payload = nullptr;
    QLabel *m_payloadError = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_timings = nullptr;
    QPlainTextEdit *m_result = nullptr;
};

} // namespace fleetscope
