// The generic descriptor adapter against a loopback server that speaks each provider's real
// format: every pagination style and the page cap, every auth scheme on the wire (and never the
// secret in an error or a log line), the OVH signature, the rate limit, and the built-in
// descriptors end to end into a WriteBatch with exact values.
#include "http/localhttp.h"
#include "collectonce.h"
#include "engine/collectors.h"
#include "fixtures.h"
#include "providers/connectiontest.h"
#include "providers/generic/genericcollector.h"
#include "providers/generic/registry.h"
#include "simulator/loopbackserver.h"
#include "testclock.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;
using namespace fleetscope::generic;

namespace {

constexpr char kSecretVariable[] = "FLEETSCOPE_GENERIC_TEST_SECRET";
constexpr qint64 kNowMs = TestClock::kDefaultStartMs;   // 2024-05-01T12:00:00Z

QJsonObject fixtureObject(const QString &name)
{
    return QJsonDocument::fromJson(test::fixtureBytes(QStringLiteral("providers/") + name)).object();
}

QJsonValue parsed(const char *text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().first();
}

LoopbackResponse jsonAnswer(const QJsonDocument &document, int status = 200)
{
    return LoopbackResponse::withBody(status, "application/json", document.toJson(QJsonDocument::Compact));
}

LoopbackResponse jsonAnswer(const QJsonObject &object, int status = 200)
{
    return jsonAnswer(QJsonDocument(object), status);
}

// OVH's rule written out again here, apart from the adapter's code.
QByteArray expectedOvhSignature(const QByteArray &secret, const QByteArray &consumer, const QByteArray &url, const QByteArray &timestamp)
{
    return "$1$" + QCryptographicHash::hash(secret + "+" + consumer + "+GET+" + url + "++" + timestamp, QCryptographicHash::Sha1).toHex();
}

QStringList captured;
void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    captured << message;
}

// Turns on every level of our categories, whatever QT_LOGGING_RULES says, so debug lines are checked too.
QLoggingCategory::CategoryFilter previousFilter = nullptr;
void everyFleetscopeLevel(QLoggingCategory *category)
{
    if (previousFilter)
        previousFilter(category);
    if (QByteArrayView(category->categoryName()).startsWith("fleetscope")) {
        for (QtMsgType type : {QtDebugMsg, QtInfoMsg, QtWarningMsg, QtCriticalMsg})
            category->setEnabled(type, true);
    }
}

enum class Style { Cursor, PageTotal, PageNext, NextUrl, LinkHeader };

// An HTTPS server on 127.0.0.1 with a certificate from the test CA (tests/fixtures/tls): answers
// every request with BODY.
class TlsServer : public QObject
{
public:
    explicit TlsServer(QByteArray body) : m_body(std::move(body))
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(test::fixtureBytes(QStringLiteral("tls/server.pem")), QSsl::Pem));
        tls.setPrivateKey(QSslKey(test::fixtureBytes(QStringLiteral("tls/server.key")), QSsl::Rsa, QSsl::Pem));
        m_server.setSslConfiguration(tls);
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { answer(socket); });
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    int answered() const { return m_answered; }

private:
    void answer(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        if (!buffer.contains("\r\n\r\n"))
            return;
        buffer.clear();
        ++m_answered;
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(m_body.size())
                      + "\r\nConnection: close\r\n\r\n" + m_body);
        socket->disconnectFromHost();
    }

    QSslServer m_server;
    QByteArray m_body;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_answered = 0;
};

} // namespace

class TestGenericAdapter : public QObject
{
    Q_OBJECT

private:
    using Answer = std::function<LoopbackResponse(const LoopbackRequest &)>;
    QHash<QString, Answer> m_routes;
    QList<LoopbackRequest> m_requests;
    QList<qint64> m_arrivalMs;
    QElapsedTimer m_sinceStart;
    LoopbackServer m_server{[this](const LoopbackRequest &request) {
        m_requests << request;
        m_arrivalMs << m_sinceStart.elapsed();
        const auto route = m_routes.constFind(request.path);
        if (route == m_routes.cend())
            return LoopbackResponse::withBody(404, "application/json", "{\"error\": \"no route\"}");
        return (*route)(request);
    }};
    TestClock m_clock;

