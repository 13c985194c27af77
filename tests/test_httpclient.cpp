// HttpClient against the loopback fault server: retries, Retry-After, backoff, timeouts, faults,
// circuit breaker, the plain-http credential rule, and secrets kept out of messages and logs.
#include "faultserver.h"
#include "http/httpclient.h"
#include "testclock.h"

#include <QDeadlineTimer>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTest>
#include <QTimeZone>

#include <memory>
#include <optional>

using namespace fleetscope;

Q_DECLARE_METATYPE(fleetscope::ErrorClass)
Q_DECLARE_METATYPE(fleetscope::ScriptedResponse::Fault)
Q_DECLARE_METATYPE(fleetscope::ScriptedResponse)

namespace {

// One send() and its outcome; the context dies with the Call, so no callback outlives it.
struct Call {
    std::optional<Result<HttpResponse>> result;
    int callbacks = 0;
    QObject context;

    void send(HttpClient &client, HttpRequest request)
    {
        client.send(std::move(request), &context, [this](Result<HttpResponse> r) {
            ++callbacks;
            result = std::move(r);
        });
    }
    bool done() const { return result.has_value(); }
    Error error() const { return result && !*result ? result->error() : Error{}; }
};

HttpRequest requestTo(const QUrl &url, int maxAttempts = 4)
{
    HttpRequest request;
    request.url = url;
    request.maxAttempts = maxAttempts;
    request.source = QStringLiteral("acme/prod pods");
    return request;
}

QString httpDate(qint64 ms, const QString &format)
{
    return QLocale::c().toString(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()), format);
}

// Collects every log line so tests can assert that no secret reaches the log.
QStringList *g_logLines = nullptr;
void captureLog(QtMsgType, const QMessageLogContext &, const QString &message)
{
    if (g_logLines)
        g_logLines->append(message);
}

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void successReturnsBodyAndHeaders();
    void retriesByStatus_data();
    void retriesByStatus();
    void recoversAfterTransientFailures();
    void backoffPolicy_data();
    void backoffPolicy();
    void backoffGrowsBetweenAttempts();
    void parseRetryAfter_data();
    void parseRetryAfter();
    void retryAfterIsHonoured_data();
    void retryAfterIsHonoured();
    void retryAfterBeyondCapFails();
    void timeoutIsUnavailable();
    void transportFaults_data();
    void transportFaults();
    void breakerOpensProbesAndCloses();
    void breakerReopensWhenProbeFails();
    void clientErrorsDoNotTripBreaker();
    void credentialOverPlainHttp_data();
    void credentialOverPlainHttp();
    void messagesNeverLeakSecrets_data();
    void messagesNeverLeakSecrets();
    void destroyedContextCancels();
    void oversizedBodyIsBadData();

private:
    // Runs the event loop until CALL is done, advancing the test clock over retry delays but
    // never up to an attempt's timeout (so a slow answer is waited for, not timed out).
    bool settle(Call &call, qint64 timeoutMs = 30'000);

    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<TestClock> m_clock;
    std::unique_ptr<HttpClient> m_client;
    std::unique_ptr<FaultServer> m_server;
};

void TestHttpClient::init()
{
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_clock = std::make_unique<TestClock>();
    m_client = std::make_unique<HttpClient>(m_nam.get(), *m_clock);
    m_client->setRandomSource([] { return 0.5; });   // jitter off: delays are exact
    m_server = std::make_unique<FaultServer>();
    QVERIFY(m_server->listen());
}

void TestHttpClient::cleanup()
{
    m_client.reset();
    m_server.reset();
    m_nam.reset();
    m_clock.reset();
}

