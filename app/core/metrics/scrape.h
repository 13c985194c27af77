// One scrape of a /metrics URL: the negotiated request and the parse of its answer, shared by
// the scrape command, the metrics-endpoint collector and its connection test.
#pragma once

#include "error.h"
#include "http/httpclient.h"
#include "metrics/exposition.h"

#include <functional>

namespace fleetscope {

// A GET of URL that accepts OpenMetrics or text 0.0.4; its source names the redacted target.
HttpRequest scrapeRequest(const QUrl &url);

// Parses an answer in the format its Content-Type names; errors are BadData naming SOURCE and the line.
Result<Exposition> parseScrapeAnswer(const HttpResponse &response, const QString &source);

// Sends REQUEST (from scrapeRequest, with any header added) and parses the answer.
void scrapeExposition(HttpClient &http, HttpRequest request, QObject *context, std::function<void(Result<Exposition>)> done);

} // namespace fleetscope
