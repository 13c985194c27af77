// A minimal HTTP/1.1 client exchange over QLocalSocket: request out, status line, headers, and a
// body by Content-Length, chunked transfer coding, or up to the close.
#include "localsocketreply.h"

#include <QLocalSocket>
#include <QUrl>

#include <cstring>
#include <utility>

namespace fleetscope {

LocalSocketReply::LocalSocketReply(const QString &socketPath, const QNetworkRequest &request, const QByteArray &method,
                                   const QByteArray &body, QObject *parent)
    : QNetworkReply(parent)
    , m_socket(new QLocalSocket(this))
{
    setRequest(request);
    setUrl(request.url());
    setOperation(QNetworkAccessManager::CustomOperation);
    setAttribute(QNetworkRequest::CustomVerbAttribute, method);
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);

    const QUrl url = request.url();
    QByteArray head = method + ' ' + url.path(QUrl::FullyEncoded).toLatin1();
    if (url.hasQuery())
        head += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    head += " HTTP/1.1\r\nHost: " + (url.host().isEmpty() ? QByteArrayLiteral("localhost") : url.host().toLatin1())
          + "\r\nConnection: close\r\n";
    for (const QByteArray &name : request.rawHeaderList())
        head += name + ": " + request.rawHeader(name) + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH")
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    head += "\r\n";
    const QByteArray message = head + body;

    connect(m_socket, &QLocalSocket::connected, this, [this, message] { m_socket->write(message); });
    connect(m_socket, &QLocalSocket::readyRead, this, [this] {
        m_pending += m_socket->readAll();
        consume();
    });
    connect(m_socket, &QLocalSocket::disconnected, this, [this] {
        if (m_finished)
            return;
        if (m_socket->isOpen())
            m_pending += m_socket->readAll();
        consume();
        if (m_finished)
            return;
        if (m_stage == Stage::Body && m_contentLength < 0 && !m_chunked) {   // the body ends with the connection
            m_body += std::exchange(m_pending, {});
            complete();
            return;
        }
        fail(RemoteHostClosedError, m_stage == Stage::Status ? tr("connection closed without an answer")
                                                             : tr("connection closed before the response was complete"));
    });
    connect(m_socket, &QLocalSocket::errorOccurred, this, [this, socketPath](QLocalSocket::LocalSocketError error) {
        if (m_finished || error == QLocalSocket::PeerClosedError)
            return;   // a close is judged by what arrived before it (disconnected)
        switch (error) {
        case QLocalSocket::ServerNotFoundError: fail(HostNotFoundError, tr("no socket at %1").arg(socketPath)); break;
        case QLocalSocket::ConnectionRefusedError: fail(ConnectionRefusedError, tr("connection refused by %1").arg(socketPath)); break;
        case QLocalSocket::SocketAccessError:
            fail(ConnectionRefusedError, tr("permission denied on %1 (for Docker: is this user in the docker group?)").arg(socketPath));
            break;
        default: fail(UnknownNetworkError, tr("%1: %2").arg(socketPath, m_socket->errorString())); break;
        }
    });
    // Queued: a missing socket fails at once, and the caller must be connected to finished() by then.
    QMetaObject::invokeMethod(m_socket, [this, socketPath] { m_socket->connectToServer(socketPath); }, Qt::QueuedConnection);
}

LocalSocketReply::~LocalSocketReply() = default;

void LocalSocketReply::abort()
{
    fail(OperationCanceledError, tr("aborted"));   // also closes the socket
}

qint64 LocalSocketReply::bytesAvailable() const
{
    return m_body.size() + QNetworkReply::bytesAvailable();
}

qint64 LocalSocketReply::readData(char *data, qint64 maxSize)
{
    if (m_body.isEmpty())
        return m_finished ? -1 : 0;
    const qint64 n = qMin<qint64>(maxSize, m_body.size());
    std::memcpy(data, m_body.constData(), size_t(n));
    m_body.remove(0, n);
    return n;
}

