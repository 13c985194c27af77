// The OpenAI-compatible schema proposer: request, reply parsing, validation, heuristic fallback.
#include "aischema.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace fleetscope {
namespace {

QString hostOf(const QUrl &url)
{
    QString host = url.host().toLower();
    if (url.port() != -1)
        host += QLatin1Char(':') + QString::number(url.port());
    return host;
}

QString sourceOf(const AiEndpoint &endpoint)
{
    return QStringLiteral("AI endpoint %1").arg(hostOf(endpoint.baseUrl));
}

const char *kInstructions =
    "You map benchmark result files to a metric schema. Reply with one JSON object and nothing else:\n"
    "{\"name\": \"<short schema name>\", \"fields\": [{\"role\": \"dimension\"|\"metric\", \"name\": \"<field name>\","
    " \"path\": \"<JSON path>\", \"unit\": \"<unit, metrics only, '' if unknown>\","
    " \"direction\": \"lower\"|\"higher\"|\"neutral\" (metrics only: which way is better)}]}\n"
    "Paths start at $ and use .key, [\"key with dots\"], [N], and [*] for the one array whose elements are the"
    " records (e.g. $.results[*].latency_ms); fields outside that array apply to every record.\n"
    "Dimensions are what results are grouped by (model, benchmark name, batch size); metrics are the measured"
    " numbers. Use only paths that exist in the file.";

} // namespace

Result<QUrl> aiBaseUrl(const QString &text)
{
    const QString value = text.trimmed();
    const QUrl url(value, QUrl::StrictMode);
    if (value.isEmpty() || !url.isValid() || url.host().isEmpty() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
        || url.hasQuery() || !url.userInfo().isEmpty())
        return fail(ErrorClass::Config, QStringLiteral("AI endpoint URL '%1' is not an http(s) URL without query or user info").arg(value.left(200)));
    return url;
}

Credentials::Entry aiKeyEntry(const QUrl &baseUrl)
{
    const QString host = hostOf(baseUrl);
    return Credentials::Entry{QStringLiteral("ai/") + host, QStringLiteral("the AI endpoint key for %1").arg(host)};
}

HttpRequest aiSchemaRequest(const AiEndpoint &endpoint, const Secret &key, const ResultFile &sample)
{
    QByteArray content = sample.content.left(kAiSampleBytes);
    const bool truncated = sample.content.size() > kAiSampleBytes;
    const QString user = QStringLiteral("File %1%2:\n%3")
                             .arg(QFileInfo(sample.path).fileName(),
                                  truncated ? QStringLiteral(" (first %1 bytes of %2)").arg(kAiSampleBytes).arg(sample.content.size()) : QString(),
                                  QString::fromUtf8(content));
    const QJsonObject body{
        {QStringLiteral("model"), endpoint.model},
        {QStringLiteral("temperature"), 0},
        {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("system")}, {QStringLiteral("content"), QString::fromUtf8(kInstructions)}},
                                                QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), user}}}},
    };
    HttpRequest request;
    request.method = "POST";
    QUrl url = endpoint.baseUrl;
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + QStringLiteral("chat/completions"));
    request.url = url;
    request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    if (!key.isEmpty())
        request.headers.append({"Authorization", "Bearer " + key.bytes()});
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.carriesCredential = !key.isEmpty();
    request.timeoutMs = 120'000;
    request.maxAttempts = 2;
    request.maxBodyBytes = 4 * 1024 * 1024;
    request.source = sourceOf(endpoint);
    return request;
}

Result<MetricSchema> parseAiSchemaReply(const QByteArray &body, const QJsonDocument &sample, const QString &source)
{
    auto bad = [&source](const QString &message) { return fail(ErrorClass::BadData, QStringLiteral("%1: %2").arg(source, message)); };
    QJsonParseError error{};
    const QJsonDocument reply = QJsonDocument::fromJson(body, &error);
    const QJsonValue content = reply.object().value(QLatin1String("choices")).toArray().at(0)[QLatin1String("message")][QLatin1String("content")];
    if (error.error != QJsonParseError::NoError || !content.isString())
        return bad(QStringLiteral("reply is not a chat completion (no choices[0].message.content)"));
    QString text = content.toString().trimmed();
    // Models like to wrap JSON in a Markdown code fence.
    if (text.startsWith(QLatin1String("```"))) {
        text = text.mid(text.indexOf(QLatin1Char('\n')) + 1);
        if (text.endsWith(QLatin1String("```")))
            text.chop(3);
    }
    const QJsonDocument proposal = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !proposal.isObject())
        return bad(QStringLiteral("the proposed schema is not a JSON object"));
    QJsonObject object = proposal.object();
    object.insert(QStringLiteral("source"), QStringLiteral("ai"));
    Result<MetricSchema> schema = schemaFromJson(object, source);
    if (!schema)
        return schema;
    if (Result<void> valid = validateSchemaAgainst(schema->fields, sample, source); !valid)
        return std::unexpected(valid.error());
    if (schema->name.trimmed().isEmpty())
        schema->name = QStringLiteral("proposed by %1").arg(source);
    return schema;
}

void proposeSchemaWithAi(HttpClient &http, const AiEndpoint &endpoint, const Secret &key, const ResultFile &sample,
                         QObject *context, std::function<void(Result<SchemaProposal>)> done)
{
    Result<SchemaProposal> heuristic = proposeSchemaHeuristically(sample);
    Result<QJsonDocument> document = parseSample(sample);
    if (!document) {
        QMetaObject::invokeMethod(context, [done, error = document.error()] { done(std::unexpected(error)); }, Qt::QueuedConnection);
        return;
    }
    const QString source = sourceOf(endpoint);
    http.send(aiSchemaRequest(endpoint, key, sample), context,
              [done, heuristic, sample = *document, source](Result<HttpResponse> response) {
                  Result<MetricSchema> schema = response ? parseAiSchemaReply(response->body, sample, source)
                                                         : Result<MetricSchema>(std::unexpected(response.error()));
                  if (schema) {
                      done(SchemaProposal{*schema, {}});
                      return;
                  }
                  QString reason = schema.error().message;
                  if (!reason.startsWith(source))
                      reason = QStringLiteral("%1: %2").arg(source, reason);
                  if (!heuristic) {
                      done(std::unexpected(Error::make(heuristic.error().kind, QStringLiteral("%1; %2").arg(reason, heuristic.error().message))));
                      return;
                  }
                  SchemaProposal fallback = *heuristic;
                  fallback.notes.prepend(QStringLiteral("%1; the heuristic proposal instead").arg(reason));
                  done(fallback);
              });
}

} // namespace fleetscope
