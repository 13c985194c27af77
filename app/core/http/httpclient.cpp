// One HttpExchange per send(): attempts, timeout, retry scheduling and classification of the outcome.
#include "httpclient.h"

#include "localsocketreply.h"
#include "logging.h"

#include <QHostAddress>
#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslConfiguration>

#include <algorithm>
#include <limits>
#include <optional>

namespace fleetscope {

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString redactedTarget(const QUrl &url, bool hidePath)
{
    QString host = url.host();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    if (url.port() != -1)
        host += QLatin1Char(':') + QString::number(url.port());
    return host + (hidePath ? QStringLiteral("/…") : url.path());
}

bool isLoopbackHost(const QString &host)
{
    return host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 || QHostAddress(host).isLoopback();
}

// The life of one request, parented to the client so the client's destruction ends it.
class HttpExchange : public QObject
{
    Q_OBJECT
public:
    HttpExchange(HttpClient *client, HttpRequest request, QObject *context, HttpClient::Done done)
        : QObject(client)
        , m_client(client)
        , m_request(std::move(request))
        , m_context(context)
        , m_done(std::move(done))
    {
        const bool https = m_request.url.scheme() == QLatin1String("https");
        m_breakerKey = m_request.localSocket.isEmpty()
            ? m_request.url.host() + QLatin1Char(':') + QString::number(m_request.url.port(https ? 443 : 80))
            : QStringLiteral("unix:") + m_request.localSocket;
        connect(context, &QObject::destroyed, this, [this] { abandon(); });
    }

    ~HttpExchange() override { dropReply(); }

    void start();

private:
    enum class Retry { No, Yes };

    QString label() const { return m_request.source.isEmpty() ? QStringLiteral("http") : m_request.source; }
    QString target() const
    {
        const QString where = m_request.localSocket.isEmpty() ? redactedTarget(m_request.url, m_request.secretPath)
                                                              : m_request.localSocket + QLatin1Char(':') + m_request.url.path();
        return QString::fromLatin1(m_request.method) + QLatin1Char(' ') + where;
    }
    QString attemptsSuffix() const
    {
        return m_attempt > 1 ? QStringLiteral(" after %1 attempts").arg(m_attempt) : QString();
    }

    void sendAttempt();
    void handleFinished();
    void handleHttpError(int status, QNetworkReply &reply);
    void retryOrFail(Error error, Retry retry, std::optional<qint64> retryAfterMs = std::nullopt);
    void failNow(Error error);
    void finish(Result<HttpResponse> result);
    void abandon();
    void dropReply();

    HttpClient *m_client;
    HttpRequest m_request;
    QPointer<QObject> m_context;
    HttpClient::Done m_done;
    QString m_breakerKey;
    bool m_admitted = false;      // passed the breaker, so its outcome must be recorded there
    bool m_finished = false;
    int m_attempt = 0;
    QPointer<QNetworkReply> m_reply;   // the NAM may delete it first when it goes away
    QObject *m_attemptGuard = nullptr; // context of the attempt's timeout; deleted when the attempt ends
    bool m_timedOut = false;
    bool m_tooLarge = false;
};

void HttpExchange::start()
{
    const QUrl &url = m_request.url;
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        failNow(Error::make(ErrorClass::Config, QStringLiteral("%1: not an http(s) URL: %2").arg(label(), redactedTarget(url, m_request.secretPath))));
        return;
    }
    if (!m_request.localSocket.isEmpty() && scheme != QLatin1String("http")) {
        failNow(Error::make(ErrorClass::Config, QStringLiteral("%1: a request over a local socket is plain http").arg(label())));
        return;
    }
    if (m_request.carriesCredential && scheme == QLatin1String("http") && !isLoopbackHost(url.host()) && m_request.localSocket.isEmpty()) {
        failNow(Error::make(ErrorClass::Config,
                            QStringLiteral("%1: refusing to send a credential over plain http to %2; use https")
                                .arg(label(), redactedTarget(url, m_request.secretPath))));
        return;
    }
    CircuitBreaker &breaker = m_client->m_breaker;
    if (!breaker.allow(m_breakerKey)) {
        const qint64 waitS = (breaker.remainingCoolDownMs(m_breakerKey) + 999) / 1000;
        const QString when = waitS > 0 ? QStringLiteral("next try in %1 s").arg(waitS) : QStringLiteral("a probe is under way");
        failNow(Error::make(ErrorClass::Unavailable,
                            QStringLiteral("%1: %2 is unavailable (circuit open after repeated failures; %3)").arg(label(), url.host(), when)));
        return;
    }
    m_admitted = true;
    sendAttempt();
}

