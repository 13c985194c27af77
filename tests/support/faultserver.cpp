// Request parsing and scripted (mis)behaviour of the loopback test server.
#include "faultserver.h"

#include <QTcpSocket>
#include <QTimer>

namespace fleetscope {

ScriptedResponse ScriptedResponse::withStatus(int status, QByteArray body)
{
    ScriptedResponse response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

ScriptedResponse ScriptedResponse::withFault(Fault fault)
{
    ScriptedResponse response;
    response.fault = fault;
    response.body = QByteArrayLiteral("{\"partial\": true, \"padding\": \"....................\"}");
    return response;
}

QByteArray ReceivedRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

FaultServer::FaultServer(QObject *parent)
    : QObject(parent)
{
    m_fallback.body = QByteArrayLiteral("{}");
    connect(&m_server, &QTcpServer::newConnection, this, &FaultServer::handleNewConnection);
}

FaultServer::~FaultServer()
{
    // Sockets are children of the server; closing them first keeps their signals away from us.
    for (QTcpSocket *socket : m_buffers.keys())
        socket->disconnect(this);
}

bool FaultServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FaultServer::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(pathAndQuery));
}

void FaultServer::enqueue(ScriptedResponse response)
{
    m_script.enqueue(std::move(response));
}

void FaultServer::handleNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { handleReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FaultServer::handleReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;

    ReceivedRequest request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    qsizetype contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = lines.at(i).left(colon).trimmed();
        const QByteArray value = lines.at(i).mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name.compare("content-length", Qt::CaseInsensitive) == 0)
            contentLength = value.toLongLong();
    }
    if (buffer.size() < headerEnd + 4 + contentLength)
        return;
    request.body = buffer.mid(headerEnd + 4, contentLength);
    buffer.clear();   // one request per connection: every answer closes it

    m_requests.append(request);
    const ScriptedResponse response = m_script.isEmpty() ? m_fallback : m_script.dequeue();
    Q_EMIT requestReceived(requestCount());
    if (response.delayMs > 0)
        QTimer::singleShot(response.delayMs, socket, [this, socket, response] { answer(socket, response); });
    else
        answer(socket, response);
}

void FaultServer::answer(QTcpSocket *socket, const ScriptedResponse &response)
{
    using Fault = ScriptedResponse::Fault;
    if (response.fault == Fault::NoAnswer)
        return;
    if (response.fault == Fault::DropConnection) {
        socket->disconnectFromHost();
        return;
    }
    const qsizetype announced = response.body.size() + (response.fault == Fault::TruncatedBody ? 1000 : 0);
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " Scripted\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += "Content-Length: " + QByteArray::number(announced) + "\r\nConnection: close\r\n\r\n" + response.body;
    socket->write(out);
    socket->disconnectFromHost();
}

} // namespace fleetscope
