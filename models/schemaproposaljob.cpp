// SchemaProposalJob: file read and heuristic off the GUI thread, then the AI endpoint asked asynchronously.
#include "schemaproposaljob.h"

#include "workflows/resultfiles.h"

#include <QFile>
#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QtConcurrent/QtConcurrentRun>

namespace fleetscope {
namespace {

struct ReadSample {
    Result<ResultFile> sample = fail(ErrorClass::Config, QString());
    Result<SchemaProposal> heuristic = fail(ErrorClass::Config, QString());
};

ReadSample readAndPropose(const QString &path, qint64 maxBytes)
{
    ReadSample read;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        read.sample = fail(ErrorClass::Config, QStringLiteral("%1: %2").arg(path, file.errorString()));
        return read;
    }
    if (file.size() > maxBytes) {
        read.sample = fail(ErrorClass::BadData, QStringLiteral("%1: %2, over the %3 limit").arg(path, byteSize(file.size()), byteSize(maxBytes)));
        return read;
    }
    // At most the limit and one byte: a file that grows, or a pipe that reports no size, is still refused.
    QByteArray bytes = file.read(maxBytes + 1);
    if (bytes.size() > maxBytes) {
        read.sample = fail(ErrorClass::BadData, QStringLiteral("%1: over the %2 limit").arg(path, byteSize(maxBytes)));
        return read;
    }
    read.sample = ResultFile{path, std::move(bytes)};
    read.heuristic = proposeSchemaHeuristically(*read.sample);
    return read;
}

} // namespace

SchemaProposalJob::SchemaProposalJob(QObject *parent)
    : QObject(parent)
{
}

SchemaProposalJob::~SchemaProposalJob() = default;

void SchemaProposalJob::start(const QString &path, qint64 maxBytes, const std::optional<AiEndpoint> &endpoint)
{
    const quint64 generation = ++m_generation;
    auto *watcher = new QFutureWatcher<ReadSample>(this);
    connect(watcher, &QFutureWatcher<ReadSample>::finished, this, [this, watcher, generation, endpoint] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const ReadSample read = watcher->result();
        if (!read.sample) {
            Q_EMIT failed(read.sample.error().message);
            return;
        }
        if (!endpoint) {
            if (read.heuristic)
                Q_EMIT proposed(*read.heuristic, *read.sample);
            else
                Q_EMIT failed(read.heuristic.error().message);
            return;
        }
        const ResultFile sample = *read.sample;
        Credentials().read(aiKeyEntry(endpoint->baseUrl), this, [this, endpoint, sample, generation](Result<Secret> key) {
            if (generation != m_generation)
                return;
            if (!key && !isMissingSecret(key.error())) {
                Q_EMIT failed(key.error().message);
                return;
            }
            ask(*endpoint, sample, key ? *key : Secret(), generation);
        });
    });
    watcher->setFuture(QtConcurrent::run(readAndPropose, path, maxBytes));
}

void SchemaProposalJob::ask(const AiEndpoint &endpoint, const ResultFile &sample, const Secret &key, quint64 generation)
{
    if (!m_http) {
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_clock = std::make_unique<SystemClock>();
        m_http = std::make_unique<HttpClient>(m_nam.get(), *m_clock);
    }
    proposeSchemaWithAi(*m_http, endpoint, key, sample, this, [this, sample, generation](Result<SchemaProposal> proposal) {
        if (generation != m_generation)
            return;
        if (proposal)
            Q_EMIT proposed(*proposal, sample);
        else
            Q_EMIT failed(proposal.error().message);
    });
}

} // namespace fleetscope