void LocalSocketReply::consume()
{
    while (!m_finished && (m_stage == Stage::Status || m_stage == Stage::Headers)) {
        const qsizetype end = m_pending.indexOf("\r\n");
        if (end < 0)
            return;
        const QByteArray line = m_pending.left(end);
        m_pending.remove(0, end + 2);
        if (!(m_stage == Stage::Status ? parseStatusLine(line) : parseHeaderLine(line)))
            return;
    }
    if (m_stage == Stage::Body && !m_finished && (m_chunked ? takeChunkedBody() : takeBody()))
        complete();
}

bool LocalSocketReply::parseStatusLine(const QByteArray &line)
{
    const QList<QByteArray> parts = line.split(' ');
    bool ok = false;
    const int status = parts.size() >= 2 && parts.first().startsWith("HTTP/1.") ? parts.at(1).toInt(&ok) : 0;
    if (!ok || status < 100 || status > 599) {
        fail(ProtocolFailure, tr("not an HTTP answer"));
        return false;
    }
    setAttribute(QNetworkRequest::HttpStatusCodeAttribute, status);
    setAttribute(QNetworkRequest::HttpReasonPhraseAttribute, line.mid(parts.at(0).size() + parts.at(1).size() + 2));
    m_stage = Stage::Headers;
    return true;
}

bool LocalSocketReply::parseHeaderLine(const QByteArray &line)
{
    if (line.isEmpty()) {
        const int status = attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status < 200) {   // 100 Continue and friends: the real answer follows
            m_stage = Stage::Status;
            return true;
        }
        m_stage = (status == 204 || status == 304 || m_contentLength == 0) ? Stage::Done : Stage::Body;
        emit metaDataChanged();
        if (m_stage == Stage::Done)
            complete();
        return true;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0) {
        fail(ProtocolFailure, tr("malformed header line"));
        return false;
    }
    const QByteArray name = line.left(colon).trimmed();
    const QByteArray value = line.mid(colon + 1).trimmed();
    setRawHeader(name, value);
    if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
        bool ok = false;
        m_contentLength = value.toLongLong(&ok);
        if (!ok || m_contentLength < 0) {
            fail(ProtocolFailure, tr("malformed Content-Length"));
            return false;
        }
    } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
        m_chunked = value.toLower().contains("chunked");
    }
    return true;
}

bool LocalSocketReply::takeBody()
{
    if (m_contentLength < 0) {   // until the close
        m_received += m_pending.size();
        m_body += std::exchange(m_pending, {});
        emit downloadProgress(m_received, -1);
        return false;
    }
    const qint64 wanted = m_contentLength - m_received;
    const QByteArray part = m_pending.left(wanted);
    m_pending.remove(0, part.size());
    m_received += part.size();
    m_body += part;
    emit downloadProgress(m_received, m_contentLength);
    return m_received >= m_contentLength;
}

bool LocalSocketReply::takeChunkedBody()
{
    for (;;) {
        const qsizetype end = m_pending.indexOf("\r\n");
        if (end < 0)
            return false;
        QByteArray sizeText = m_pending.left(end);
        if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
            sizeText.truncate(semicolon);
        bool ok = false;
        const qint64 size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0) {
            fail(ProtocolFailure, tr("malformed chunk size"));
            return false;
        }
        if (size == 0)   // trailers, if any, are not read: the connection closes after this answer
            return true;
        if (m_pending.size() < end + 2 + size + 2)
            return false;
        m_body += m_pending.mid(end + 2, size);
        m_pending.remove(0, end + 2 + size + 2);
        m_received += size;
        emit downloadProgress(m_received, -1);
        if (m_finished)   // the caller aborted on the size
            return false;
    }
}

void LocalSocketReply::fail(NetworkError code, const QString &message)
{
    if (m_finished)
        return;
    m_finished = true;
    m_stage = Stage::Done;
    setError(code, message);
    setFinished(true);
    m_socket->abort();
    emit errorOccurred(code);
    emit finished();
}

void LocalSocketReply::complete()
{
    if (m_finished)
        return;
    m_finished = true;
    m_stage = Stage::Done;
    setFinished(true);
    m_socket->disconnectFromServer();
    if (!m_body.isEmpty())
        emit readyRead();
    emit finished();
}

} // namespace fleetscope
