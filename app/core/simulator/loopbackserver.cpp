// HTTP/1.1 request parsing, keep-alive, and the seeded faults and latency of the loopback server.
#include "simulator/loopbackserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <array>

Q_LOGGING_CATEGORY(lcSimulator, "fleetscope.simulator")

namespace fleetscope {
namespace {

using namespace Qt::StringLiterals;

constexpr qsizetype kMaxHeaderBytes = 64 * 1024;
constexpr qsizetype kMaxBodyBytes = 16 * 1024 * 1024;   // RunPod allows 10 MB payloads

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

LoopbackResponse problem(int status, const QString &detail)
{
    const QJsonObject body{
        {u"type"_s, u"about:blank"_s},
        {u"title"_s, QString::fromLatin1(reasonPhrase(status))},
        {u"status"_s, status},
        {u"detail"_s, detail},
    };
    return LoopbackResponse::withBody(status, "application/problem+json", QJsonDocument(body).toJson(QJsonDocument::Compact));
}

} // namespace

QByteArray LoopbackRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

LoopbackResponse LoopbackResponse::withJson(int status, const QJsonValue &body)
{
    const QByteArray bytes = body.isObject()  ? QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact)
                             : body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                              : QByteArrayLiteral("null");
    return withBody(status, "application/json", bytes);
}

LoopbackResponse LoopbackResponse::withBody(int status, QByteArray contentType, QByteArray body)
{
    LoopbackResponse response;
    response.status = status;
    response.headers.append({QByteArrayLiteral("Content-Type"), std::move(contentType)});
    response.body = std::move(body);
    return response;
}

Result<FaultPlan> parseFaultSpec(const QString &spec)
{
    FaultPlan plan;
    const QStringList items = spec.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &raw : items) {
        const QString item = raw.trimmed();
        if (item.startsWith(QLatin1String("retry-after="))) {
            bool ok = false;
            const int seconds = item.mid(12).toInt(&ok);
            if (!ok || seconds < 0 || seconds > 86'400)
                return fail(ErrorClass::Config, u"faults: retry-after needs whole seconds (0-86400), got '%1'"_s.arg(item));
            plan.retryAfterSeconds = seconds;
            continue;
        }
        const qsizetype colon = item.indexOf(QLatin1Char(':'));
        bool ok = false;
        const double chance = colon > 0 ? item.mid(colon + 1).toDouble(&ok) : 0.0;
        if (colon <= 0 || !ok || chance < 0 || chance > 1)
            return fail(ErrorClass::Config, u"faults: '%1' is not KIND:CHANCE with CHANCE between 0 and 1"_s.arg(item));
        const QString kind = item.left(colon);
        if (kind == QLatin1String("429"))
            plan.rateLimited = chance;
        else if (kind == QLatin1String("5xx") || kind == QLatin1String("500") || kind == QLatin1String("503"))
            plan.serverError = chance;
        else if (kind == QLatin1String("malformed"))
            plan.malformed = chance;
        else if (kind == QLatin1String("truncated"))
            plan.truncated = chance;
        else if (kind == QLatin1String("drop"))
            plan.drop = chance;
        else
            return fail(ErrorClass::Config,
                        u"faults: unknown kind '%1' (known: 429, 5xx, malformed, truncated, drop, retry-after=N)"_s.arg(kind));
    }
    return plan;
}

LoopbackServer::LoopbackServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackServer::handleNewConnection);
}

LoopbackServer::~LoopbackServer()
{
    close();
}

void LoopbackServer::setFaults(const FaultPlan &plan, quint64 seed)
{
    m_faults = plan;
    m_faultRandom.seed(quint32(seed ^ (seed >> 32)) ^ 0x5eedfa17u);
}

Result<quint16> LoopbackServer::listen(quint16 port)
{
    if (m_server->isListening())
        return m_server->serverPort();
    if (!m_server->listen(QHostAddress::LocalHost, port))
        return fail(ErrorClass::Config, u"cannot listen on 127.0.0.1:%1: %2"_s.arg(port).arg(m_server->errorString()));
    qCInfo(lcSimulator) << "listening on 127.0.0.1 port" << m_server->serverPort();
    return m_server->serverPort();
}

void LoopbackServer::close()
{
    m_server->close();
    const QList<QTcpSocket *> sockets = m_connections.keys();
    m_connections.clear();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
}

bool LoopbackServer::isListening() const
{
    return m_server->isListening();
}

quint16 LoopbackServer::port() const
{
    return m_server->serverPort();
}

void LoopbackServer::handleNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_connections.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { processBuffer(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            socket->deleteLater();
        });
    }
}