bool TestHttpClient::settle(Call &call, qint64 timeoutMs)
{
    QDeadlineTimer deadline(10'000);
    while (!call.done() && !deadline.hasExpired()) {
        QTest::qWait(2);
        const std::optional<qint64> next = m_clock->nextDueInMs();
        if (next && *next < timeoutMs)
            m_clock->advance(*next);
    }
    return call.done();
}

void TestHttpClient::successReturnsBodyAndHeaders()
{
    ScriptedResponse ok = ScriptedResponse::withStatus(200, QByteArrayLiteral("{\"pods\": []}"));
    ok.headers.append({QByteArrayLiteral("X-Request-Id"), QByteArrayLiteral("abc-123")});
    m_server->enqueue(ok);

    HttpRequest request = requestTo(m_server->url(QStringLiteral("/v1/pods?limit=5")));
    request.method = QByteArrayLiteral("POST");
    request.body = QByteArrayLiteral("{\"query\": 1}");
    request.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    Call call;
    call.send(*m_client, request);
    QVERIFY(settle(call));

    QVERIFY(call.result->has_value());
    const HttpResponse &response = **call.result;
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, QByteArrayLiteral("{\"pods\": []}"));
    QCOMPARE(response.header("x-request-id"), QByteArrayLiteral("abc-123"));
    QCOMPARE(response.attempts, 1);

    QCOMPARE(m_server->requestCount(), 1);
    const ReceivedRequest &received = m_server->requests().constFirst();
    QCOMPARE(received.method, QByteArrayLiteral("POST"));
    QCOMPARE(received.target, QByteArrayLiteral("/v1/pods?limit=5"));
    QCOMPARE(received.body, QByteArrayLiteral("{\"query\": 1}"));
    QCOMPARE(received.header("content-type"), QByteArrayLiteral("application/json"));
    QVERIFY(received.header("user-agent").startsWith("Fleetscope/"));
    QCOMPARE(call.callbacks, 1);
}

void TestHttpClient::retriesByStatus_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<ErrorClass>("kind");
    QTest::addColumn<int>("attempts");

    QTest::newRow("500") << 500 << ErrorClass::Unavailable << 4;
    QTest::newRow("502") << 502 << ErrorClass::Unavailable << 4;
    QTest::newRow("503") << 503 << ErrorClass::Unavailable << 4;
    QTest::newRow("429") << 429 << ErrorClass::RateLimited << 4;
    QTest::newRow("400") << 400 << ErrorClass::Config << 1;
    QTest::newRow("401") << 401 << ErrorClass::Auth << 1;
    QTest::newRow("402") << 402 << ErrorClass::Billing << 1;
    QTest::newRow("403") << 403 << ErrorClass::Auth << 1;
    QTest::newRow("404") << 404 << ErrorClass::Config << 1;
}

void TestHttpClient::retriesByStatus()
{
    QFETCH(int, status);
    QFETCH(ErrorClass, kind);
    QFETCH(int, attempts);

    m_server->setFallback(ScriptedResponse::withStatus(status));
    Call call;
    call.send(*m_client, requestTo(m_server->url(QStringLiteral("/v1/pods")), 4));
    QVERIFY(settle(call));

    QVERIFY(!call.result->has_value());
    const Error error = call.error();
    QCOMPARE(error.kind, kind);
    QCOMPARE(m_server->requestCount(), attempts);
    QVERIFY2(error.message.startsWith(QStringLiteral("acme/prod pods: ")), qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("127.0.0.1:%1/v1/pods").arg(m_server->port())), qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("HTTP %1").arg(status)), qPrintable(error.message));
    QVERIFY(!error.message.contains(QLatin1Char('\n')));
    QCOMPARE(error.message.contains(QStringLiteral("after %1 attempts").arg(attempts)), attempts > 1);
    if (kind == ErrorClass::RateLimited)
        QVERIFY(error.retryAfterMs >= 0);
    else
        QCOMPARE(error.retryAfterMs, -1);
}

void TestHttpClient::recoversAfterTransientFailures()
{
    m_server->enqueue(ScriptedResponse::withStatus(503));
    m_server->enqueue(ScriptedResponse::withStatus(500));
    m_server->enqueue(ScriptedResponse::withStatus(200, QByteArrayLiteral("ok")));
    Call call;
    call.send(*m_client, requestTo(m_server->url(QStringLiteral("/health"))));
    QVERIFY(settle(call));

    QVERIFY(call.result->has_value());
    QCOMPARE((*call.result)->body, QByteArrayLiteral("ok"));
    QCOMPARE((*call.result)->attempts, 3);
    QCOMPARE(m_server->requestCount(), 3);
}

