// A small HTTP/1.1 server on 127.0.0.1 with keep-alive, seeded fault injection and added latency.
#pragma once

#include "error.h"
#include "http/httpclient.h"

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QLoggingCategory>
#include <QObject>
#include <QRandomGenerator>
#include <QUrlQuery>

#include <functional>
#include <utility>

Q_DECLARE_LOGGING_CATEGORY(lcSimulator)

class QTcpServer;
class QTcpSocket;

namespace fleetscope {

struct LoopbackRequest {
    QByteArray method;    // "GET", "POST", ...
    QString path;         // decoded, without the query: "/v2/pods"
    QUrlQuery query;
    HttpHeaders headers;
    QByteArray body;

    // The first header named NAME (case-insensitive), or empty.
    QByteArray header(QByteArrayView name) const;
};

struct LoopbackResponse {
    int status = 200;
    HttpHeaders headers;   // Content-Length and Connection are added by the server
    QByteArray body;

    static LoopbackResponse withBody(int status, QByteArray contentType, QByteArray body);
    // BODY (an object, an array or null) as compact application/json.
    static LoopbackResponse withJson(int status, const QJsonValue &body);
};

// Per-request chances of misbehaving, as given by `--faults`. Chances are checked in the order
// drop, 429, 5xx, malformed, truncated against one draw, so `429:1` answers every request with 429.
struct FaultPlan {
    double drop = 0;          // close the connection without answering
    double rateLimited = 0;   // 429 with Retry-After
    double serverError = 0;   // 500, 502 or 503
    double malformed = 0;     // the real answer cut in half, Content-Length matching: invalid JSON
    double truncated = 0;     // the real answer's full length announced, half sent, then closed
    int retryAfterSeconds = 1;

    bool isEmpty() const { return drop + rateLimited + serverError + malformed + truncated <= 0; }
};

// Parses "429:0.1,5xx:0.05,malformed:0.02,truncated:0.01,drop:0.01,retry-after=2".
// An empty SPEC is no faults. Errors are ErrorClass::Config naming the bad item.
Result<FaultPlan> parseFaultSpec(const QString &spec);

class LoopbackServer : public QObject
{
    Q_OBJECT
public:
    // HANDLER answers one request; it runs on the server's thread, one request at a time.
    using Handler = std::function<LoopbackResponse(const LoopbackRequest &)>;

    explicit LoopbackServer(Handler handler, QObject *parent = nullptr);
    ~LoopbackServer() override;

    // Faults and latency apply to requests that arrive afterwards. SEED makes the fault draws repeatable.
    void setFaults(const FaultPlan &plan, quint64 seed);
    void setLatencyMs(int latencyMs) { m_latencyMs = latencyMs; }

    // Binds 127.0.0.1:PORT (0 picks a free port) and returns the bound port.
    Result<quint16> listen(quint16 port = 0);
    // Stops listening and closes every open connection.
    void close();
    bool isListening() const;
    quint16 port() const;
    qint64 requestCount() const { return m_requestCount; }

private:
    struct Connection {
        QByteArray buffer;
        bool busy = false;   // an answer is pending (latency); later requests wait their turn
    };
    enum class Fault { None, Drop, RateLimited, ServerError, Malformed, Truncated };

    void handleNewConnection();
    void processBuffer(QTcpSocket *socket);
    void serve(QTcpSocket *socket, const LoopbackRequest &request, bool keepAlive);
    void writeResponse(QTcpSocket *socket, const LoopbackResponse &response, bool keepAlive, Fault fault);
    void finishRequest(QTcpSocket *socket, bool keepAlive);
    void reject(QTcpSocket *socket, int status, const QString &detail);
    Fault drawFault();

    Handler m_handler;
    QTcpServer *m_server;   // a child, so that moveToThread() takes it along
    QHash<QTcpSocket *, Connection> m_connections;
    FaultPlan m_faults;
    QRandomGenerator m_faultRandom;
    int m_latencyMs = 0;
    qint64 m_requestCount = 0;
};

} // namespace fleetscope
