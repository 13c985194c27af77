// One cycle's requests for a descriptor connection: URLs from the descriptor and the settings,
// authentication (a scheme or a signer), extra trusted CAs, and pacing to the descriptor's rate limit.
#pragma once

#include "credentials/secret.h"
#include "descriptor.h"

#include <QHash>

#include <memory>

namespace fleetscope::generic {

// Spaces requests at least 1/rate apart; shared by a connection's cycles, so a limit per second
// or per minute holds across them too.
class RatePacer
{
public:
    explicit RatePacer(double requestsPerSecond = 0) : m_requestsPerSecond(requestsPerSecond) {}
    // How long to wait before a request wanted at NOWMS, and books its slot.
    qint64 delayFor(qint64 nowMs);

private:
    double m_requestsPerSecond;
    qint64 m_nextFreeMs = 0;
};

// OVH's request signature: "$1$" + sha1 hex of secret+consumer+METHOD+url+body+timestamp joined by '+'.
QByteArray ovhSignature(const QByteArray &applicationSecret, const QByteArray &consumerKey, const QByteArray &method,
                        const QByteArray &url, const QByteArray &body, qint64 timestamp);

struct Session : std::enable_shared_from_this<Session> {
    HttpClient *http = nullptr;
    Clock *clock = nullptr;
    std::shared_ptr<const ApiSpec> api;
    ProviderKind kind;
    QString name;                   // the connection's name, for errors and sources
    QJsonObject settings;
    QUrl baseUrl;
    QString localSocket;            // a Unix socket path: requests go there, baseUrl is then http://localhost
    bool authenticated = false;     // false when the kind's secret rule says this connection has none
    Secret secret;
    Secret ovhApplicationKey, ovhApplicationSecret, ovhConsumerKey;
    QList<QSslCertificate> caCertificates;
    std::shared_ptr<RatePacer> pacer;
    qint64 serverTimeOffsetMs = 0;  // signer: the server's clock minus ours

    // Settings and secret checked; CA file read. Errors are Config errors naming the setting.
    static Result<std::shared_ptr<Session>> create(const ProviderKind &kind, std::shared_ptr<const ApiSpec> api,
                                                   const ConnectionRecord &connection, Secret secret, HttpClient &http,
                                                   std::shared_ptr<RatePacer> pacer);

    // The first page's URL of LIST: base URL, path and query with {setting} placeholders filled.
    Result<QUrl> listUrl(const ListSpec &list) const;
    // The base URL with PATH and QUERY templates filled: VALUES first, then the settings. A
    // placeholder with no value is a Config error naming it; path values are percent-encoded.
    Result<QUrl> url(const QString &path, const QList<std::pair<QString, QString>> &query, const QHash<QString, QString> &values) const;
    // A JSON template with the placeholders of its strings filled the same way.
    Result<QJsonValue> fill(const QJsonValue &bodyTemplate, const QHash<QString, QString> &values) const;
    // Whether URL may receive this connection's credential: the base URL's scheme, host and port.
    bool sameOrigin(const QUrl &url) const;
    // A GET of URL with the descriptor's headers, authenticated unless PUBLIC; SOURCE names it in errors.
    HttpRequest request(const QUrl &url, const QString &source, bool isPublic = false) const;
    // Sends REQUEST when the pacer allows, signing it at that moment when the API has a signer.
    void send(HttpRequest request, QObject *context, HttpClient::Done done);
    // Adds the signer's headers to an authenticated REQUEST (OVH: application, consumer, timestamp, signature).
    void sign(HttpRequest &request) const;
    // Signer only: asks the server's time once, so that signatures carry timestamps it accepts.
    void syncServerTime(QObject *context, std::function<void(Result<void>)> done);
};

// Starts SESSION's signer clock sync when it has one, then NEXT (queued on CONTEXT either way).
void afterServerTime(const std::shared_ptr<Session> &session, QObject *context, std::function<void(Result<void>)> next);

} // namespace fleetscope::generic