void LoopbackServer::processBuffer(QTcpSocket *socket)
{
    // Looked up on every pass: answering may close the socket, which removes its entry.
    while (m_connections.contains(socket) && socket->state() == QAbstractSocket::ConnectedState) {
        Connection &connection = m_connections[socket];
        connection.buffer += socket->readAll();
        if (connection.busy)
            return;
        QByteArray &buffer = connection.buffer;
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            if (buffer.size() > kMaxHeaderBytes)
                reject(socket, 431, u"request headers exceed 64 KiB"_s);
            return;
        }

        LoopbackRequest request;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
            reject(socket, 400, u"malformed request line"_s);
            return;
        }
        request.method = requestLine.at(0);
        const QByteArray target = requestLine.at(1);
        const qsizetype question = target.indexOf('?');
        request.path = QString::fromUtf8(QByteArray::fromPercentEncoding(question < 0 ? target : target.left(question)));
        if (question >= 0)
            request.query.setQuery(QString::fromUtf8(target.mid(question + 1)));

        qsizetype contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon <= 0)
                continue;
            request.headers.append({lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
        }
        if (request.header("Transfer-Encoding").size() > 0) {
            reject(socket, 501, u"chunked request bodies are not supported; send Content-Length"_s);
            return;
        }
        if (const QByteArray length = request.header("Content-Length"); !length.isEmpty()) {
            bool ok = false;
            contentLength = length.toLongLong(&ok);
            if (!ok || contentLength < 0 || contentLength > kMaxBodyBytes) {
                reject(socket, contentLength > kMaxBodyBytes ? 413 : 400, u"bad Content-Length"_s);
                return;
            }
        }
        if (buffer.size() < headerEnd + 4 + contentLength)
            return;
        request.body = buffer.mid(headerEnd + 4, contentLength);
        buffer.remove(0, headerEnd + 4 + contentLength);

        const QByteArray connectionHeader = request.header("Connection").toLower();
        const bool keepAlive = requestLine.at(2) == "HTTP/1.1" ? connectionHeader != "close" : connectionHeader == "keep-alive";
        serve(socket, request, keepAlive);
    }
}

LoopbackServer::Fault LoopbackServer::drawFault()
{
    if (m_faults.isEmpty())
        return Fault::None;
    double edge = 0;
    const double draw = m_faultRandom.generateDouble();
    const std::pair<double, Fault> chances[] = {
        {m_faults.drop, Fault::Drop},
        {m_faults.rateLimited, Fault::RateLimited},
        {m_faults.serverError, Fault::ServerError},
        {m_faults.malformed, Fault::Malformed},
        {m_faults.truncated, Fault::Truncated},
    };
    for (const auto &[chance, fault] : chances) {
        edge += chance;
        if (draw < edge)
            return fault;
    }
    return Fault::None;
}

void LoopbackServer::serve(QTcpSocket *socket, const LoopbackRequest &request, bool keepAlive)
{
    ++m_requestCount;
    // Drawn on arrival, so the sequence of faults depends only on the seed and the request order.
    const Fault fault = drawFault();
    const int errorStatus = std::array{500, 502, 503}[m_faultRandom.bounded(3)];
    qCDebug(lcSimulator).noquote() << request.method << request.path << "fault" << int(fault);

    auto respond = [this, socket, request, keepAlive, fault, errorStatus] {
        switch (fault) {
        case Fault::Drop:
            m_connections.remove(socket);
            socket->disconnectFromHost();
            return;
        case Fault::RateLimited: {
            LoopbackResponse response = problem(429, u"rate limit exceeded for the minute window"_s);
            response.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(m_faults.retryAfterSeconds)});
            writeResponse(socket, response, keepAlive, fault);
            break;
        }
        case Fault::ServerError:
            writeResponse(socket, problem(errorStatus, u"simulated upstream failure"_s), keepAlive, fault);
            break;
        default:
            writeResponse(socket, m_handler(request), keepAlive, fault);
            break;
        }
        finishRequest(socket, keepAlive && fault != Fault::Truncated);
    };

    if (m_latencyMs <= 0) {
        respond();
        return;
    }
    m_connections[socket].busy = true;
    // The socket is the context: a connection closed meanwhile takes the pending answer with it.
    QTimer::singleShot(m_latencyMs, socket, [this, socket, respond] {
        respond();
        if (m_connections.contains(socket)) {
            m_connections[socket].busy = false;
            processBuffer(socket);
        }
    });
}

void LoopbackServer::writeResponse(QTcpSocket *socket, const LoopbackResponse &response, bool keepAlive, Fault fault)
{
    QByteArray body = response.body;
    qsizetype announced = body.size();
    if (fault == Fault::Malformed) {
        body.truncate(body.size() / 2);
        announced = body.size();
    } else if (fault == Fault::Truncated) {
        body.truncate(body.size() / 2);
    }
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += "Content-Length: " + QByteArray::number(announced) + "\r\n";
    out += keepAlive && fault != Fault::Truncated ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    out += body;
    socket->write(out);
}

void LoopbackServer::finishRequest(QTcpSocket *socket, bool keepAlive)
{
    if (keepAlive)
        return;
    m_connections.remove(socket);
    socket->disconnectFromHost();
}

void LoopbackServer::reject(QTcpSocket *socket, int status, const QString &detail)
{
    qCDebug(lcSimulator).noquote() << "rejected request:" << detail;
    writeResponse(socket, problem(status, detail), false, Fault::None);
    finishRequest(socket, false);
}

} // namespace fleetscope
