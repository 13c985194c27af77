// Scrape requests and answers: content negotiation in, parsed exposition out.
#include "metrics/scrape.h"

namespace fleetscope {

HttpRequest scrapeRequest(const QUrl &url)
{
    HttpRequest request;
    request.url = url;
    request.headers.append({QByteArrayLiteral("Accept"), expositionAcceptHeader()});
    request.source = QStringLiteral("scrape %1").arg(redactedTarget(url));
    return request;
}

Result<Exposition> parseScrapeAnswer(const HttpResponse &response, const QString &source)
{
    return parseExposition(response.body, formatForContentType(response.header("Content-Type")), source);
}

void scrapeExposition(HttpClient &http, HttpRequest request, QObject *context, std::function<void(Result<Exposition>)> done)
{
    const QString source = redactedTarget(request.url);
    http.send(std::move(request), context, [source, done = std::move(done)](Result<HttpResponse> response) {
        if (!response)
            return done(std::unexpected(response.error()));
        done(parseScrapeAnswer(*response, source));
    });
}

} // namespace fleetscope