void HttpExchange::sendAttempt()
{
    if (m_finished)
        return;
    ++m_attempt;
    m_timedOut = false;
    m_tooLarge = false;

    QNetworkRequest request(m_request.url);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Fleetscope/" FLEETSCOPE_VERSION));
    for (const auto &[name, value] : m_request.headers)
        request.setRawHeader(name, value);
    if (!m_request.caCertificates.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_request.caCertificates);
        request.setSslConfiguration(tls);
    }
    // A credential follows redirects only within the same origin; otherwise never to plain http.
    const bool manualRedirects = std::any_of(m_request.passStatuses.cbegin(), m_request.passStatuses.cend(),
                                             [](int status) { return status >= 300 && status <= 399 && status != 304; });
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         manualRedirects                  ? QNetworkRequest::ManualRedirectPolicy
                         : m_request.carriesCredential ? QNetworkRequest::SameOriginRedirectPolicy
                                                          : QNetworkRequest::NoLessSafeRedirectPolicy);

    qCDebug(lcHttp).noquote() << label() << target() << "attempt" << m_attempt << "of" << m_request.maxAttempts;
    m_reply = m_request.localSocket.isEmpty()
        ? m_client->m_nam->sendCustomRequest(request, m_request.method, m_request.body)
        : new LocalSocketReply(m_request.localSocket, request, m_request.method, m_request.body, this);
    connect(m_reply, &QNetworkReply::finished, this, &HttpExchange::handleFinished);
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        if (m_reply && (received > m_request.maxBodyBytes || total > m_request.maxBodyBytes)) {
            m_tooLarge = true;
            m_reply->abort();
        }
    });

    m_attemptGuard = new QObject(this);
    m_client->m_clock.schedule(m_request.timeoutMs, m_attemptGuard, [this] {
        m_timedOut = true;
        if (m_reply)
            m_reply->abort();
    });
}

void HttpExchange::handleFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    delete m_attemptGuard;
    m_attemptGuard = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    if (m_finished)
        return;

    const QNetworkReply::NetworkError error = reply->error();
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    const QString failed = QStringLiteral("%1: %2 failed: ").arg(label(), target());

    if (m_tooLarge) {
        failNow(Error::make(ErrorClass::BadData, failed + QStringLiteral("response larger than %1 bytes").arg(m_request.maxBodyBytes)));
        return;
    }
    if (m_timedOut) {
        retryOrFail(Error::make(ErrorClass::Unavailable, failed + QStringLiteral("timed out after %1 ms").arg(m_request.timeoutMs)),
                    Retry::Yes);
        return;
    }
    // A local socket's own failures (it sets none for HTTP statuses); its words name the socket, never a secret.
    if (error != QNetworkReply::NoError && qobject_cast<LocalSocketReply *>(reply)) {
        retryOrFail(Error::make(ErrorClass::Unavailable, failed + reply->errorString()), Retry::Yes);
        return;
    }
    // Codes below 200 are transport and proxy failures; Qt reports those even when a status
    // line arrived (a body cut short), and its errorString() would quote the full URL.
    if (error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied) {
        QString what;
        Retry retry = Retry::Yes;
        ErrorClass kind = ErrorClass::Unavailable;
        switch (error) {
        case QNetworkReply::ConnectionRefusedError: what = QStringLiteral("connection refused"); break;
        case QNetworkReply::RemoteHostClosedError:
            what = status > 0 ? QStringLiteral("connection closed before the response was complete")
                              : QStringLiteral("connection closed without an answer");
            break;
        case QNetworkReply::HostNotFoundError: what = QStringLiteral("host not found"); break;
        case QNetworkReply::TimeoutError: what = QStringLiteral("connection timed out"); break;
        case QNetworkReply::SslHandshakeFailedError:
            what = QStringLiteral("TLS handshake failed (certificate not trusted?)");
            retry = Retry::No;
            break;
        case QNetworkReply::TooManyRedirectsError:
        case QNetworkReply::InsecureRedirectError:
            what = QStringLiteral("redirect refused");
            kind = ErrorClass::Config;
            retry = Retry::No;
            break;
        default: what = QStringLiteral("network error %1").arg(int(error)); break;
        }
        retryOrFail(Error::make(kind, failed + what), retry);
        return;
    }
    if ((status >= 200 && status <= 299) || m_request.passStatuses.contains(status)) {
        HttpResponse response;
        response.status = status;
        response.body = reply->readAll();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            response.headers.append({name, value});
        response.attempts = m_attempt;
        finish(std::move(response));
        return;
    }
    if (status > 0) {
        handleHttpError(status, *reply);
        return;
    }
    retryOrFail(Error::make(ErrorClass::Unavailable, failed + QStringLiteral("protocol error %1").arg(int(error))), Retry::Yes);
}

