// Where a store lives (a SQLite path or a PostgreSQL URI), and openStore(), which picks the dialect.
#include "pgstore.h"
#include "sqlitestore.h"
#include "store.h"

#include <QDir>
#include <QFileInfo>
#include <QUuid>

#include <libpq-fe.h>

namespace fleetscope {
namespace {

bool isPostgresSpec(const QString &spec)
{
    return spec.startsWith(QLatin1String("postgresql://")) || spec.startsWith(QLatin1String("postgres://"));
}

// Where the password sits in a libpq URI: "scheme://user:PASSWORD@host…" or a "password=…" query
// parameter. Ranges as (start, length), in order.
QList<std::pair<qsizetype, qsizetype>> passwordRanges(const QString &uri)
{
    QList<std::pair<qsizetype, qsizetype>> ranges;
    const qsizetype authorityStart = uri.indexOf(QLatin1String("://")) + 3;
    qsizetype authorityEnd = uri.size();
    for (const QChar end : {QLatin1Char('/'), QLatin1Char('?')}) {
        const qsizetype at = uri.indexOf(end, authorityStart);
        if (at >= 0)
            authorityEnd = std::min(authorityEnd, at);
    }
    const qsizetype at = uri.lastIndexOf(QLatin1Char('@'), authorityEnd - 1);
    if (at >= authorityStart) {
        const qsizetype colon = uri.indexOf(QLatin1Char(':'), authorityStart);
        if (colon >= 0 && colon + 1 < at)
            ranges.append({colon + 1, at - colon - 1});
    }
    const qsizetype query = uri.indexOf(QLatin1Char('?'), authorityStart);
    for (qsizetype from = query; from >= 0 && from < uri.size(); from = uri.indexOf(QLatin1Char('&'), from + 1)) {
        if (QStringView(uri).mid(from + 1).startsWith(QLatin1String("password="))) {
            const qsizetype start = from + 10;
            const qsizetype end = uri.indexOf(QLatin1Char('&'), start);
            const qsizetype length = (end < 0 ? uri.size() : end) - start;
            if (length > 0)
                ranges.append({start, length});
        }
    }
    return ranges;
}

// Any of URI's passwords that appear in MESSAGE (libpq echoes parts of a URI it cannot parse).
QString scrub(QString message, const QString &uri)
{
    for (const auto &[start, length] : passwordRanges(uri))
        message.replace(uri.mid(start, length), QStringLiteral("***"));
    return message;
}

} // namespace

QString redactPostgresUri(const QString &uri)
{
    QString redacted = uri;
    const auto ranges = passwordRanges(uri);
    for (auto it = ranges.crbegin(); it != ranges.crend(); ++it)
        redacted.replace(it->first, it->second, QStringLiteral("***"));
    return redacted;
}

QString StoreLocation::display() const
{
    return isPostgres() ? redactPostgresUri(postgresUri) : sqlitePath;
}

Result<StoreLocation> StoreLocation::parse(const QString &spec, const QString &dataDir)
{
    StoreLocation location;
    if (spec.isEmpty()) {
        if (dataDir.isEmpty())
            return fail(ErrorClass::Config, QStringLiteral("no data directory"));
        location.sqlitePath = QDir(dataDir).filePath(QStringLiteral("fleetscope.sqlite"));
        return location;
    }
    if (isPostgresSpec(spec)) {
        // libpq's own parser, so what is accepted here is exactly what libpq will connect with.
        char *error = nullptr;
        PQconninfoOption *options = PQconninfoParse(spec.toUtf8().constData(), &error);
        if (!options) {
            const QString reason = error ? QString::fromUtf8(error).trimmed().section(QLatin1Char('\n'), 0, 0) : QStringLiteral("out of memory");
            PQfreemem(error);
            return fail(ErrorClass::Config, QStringLiteral("--store %1: %2").arg(redactPostgresUri(spec), scrub(reason, spec)));
        }
        PQconninfoFree(options);
        location.postgresUri = spec;
        return location;
    }
    QString path = spec;
    if (path.startsWith(QLatin1String("sqlite://")))
        path = path.mid(9);
    else if (path.contains(QLatin1String("://")))
        return fail(ErrorClass::Config, QStringLiteral("--store %1: unknown scheme; give a SQLite file path or a postgresql:// URI")
                                            .arg(spec.section(QLatin1String("://"), 0, 0) + QStringLiteral("://…")));
    if (path.isEmpty())
        return fail(ErrorClass::Config, QStringLiteral("--store: empty path"));
    location.sqlitePath = QFileInfo(path).absoluteFilePath();
    return location;
}

int latestSchemaVersion()
{
    const QStringList files = QDir(QStringLiteral(":/migrations/sqlite")).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    return files.isEmpty() ? 0 : files.last().left(3).toInt();
}

Result<std::unique_ptr<Store>> openStore(const StoreLocation &location, StoreAccess access)
{
    if (location.isPostgres()) {
        auto store = std::make_unique<PgStore>(location.postgresUri, access);
        if (Result<void> opened = store->open(); !opened)
            return std::unexpected(opened.error());
        return std::unique_ptr<Store>(std::move(store));
    }
    auto store = std::make_unique<SqliteStore>(QStringLiteral("fleetscope-") + QUuid::createUuid().toString(QUuid::WithoutBraces),
                                               location.sqlitePath, access);
    if (Result<void> opened = store->open(); !opened)
        return std::unexpected(opened.error());
    return std::unique_ptr<Store>(std::move(store));
}

} // namespace fleetscope
