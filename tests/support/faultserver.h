// A loopback HTTP/1.1 server for tests: answers from a script, can misbehave on purpose, and
// records what it was sent.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QQueue>
#include <QTcpServer>
#include <QUrl>

#include <utility>

class QTcpSocket;

namespace fleetscope {

struct ScriptedResponse {
    enum class Fault {
        None,
        TruncatedBody,    // announces a longer Content-Length than it sends, then closes
        DropConnection,   // closes the connection without answering
        NoAnswer,         // keeps the connection open and never answers
    };

    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int delayMs = 0;          // real time before answering
    Fault fault = Fault::None;

    static ScriptedResponse withStatus(int status, QByteArray body = {});
    static ScriptedResponse withFault(Fault fault);
};

struct ReceivedRequest {
    QByteArray method;
    QByteArray target;   // path and query, as sent
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const;
};

class FaultServer : public QObject
{
    Q_OBJECT
public:
    explicit FaultServer(QObject *parent = nullptr);
    ~FaultServer() override;

    // Listens on 127.0.0.1 on a free port.
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    // http://127.0.0.1:PORT followed by PATHANDQUERY ("/v1/pods?x=1").
    QUrl url(const QString &pathAndQuery) const;

    // Responses are used in order, one per request; when none is left, the fallback answers.
    void enqueue(ScriptedResponse response);
    void setFallback(ScriptedResponse response) { m_fallback = std::move(response); }

    const QList<ReceivedRequest> &requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }

Q_SIGNALS:
    void requestReceived(int count);

private:
    void handleNewConnection();
    void handleReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const ScriptedResponse &response);

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QQueue<ScriptedResponse> m_script;
    ScriptedResponse m_fallback;
    QList<ReceivedRequest> m_requests;
};

} // namespace fleetscope
