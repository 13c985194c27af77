// HttpClient over a Unix domain socket (the Docker Engine's way) against a QLocalServer that answers
// with scripted raw HTTP: Content-Length, chunked in pieces, body up to the close, error statuses,
// a missing socket, a cut answer, a silent server, an oversized body, and the generic adapter's
// Docker descriptor end to end over the socket.
#include "http/localhttp.h"
#include "collectonce.h"
#include "fixtures.h"
#include "http/httpclient.h"
#include "providers/generic/genericcollector.h"
#include "providers/generic/registry.h"
#include "providers/podlifecycle.h"

#include <QDeadlineTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace fleetscope;

namespace {

// Answers each connection with the next scripted answer, written in the given pieces with a short
// pause between them; records each request's raw bytes (head and body).
class ScriptedSocketServer : public QObject
{
public:
    struct Answer {
        QList<QByteArray> pieces;   // written one by one; an empty list: accept and stay silent
        bool closeAfter = true;
    };

    explicit ScriptedSocketServer(const QString &path)
    {
        QLocalServer::removeServer(path);
        m_server.listen(path);
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket *socket = m_server.nextPendingConnection())
                serve(socket);
        });
    }
    bool listening() const { return m_server.isListening(); }
    void script(QList<Answer> answers) { m_answers = std::move(answers); }
    const QList<QByteArray> &requests() const { return m_requests; }

private:
    void serve(QLocalSocket *socket)
    {
        auto *received = new QByteArray;
        connect(socket, &QLocalSocket::disconnected, socket, [socket, received] {
            delete received;
            socket->deleteLater();
        });
        connect(socket, &QLocalSocket::readyRead, this, [this, socket, received] {
            *received += socket->readAll();
            const qsizetype headEnd = received->indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            const QByteArray head = received->left(headEnd);
            qsizetype length = 0;
            for (const QByteArray &line : head.split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (received->size() < headEnd + 4 + length)
                return;
            m_requests << *received;
            received->clear();
            const Answer answer = m_answers.isEmpty() ? Answer{} : m_answers.takeFirst();
            writePieces(socket, answer, 0);
        });
    }

    void writePieces(QLocalSocket *socket, Answer answer, int index)
    {
        if (index >= answer.pieces.size()) {
            if (answer.closeAfter && !answer.pieces.isEmpty())
                socket->disconnectFromServer();
            return;
        }
        socket->write(answer.pieces.at(index));
        socket->flush();
        QTimer::singleShot(15, socket, [this, socket, answer, index] { writePieces(socket, answer, index + 1); });
    }

    QLocalServer m_server;
    QList<Answer> m_answers;
    QList<QByteArray> m_requests;
};

struct Call {
    std::optional<Result<HttpResponse>> result;
    QObject context;

    bool wait(int ms = 10'000)
    {
        QDeadlineTimer deadline(ms);
        while (!result && !deadline.hasExpired())
            QTest::qWait(5);
        return result.has_value();
    }
    Error error() const { return result && !*result ? result->error() : Error{}; }
};

QByteArray answer(int status, const QByteArray &reason, const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: application/json\r\nContent-Length: "
         + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class TestLocalSocket : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("engine.sock"));
        m_server = std::make_unique<ScriptedSocketServer>(m_path);
        QVERIFY(m_server->listening());
        m_client = std::make_unique<HttpClient>(&m_nam, m_clock);
        m_client->setRandomSource([] { return 0.5; });
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void contentLengthAnswer()
    {
        m_server->script({{{answer(200, "OK", R"([{"Id":"abc"}])")}}});
        HttpRequest request = requestTo(QStringLiteral("/v1.43/containers/json?all=1"));
        request.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
        Call call;
        send(call, std::move(request));
        QVERIFY(call.wait());
        QVERIFY2(*call.result, qPrintable(call.error().message));
        QCOMPARE((*call.result)->status, 200);
        QCOMPARE((*call.result)->body, QByteArray(R"([{"Id":"abc"}])"));
        QCOMPARE((*call.result)->header("content-type"), QByteArray("application/json"));

        QCOMPARE(m_server->requests().size(), 1);
        const QByteArray sent = m_server->requests().first();
        QVERIFY2(sent.startsWith("GET /v1.43/containers/json?all=1 HTTP/1.1\r\n"), sent.constData());
        QVERIFY(sent.contains("\r\nHost: localhost\r\n"));
        QVERIFY(sent.contains("\r\nAccept: application/json\r\n"));
        QVERIFY(sent.contains("\r\nUser-Agent: Fleetscope/"));
        QVERIFY(sent.contains("\r\nConnection: close\r\n"));
    }

