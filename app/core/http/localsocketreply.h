// HTTP/1.1 over a Unix domain socket (the Docker Engine's /var/run/docker.sock), as a QNetworkReply,
// so that HttpClient handles its answer, errors and retries the way it handles any other.
#pragma once

#include <QByteArray>
#include <QNetworkReply>
#include <QNetworkRequest>

class QLocalSocket;

namespace fleetscope {

class LocalSocketReply : public QNetworkReply
{
    Q_OBJECT
public:
    // Sends METHOD REQUEST (its URL gives path, query and Host) with BODY to the socket at SOCKET_PATH.
    // One request per connection ("Connection: close"); the answer may be chunked.
    LocalSocketReply(const QString &socketPath, const QNetworkRequest &request, const QByteArray &method, const QByteArray &body,
                     QObject *parent = nullptr);
    ~LocalSocketReply() override;

    void abort() override;
    qint64 bytesAvailable() const override;
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    enum class Stage { Status, Headers, Body, Done };

    void consume();
    bool parseStatusLine(const QByteArray &line);
    bool parseHeaderLine(const QByteArray &line);
    bool takeBody();            // false: wait for more bytes
    bool takeChunkedBody();
    void fail(NetworkError code, const QString &message);
    void complete();

    QLocalSocket *m_socket;
    QByteArray m_pending;       // received, not yet parsed
    QByteArray m_body;          // parsed body, not yet read by the caller
    Stage m_stage = Stage::Status;
    qint64 m_contentLength = -1;
    bool m_chunked = false;
    qint64 m_received = 0;
    bool m_finished = false;
};

} // namespace fleetscope