    QString origin() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()); }

    void route(const QString &path, Answer answer) { m_routes.insert(path, std::move(answer)); }
    void route(const QString &path, const QJsonObject &body) { route(path, [body](const LoopbackRequest &) { return jsonAnswer(body); }); }

    QList<LoopbackRequest> requestsTo(const QString &path) const
    {
        QList<LoopbackRequest> found;
        for (const LoopbackRequest &request : m_requests) {
            if (request.path == path)
                found << request;
        }
        return found;
    }

    ConnectionRecord connection(const QString &kind, const QString &basePath, QJsonObject settings = {}) const
    {
        ConnectionRecord c;
        c.id = 7;
        c.kind = kind;
        c.name = QStringLiteral("test-") + kind;
        settings.insert(QStringLiteral("base_url"), origin() + basePath);
        settings.insert(QStringLiteral("secret_env"), QString::fromLatin1(kSecretVariable));
        c.settings = settings;
        return c;
    }

    Result<WriteBatch> collect(const ConnectionRecord &connection) { return test::collectOnce(connection, m_clock); }

    // Installs the built-ins plus the test descriptor acme-minimal.json changed by PATCH (pointer → value).
    void installAcme(const QList<std::pair<QString, QJsonValue>> &patch)
    {
        QJsonObject acme = fixtureObject(QStringLiteral("acme-minimal.json"));
        for (const auto &[pointer, value] : patch) {
            QStringList steps = pointer.split(QLatin1Char('/'));
            steps.removeFirst();
            std::function<QJsonValue(QJsonValue, QStringList)> set = [&set, &value](QJsonValue node, QStringList rest) -> QJsonValue {
                QJsonObject object = node.toObject();
                const QString step = rest.takeFirst();
                object.insert(step, rest.isEmpty() ? value : set(object.value(step), rest));
                return object;
            };
            acme = set(acme, steps).toObject();
        }
        Result<Descriptor> descriptor = parseDescriptor(QJsonDocument(acme).toJson(), QStringLiteral("acme.json"));
        QVERIFY2(descriptor, qPrintable(descriptor ? QString() : descriptor.error().message));
        DescriptorSet set = loadDescriptors(QString());
        set.entries << DescriptorEntry{*descriptor, QStringLiteral("test")};
        set.kinds << descriptor->kind;
        installDescriptors(std::move(set));
    }

    // Three pages of instances i1..i5 in STYLE; page N is chosen from what the request carries.
    void routePages(Style style)
    {
        route(QStringLiteral("/v1/instances"), [this, style](const LoopbackRequest &request) {
            int page = 1;
            switch (style) {
            case Style::Cursor:
                page = request.query.queryItemValue(QStringLiteral("cursor")).isEmpty() ? 1 : request.query.queryItemValue(QStringLiteral("cursor")).mid(1).toInt();
                break;
            case Style::PageTotal:
            case Style::NextUrl:
            case Style::LinkHeader:
                page = request.query.queryItemValue(QStringLiteral("page")).isEmpty() ? 1 : request.query.queryItemValue(QStringLiteral("page")).toInt();
                break;
            case Style::PageNext:
                page = request.query.queryItemValue(QStringLiteral("p")).toInt() + 1;   // starts at 0
                break;
            }
            QJsonArray items;
            for (int i = 2 * page - 1; i <= std::min(2 * page, 5); ++i)
                items.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("i%1").arg(i)}, {QStringLiteral("ram"), 1000 * i}});
            QJsonObject body{{QStringLiteral("instances"), items}};
            LoopbackResponse response;
            const bool last = page == 3;
            switch (style) {
            case Style::Cursor:
                body.insert(QStringLiteral("meta"), QJsonObject{{QStringLiteral("next"), last ? QString() : QStringLiteral("c%1").arg(page + 1)}});
                break;
            case Style::PageTotal:
                body.insert(QStringLiteral("pages"), 3);
                break;
            case Style::PageNext:
                body.insert(QStringLiteral("meta"), QJsonObject{{QStringLiteral("next_page"), last ? QJsonValue() : QJsonValue(page)}});
                break;
            case Style::NextUrl:
                // An absolute link first, then a relative one: both resolve against the page's URL.
                if (!last)
                    body.insert(QStringLiteral("links"), QJsonObject{{QStringLiteral("next"), page == 1 ? origin() + QStringLiteral("/v1/instances?page=2")
                                                                                                          : QStringLiteral("/v1/instances?page=3")}});
                break;
            case Style::LinkHeader:
                break;
            }
            response = jsonAnswer(body);
            if (style == Style::LinkHeader && !last)
                response.headers.append({"Link", QStringLiteral("<%1/v1/instances?page=%2>; rel=\"next\", <%1/v1/instances?page=3>; rel=\"last\"")
                                                     .arg(origin()).arg(page + 1).toUtf8()});
            return response;
        });
    }

    static QJsonValue pagination(Style style, int maxPages)
    {
        QJsonObject p;
        switch (style) {
        case Style::Cursor:
            p = QJsonObject{{QStringLiteral("style"), QStringLiteral("cursor")}, {QStringLiteral("param"), QStringLiteral("cursor")},
                            {QStringLiteral("next"), QStringLiteral("meta.next")}, {QStringLiteral("sizeParam"), QStringLiteral("per_page")},
                            {QStringLiteral("size"), 2}};
            break;
        case Style::PageTotal:
            p = QJsonObject{{QStringLiteral("style"), QStringLiteral("page")}, {QStringLiteral("param"), QStringLiteral("page")},
                            {QStringLiteral("totalPages"), QStringLiteral("pages")}};
            break;
        case Style::PageNext:
            p = QJsonObject{{QStringLiteral("style"), QStringLiteral("page")}, {QStringLiteral("param"), QStringLiteral("p")},
                            {QStringLiteral("start"), 0}, {QStringLiteral("next"), QStringLiteral("meta.next_page")}};
            break;
        case Style::NextUrl:
            p = QJsonObject{{QStringLiteral("style"), QStringLiteral("next-url")}, {QStringLiteral("next"), QStringLiteral("links.next")}};
            break;
        case Style::LinkHeader:
            p = QJsonObject{{QStringLiteral("style"), QStringLiteral("link-header")}};
            break;
        }
        if (maxPages > 0)
            p.insert(QStringLiteral("maxPages"), maxPages);
        return p;
    }

    static QStringList ids(const WriteBatch &batch)
    {
        QStringList result;
        for (const InstanceSnapshot &instance : batch.instances)
            result << instance.instanceId;
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sinceStart.start();
        QVERIFY(m_server.listen());
        qputenv(kSecretVariable, "s3cr3t-value");
    }

    void init()
    {
        m_routes.clear();
        m_requests.clear();
        m_arrivalMs.clear();
        installDescriptors(loadDescriptors(QString()));
    }

    void cleanupTestCase()
    {
        installDescriptors(loadDescriptors(QString()));
    }

    void paginationStyles_data()
    {
        QTest::addColumn<int>("style");
        QTest::addColumn<QString>("param");
        QTest::addColumn<QStringList>("sent");   // PARAM's value in each request ("" when absent)
        QTest::addRow("cursor") << int(Style::Cursor) << "cursor" << QStringList{QString(), QStringLiteral("c2"), QStringLiteral("c3")};
        QTest::addRow("page with a page count") << int(Style::PageTotal) << "page" << QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")};
        QTest::addRow("page with next_page, from 0") << int(Style::PageNext) << "p" << QStringList{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2")};
        QTest::addRow("next url") << int(Style::NextUrl) << "page" << QStringList{QString(), QStringLiteral("2"), QStringLiteral("3")};
        QTest::addRow("link header") << int(Style::LinkHeader) << "page" << QStringList{QString(), QStringLiteral("2"), QStringLiteral("3")};
    }

    void paginationStyles()
    {
        QFETCH(int, style);
        QFETCH(QString, param);
        QFETCH(QStringList, sent);
        installAcme({{QStringLiteral("/api/lists/instances/pagination"), pagination(Style(style), 0)}});
        routePages(Style(style));
        Result<WriteBatch> batch = collect(connection(QStringLiteral("acme"), QStringLiteral("/v1")));
        QVERIFY2(batch, qPrintable(batch ? QString() : batch.error().message));
        QCOMPARE(ids(*batch), (QStringList{QStringLiteral("i1"), QStringLiteral("i2"), QStringLiteral("i3"), QStringLiteral("i4"), QStringLiteral("i5")}));
        QCOMPARE(batch->instances.at(2).memoryGb, std::optional<double>(3.0));   // ram 3000 * 0.001
        QCOMPARE(m_requests.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_requests.at(i).query.queryItemValue(param), sent.at(i));
        if (Style(style) == Style::Cursor)
            QCOMPARE(m_requests.at(1).query.queryItemValue(QStringLiteral("per_page")), QStringLiteral("2"));
    }

    // Hitting the cap with pages left fails the cycle, naming the cap; nothing partial is stored.
    void pageCapIsReported_data() { paginationStyles_data(); }

    void pageCapIsReported()
    {
        QFETCH(int, style);
        installAcme({{QStringLiteral("/api/lists/instances/pagination"), pagination(Style(style), 2)}});
        routePages(Style(style));
        Result<WriteBatch> batch = collect(connection(QStringLiteral("acme"), QStringLiteral("/v1")));
        QVERIFY(!batch);
        QCOMPARE(batch.error().kind, ErrorClass::BadData);
        QCOMPARE(batch.error().message, QStringLiteral("test-acme instances: more than 2 pages; stopped at the page cap "
                                                       "(raise /api/lists/instances/pagination/maxPages)"));
        QCOMPARE(m_requests.size(), 2);
    }

    void nextLinkToAnotherHostIsNotFollowed()
    {
        installAcme({{QStringLiteral("/api/lists/instances/pagination"), pagination(Style::NextUrl, 0)}});
        route(QStringLiteral("/v1/instances"), QJsonObject{{QStringLiteral("instances"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("i1")}}}},
                                                           {QStringLiteral("links"), QJsonObject{{QStringLiteral("next"), QStringLiteral("https://collector.example.net/steal?page=2")}}}});
        Result<WriteBatch> batch = collect(connection(QStringLiteral("acme"), QStringLiteral("/v1")));
        QVERIFY(!batch);
        QCOMPARE(batch.error().message, QStringLiteral("test-acme instances: the next page is on another host (collector.example.net/steal); not followed"));
        QCOMPARE(m_requests.size(), 1);
    }

    void authSchemes_data()
    {
        QTest::addColumn<QJsonValue>("auth");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("queryItem");
        QTest::addRow("bearer") << parsed(R"({"scheme": "bearer"})") << QByteArray("Authorization") << QByteArray("Bearer s3cr3t-value") << QString();
        QTest::addRow("basic") << parsed(R"({"scheme": "basic", "usernameField": "user"})") << QByteArray("Authorization")
                               << "Basic " + QByteArray("alice:s3cr3t-value").toBase64() << QString();
        QTest::addRow("header") << parsed(R"({"scheme": "header", "name": "X-Api-Key", "prefix": "Token "})") << QByteArray("X-Api-Key")
                                << QByteArray("Token s3cr3t-value") << QString();
        QTest::addRow("query") << parsed(R"({"scheme": "query", "name": "api_key"})") << QByteArray() << QByteArray() << QStringLiteral("api_key");
    }

    void authSchemes()
    {
        QFETCH(QJsonValue, auth);
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        QFETCH(QString, queryItem);
        installAcme({{QStringLiteral("/api/auth"), auth},
                     {QStringLiteral("/fields"), parsed(R"([{"key": "base_url", "label": "API URL", "type": "url"},
                                                           {"key": "user", "label": "User", "type": "string"}])")}});
        route(QStringLiteral("/v1/instances"), QJsonObject{{QStringLiteral("instances"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("i1")}}}}});
        ConnectionRecord acme = connection(QStringLiteral("acme"), QStringLiteral("/v1"), QJsonObject{{QStringLiteral("user"), QStringLiteral("alice")}});
        Result<WriteBatch> batch = collect(acme);
        QVERIFY2(batch, qPrintable(batch ? QString() : batch.error().message));
        QCOMPARE(m_requests.size(), 1);
        const LoopbackRequest &sent = m_requests.first();
        if (!header.isEmpty())
            QCOMPARE(sent.header(header), value);
        if (header != "Authorization")
            QVERIFY(sent.header("Authorization").isEmpty());
        if (!queryItem.isEmpty())
            QCOMPARE(sent.query.queryItemValue(queryItem), QStringLiteral("s3cr3t-value"));
        else
            QVERIFY(!sent.query.toString().contains(QLatin1String("s3cr3t")));

        // A rejected key: the error and every log line (debug included) name the request, never the secret.
        captured.clear();
        previousFilter = QLoggingCategory::installFilter(everyFleetscopeLevel);
        const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
        route(QStringLiteral("/v1/instances"), [](const LoopbackRequest &) { return LoopbackResponse::withBody(401, "application/json", "{\"error\": \"invalid key\"}"); });
        const Result<WriteBatch> rejected = collect(acme);
        qInstallMessageHandler(previous);
        QLoggingCategory::installFilter(previousFilter);
        QVERIFY(!rejected);
        QCOMPARE(rejected.error().kind, ErrorClass::Auth);
        QVERIFY2(rejected.error().message.contains(QStringLiteral("127.0.0.1:%1/v1/instances").arg(m_server.port())), qPrintable(rejected.error().message));
        QVERIFY2(!rejected.error().message.contains(QLatin1String("s3cr3t")), qPrintable(rejected.error().message));
        QVERIFY(!captured.isEmpty());
        for (const QString &line : std::as_const(captured))
            QVERIFY2(!line.contains(QLatin1String("s3cr3t")) && !line.contains(QString::fromLatin1(QByteArray("alice:s3cr3t-value").toBase64())), qPrintable(line));
    }

    // "usedWhen": the secret (and so the Authorization header) belongs to the connection only while
    // its auth setting asks for it; without it no secret is looked up at all.
    void secretOnlyWhenTheSettingSaysSo()
    {
        installAcme({{QStringLiteral("/secret"), parsed(R"({"label": "Token", "usedWhen": {"auth": ["bearer"]}})")},
                     {QStringLiteral("/fields"), parsed(R"([{"key": "base_url", "label": "API URL", "type": "url"},
                                                           {"key": "auth", "label": "Auth", "type": "choice", "choices": ["none", "bearer"], "default": "none"}])")}});
        route(QStringLiteral("/v1/instances"), QJsonObject{{QStringLiteral("instances"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("i1")}}}}});
        ConnectionRecord open = connection(QStringLiteral("acme"), QStringLiteral("/v1"));
        open.settings.remove(QStringLiteral("secret_env"));   // would fail if the secret were looked up
        QVERIFY(collect(open));
        QVERIFY(m_requests.last().header("Authorization").isEmpty());

        ConnectionRecord guarded = connection(QStringLiteral("acme"), QStringLiteral("/v1"), QJsonObject{{QStringLiteral("auth"), QStringLiteral("bearer")}});
        QVERIFY(collect(guarded));
        QCOMPARE(m_requests.last().header("Authorization"), QByteArray("Bearer s3cr3t-value"));
    }

    void noAuthSendsNoCredential()
    {
        route(QStringLiteral("/containers/json"), [](const LoopbackRequest &) {
            return LoopbackResponse::withBody(200, "application/json", test::fixtureBytes(QStringLiteral("providers/docker-containers.json")));
        });
        ConnectionRecord docker = connection(QStringLiteral("docker"), QString());
        docker.settings.remove(QStringLiteral("secret_env"));
        Result<WriteBatch> batch = collect(docker);
        QVERIFY2(batch, qPrintable(batch ? QString() : batch.error().message));
        QCOMPARE(m_requests.size(), 1);
        QVERIFY(m_requests.first().header("Authorization").isEmpty());
        QCOMPARE(batch->instances.size(), 1);
        const InstanceSnapshot &c = batch->instances.first();
        QCOMPARE(c.instanceId, QStringLiteral("8dfafdbc3a40"));
        QCOMPARE(c.name, QStringLiteral("/boring_feynman"));
        QCOMPARE(c.status, QStringLiteral("Exited"));
        QCOMPARE(c.provider, QStringLiteral("docker"));
        QCOMPARE(c.metadata.value(QStringLiteral("image")).toString(), QStringLiteral("ubuntu:latest"));
        QCOMPARE(c.metadata.value(QStringLiteral("created")).toInteger(), 1367854155);
    }

    void rateLimitSpacesRequests()
    {
        installAcme({{QStringLiteral("/api/lists/instances/pagination"), pagination(Style::PageTotal, 0)},
                     {QStringLiteral("/api/rateLimit"), parsed(R"({"requestsPerSecond": 10})")}});
        routePages(Style::PageTotal);
        QVERIFY(collect(connection(QStringLiteral("acme"), QStringLiteral("/v1"))));
        QCOMPARE(m_arrivalMs.size(), 3);
        QVERIFY2(m_arrivalMs.at(1) - m_arrivalMs.at(0) >= 90 && m_arrivalMs.at(2) - m_arrivalMs.at(1) >= 90,
                 qPrintable(QStringLiteral("gaps %1 and %2 ms").arg(m_arrivalMs.at(1) - m_arrivalMs.at(0)).arg(m_arrivalMs.at(2) - m_arrivalMs.at(1))));
    }

    void badAnswers_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");
        QTest::addRow("not JSON") << QByteArray("{\"instances\": [") << "test-acme instances: page 1 is not JSON: ";
        QTest::addRow("no items") << QByteArray("{\"servers\": []}") << "test-acme instances: no 'instances' in the answer";
        QTest::addRow("items of the wrong shape") << QByteArray("{\"instances\": 5}") << "test-acme instances: 'instances' is neither a list nor an object";
    }

    void badAnswers()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        installAcme({});
        route(QStringLiteral("/v1/instances"), [body](const LoopbackRequest &) { return LoopbackResponse::withBody(200, "application/json", body); });
        Result<WriteBatch> batch = collect(connection(QStringLiteral("acme"), QStringLiteral("/v1")));
        QVERIFY(!batch);
        QCOMPARE(batch.error().kind, ErrorClass::BadData);
        QVERIFY2(batch.error().message.startsWith(error), qPrintable(batch.error().message));
    }

    void vultrEndToEnd()
    {
        const QJsonObject page1 = fixtureObject(QStringLiteral("vultr-instances.json"));
        QJsonObject gpu = page1.value(QStringLiteral("instances")).toArray().first().toObject();
        gpu.insert(QStringLiteral("id"), QStringLiteral("5c4ee4e5-5d5b-4f4d-9d9b-7c2c5a8e1f10"));
        gpu.insert(QStringLiteral("label"), QStringLiteral("a100 box"));
        gpu.insert(QStringLiteral("plan"), QStringLiteral("vcg-a100-1c-6g-4vram"));
        const QJsonObject page2{{QStringLiteral("instances"), QJsonArray{gpu}},
                                {QStringLiteral("meta"), parsed(R"({"total": 2, "links": {"next": "", "prev": "WxYzExamplePrev"}})")}};
        route(QStringLiteral("/v2/instances"), [page1, page2](const LoopbackRequest &request) {
            return jsonAnswer(request.query.queryItemValue(QStringLiteral("cursor")) == QLatin1String("WxYzExampleNext") ? page2 : page1);
        });
        route(QStringLiteral("/v2/plans"), fixtureObject(QStringLiteral("vultr-plans.json")));
        route(QStringLiteral("/v2/account"), fixtureObject(QStringLiteral("vultr-account.json")));

        Result<WriteBatch> batch = collect(connection(QStringLiteral("vultr"), QStringLiteral("/v2")));
        QVERIFY2(batch, qPrintable(batch ? QString() : batch.error().message));
        QCOMPARE(batch->source, QStringLiteral("test-vultr lists"));
        QCOMPARE(batch->instances.size(), 2);
        const InstanceSnapshot &first = batch->instances.at(0);
        QCOMPARE(first.instanceId, QStringLiteral("cb676a46-66fd-4dfb-b839-443f2e6c0b60"));
        QCOMPARE(first.connectionId, qint64(7));
        QCOMPARE(first.provider, QStringLiteral("vultr"));
        QCOMPARE(first.snapshotTs.toMSecsSinceEpoch(), kNowMs);
        QCOMPARE(first.name, QStringLiteral("Example Instance"));
        QCOMPARE(first.region, QStringLiteral("atl"));
        QCOMPARE(first.status, QStringLiteral("running"));
        QCOMPARE(first.vcpuCount, std::optional<qint64>(1));
        QCOMPARE(first.memoryGb, std::optional<double>(2.0));
        QCOMPARE(first.gpuType, QString());
        QCOMPARE(first.gpuCount, std::nullopt);
        QCOMPARE(first.metadata.value(QStringLiteral("plan")).toString(), QStringLiteral("vc2-6c-16gb"));
        QCOMPARE(first.metadata.value(QStringLiteral("main_ip")).toString(), QStringLiteral("192.0.2.123"));
        QCOMPARE(batch->instances.at(1).gpuType, QStringLiteral("NVIDIA A100 80GB PCIe"));

        QCOMPARE(batch->offers.size(), 1);
        const GpuOffer &offer = batch->offers.first();
        QCOMPARE(offer.providerGpuId, QStringLiteral("vhf-8c-32gb"));
        QCOMPARE(offer.connectionId, qint64(7));
        QCOMPARE(offer.observedTs.toMSecsSinceEpoch(), kNowMs);
        QCOMPARE(offer.region, QStringLiteral("sea"));
        QCOMPARE(offer.tier, QStringLiteral("on-demand"));
        QCOMPARE(offer.available, std::optional<bool>(true));
        QVERIFY(offer.pricePerHour);
        QCOMPARE(*offer.pricePerHour, 192.0 / 730.0);
        QCOMPARE(offer.metadata.value(QStringLiteral("monthly_cost")).toInt(), 192);

        QCOMPARE(batch->billing.size(), 1);
        QCOMPARE(batch->billing.first().balance, std::optional<double>(100.55));
        QCOMPARE(batch->billing.first().currentSpendPerHr, std::nullopt);
        QCOMPARE(batch->billing.first().monthToDateSpend, std::optional<double>(60.25));   // pending_charges
        QVERIFY(!batch->billing.first().spendBreakdown.contains(QStringLiteral("pending_charges")));
        QCOMPARE(batch->billing.first().spendBreakdown.value(QStringLiteral("last_payment_amount")).toDouble(), -1.25);

        const QList<LoopbackRequest> instances = requestsTo(QStringLiteral("/v2/instances"));
        QCOMPARE(instances.size(), 2);
        QCOMPARE(instances.at(0).query.queryItemValue(QStringLiteral("per_page")), QStringLiteral("100"));
        QCOMPARE(instances.at(1).query.queryItemValue(QStringLiteral("cursor")), QStringLiteral("WxYzExampleNext"));
        QCOMPARE(requestsTo(QStringLiteral("/v2/plans")).first().query.queryItemValue(QStringLiteral("type")), QStringLiteral("vcg"));
        for (const LoopbackRequest &request : std::as_const(m_requests)) {
            QCOMPARE(request.header("Authorization"), QByteArray("Bearer s3cr3t-value"));
            QCOMPARE(request.header("Accept"), QByteArray("application/json"));
        }
    }

    // Offers and billing change slowly: a cycle within five minutes of their last fetch leaves them
    // out; instances come every cycle; a cycle the user asked for ("Sync now") fetches everything.
    void slowListsWaitFiveMinutesUnlessSyncNow()
    {
        QJsonObject onePage = fixtureObject(QStringLiteral("vultr-instances.json"));
        onePage.insert(QStringLiteral("meta"), parsed(R"({"total": 1, "links": {"next": "", "prev": ""}})"));
        route(QStringLiteral("/v2/instances"), onePage);
        route(QStringLiteral("/v2/plans"), fixtureObject(QStringLiteral("vultr-plans.json")));
        route(QStringLiteral("/v2/account"), fixtureObject(QStringLiteral("vultr-account.json")));
        const ConnectionRecord vultr = connection(QStringLiteral("vultr"), QStringLiteral("/v2"));
        TestClock clock;   // its own: later tests read m_clock's time
        Result<std::unique_ptr<Collector>> collector = builtinCollectors()(vultr);
        QVERIFY(collector);
        auto cycle = [&](bool syncNow) {
            return runWithLocalHttp<WriteBatch>([&](HttpClient &http, QObject *context, std::function<void(Result<WriteBatch>)> done) {
                auto *ctx = new CollectContext(vultr, http, clock, context);
                ctx->setBypassCache(syncNow);
                (*collector)->collect(*ctx, std::move(done));
            });
        };
        auto counts = [this] {
            return QList<qsizetype>{requestsTo(QStringLiteral("/v2/instances")).size(), requestsTo(QStringLiteral("/v2/plans")).size(),
                                    requestsTo(QStringLiteral("/v2/account")).size()};
        };
        Result<WriteBatch> first = cycle(false);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        QVERIFY(!first->offers.isEmpty() && !first->billing.isEmpty());
        QCOMPARE(counts(), (QList<qsizetype>{1, 1, 1}));

        clock.advance(60'000);   // a minute later: instances only
        Result<WriteBatch> cached = cycle(false);
        QVERIFY(cached);
        QVERIFY(!cached->instances.isEmpty());
        QVERIFY(cached->offers.isEmpty() && cached->billing.isEmpty());
        QCOMPARE(counts(), (QList<qsizetype>{2, 1, 1}));

        QVERIFY(cycle(true));   // Sync now: past the cache
        QCOMPARE(counts(), (QList<qsizetype>{3, 2, 2}));

        clock.advance(300'000);   // five minutes after that fetch: due again
        Result<WriteBatch> due = cycle(false);
        QVERIFY(due && !due->offers.isEmpty() && !due->billing.isEmpty());
        QCOMPARE(counts(), (QList<qsizetype>{4, 3, 3}));
    }

    void lambdaEndToEnd()
    {
        route(QStringLiteral("/api/v1/instances"), fixtureObject(QStringLiteral("lambda-instances.json")));
        route(QStringLiteral("/api/v1/instance-types"), fixtureObject(QStringLiteral("lambda-instance-types.json")));
        Result<WriteBatch> batch = collect(connection(QStringLiteral("lambda"), QStringLiteral("/api/v1")));
        QVERIFY2(batch, qPrintable(batch ? QString() : batch.error().message));

        QCOMPARE(batch->instances.size(), 1);
        const InstanceSnapshot &instance = batch->instances.first();
        QCOMPARE(instance.instanceId, QStringLiteral("0920582c7ff041399e34823a0be62549"));
        QCOMPARE(instance.name, QStringLiteral("training-node-1"));
        QCOMPARE(instance.gpuType, QStringLiteral("NVIDIA A100 40GB PCIe"));
        QCOMPARE(instance.gpuCount, std::optional<qint64>(1));
        QCOMPARE(instance.vcpuCount, std::optional<qint64>(24));
        QCOMPARE(instance.memoryGb, std::optional<double>(800));
        QCOMPARE(instance.region, QStringLiteral("us-tx-1"));
        QCOMPARE(instance.status, QStringLiteral("running"));
        QCOMPARE(instance.costPerHour, std::optional<double>(1.1));   // 110 cents
        QCOMPARE(instance.metadata.value(QStringLiteral("hostname")).toString(), QStringLiteral("10-0-8-196.cloud.lambdalabs.com"));

        // instance-types is a map keyed by type name, with prices as strings of cents.
        QCOMPARE(batch->offers.size(), 2);
        const GpuOffer &a100 = batch->offers.at(0);
        QCOMPARE(a100.providerGpuId, QStringLiteral("gpu_1x_a100"));
        QCOMPARE(a100.gpuType, QStringLiteral("NVIDIA A100 40GB PCIe"));
        QCOMPARE(a100.gpuCount, std::optional<qint64>(1));
        QCOMPARE(a100.pricePerHour, std::optional<double>(0.8));
        QCOMPARE(a100.memoryGb, std::optional<double>(24));
        QCOMPARE(a100.region, QStringLiteral("us-tx-1"));
        QCOMPARE(a100.available, std::optional<bool>(true));
        QCOMPARE(a100.metadata.value(QStringLiteral("regions")).toArray(), QJsonArray{QStringLiteral("us-tx-1")});
        const GpuOffer &a6000 = batch->offers.at(1);
        QCOMPARE(a6000.providerGpuId, QStringLiteral("gpu_4x_a6000"));
        QCOMPARE(a6000.gpuType, QStringLiteral("NVIDIA RTX A6000"));
        QCOMPARE(a6000.gpuCount, std::optional<qint64>(4));
        QCOMPARE(a6000.pricePerHour, std::optional<double>(1.1));
        QCOMPARE(a6000.region, QStringLiteral("us-az-1"));
        QCOMPARE(batch->billing.size(), 0);   // Lambda has no billing endpoint
    }

    void digitalOceanEndToEnd()
    {
        route(QStringLiteral("/v2/droplets"), fixtureObject(QStringLiteral("digitalocean-droplets-gpu.json")));
        QByteArray sizes = test::fixtureBytes(QStringLiteral("providers/digitalocean-sizes.json"));
        sizes.replace("https://api.digitalocean.com", origin().toUtf8());
        const QJsonObject gpuSize = fixtureObject(QStringLiteral("digitalocean-droplets-gpu.json"))
                                        .value(QStringLiteral("droplets")).toArray().first().toObject().value(QStringLiteral("size")).toObject();
        const QJsonObject page2{{QStringLiteral("sizes"), QJsonArray{gpuSize}}, {QStringLiteral("links"), QJsonObject()},
                                {QStringLiteral("meta"), QJsonObject{{QStringLiteral("total"), 2}}}};
        route(QStringLiteral("/v2/sizes"), [sizes, page2](const LoopbackRequest &request) {
            if (request.query.queryItemValue(QStringLiteral("page")) == QLatin1String("2"))
                return jsonAnswer(page2);
            return LoopbackResponse::withBody(200, "application/json", sizes);
        });
        route(QStringLiteral("/v2/customers/my/balance"), fixtureObject(QStringLiteral("digitalocean-balance.json")));
        Result<WriteBatch> batch = collect(connection(QStringLiteral("digitalocean"), QStringLiteral("/v2")));
        QVERIFY2(batch, qPrintable(batch ? QString() : batch.error().message));

        QCOMPARE(batch->instances.size(), 1);
        const InstanceSnapshot &droplet = batch->instances.first();
        QCOMPARE(droplet.instanceId, QStringLiteral("448543583"));
        QCOMPARE(droplet.name, QStringLiteral("ml-ai-ubuntu-gpu-h100x1-80gb-tor1"));
        QCOMPARE(droplet.gpuType, QStringLiteral("NVIDIA H100 80GB HBM3"));
        QCOMPARE(droplet.gpuCount, std::optional<qint64>(1));
        QCOMPARE(droplet.vcpuCount, std::optional<qint64>(20));
        QCOMPARE(droplet.memoryGb, std::optional<double>(240));
        QCOMPARE(droplet.region, QStringLiteral("tor1"));
        QCOMPARE(droplet.status, QStringLiteral("running"));
        QCOMPARE(droplet.costPerHour, std::optional<double>(6.74));
        QCOMPARE(droplet.metadata.value(QStringLiteral("size")).toString(), QStringLiteral("gpu-h100x1-80gb"));

        // Page 1 holds only a CPU size (left out: no GPUs); page 2, by the next link, the H100.
        QCOMPARE(requestsTo(QStringLiteral("/v2/sizes")).size(), 2);
        QCOMPARE(requestsTo(QStringLiteral("/v2/sizes")).at(0).query.queryItemValue(QStringLiteral("per_page")), QStringLiteral("200"));
        QCOMPARE(requestsTo(QStringLiteral("/v2/sizes")).at(1).query.queryItemValue(QStringLiteral("per_page")), QStringLiteral("1"));
        QCOMPARE(batch->offers.size(), 1);
        const GpuOffer &h100 = batch->offers.first();
        QCOMPARE(h100.providerGpuId, QStringLiteral("gpu-h100x1-80gb"));
        QCOMPARE(h100.gpuType, QStringLiteral("NVIDIA H100 80GB HBM3"));
        QCOMPARE(h100.gpuCount, std::optional<qint64>(1));
        QCOMPARE(h100.memoryGb, std::optional<double>(80));
        QCOMPARE(h100.pricePerHour, std::optional<double>(6.74));
        QCOMPARE(h100.region, QStringLiteral("tor1"));
        QCOMPARE(h100.available, std::optional<bool>(true));

        // Balance amounts are strings; a positive month-to-date balance is money owed.
        QCOMPARE(batch->billing.size(), 1);
        QCOMPARE(batch->billing.first().balance, std::optional<double>(-23.44));
        QCOMPARE(batch->billing.first().monthToDateSpend, std::optional<double>(11.21));   // month_to_date_usage, a string
        QVERIFY(!batch->billing.first().spendBreakdown.contains(QStringLiteral("month_to_date_usage")));
        QCOMPARE(batch->billing.first().spendBreakdown.value(QStringLiteral("account_balance")).toDouble(), 12.23);
    }

    void linodeEndToEnd()
    {
        QJsonObject instances1 = fixtureObject(QStringLiteral("linode-linodes_list.json"));
        instances1.insert(QStringLiteral("pages"), 2);
        QJsonObject gpuLinode = instances1.value(QStringLiteral("data")).toArray().first().toObject();
        gpuLinode.insert(QStringLiteral("id"), 456);
        gpuLinode.insert(QStringLiteral("label"), QStringLiteral("trainer"));
        gpuLinode.insert(QStringLiteral("type"), QStringLiteral("g1-gpu-rtx6000-2"));
        gpuLinode.insert(QStringLiteral("specs"), parsed(R"({"disk": 1310720, "gpus": 2, "memory": 65536, "transfer": 20000, "vcpus": 16})"));
        const QJsonObject instances2{{QStringLiteral("data"), QJsonArray{gpuLinode}}, {QStringLiteral("page"), 2}, {QStringLiteral("pages"), 2}, {QStringLiteral("results"), 2}};
        route(QStringLiteral("/v4/linode/instances"), [instances1, instances2](const LoopbackRequest &request) {
            return jsonAnswer(request.query.queryItemValue(QStringLiteral("page")) == QLatin1String("2") ? instances2 : instances1);
        });
        QJsonObject types1 = fixtureObject(QStringLiteral("linode-linode_types_list.json"));
        types1.insert(QStringLiteral("pages"), 2);
        QJsonObject gpuType = types1.value(QStringLiteral("data")).toArray().first().toObject();
        gpuType.insert(QStringLiteral("id"), QStringLiteral("g1-gpu-rtx6000-1"));
        gpuType.insert(QStringLiteral("class"), QStringLiteral("gpu"));
        gpuType.insert(QStringLiteral("label"), QStringLiteral("Dedicated 32GB + RTX6000 GPU x1"));
        gpuType.insert(QStringLiteral("gpus"), 1);
        gpuType.insert(QStringLiteral("price"), parsed(R"({"hourly": 1.5, "monthly": 1000})"));
        const QJsonObject types2{{QStringLiteral("data"), QJsonArray{gpuType}}, {QStringLiteral("page"), 2}, {QStringLiteral("pages"), 2}, {QStringLiteral("results"), 3}};
        route(QStringLiteral("/v4/linode/types"), [types1, types2](const LoopbackRequest &request) {
            return jsonAnswer(request.query.queryItemValue(QStringLiteral("page")) == QLatin1String("2") ? types2 : types1);
        });
        Result<WriteBatch> batch = collect(connection(QStringLiteral("linode"), QStringLiteral("/v4")));
        QVERIFY2(batch, qPrintable(batch ? QString() : batch.error().message));

        QCOMPARE(ids(*batch), (QStringList{QStringLiteral("123"), QStringLiteral("456")}));
        const InstanceSnapshot &plain = batch->instances.at(0);
        QCOMPARE(plain.name, QStringLiteral("linode123"));
        QCOMPARE(plain.region, QStringLiteral("us-east"));
        QCOMPARE(plain.status, QStringLiteral("running"));
        QCOMPARE(plain.vcpuCount, std::optional<qint64>(2));
        QCOMPARE(plain.memoryGb, std::optional<double>(4));
        QCOMPARE(plain.gpuCount, std::optional<qint64>(0));
        QCOMPARE(plain.gpuType, QString());
        QCOMPARE(batch->instances.at(1).gpuCount, std::optional<qint64>(2));
        QCOMPARE(batch->instances.at(1).gpuType, QStringLiteral("NVIDIA Quadro RTX 6000"));
        QCOMPARE(batch->instances.at(1).memoryGb, std::optional<double>(64));

        QCOMPARE(batch->offers.size(), 1);   // the two CPU types have no GPUs
        QCOMPARE(batch->offers.first().providerGpuId, QStringLiteral("g1-gpu-rtx6000-1"));
        QCOMPARE(batch->offers.first().gpuType, QStringLiteral("NVIDIA Quadro RTX 6000"));
        QCOMPARE(batch->offers.first().gpuCount, std::optional<qint64>(1));
        QCOMPARE(batch->offers.first().pricePerHour, std::optional<double>(1.5));

        const QList<LoopbackRequest> pages = requestsTo(QStringLiteral("/v4/linode/instances"));
        QCOMPARE(pages.size(), 2);
        QCOMPARE(pages.at(0).query.queryItemValue(QStringLiteral("page")), QStringLiteral("1"));
        QCOMPARE(pages.at(0).query.queryItemValue(QStringLiteral("page_size")), QStringLiteral("500"));
        QCOMPARE(pages.at(1).query.queryItemValue(QStringLiteral("page")), QStringLiteral("2"));
    }

    void hetznerEndToEnd()
    {
        const QJsonObject server = fixtureObject(QStringLiteral("hetzner-cli-server_create_response.json")).value(QStringLiteral("server")).toObject();
        QJsonObject second = server;
        second.insert(QStringLiteral("id"), 1235);
        second.insert(QStringLiteral("name"), QStringLiteral("worker-2"));
        second.insert(QStringLiteral("location"), parsed(R"({"id": 2, "name": "nbg1", "city": "Nuremberg", "country": "DE", "network_zone": "eu-central"})"));
        const QJsonObject servers1{{QStringLiteral("servers"), QJsonArray{server}},
                                   {QStringLiteral("meta"), parsed(R"({"pagination": {"page": 1, "per_page": 1, "previous_page": null, "next_page": 2, "last_page": 2, "total_entries": 2}})")}};
        const QJsonObject servers2{{QStringLiteral("servers"), QJsonArray{second}},
                                   {QStringLiteral("meta"), parsed(R"({"pagination": {"page": 2, "per_page": 1, "previous_page": 1, "next_page": null, "last_page": 2, "total_entries": 2}})")}};
        route(QStringLiteral("/v1/servers"), [servers1, servers2](const LoopbackRequest &request) {
            return jsonAnswer(request.query.queryItemValue(QStringLiteral("page")) == QLatin1String("2") ? servers2 : servers1);
        });
        // The spec's example says page 3 of 4; the adapter follows next_page to 4, the last.
        const QJsonObject types = fixtureObject(QStringLiteral("hetzner-server_types.json"));
        const QJsonObject lastTypes{
            {QStringLiteral("server_types"), parsed(R"([{"id": 22, "name": "cx22", "cores": 2, "memory": 4, "disk": 40, "cpu_type": "shared", "deprecated": false,
                "prices": [{"location": "fsn1", "price_hourly": {"net": "0.0060", "gross": "0.0071"}, "price_monthly": {"net": "3.7900", "gross": "4.5101"}},
                           {"location": "nbg1", "price_hourly": {"net": "0.0060", "gross": "0.0071"}, "price_monthly": {"net": "3.7900", "gross": "4.5101"}}]}])")},
            {QStringLiteral("meta"), parsed(R"({"pagination": {"page": 4, "per_page": 25, "previous_page": 3, "next_page": null, "last_page": 4, "total_entries": 100}})")}};
        route(QStringLiteral("/v1/server_types"), [types, lastTypes](const LoopbackRequest &request) {
            return jsonAnswer(request.query.queryItemValue(QStringLiteral("page")) == QLatin1String("4") ? lastTypes : types);
        });
        Result<WriteBatch> batch = collect(connection(QStringLiteral("hetzner"), QStringLiteral("/v1")));
        QVERIFY2(batch, qPrintable(batch ? QString() : batch.error().message));

        QCOMPARE(ids(*batch), (QStringList{QStringLiteral("1234"), QStringLiteral("1235")}));
        const InstanceSnapshot &first = batch->instances.at(0);
        QCOMPARE(first.name, QStringLiteral("cli-test"));
        QCOMPARE(first.status, QStringLiteral("running"));
        QCOMPARE(first.vcpuCount, std::optional<qint64>(1));
        QCOMPARE(first.memoryGb, std::optional<double>(2));
        QCOMPARE(first.region, QString());   // "" in the recorded answer: unknown, not a region
        QCOMPARE(first.metadata.value(QStringLiteral("ipv4")).toString(), QStringLiteral("192.0.2.1"));
        QCOMPARE(batch->instances.at(1).region, QStringLiteral("nbg1"));

        // One offer per server type and location; prices are decimal strings, gross is what is paid.
        QCOMPARE(batch->offers.size(), 3);
        const GpuOffer &cpx = batch->offers.at(0);
        QCOMPARE(cpx.providerGpuId, QStringLiteral("cpx22"));
        QCOMPARE(cpx.region, QStringLiteral("fsn1"));
        QCOMPARE(cpx.pricePerHour, std::optional<double>(1.19));
        QCOMPARE(cpx.metadata.value(QStringLiteral("price_hourly_net")).toDouble(), 1.0);
        QCOMPARE(cpx.metadata.value(QStringLiteral("cores")).toInt(), 2);
        QCOMPARE(cpx.gpuType, QString());
        QCOMPARE(batch->offers.at(1).providerGpuId, QStringLiteral("cx22"));
        QCOMPARE(batch->offers.at(1).region, QStringLiteral("fsn1"));
        QCOMPARE(batch->offers.at(1).pricePerHour, std::optional<double>(0.0071));
        QCOMPARE(batch->offers.at(2).region, QStringLiteral("nbg1"));
        QCOMPARE(requestsTo(QStringLiteral("/v1/server_types")).at(1).query.queryItemValue(QStringLiteral("page")), QStringLiteral("4"));
    }

    void kubernetesEndToEnd()
    {
        const QJsonObject nodes1 = fixtureObject(QStringLiteral("kubernetes-nodes.json"));
        const QString token = nodes1.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("continue")).toString();
        route(QStringLiteral("/api/v1/nodes"), [nodes1, token](const LoopbackRequest &request) {
            return jsonAnswer(request.query.queryItemValue(QStringLiteral("continue")) == token ? fixtureObject(QStringLiteral("kubernetes-nodes-page2.json")) : nodes1);
        });
        route(QStringLiteral("/api/v1/pods"), fixtureObject(QStringLiteral("kubernetes-pods.json")));
        Result<WriteBatch> batch = collect(connection(QStringLiteral("kubernetes"), QString()));
        QVERIFY2(batch, qPrintable(batch ? QString() : batch.error().message));

        // The CPU node (page 2) and the pod without GPUs are left out.
        QCOMPARE(batch->instances.size(), 2);
        const InstanceSnapshot &node = batch->instances.at(0);
        QCOMPARE(node.instanceId, QStringLiteral("6f3b2c1a-9d4e-4b7a-8c21-0e5f4d3c2b1a"));
        QCOMPARE(node.name, QStringLiteral("gpu-node-1"));
        QCOMPARE(node.gpuCount, std::optional<qint64>(8));
        QCOMPARE(node.gpuType, QStringLiteral("NVIDIA A100-SXM4-80GB"));
        QCOMPARE(node.vcpuCount, std::optional<qint64>(96));
        QVERIFY(node.memoryGb);
        QCOMPARE(*node.memoryGb, 1176521388.0 * 1024 * 9.313225746154785e-10);
        QCOMPARE(node.region, QStringLiteral("us-east-1"));
        QCOMPARE(node.uptimeSeconds, std::optional<qint64>(86400));
        QCOMPARE(node.metadata.value(QStringLiteral("kind")).toString(), QStringLiteral("node"));
        QCOMPARE(node.metadata.value(QStringLiteral("allocatable_gpus")).toDouble(), 8.0);
        QCOMPARE(node.metadata.value(QStringLiteral("instance_type")).toString(), QStringLiteral("p4d.24xlarge"));
        const InstanceSnapshot &pod = batch->instances.at(1);
        QCOMPARE(pod.name, QStringLiteral("trainer-0"));
        QCOMPARE(pod.gpuCount, std::optional<qint64>(5));   // 4 + 1 over its containers
        QCOMPARE(pod.status, QStringLiteral("Running"));
        QCOMPARE(pod.uptimeSeconds, std::optional<qint64>(3600));
        QCOMPARE(pod.metadata.value(QStringLiteral("namespace")).toString(), QStringLiteral("ml"));
        QCOMPARE(pod.metadata.value(QStringLiteral("node")).toString(), QStringLiteral("gpu-node-1"));

        const QList<LoopbackRequest> nodes = requestsTo(QStringLiteral("/api/v1/nodes"));
        QCOMPARE(nodes.size(), 2);
        QCOMPARE(nodes.at(0).query.queryItemValue(QStringLiteral("limit")), QStringLiteral("500"));
        QCOMPARE(nodes.at(1).query.queryItemValue(QStringLiteral("continue")), token);
        for (const LoopbackRequest &request : std::as_const(m_requests))
            QCOMPARE(request.header("Authorization"), QByteArray("Bearer s3cr3t-value"));
    }

    void kubernetesCaFileMustHoldACertificate()
    {
        QTemporaryDir dir;
        QFile notPem(dir.filePath(QStringLiteral("ca.pem")));
        QVERIFY(notPem.open(QIODevice::WriteOnly));
        notPem.write("not a certificate\n");
        notPem.close();
        Result<WriteBatch> batch = collect(connection(QStringLiteral("kubernetes"), QString(), QJsonObject{{QStringLiteral("ca_file"), notPem.fileName()}}));
        QVERIFY(!batch);
        QCOMPARE(batch.error().kind, ErrorClass::Config);
        QCOMPARE(batch.error().message, QStringLiteral("test-kubernetes: ca_file: no PEM certificate in %1").arg(notPem.fileName()));
        QCOMPARE(m_requests.size(), 0);
    }

    // A cluster's own CA is trusted for its connection only; without it the handshake fails, since
    // verification is never switched off.
    void kubernetesTrustsTheClusterCa()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("this Qt has no TLS backend");
        TlsServer server(test::fixtureBytes(QStringLiteral("providers/kubernetes-pods.json")));
        QVERIFY(server.listen());
        ConnectionRecord cluster = connection(QStringLiteral("kubernetes"), QString(),
                                              QJsonObject{{QStringLiteral("ca_file"), QStringLiteral(FLEETSCOPE_FIXTURES "/tls/ca.pem")}});
        cluster.settings.insert(QStringLiteral("base_url"), QStringLiteral("https://127.0.0.1:%1").arg(server.port()));
        Result<WriteBatch> batch = collect(cluster);
        QVERIFY2(batch, qPrintable(batch ? QString() : batch.error().message));
        QCOMPARE(server.answered(), 2);   // nodes, pods
        QCOMPARE(ids(*batch), QStringList{QStringLiteral("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d")});

        cluster.settings.remove(QStringLiteral("ca_file"));
        Result<WriteBatch> untrusted = collect(cluster);
        QVERIFY(!untrusted);
        QVERIFY2(untrusted.error().message.contains(QLatin1String("TLS handshake failed")), qPrintable(untrusted.error().message));
        QCOMPARE(server.answered(), 2);
    }

    void ovhSignsEveryRequest()
    {
        const QByteArray keys = R"({"application_key": "app-key-1", "application_secret": "app-secret-1", "consumer_key": "consumer-key-1"})";
        qputenv(kSecretVariable, keys);
        route(QStringLiteral("/1.0/auth/time"), [](const LoopbackRequest &) { return LoopbackResponse::withBody(200, "application/json", "1714564800"); });
        route(QStringLiteral("/1.0/cloud/project/p-123/instance"), [](const LoopbackRequest &) {
            return LoopbackResponse::withBody(200, "application/json", test::fixtureBytes(QStringLiteral("providers/ovh-instances.json")));
        });
        Result<WriteBatch> batch = collect(connection(QStringLiteral("ovh"), QStringLiteral("/1.0"), QJsonObject{{QStringLiteral("project_id"), QStringLiteral("p-123")}}));
        qputenv(kSecretVariable, "s3cr3t-value");
        QVERIFY2(batch, qPrintable(batch ? QString() : batch.error().message));

        QCOMPARE(m_requests.size(), 2);
        const LoopbackRequest &time = m_requests.at(0);
        QCOMPARE(time.path, QStringLiteral("/1.0/auth/time"));
        QVERIFY(time.header("X-Ovh-Signature").isEmpty() && time.header("X-Ovh-Application").isEmpty());
        const LoopbackRequest &list = m_requests.at(1);
        QCOMPARE(list.header("X-Ovh-Application"), QByteArray("app-key-1"));
        QCOMPARE(list.header("X-Ovh-Consumer"), QByteArray("consumer-key-1"));
        QVERIFY(list.header("Authorization").isEmpty());
        // Timestamps follow the server's clock, not ours (ours is years later).
        const QByteArray timestamp = list.header("X-Ovh-Timestamp");
        QVERIFY2(std::abs(timestamp.toLongLong() - 1714564800) <= 5, timestamp.constData());
        const QByteArray url = origin().toUtf8() + "/1.0/cloud/project/p-123/instance";
        QCOMPARE(list.header("X-Ovh-Signature"), expectedOvhSignature("app-secret-1", "consumer-key-1", url, timestamp));

        QCOMPARE(batch->instances.size(), 2);
        QCOMPARE(batch->instances.at(0).name, QStringLiteral("l40s-trainer"));
        QCOMPARE(batch->instances.at(0).gpuType, QStringLiteral("NVIDIA L40S"));
        QCOMPARE(batch->instances.at(0).region, QStringLiteral("GRA11"));
        QCOMPARE(batch->instances.at(0).status, QStringLiteral("running"));
        QCOMPARE(batch->instances.at(0).metadata.value(QStringLiteral("ip_addresses")).toArray(), QJsonArray{QStringLiteral("51.75.123.45")});
        QCOMPARE(batch->instances.at(1).gpuType, QString());   // b2-7: no GPU
    }

    void ovhNeedsItsThreeKeys()
    {
        qputenv(kSecretVariable, "just-one-key-s3cr3t");
        Result<WriteBatch> batch = collect(connection(QStringLiteral("ovh"), QStringLiteral("/1.0"), QJsonObject{{QStringLiteral("project_id"), QStringLiteral("p-1")}}));
        qputenv(kSecretVariable, "s3cr3t-value");
        QVERIFY(!batch);
        QCOMPARE(batch.error().message, QStringLiteral("test-ovh: the secret must be a JSON object with application_key, application_secret and consumer_key"));
        QCOMPARE(m_requests.size(), 0);
    }

    void connectionTestReadsTheFirstPage()
    {
        route(QStringLiteral("/v2/instances"), fixtureObject(QStringLiteral("vultr-instances.json")));
        const ConnectionRecord vultr = connection(QStringLiteral("vultr"), QStringLiteral("/v2"));
        Result<QString> answer = runWithLocalHttp<QString>([&](HttpClient &http, QObject *context, std::function<void(Result<QString>)> done) {
            testConnection(http, vultr, Secret::fromUtf8("s3cr3t-value"), context, std::move(done));
        });
        QVERIFY2(answer, qPrintable(answer ? QString() : answer.error().message));
        QCOMPARE(*answer, QStringLiteral("Vultr answered: 1 item on the first page of instances (more pages follow)"));
        QCOMPARE(m_requests.size(), 1);
        QCOMPARE(m_requests.first().header("Authorization"), QByteArray("Bearer s3cr3t-value"));
    }

    void factoryPicksTheGenericAdapterForApiKinds()
    {
        for (const QString &kind : {QStringLiteral("vultr"), QStringLiteral("kubernetes"), QStringLiteral("docker")}) {
            Result<std::unique_ptr<Collector>> collector = builtinCollectors()(connection(kind, QStringLiteral("/x")));
            QVERIFY2(collector, qPrintable(kind));
            QVERIFY(dynamic_cast<GenericCollector *>(collector->get()));
        }
        ConnectionRecord runpod = connection(QStringLiteral("runpod"), QString());
        runpod.settings = QJsonObject();
        Result<std::unique_ptr<Collector>> own = builtinCollectors()(runpod);
        QVERIFY(own);
        QVERIFY(!dynamic_cast<GenericCollector *>(own->get()));
        ConnectionRecord badUrl = connection(QStringLiteral("vultr"), QString());
        badUrl.settings.insert(QStringLiteral("base_url"), QStringLiteral("ftp://files.example.net"));
        Result<std::unique_ptr<Collector>> refused = builtinCollectors()(badUrl);
        QVERIFY(!refused);
        QCOMPARE(refused.error().message, QStringLiteral("test-vultr: base_url: not an http(s) URL"));
    }
};

QTEST_GUILESS_MAIN(TestGenericAdapter)
#include "test_genericadapter.moc"
