// The scrape command: fetch (the shared scrape request) or read, parse, normalize, print as table, CSV or JSON.
#include "cli/scrapecommand.h"

#include "cli/commandline.h"
#include "cli/texttable.h"
#include "http/localhttp.h"
#include "http/httpclient.h"
#include "logging.h"
#include "metrics/dcgm.h"
#include "metrics/exposition.h"
#include "metrics/scrape.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>

namespace fleetscope {
namespace {

struct Scraped {
    Exposition exposition;
    QString source;   // names the input in parse errors: the path, or host:port/path
};

bool isUrl(const QString &target)
{
    return target.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
        || target.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

Result<Scraped> fetch(const QUrl &url)
{
    HttpRequest request = scrapeRequest(url);
    request.carriesCredential = false;   // a bare /metrics URL: plain http is fine
    request.timeoutMs = 15'000;
    request.maxAttempts = 2;
    Result<Exposition> exposition = runWithLocalHttp<Exposition>(
        [&request](HttpClient &http, QObject *context, std::function<void(Result<Exposition>)> done) {
            scrapeExposition(http, request, context, std::move(done));
        });
    if (!exposition)
        return std::unexpected(exposition.error());
    return Scraped{std::move(*exposition), redactedTarget(url)};
}

Result<Scraped> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorClass::Config, QStringLiteral("%1: %2").arg(path, file.errorString()));
    const QByteArray body = file.readAll();
    Result<Exposition> exposition = parseExposition(body, formatForFile(path, body), path);
    if (!exposition)
        return std::unexpected(exposition.error());
    return Scraped{std::move(*exposition), path};
}

int fail(QTextStream &err, const QString &message)
{
    err << "fleetscope: " << message << Qt::endl;
    return ExitFailure;
}

} // namespace

int runScrape(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString help = QStringLiteral("Usage: fleetscope scrape URL|FILE [--format table|csv|json]\n");
    auto usage = [&err, &help](const QString &message) {
        err << "fleetscope: " << message << "\n\n" << help << Qt::flush;
        return int(ExitUsage);
    };
    QCommandLineParser parser;
    const QCommandLineOption formatOption(QStringLiteral("format"), QString(), QStringLiteral("FORMAT"), QStringLiteral("table"));
    parser.addOption(formatOption);
    if (!parser.parse(QStringList{QStringLiteral("scrape")} + args))
        return usage(parser.errorText());
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usage(QStringLiteral("scrape: missing URL or FILE"));
    if (positional.size() > 1)
        return usage(QStringLiteral("scrape: unexpected argument '%1'").arg(positional.at(1)));
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("table") && format != QLatin1String("csv") && format != QLatin1String("json"))
        return usage(QStringLiteral("scrape: unknown format '%1' (table, csv or json)").arg(format));

    const QString target = positional.first();
    Result<Scraped> scraped;
    if (isUrl(target)) {
        const QUrl url(target, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
            return usage(QStringLiteral("scrape: invalid URL '%1'").arg(redactedTarget(url)));
        scraped = fetch(url);
    } else {
        scraped = readFile(target);
    }
    if (!scraped)
        return fail(err, scraped.error().message);

    const Exposition *exposition = &scraped->exposition;
    const QList<GpuReading> readings = normalizeDcgm(*exposition);
    qCInfo(lcCli).noquote() << "scrape" << scraped->source << exposition->samples().size() << "samples" << readings.size() << "GPUs";
    const TableData table = gpuReadingsTable(readings);

    if (format == QLatin1String("json")) {
        out << QJsonDocument(tableJson(table)).toJson(QJsonDocument::Indented) << Qt::flush;
        return ExitOk;
    }
    if (format == QLatin1String("csv")) {
        if (Result<qint64> written = writeCsvText(table, out); !written)
            return fail(err, written.error().message);
        return ExitOk;
    }
    if (readings.isEmpty()) {
        out << QCoreApplication::translate("cli", "No DCGM GPU readings in %1 (%2 samples).")
                   .arg(scraped->source).arg(exposition->samples().size())
            << Qt::endl;
        return ExitOk;
    }
    writeTextTable(table, out);
    return ExitOk;
}

} // namespace fleetscope