    void chunkedAnswerInPieces()
    {
        m_server->script({{{"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n7\r\n[{\"Id\":",
                            "\r\n", "6;ext=1\r\n\"abc\"}\r\n1\r\n]\r\n0\r\n\r\n"}}});
        Call call;
        send(call, requestTo(QStringLiteral("/containers/json")));
        QVERIFY(call.wait());
        QVERIFY2(*call.result, qPrintable(call.error().message));
        QCOMPARE((*call.result)->body, QByteArray(R"([{"Id":"abc"}])"));
    }

    void bodyUpToTheClose()
    {
        m_server->script({{{"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nfirst ", "second"}}});
        Call call;
        send(call, requestTo(QStringLiteral("/_ping")));
        QVERIFY(call.wait());
        QVERIFY2(*call.result, qPrintable(call.error().message));
        QCOMPARE((*call.result)->body, QByteArray("first second"));
    }

    void postSendsItsBody()
    {
        m_server->script({{{"HTTP/1.1 204 No Content\r\n\r\n"}}});
        HttpRequest request = requestTo(QStringLiteral("/containers/abc/stop"));
        request.method = "POST";
        request.body = "{}";
        Call call;
        send(call, std::move(request));
        QVERIFY(call.wait());
        QVERIFY2(*call.result, qPrintable(call.error().message));
        QCOMPARE((*call.result)->status, 204);
        QVERIFY(m_server->requests().first().startsWith("POST /containers/abc/stop HTTP/1.1\r\n"));
        QVERIFY(m_server->requests().first().endsWith("Content-Length: 2\r\n\r\n{}"));
    }

    void errorStatusesAreClassified()
    {
        m_server->script({{{answer(404, "Not Found", R"({"message":"page not found"})")}}});
        Call notFound;
        send(notFound, requestTo(QStringLiteral("/nope")));
        QVERIFY(notFound.wait());
        QVERIFY(!*notFound.result);
        QCOMPARE(notFound.error().kind, ErrorClass::Config);
        QCOMPARE(notFound.error().message, QStringLiteral("docker/test: GET %1:/nope answered HTTP 404 (request rejected)").arg(m_path));

        m_server->script({{{answer(500, "Server Error", "{}")}}, {{answer(200, "OK", "[]")}}});
        HttpRequest retried = requestTo(QStringLiteral("/containers/json"));
        retried.maxAttempts = 2;
        m_client->setRetryPolicy(RetryPolicy{10, 10, 0, 1000});
        Call recovered;
        send(recovered, std::move(retried));
        QVERIFY(recovered.wait());
        QVERIFY2(*recovered.result, qPrintable(recovered.error().message));
        QCOMPARE((*recovered.result)->attempts, 2);
    }

    void missingSocketIsNamed()
    {
        HttpRequest request = requestTo(QStringLiteral("/containers/json"), 1);
        request.localSocket = m_dir.filePath(QStringLiteral("absent.sock"));
        Call call;
        send(call, std::move(request));
        QVERIFY(call.wait());
        QVERIFY(!*call.result);
        QCOMPARE(call.error().kind, ErrorClass::Unavailable);
        QVERIFY2(call.error().message.endsWith(QStringLiteral("failed: no socket at %1").arg(m_dir.filePath(QStringLiteral("absent.sock")))),
                 qPrintable(call.error().message));
    }

    void cutAnswerFails()
    {
        m_server->script({{{"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nonly part"}}});
        Call call;
        send(call, requestTo(QStringLiteral("/containers/json"), 1));
        QVERIFY(call.wait());
        QVERIFY(!*call.result);
        QCOMPARE(call.error().kind, ErrorClass::Unavailable);
        QVERIFY2(call.error().message.endsWith(QStringLiteral("connection closed before the response was complete")),
                 qPrintable(call.error().message));
    }

    void notHttpFails()
    {
        m_server->script({{{"SSH-2.0-OpenSSH\r\n\r\n"}}});
        Call call;
        send(call, requestTo(QStringLiteral("/"), 1));
        QVERIFY(call.wait());
        QVERIFY(!*call.result);
        QVERIFY2(call.error().message.endsWith(QStringLiteral("not an HTTP answer")), qPrintable(call.error().message));
    }

