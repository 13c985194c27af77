// EndpointTestDialog: payload validation, the live status line, output and timings of one test job.
#include "endpointtestdialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace fleetscope {
namespace {

QString statusText(const runpod::JobAnswer &answer)
{
    switch (answer.status) {
    case runpod::JobStatus::InQueue: return EndpointTestDialog::tr("In queue");
    case runpod::JobStatus::InProgress: return EndpointTestDialog::tr("In progress");
    case runpod::JobStatus::Completed: return EndpointTestDialog::tr("Completed");
    case runpod::JobStatus::Failed: return EndpointTestDialog::tr("Failed");
    case runpod::JobStatus::Cancelled: return EndpointTestDialog::tr("Cancelled");
    case runpod::JobStatus::TimedOut: return EndpointTestDialog::tr("Timed out");
    case runpod::JobStatus::Unknown: break;
    }
    return answer.statusName;
}

QString milliseconds(std::optional<qint64> ms)
{
    return ms ? EndpointTestDialog::tr("%1 ms").arg(QLocale().toString(*ms)) : EndpointTestDialog::tr("—");
}

// Any JSON value, indented; QJsonDocument holds only objects and arrays.
QString prettyJson(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented)).trimmed();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)).trimmed();
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

const QString kErrorStyle = QStringLiteral("color: #c62828;");

QString errorText(const Error &error)
{
    return EndpointTestDialog::tr("%1 — %2").arg(errorClassName(error.kind), error.message);
}

} // namespace

EndpointTestDialog::EndpointTestDialog(qint64 connectionId, QString endpointId, const QString &endpointName, EndpointJobHandler handler,
                                       QWidget *parent)
    : QDialog(parent)
    , m_connectionId(connectionId)
    , m_endpointId(std::move(endpointId))
    , m_handler(std::move(handler))
{
    const QString name = endpointName.isEmpty() || endpointName == m_endpointId ? m_endpointId : tr("%1 (%2)").arg(endpointName, m_endpointId);
    setWindowTitle(tr("Test endpoint — %1").arg(name));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    auto *modeBox = new QGroupBox(tr("Mode"), this);
    m_runSync = new QRadioButton(tr("runsync (wait for the result)"), modeBox);
    m_runAndPoll = new QRadioButton(tr("run + status (poll)"), modeBox);
    m_runSync->setChecked(true);
    auto *modeLayout = new QHBoxLayout(modeBox);
    modeLayout->addWidget(m_runSync);
    modeLayout->addWidget(m_runAndPoll);
    modeLayout->addStretch(1);

    auto *payloadLabel = new QLabel(tr("&Payload (JSON)"), this);
    m_payload = new QPlainTextEdit(defaultPayload(), this);
    m_payload->setFont(fixed);
    m_payload->setAccessibleName(tr("Payload (JSON)"));
    m_payload->setTabChangesFocus(true);
    payloadLabel->setBuddy(m_payload);
    m_payloadError = new QLabel(this);
    m_payloadError->setTextFormat(Qt::PlainText);
    m_payloadError->setWordWrap(true);
    m_payloadError->setAccessibleName(tr("Payload error"));
    m_payloadError->setStyleSheet(kErrorStyle);
    m_payloadError->setVisible(false);

    m_run = new QPushButton(tr("&Run"), this);
    m_run->setDefault(true);
    m_cancel = new QPushButton(tr("&Cancel job"), this);
    m_cancel->setEnabled(false);
    m_cancel->setToolTip(tr("Asks RunPod to cancel the job once it has an id"));
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);   // busy: RunPod reports no percentage
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(120);
    m_progress->setAccessibleName(tr("Job running"));
    m_progress->setVisible(false);
    m_status = new QLabel(tr("Not run yet."), this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Job status"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_run);
    runRow->addWidget(m_cancel);
    runRow->addWidget(m_progress);
    runRow->addWidget(m_status, 1);

    m_timings = new QLabel(this);
    m_timings->setTextFormat(Qt::PlainText);
    m_timings->setAccessibleName(tr("Timings"));
    m_timings->setText(tr("Delay %1 · Execution %2 · Round trip %3").arg(milliseconds({}), milliseconds({}), milliseconds({})));

    auto *resultLabel = new QLabel(tr("Output"), this);
    m_result = new QPlainTextEdit(this);
    m_result->setReadOnly(true);
    m_result->setFont(fixed);
    m_result->setAccessibleName(tr("Output"));
    m_result->setPlaceholderText(tr("The job's output appears here."));
    resultLabel->setBuddy(m_result);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(modeBox);
    layout->addWidget(payloadLabel);
    layout->addWidget(m_payload, 2);
    layout->addWidget(m_payloadError);
    layout->addLayout(runRow);
    layout->addWidget(m_timings);
    layout->addWidget(resultLabel);
    layout->addWidget(m_result, 3);
    layout->addWidget(buttons);
    resize(620, 560);

    connect(m_payload, &QPlainTextEdit::textChanged, this, &EndpointTestDialog::validatePayload);
    connect(m_run, &QPushButton::clicked, this, &EndpointTestDialog::run);
    connect(m_cancel, &QPushButton::clicked, this, &EndpointTestDialog::cancelJob);
}

