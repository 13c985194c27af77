// CommandContext helpers shared by the commands.
#include "commandcontext.h"

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

Result<ConnectionRecord> findConnection(StoreService &store, const QString &name)
{
    Result<QList<ConnectionRecord>> stored = store.read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result();
    if (!stored)
        return std::unexpected(stored.error());
    for (const ConnectionRecord &c : std::as_const(*stored)) {
        if (c.name == name)
            return c;
    }
    return fail(ErrorClass::Config, QStringLiteral("no connection named '%1'").arg(name));
}

} // namespace fleetscope
