// Schema proposals from an OpenAI-compatible chat-completions endpoint (optional): the sample,
// truncated, goes out with a prompt asking for the proposal format; the reply is parsed and checked
// against the sample, and any failure falls back to the heuristic proposal with the reason noted.
#pragma once

#include "credentials/credentials.h"
#include "http/httpclient.h"
#include "schemaproposal.h"

#include <QUrl>

namespace fleetscope {

// Where the endpoint lives; the API key is in the keychain (aiKeyEntry), never in settings.
struct AiEndpoint {
    QUrl baseUrl;     // e.g. https://api.openai.com/v1; requests go to BASE/chat/completions
    QString model;    // e.g. gpt-4o-mini
};

// The settings keys (QSettings) the GUI and the CLI read the endpoint from.
inline constexpr const char *kAiBaseUrlSetting = "workflows/aiBaseUrl";
inline constexpr const char *kAiModelSetting = "workflows/aiModel";

// TEXT as a base URL: http(s) with a host, no query or user info; a Config error naming it otherwise.
Result<QUrl> aiBaseUrl(const QString &text);
// The keychain entry of the key for BASEURL's host: "ai/api.openai.com".
Credentials::Entry aiKeyEntry(const QUrl &baseUrl);

// At most this many bytes of the sample go into the prompt.
inline constexpr qsizetype kAiSampleBytes = 12 * 1024;

// POST BASE/chat/completions with the prompt for SAMPLE; KEY goes in the Authorization header only.
HttpRequest aiSchemaRequest(const AiEndpoint &endpoint, const Secret &key, const ResultFile &sample);

// The schema in a chat-completions reply BODY (choices[0].message.content, a JSON object, code
// fences allowed), checked against SAMPLE. Errors are BadData naming SOURCE: not a completion,
// content not JSON, a bad field, or paths the sample lacks.
Result<MetricSchema> parseAiSchemaReply(const QByteArray &body, const QJsonDocument &sample, const QString &source);

// Asks ENDPOINT for a proposal for SAMPLE and calls DONE once on CONTEXT's thread: the AI proposal
// (source "ai"), or on any failure (HTTP, auth, a malformed or invalid reply) the heuristic
// proposal with a note saying why. An error only when the sample itself cannot be read.
void proposeSchemaWithAi(HttpClient &http, const AiEndpoint &endpoint, const Secret &key, const ResultFile &sample,
                         QObject *context, std::function<void(Result<SchemaProposal>)> done);

} // namespace fleetscope