void TestHttpClient::backoffPolicy_data()
{
    QTest::addColumn<int>("failedAttempts");
    QTest::addColumn<double>("unit");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("first, centre") << 1 << 0.5 << qint64(500);
    QTest::newRow("second, centre") << 2 << 0.5 << qint64(1000);
    QTest::newRow("third, centre") << 3 << 0.5 << qint64(2000);
    QTest::newRow("third, low edge") << 3 << 0.0 << qint64(1600);
    QTest::newRow("third, high edge") << 3 << 1.0 << qint64(2400);
    QTest::newRow("capped") << 20 << 0.5 << qint64(30'000);
    QTest::newRow("capped, high edge") << 20 << 1.0 << qint64(30'000);
}

void TestHttpClient::backoffPolicy()
{
    QFETCH(int, failedAttempts);
    QFETCH(double, unit);
    QFETCH(qint64, expected);
    QCOMPARE(RetryPolicy().backoffMs(failedAttempts, unit), expected);
}

void TestHttpClient::backoffGrowsBetweenAttempts()
{
    m_server->setFallback(ScriptedResponse::withStatus(503));
    Call call;
    call.send(*m_client, requestTo(m_server->url(QStringLiteral("/v1/pods")), 4));

    int sent = 1;
    for (qint64 expectedDelay : {500, 1000, 2000}) {
        QTRY_COMPARE(m_server->requestCount(), sent);
        QTRY_COMPARE(m_clock->nextDueInMs().value_or(-1), expectedDelay);
        m_clock->advance(expectedDelay - 1);
        QTest::qWait(20);
        QCOMPARE(m_server->requestCount(), sent);   // not a millisecond early
        m_clock->advance(1);
        ++sent;
        QTRY_COMPARE(m_server->requestCount(), sent);
    }
    QTRY_VERIFY(call.done());
    QCOMPARE(call.error().kind, ErrorClass::Unavailable);
    QCOMPARE(m_server->requestCount(), 4);
}

void TestHttpClient::parseRetryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expected");   // -1: not understood

    const qint64 now = TestClock::kDefaultStartMs;
    QTest::newRow("seconds") << QByteArrayLiteral("15") << qint64(15'000);
    QTest::newRow("seconds, padded") << QByteArrayLiteral("  2 ") << qint64(2'000);
    QTest::newRow("zero") << QByteArrayLiteral("0") << qint64(0);
    QTest::newRow("negative") << QByteArrayLiteral("-3") << qint64(-1);
    QTest::newRow("words") << QByteArrayLiteral("soon") << qint64(-1);
    QTest::newRow("empty") << QByteArray() << qint64(-1);
    QTest::newRow("IMF-fixdate")
        << httpDate(now + 90'000, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1() << qint64(90'000);
    QTest::newRow("RFC 850")
        << httpDate(now + 60'000, QStringLiteral("dddd, dd-MMM-yy HH:mm:ss 'GMT'")).toLatin1() << qint64(60'000);
    QTest::newRow("asctime") << httpDate(now + 30'000, QStringLiteral("ddd MMM d HH:mm:ss yyyy")).toLatin1() << qint64(30'000);
    QTest::newRow("date in the past") << QByteArrayLiteral("Sun, 06 Nov 1994 08:49:37 GMT") << qint64(0);
    QTest::newRow("bad date") << QByteArrayLiteral("Sun, 31 Feb 2024 08:49:37 GMT") << qint64(-1);
}

void TestHttpClient::parseRetryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expected);
    QCOMPARE(fleetscope::parseRetryAfter(value, TestClock::kDefaultStartMs).value_or(-1), expected);
}

void TestHttpClient::retryAfterIsHonoured_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<qint64>("delay");

    const qint64 now = TestClock::kDefaultStartMs;
    QTest::newRow("429, seconds") << 429 << QByteArrayLiteral("7") << qint64(7'000);
    QTest::newRow("429, HTTP-date")
        << 429 << httpDate(now + 120'000, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1() << qint64(120'000);
    QTest::newRow("503, seconds") << 503 << QByteArrayLiteral("42") << qint64(42'000);
}

void TestHttpClient::retryAfterIsHonoured()
{
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QFETCH(qint64, delay);

    ScriptedResponse throttled = ScriptedResponse::withStatus(status);
    throttled.headers.append({QByteArrayLiteral("Retry-After"), retryAfter});
    m_server->enqueue(throttled);
    m_server->enqueue(ScriptedResponse::withStatus(200, QByteArrayLiteral("later")));
    Call call;
    call.send(*m_client, requestTo(m_server->url(QStringLiteral("/v1/pods"))));

    QTRY_COMPARE(m_clock->nextDueInMs().value_or(-1), delay);
    m_clock->advance(delay - 1);
    QTest::qWait(20);
    QCOMPARE(m_server->requestCount(), 1);
    QVERIFY(!call.done());
    m_clock->advance(1);
    QTRY_VERIFY(call.done());
    QVERIFY(call.result->has_value());
    QCOMPARE((*call.result)->body, QByteArrayLiteral("later"));
    QCOMPARE((*call.result)->attempts, 2);
}

void TestHttpClient::retryAfterBeyondCapFails()
{
    ScriptedResponse throttled = ScriptedResponse::withStatus(429);
    throttled.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("3600")});
    m_server->setFallback(throttled);
    Call call;
    call.send(*m_client, requestTo(m_server->url(QStringLiteral("/v1/pods"))));
    QTRY_VERIFY(call.done());

    QCOMPARE(call.error().kind, ErrorClass::RateLimited);
    QCOMPARE(call.error().retryAfterMs, 3'600'000);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestHttpClient::timeoutIsUnavailable()
{
    m_server->setFallback(ScriptedResponse::withFault(ScriptedResponse::Fault::NoAnswer));
    HttpRequest request = requestTo(m_server->url(QStringLiteral("/slow")), 1);
    request.timeoutMs = 2'000;
    Call call;
    call.send(*m_client, request);

    QTRY_COMPARE(m_server->requestCount(), 1);
    m_clock->advance(1'999);
    QTest::qWait(20);
    QVERIFY(!call.done());
    m_clock->advance(1);
    QTRY_VERIFY(call.done());
    QCOMPARE(call.error().kind, ErrorClass::Unavailable);
    QVERIFY2(call.error().message.contains(QStringLiteral("timed out after 2000 ms")), qPrintable(call.error().message));
}

void TestHttpClient::transportFaults_data()
{
    QTest::addColumn<ScriptedResponse::Fault>("fault");
    QTest::addColumn<QString>("expected");

    QTest::newRow("truncated body") << ScriptedResponse::Fault::TruncatedBody
                                    << QStringLiteral("connection closed before the response was complete");
    QTest::newRow("dropped connection") << ScriptedResponse::Fault::DropConnection
                                        << QStringLiteral("connection closed without an answer");
    // None: the request goes to a port where nothing listens.
    QTest::newRow("connection refused") << ScriptedResponse::Fault::None << QStringLiteral("connection refused");
}

void TestHttpClient::transportFaults()
{
    QFETCH(ScriptedResponse::Fault, fault);
    QFETCH(QString, expected);

    QUrl url = m_server->url(QStringLiteral("/v1/pods"));
    if (fault == ScriptedResponse::Fault::None) {
        FaultServer closed;
        QVERIFY(closed.listen());
        url = closed.url(QStringLiteral("/v1/pods"));
    } else {
        m_server->setFallback(ScriptedResponse::withFault(fault));
    }
    Call call;
    call.send(*m_client, requestTo(url, 2));
    QVERIFY(settle(call));

    QCOMPARE(call.error().kind, ErrorClass::Unavailable);
    QVERIFY2(call.error().message.contains(expected), qPrintable(call.error().message));
    QVERIFY2(call.error().message.contains(QStringLiteral("after 2 attempts")), qPrintable(call.error().message));
}

void TestHttpClient::breakerOpensProbesAndCloses()
{
    m_client->setBreakerOptions({3, 60'000});
    m_server->setFallback(ScriptedResponse::withStatus(503));
    const QUrl url = m_server->url(QStringLiteral("/v1/pods"));
    const QString key = QStringLiteral("127.0.0.1:%1").arg(m_server->port());

    for (int i = 0; i < 3; ++i) {
        Call call;
        call.send(*m_client, requestTo(url, 1));
        QVERIFY(settle(call));
        QCOMPARE(call.error().kind, ErrorClass::Unavailable);
    }
    QCOMPARE(m_client->breaker().state(key), CircuitBreaker::State::Open);

    Call fastFail;
    fastFail.send(*m_client, requestTo(url, 1));
    QVERIFY(settle(fastFail));
    QCOMPARE(fastFail.error().kind, ErrorClass::Unavailable);
    QVERIFY2(fastFail.error().message.contains(QStringLiteral("127.0.0.1 is unavailable (circuit open")),
             qPrintable(fastFail.error().message));
    QCOMPARE(m_server->requestCount(), 3);

    // Cool-down over: exactly one probe goes out; others still fail fast while it is in flight.
    m_clock->advance(60'000);
    ScriptedResponse slowOk = ScriptedResponse::withStatus(200, QByteArrayLiteral("back"));
    slowOk.delayMs = 150;
    m_server->enqueue(slowOk);
    Call probe;
    probe.send(*m_client, requestTo(url, 1));
    Call duringProbe;
    duringProbe.send(*m_client, requestTo(url, 1));
    QVERIFY(settle(duringProbe));
    QCOMPARE(duringProbe.error().kind, ErrorClass::Unavailable);
    QCOMPARE(m_client->breaker().state(key), CircuitBreaker::State::HalfOpen);
    QVERIFY(settle(probe));
    QVERIFY(probe.result->has_value());
    QCOMPARE(m_client->breaker().state(key), CircuitBreaker::State::Closed);
    QCOMPARE(m_server->requestCount(), 4);

    Call afterwards;
    m_server->enqueue(ScriptedResponse::withStatus(200));
    afterwards.send(*m_client, requestTo(url, 1));
    QVERIFY(settle(afterwards));
    QVERIFY(afterwards.result->has_value());
    QCOMPARE(m_server->requestCount(), 5);
}

void TestHttpClient::breakerReopensWhenProbeFails()
{
    m_client->setBreakerOptions({2, 30'000});
    m_server->setFallback(ScriptedResponse::withStatus(502));
    const QUrl url = m_server->url(QStringLiteral("/v1/pods"));
    const QString key = QStringLiteral("127.0.0.1:%1").arg(m_server->port());

    for (int i = 0; i < 2; ++i) {
        Call call;
        call.send(*m_client, requestTo(url, 1));
        QVERIFY(settle(call));
    }
    QCOMPARE(m_client->breaker().state(key), CircuitBreaker::State::Open);
    m_clock->advance(29'999);
    {
        Call early;
        early.send(*m_client, requestTo(url, 1));
        QVERIFY(settle(early));
        QVERIFY(early.error().message.contains(QStringLiteral("circuit open")));
    }
    m_clock->advance(1);
    Call probe;
    probe.send(*m_client, requestTo(url, 1));
    QVERIFY(settle(probe));
    QVERIFY(probe.error().message.contains(QStringLiteral("HTTP 502")));
    QCOMPARE(m_server->requestCount(), 3);
    QCOMPARE(m_client->breaker().state(key), CircuitBreaker::State::Open);
    QCOMPARE(m_client->breaker().remainingCoolDownMs(key), qint64(30'000));

    Call after;
    after.send(*m_client, requestTo(url, 1));
    QVERIFY(settle(after));
    QVERIFY(after.error().message.contains(QStringLiteral("circuit open")));
    QCOMPARE(m_server->requestCount(), 3);
}

void TestHttpClient::clientErrorsDoNotTripBreaker()
{
    m_client->setBreakerOptions({2, 60'000});
    m_server->setFallback(ScriptedResponse::withStatus(401));
    for (int i = 0; i < 4; ++i) {
        Call call;
        call.send(*m_client, requestTo(m_server->url(QStringLiteral("/v1/pods")), 1));
        QVERIFY(settle(call));
        QCOMPARE(call.error().kind, ErrorClass::Auth);
    }
    QCOMPARE(m_server->requestCount(), 4);
    QCOMPARE(m_client->breaker().state(QStringLiteral("127.0.0.1:%1").arg(m_server->port())), CircuitBreaker::State::Closed);
}

void TestHttpClient::credentialOverPlainHttp_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("refused");

    QTest::newRow("public name") << QStringLiteral("api.example.com") << true;
    QTest::newRow("private address") << QStringLiteral("10.1.2.3") << true;
    QTest::newRow("looks like localhost") << QStringLiteral("localhost.example.com") << true;
    QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1") << false;
    QTest::newRow("127.0.0.0/8") << QStringLiteral("127.4.5.6") << false;
    QTest::newRow("localhost") << QStringLiteral("localhost") << false;
    QTest::newRow("::1") << QStringLiteral("[::1]") << false;
}

void TestHttpClient::credentialOverPlainHttp()
{
    QFETCH(QString, host);
    QFETCH(bool, refused);

    HttpRequest request = requestTo(QUrl(QStringLiteral("http://%1:%2/v1/pods").arg(host).arg(m_server->port())), 1);
    request.carriesCredential = true;
    request.headers.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer s3cr3t")});
    Call call;
    call.send(*m_client, request);
    QVERIFY(settle(call));

    if (refused) {
        QCOMPARE(call.error().kind, ErrorClass::Config);
        QVERIFY2(call.error().message.contains(QStringLiteral("refusing to send a credential over plain http")),
                 qPrintable(call.error().message));
        QCOMPARE(m_server->requestCount(), 0);
    } else {
        // Sent: it either reached the server or found nothing listening on that loopback address.
        QVERIFY(call.result->has_value() || call.error().kind == ErrorClass::Unavailable);
    }
}

void TestHttpClient::messagesNeverLeakSecrets_data()
{
    QTest::addColumn<QString>("url");   // {base}: the fault server
    QTest::addColumn<ScriptedResponse>("response");

    const QString onServer = QStringLiteral("{base}/v1/pods?api_key=QUERY-SECRET&page=2");
    QTest::newRow("401") << onServer << ScriptedResponse::withStatus(401, QByteArrayLiteral("bad key QUERY-SECRET"));
    QTest::newRow("404") << onServer << ScriptedResponse::withStatus(404);
    QTest::newRow("429") << onServer << ScriptedResponse::withStatus(429);
    QTest::newRow("500") << onServer << ScriptedResponse::withStatus(500);
    QTest::newRow("truncated") << onServer << ScriptedResponse::withFault(ScriptedResponse::Fault::TruncatedBody);
    QTest::newRow("dropped") << onServer << ScriptedResponse::withFault(ScriptedResponse::Fault::DropConnection);
    QTest::newRow("plain http refused") << QStringLiteral("http://api.example.com/v1/pods?api_key=QUERY-SECRET")
                                        << ScriptedResponse::withStatus(200);
}

void TestHttpClient::messagesNeverLeakSecrets()
{
    QFETCH(QString, url);
    QFETCH(ScriptedResponse, response);

    QStringList logLines;
    g_logLines = &logLines;
    const QtMessageHandler previous = qInstallMessageHandler(captureLog);

    m_server->setFallback(response);
    HttpRequest request = requestTo(QUrl(QString(url).replace(QStringLiteral("{base}"),
                                                              QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()))),
                                    2);
    request.carriesCredential = true;
    request.headers.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer HEADER-SECRET")});
    Call call;
    call.send(*m_client, request);
    const bool settled = settle(call);

    qInstallMessageHandler(previous);
    g_logLines = nullptr;
    QVERIFY(settled);
    QVERIFY(!call.result->has_value());
    const QString message = call.error().message;
    QVERIFY2(message.startsWith(QStringLiteral("acme/prod pods: ")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("/v1/pods")), qPrintable(message));
    logLines.append(message);
    for (const QString &text : std::as_const(logLines)) {
        QVERIFY2(!text.contains(QStringLiteral("SECRET")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("api_key")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("page=2")), qPrintable(text));
    }
}

void TestHttpClient::destroyedContextCancels()
{
    m_server->setFallback(ScriptedResponse::withFault(ScriptedResponse::Fault::NoAnswer));
    bool called = false;
    auto context = std::make_unique<QObject>();
    m_client->send(requestTo(m_server->url(QStringLiteral("/slow")), 1), context.get(),
                   [&called](Result<HttpResponse>) { called = true; });
    QTRY_COMPARE(m_server->requestCount(), 1);
    QCOMPARE(m_clock->pendingCount(), 1);   // the attempt's timeout

    context.reset();
    QTest::qWait(20);
    QCOMPARE(m_clock->pendingCount(), 0);
    m_clock->advance(60'000);
    QTest::qWait(20);
    QVERIFY(!called);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestHttpClient::oversizedBodyIsBadData()
{
    m_server->setFallback(ScriptedResponse::withStatus(200, QByteArray(4096, 'x')));
    HttpRequest request = requestTo(m_server->url(QStringLiteral("/export")));
    request.maxBodyBytes = 1024;
    Call call;
    call.send(*m_client, request);
    QVERIFY(settle(call));

    QCOMPARE(call.error().kind, ErrorClass::BadData);
    QVERIFY2(call.error().message.contains(QStringLiteral("larger than 1024 bytes")), qPrintable(call.error().message));
    QCOMPARE(m_server->requestCount(), 1);   // a body too large will not shrink on a retry
}

QTEST_GUILESS_MAIN(TestHttpClient)
#include "test_httpclient.moc"
