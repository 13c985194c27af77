// The one HTTP client every provider adapter uses: timeouts, retries with backoff and jitter,
// Retry-After, a per-host circuit breaker, error classes, and no secret in any message.
#pragma once

#include "circuitbreaker.h"
#include "clock.h"
#include "error.h"
#include "retrypolicy.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <functional>
#include <utility>

class QNetworkAccessManager;

namespace fleetscope {

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

struct HttpRequest {
    QByteArray method = "GET";
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    bool carriesCredential = false;    // refused over plain http unless the host is loopback
    bool secretPath = false;           // the URL itself is a secret (webhooks): errors and logs name its host only
    int timeoutMs = 30'000;            // per attempt, from send to the last byte
    int maxAttempts = 4;               // 1 for requests that must not repeat (lifecycle actions)
    qint64 maxBodyBytes = 64 * 1024 * 1024;
    QString source;                    // names the caller in errors: "runpod/prod graphql"
    // Trusted for this request in addition to the system's CAs (a cluster's own CA). Verification
    // itself is never switched off.
    QList<QSslCertificate> caCertificates;
    // When set, the request goes over this Unix domain socket (the Docker Engine's) instead of TCP;
    // the http:// URL then gives only path, query and Host.
    QString localSocket;
    // Refines the error of a non-2xx answer from its body (class, a one-line detail) for APIs that
    // explain failures there; retries still follow the status. Must copy nothing secret into it.
    std::function<void(int status, QByteArrayView body, Error &error)> explainError;
    // Non-2xx statuses the caller handles itself, delivered as responses and never retried: 304 for
    // conditional requests, 403/429 for APIs that explain limits in headers, or a 3xx, which then
    // also turns automatic redirects off so the caller decides what the next hop receives.
    QList<int> passStatuses;
};

struct HttpResponse {
    int status = 0;
    QByteArray body;
    HttpHeaders headers;
    int attempts = 0;

    // Case-insensitive; empty if absent.
    QByteArray header(QByteArrayView name) const;
};

// "host[:port]/path" of URL (with HIDE_PATH, "host[:port]/…": the path is a secret): what errors and
// logs may show. Never the query, user info or fragment.
QString redactedTarget(const QUrl &url, bool hidePath = false);
// 127.0.0.0/8, ::1 and localhost: the only hosts a credential may reach over plain http.
bool isLoopbackHost(const QString &host);

class HttpClient : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(Result<HttpResponse>)>;

    // NAM and CLOCK must outlive the client; all three live on the caller's thread.
    HttpClient(QNetworkAccessManager *nam, Clock &clock, QObject *parent = nullptr);
    const Clock &clock() const { return m_clock; }
    Clock &clock() { return m_clock; }   // for callers that pace follow-up requests (polling)
    ~HttpClient() override;

    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    void setBreakerOptions(CircuitBreaker::Options options) { m_breaker.setOptions(options); }
    void setRandomSource(UnitRandom random) { m_random = std::move(random); }

    // Sends REQUEST asynchronously and calls DONE exactly once on this thread, never from inside
    // send(), unless CONTEXT (or the client) is destroyed first: then the request is aborted and
    // DONE is dropped. A null CONTEXT means the client itself.
    // Non-2xx answers arrive as errors; the response body is not part of any error.
    void send(HttpRequest request, QObject *context, Done done);

    CircuitBreaker &breaker() { return m_breaker; }

private:
    friend class HttpExchange;

    QNetworkAccessManager *m_nam;
    Clock &m_clock;
    RetryPolicy m_policy;
    CircuitBreaker m_breaker;
    UnitRandom m_random;
};

} // namespace fleetscope