void HttpExchange::handleHttpError(int status, QNetworkReply &reply)
{
    ErrorClass kind = ErrorClass::Config;
    QString meaning = QStringLiteral("request rejected");
    if (status == 401) {
        kind = ErrorClass::Auth;
        meaning = QStringLiteral("credential rejected");
    } else if (status == 403) {
        kind = ErrorClass::Auth;
        meaning = QStringLiteral("access denied");
    } else if (status == 402) {
        kind = ErrorClass::Billing;
        meaning = QStringLiteral("payment required");
    } else if (status == 429) {
        kind = ErrorClass::RateLimited;
        meaning = QStringLiteral("rate limited");
    } else if (status >= 500) {
        kind = ErrorClass::Unavailable;
        meaning = QStringLiteral("server error");
    } else if (status < 400) {
        meaning = QStringLiteral("unexpected redirect");
    }
    Error error = Error::make(kind, QStringLiteral("%1: %2 answered HTTP %3 (%4)").arg(label(), target()).arg(status).arg(meaning));
    if (m_request.explainError)
        m_request.explainError(status, reply.read(64 * 1024), error);
    const std::optional<qint64> retryAfter =
        parseRetryAfter(reply.rawHeader(QByteArrayLiteral("Retry-After")), m_client->m_clock.nowMs());
    retryOrFail(error, isRetryableStatus(status) ? Retry::Yes : Retry::No, retryAfter);
}

void HttpExchange::retryOrFail(Error error, Retry retry, std::optional<qint64> retryAfterMs)
{
    const RetryPolicy &policy = m_client->m_policy;
    if (retry == Retry::Yes && retryAfterMs && *retryAfterMs > policy.maxRetryAfterMs) {
        error.message += QStringLiteral("; asked to wait %1 s, longer than this client waits").arg(*retryAfterMs / 1000);
        error.retryAfterMs = int(qMin<qint64>(*retryAfterMs, std::numeric_limits<int>::max()));
        failNow(error);
        return;
    }
    if (retry == Retry::Yes && m_attempt < m_request.maxAttempts) {
        const qint64 delay = retryAfterMs ? *retryAfterMs : policy.backoffMs(m_attempt, m_client->m_random());
        qCInfo(lcHttp).noquote() << describe(error) << "- retrying in" << delay << "ms";
        m_client->m_clock.schedule(delay, this, [this] { sendAttempt(); });
        return;
    }
    if (error.kind == ErrorClass::RateLimited)
        error.retryAfterMs = int(retryAfterMs.value_or(policy.backoffMs(m_attempt, 0.5)));
    error.message += attemptsSuffix();
    failNow(error);
}

void HttpExchange::failNow(Error error)
{
    finish(std::unexpected(std::move(error)));
}

void HttpExchange::finish(Result<HttpResponse> result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_admitted) {
        // Only trouble reaching the host trips the breaker; any HTTP answer shows it is up.
        if (!result && result.error().kind == ErrorClass::Unavailable)
            m_client->m_breaker.recordFailure(m_breakerKey);
        else
            m_client->m_breaker.recordSuccess(m_breakerKey);
    }
    if (!result)
        qCDebug(lcHttp).noquote() << describe(result.error());
    // Delivered from the event loop, never from inside send(), so callers need not be re-entrant.
    QMetaObject::invokeMethod(
        this,
        [this, result = std::move(result)]() mutable {
            HttpClient::Done done = std::move(m_done);
            deleteLater();
            if (m_context)
                done(std::move(result));
        },
        Qt::QueuedConnection);
}

void HttpExchange::abandon()
{
    if (!m_finished && m_admitted)
        m_client->m_breaker.recordAbandoned(m_breakerKey);
    m_finished = true;
    delete m_attemptGuard;
    m_attemptGuard = nullptr;
    dropReply();
    deleteLater();
}

void HttpExchange::dropReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

HttpClient::HttpClient(QNetworkAccessManager *nam, Clock &clock, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_clock(clock)
    , m_breaker(clock)
    , m_random(systemRandom())
{
}

HttpClient::~HttpClient()
{
    // Exchanges go first, while the breaker they refer to still exists.
    qDeleteAll(findChildren<HttpExchange *>(Qt::FindDirectChildrenOnly));
}

void HttpClient::send(HttpRequest request, QObject *context, Done done)
{
    auto *exchange = new HttpExchange(this, std::move(request), context ? context : this, std::move(done));
    exchange->start();
}

} // namespace fleetscope

#include "httpclient.moc"
