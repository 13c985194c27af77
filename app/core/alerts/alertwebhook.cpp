// Alert webhook bodies.
#include "alertwebhook.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fleetscope {

Result<AlertWebhook> AlertWebhook::parse(const QString &url, const QString &format)
{
    AlertWebhook webhook;
    webhook.url = QUrl(url, QUrl::StrictMode);
    if (!webhook.url.isValid() || webhook.url.host().isEmpty()
        || (webhook.url.scheme() != QLatin1String("https") && webhook.url.scheme() != QLatin1String("http")))
        return fail(ErrorClass::Config, QStringLiteral("--alert-webhook: not an http(s) URL"));
    if (format == QLatin1String("slack"))
        webhook.format = Format::Slack;
    else if (format != QLatin1String("json") && !format.isEmpty())
        return fail(ErrorClass::Config, QStringLiteral("--alert-webhook-format: expected json or slack"));
    return webhook;
}

HttpRequest AlertWebhook::request(const QList<AlertFinding> &raised, const QDateTime &at) const
{
    QJsonObject body;
    if (format == Format::Slack) {
        QStringList lines{QStringLiteral("Fleetscope: %1 new alert%2").arg(raised.size()).arg(raised.size() == 1 ? QString() : QStringLiteral("s"))};
        for (const AlertFinding &f : raised)
            lines << QStringLiteral("• [%1] %2: %3").arg(f.severity, f.kind, f.message);
        body.insert(QStringLiteral("text"), lines.join(QLatin1Char('\n')));
    } else {
        QJsonArray alerts;
        for (const AlertFinding &f : raised)
            alerts.append(QJsonObject{{QStringLiteral("key"), f.key},
                                      {QStringLiteral("kind"), f.kind},
                                      {QStringLiteral("severity"), f.severity},
                                      {QStringLiteral("connection_id"), f.connectionId ? QJsonValue(f.connectionId) : QJsonValue()},
                                      {QStringLiteral("resource"), f.resourceId},
                                      {QStringLiteral("message"), f.message}});
        body = QJsonObject{{QStringLiteral("source"), QStringLiteral("fleetscope")},
                           {QStringLiteral("fired_at"), at.toUTC().toString(Qt::ISODate)},
                           {QStringLiteral("alerts"), alerts}};
    }
    HttpRequest request;
    request.method = "POST";
    request.url = url;
    request.headers = {{"Content-Type", "application/json"}};
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.carriesCredential = true;   // the URL is the credential: never over plain http to another machine
    request.secretPath = true;
    request.source = QStringLiteral("alert webhook");
    return request;
}

} // namespace fleetscope