    void silentServerTimesOut()
    {
        m_server->script({{{}, false}});
        HttpRequest request = requestTo(QStringLiteral("/containers/json"), 1);
        request.timeoutMs = 100;
        Call call;
        send(call, std::move(request));
        QVERIFY(call.wait());
        QVERIFY(!*call.result);
        QCOMPARE(call.error().kind, ErrorClass::Unavailable);
        QVERIFY2(call.error().message.endsWith(QStringLiteral("timed out after 100 ms")), qPrintable(call.error().message));
    }

    void oversizedBodyIsBadData()
    {
        m_server->script({{{"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "20\r\n" + QByteArray(32, 'x') + "\r\n",
                            "20\r\n" + QByteArray(32, 'y') + "\r\n0\r\n\r\n"}}});
        HttpRequest request = requestTo(QStringLiteral("/containers/json"), 1);
        request.maxBodyBytes = 40;
        Call call;
        send(call, std::move(request));
        QVERIFY(call.wait());
        QVERIFY(!*call.result);
        QCOMPARE(call.error().kind, ErrorClass::BadData);
    }

    void dockerDescriptorOverTheSocket()
    {
        const QByteArray containers = test::fixtureBytes(QStringLiteral("providers/docker-containers.json"));
        m_server->script({{{"HTTP/1.1 200 OK\r\nApi-Version: 1.43\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
                            QByteArray::number(containers.size(), 16) + "\r\n" + containers + "\r\n0\r\n\r\n"}}});
        ConnectionRecord docker;
        docker.id = 7;
        docker.name = QStringLiteral("laptop");
        docker.kind = QStringLiteral("docker");
        docker.settings = QJsonObject{{QStringLiteral("socket"), m_path}};
        Result<WriteBatch> batch = collectOnce(docker);
        QVERIFY2(batch, qPrintable(batch ? QString() : batch.error().message));
        QCOMPARE(batch->instances.size(), 1);
        QCOMPARE(batch->instances.first().instanceId, QStringLiteral("8dfafdbc3a40"));
        QCOMPARE(batch->instances.first().status, QStringLiteral("Exited"));
        QVERIFY(m_server->requests().first().startsWith("GET /containers/json?all=true HTTP/1.1\r\nHost: localhost\r\n"));

        // Its lifecycle actions take the same socket; 304 (stopped already) counts as done.
        m_server->script({{{"HTTP/1.1 304 Not Modified\r\nApi-Version: 1.43\r\n\r\n"}}});
        const Result<QString> stopped = runWithLocalHttp<QString>(podActionJob(docker, batch->instances.first(), PodAction::Stop));
        QVERIFY2(stopped, qPrintable(stopped ? QString() : stopped.error().message));
        QVERIFY(m_server->requests().last().startsWith("POST /containers/8dfafdbc3a40/stop HTTP/1.1\r\nHost: localhost\r\n"));

        docker.settings.insert(QStringLiteral("socket"), QStringLiteral("relative/docker.sock"));
        Result<WriteBatch> refused = collectOnce(docker);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("socket: expected the absolute path of a socket")),
                 qPrintable(refused.error().message));
    }

private:
    HttpRequest requestTo(const QString &pathAndQuery, int maxAttempts = 4) const
    {
        HttpRequest request;
        request.url = QUrl(QStringLiteral("http://localhost") + pathAndQuery);
        request.localSocket = m_path;
        request.maxAttempts = maxAttempts;
        request.source = QStringLiteral("docker/test");
        return request;
    }

    void send(Call &call, HttpRequest request)
    {
        m_client->send(std::move(request), &call.context, [&call](Result<HttpResponse> r) { call.result = std::move(r); });
    }

    Result<WriteBatch> collectOnce(const ConnectionRecord &connection) { return test::collectOnce(connection, m_clock); }

    QTemporaryDir m_dir;
    QString m_path;
    QNetworkAccessManager m_nam;
    SystemClock m_clock;
    std::unique_ptr<ScriptedSocketServer> m_server;
    std::unique_ptr<HttpClient> m_client;
};

QTEST_MAIN(TestLocalSocket)
#include "test_localsocket.moc"
