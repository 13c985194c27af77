// Proposing a schema for the Workflows page without blocking it: the sample is read and the
// heuristic run on a pool thread; the optional AI endpoint is asked asynchronously on this thread.
#pragma once

#include "http/clock.h"
#include "workflows/aischema.h"

#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace fleetscope {

class SchemaProposalJob : public QObject
{
    Q_OBJECT
public:
    explicit SchemaProposalJob(QObject *parent = nullptr);
    ~SchemaProposalJob() override;

    // Reads PATH (at most MAXBYTES) and proposes a schema, from ENDPOINT when given (its key from
    // the keychain; none stored: no key), else from the file's shape. A later start() drops the
    // answer of an earlier one.
    void start(const QString &path, qint64 maxBytes, const std::optional<AiEndpoint> &endpoint);

Q_SIGNALS:
    // The proposal and the sample it was made from, or the one-line reason there is none.
    void proposed(const fleetscope::SchemaProposal &proposal, const fleetscope::ResultFile &sample);
    void failed(const QString &message);

private:
    void ask(const AiEndpoint &endpoint, const ResultFile &sample, const Secret &key, quint64 generation);

    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<SystemClock> m_clock;
    std::unique_ptr<HttpClient> m_http;
    quint64 m_generation = 0;
};

} // namespace fleetscope