EndpointTestDialog::~EndpointTestDialog()
{
    m_stop.request_stop();
}

std::expected<QJsonObject, QString> EndpointTestDialog::parsePayload(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        const QByteArray before = utf8.left(error.offset);
        const qsizetype lineStart = before.lastIndexOf('\n') + 1;
        const int line = int(before.count('\n')) + 1;
        const int column = int(QString::fromUtf8(before.mid(lineStart)).size()) + 1;
        return std::unexpected(tr("Invalid JSON at line %1, column %2: %3").arg(line).arg(column).arg(error.errorString()));
    }
    if (!document.isObject() || !document.object().contains(QStringLiteral("input")))
        return std::unexpected(tr("The payload must be a JSON object with an \"input\" field, like %1").arg(defaultPayload()));
    return document.object();
}

bool EndpointTestDialog::validatePayload()
{
    const auto payload = parsePayload(m_payload->toPlainText());
    m_payloadError->setText(payload ? QString() : payload.error());
    m_payloadError->setVisible(!payload);
    m_run->setEnabled(!m_running && payload.has_value());
    return payload.has_value();
}

void EndpointTestDialog::run()
{
    const auto payload = parsePayload(m_payload->toPlainText());
    if (!payload || m_running) {
        validatePayload();
        return;
    }
    runpod::JobRequest request;
    request.connectionId = m_connectionId;
    request.endpointId = m_endpointId;
    request.mode = m_runSync->isChecked() ? runpod::JobMode::RunSync : runpod::JobMode::RunAndPoll;
    request.payload = *payload;
    m_stop = std::stop_source();
    request.stop = m_stop.get_token();
    m_jobId.clear();
    m_statusTrail.clear();
    m_final = false;
    m_result->clear();
    m_status->setStyleSheet(QString());
    m_timings->setText(tr("Delay %1 · Execution %2 · Round trip %3").arg(milliseconds({}), milliseconds({}), milliseconds({})));
    setRunning(true);
    showStatusLine(request.mode == runpod::JobMode::RunSync ? tr("Waiting for the result (runsync)…") : tr("Submitting…"));
    m_handler.run(std::move(request), this, [this](const runpod::JobObservation &observation) { showObservation(observation); },
                  [this](Result<runpod::JobObservation> result) { finish(result); });
}

void EndpointTestDialog::showObservation(const runpod::JobObservation &observation)
{
    const runpod::JobAnswer &answer = observation.answer;
    m_jobId = answer.id;
    m_status->setStyleSheet(QString());
    m_final = runpod::isFinal(answer.status);
    const QString text = statusText(answer);
    if (m_statusTrail.isEmpty() || m_statusTrail.last() != text)
        m_statusTrail.append(text);
    showStatusLine(m_final ? QString() : tr("polling…"));
    m_timings->setText(tr("Delay %1 · Execution %2 · Round trip %3")
                           .arg(milliseconds(answer.delayMs), milliseconds(answer.executionMs), milliseconds(observation.roundTripMs)));
    m_timings->setToolTip(tr("Delay and execution as RunPod reports them; the round trip is measured here, from sending the job to "
                             "this answer, over %n request(s).", nullptr, observation.requests));
    if (answer.status == runpod::JobStatus::Failed)
        m_result->setPlainText(answer.error.isEmpty() ? tr("(the job failed without an error message)") : answer.error);
    else if (!answer.output.isUndefined())
        m_result->setPlainText(prettyJson(answer.output));
    m_cancel->setEnabled(m_running && !m_final && !m_jobId.isEmpty());
}

void EndpointTestDialog::finish(const Result<runpod::JobObservation> &result)
{
    setRunning(false);
    if (!result) {
        m_status->setStyleSheet(kErrorStyle);
        showStatusLine(errorText(result.error()));
        return;
    }
    showStatusLine();
}

void EndpointTestDialog::cancelJob()
{
    if (m_jobId.isEmpty() || m_final)
        return;
    m_cancel->setEnabled(false);
    showStatusLine(tr("cancel requested…"));
    m_handler.cancel(m_connectionId, m_endpointId, m_jobId, this, [this](Result<QString> status) {
        if (!status) {
            m_status->setStyleSheet(kErrorStyle);
            showStatusLine(tr("cancel failed: %1").arg(errorText(status.error())));
        }
        // On success the next poll shows the cancelled job.
    });
}

void EndpointTestDialog::showStatusLine(const QString &tail)
{
    QStringList parts;
    if (!m_jobId.isEmpty())
        parts << tr("Job %1").arg(m_jobId);
    if (!m_statusTrail.isEmpty())
        parts << m_statusTrail.join(QStringLiteral(" → "));
    if (!tail.isEmpty())
        parts << tail;
    m_status->setText(parts.join(QStringLiteral(" · ")));
}

void EndpointTestDialog::setRunning(bool running)
{
    m_running = running;
    m_progress->setVisible(running);
    m_runSync->setEnabled(!running);
    m_runAndPoll->setEnabled(!running);
    m_payload->setReadOnly(running);
    m_cancel->setEnabled(running && !m_final && !m_jobId.isEmpty());
    validatePayload();
}

} // namespace fleetscope
