// CommandContext helpers shared by the commands.
#include "commandcontext.h"

#include <QFile>

#include <cstdio>

namespace fleetscope {

int CommandContext::failure(const QString &message) const
{
    err << "fleetscope: " << message << Qt::endl;
    return ExitFailure;
}

int CommandContext::usage(const QString &message, const QString &help) const
{
    err << "fleetscope: " << message << "\n\n" << help << Qt::flush;
    return ExitUsage;
}

Result<Secret> readSecretFromStdin(const QString &option)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return fail(ErrorClass::Config, QStringLiteral("%1: cannot read standard input").arg(option));
    QByteArray bytes = in.readAll();
    while (bytes.endsWith('\n') || bytes.endsWith('\r'))
        bytes.chop(1);
    if (bytes.isEmpty())
        return fail(ErrorClass::Config, QStringLiteral("%1: standard input was empty").arg(option));
    return Secret(std::move(bytes));
}

std::optional<QDateTime> parseCliTime(const QString &text)
{
    QDateTime ts = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!ts.isValid())
        ts = QDateTime::fromString(text, Qt::ISODate);
    if (!ts.isValid())
        return std::nullopt;
    if (ts.timeSpec() == Qt::LocalTime && !text.endsWith(QLatin1Char('Z')) && !text.contains(QLatin1Char('+')))
        ts.setTimeSpec(Qt::UTC);   // a time without a zone means UTC, as every export writes it
    return ts.toUTC();
}

Result<std::unique_ptr<StoreService>> openService(const CommandLine &line)
{
    Result<StoreLocation> location = StoreLocation::parse(line.store, line.dataDir);
    if (!location)
        return std::unexpected(location.error());
    auto service = std::make_unique<StoreService>(*location);
    if (Result<int> started = service->startBlocking(); !started)
        return std::unexpected(started.error());
    return service;
}

} // namespace fleetscope
