// connections add and connections test.
#include "connectionscommand.h"

#include "credentials/credentials.h"
#include "credentials/secretref.h"
#include "engine/collectors.h"
#include "http/localhttp.h"
#include "providers/catalog.h"
#include "providers/connectionsetup.h"
#include "providers/connectiontest.h"

#include <QCommandLineParser>
#include <QFile>

#include <cstdio>

namespace fleetscope {
namespace {

QString addUsage()
{
    return QStringLiteral("Usage: fleetscope connections add KIND --name NAME [--set key=value]... [--secret-stdin | --secret-env VAR]\n"
                          "                                [--cadence SECONDS] [--no-test]\n");
}

// SETS are key=value pairs from the command line; the first '=' splits.
std::optional<QMap<QString, QString>> parseKeyValues(const QStringList &pairs, QString *bad)
{
    QMap<QString, QString> values;
    for (const QString &pair : pairs) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *bad = pair.left(40);
            return std::nullopt;
        }
        values.insert(pair.left(eq), pair.mid(eq + 1));
    }
    return values;
}

Result<QString> runTest(const ConnectionRecord &connection, const Secret &secret)
{
    return runWithLocalHttp<QString>([&connection, &secret](HttpClient &http, QObject *context, std::function<void(Result<QString>)> done) {
        testConnection(http, connection, secret, context, std::move(done));
    });
}

} // namespace

int connectionsAdd(const CommandContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption name(QStringLiteral("name"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption set(QStringLiteral("set"), QString(), QStringLiteral("key=value"));
    const QCommandLineOption secretStdin(QStringLiteral("secret-stdin"));
    const QCommandLineOption secretEnv(QStringLiteral("secret-env"), QString(), QStringLiteral("VAR"));
    const QCommandLineOption cadence(QStringLiteral("cadence"), QString(), QStringLiteral("SECONDS"));
    const QCommandLineOption noTest(QStringLiteral("no-test"));
    parser.addOptions({name, set, secretStdin, secretEnv, cadence, noTest});
    if (!parser.parse(QStringList{QStringLiteral("add")} + args))
        return ctx.usage(parser.errorText(), addUsage());
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("connections add: give one provider kind"), addUsage());
    if (!parser.isSet(name) || parser.value(name).trimmed().isEmpty())
        return ctx.usage(QStringLiteral("connections add: --name is required"), addUsage());
    if (parser.isSet(secretStdin) && parser.isSet(secretEnv))
        return ctx.usage(QStringLiteral("connections add: --secret-stdin or --secret-env, not both"), addUsage());
    QString badPair;
    const std::optional<QMap<QString, QString>> parsedValues = parseKeyValues(parser.values(set), &badPair);
    if (!parsedValues)
        return ctx.usage(QStringLiteral("connections add: --set wants key=value, got '%1'").arg(badPair), addUsage());
    const QMap<QString, QString> &values = *parsedValues;
    int cadenceSeconds = 0;
    if (parser.isSet(cadence)) {
        bool ok = false;
        cadenceSeconds = parser.value(cadence).toInt(&ok);
        if (!ok || cadenceSeconds < 10 || cadenceSeconds > 86'400)
            return ctx.usage(QStringLiteral("connections add: --cadence wants seconds between 10 and 86400"), addUsage());
    }

    const QString kindName = parser.positionalArguments().first();
    const ProviderKind *kind = findProviderKind(kindName);
    if (!kind) {
        QStringList known;
        for (const ProviderKind &each : providerKinds())
            known << each.kind;
        return ctx.failure(QStringLiteral("unknown provider kind '%1' (known: %2)").arg(kindName, known.join(QStringLiteral(", "))));
    }
    Result<QJsonObject> settings = validateSettings(*kind, values);
    if (!settings)
        return ctx.failure(settings.error().message);

    ConnectionRecord connection;
    connection.kind = kind->kind;
    connection.name = parser.value(name).trimmed();
    connection.settings = *settings;
    if (parser.isSet(secretEnv)) {
        if (!SecretRef::isValidVariableName(parser.value(secretEnv)))
            return ctx.failure(QStringLiteral("--secret-env: not a valid environment variable name"));
        connection.settings.insert(SecretRef::secretEnvSetting(), parser.value(secretEnv));
    }
    // Settings that pass field by field may still not make a collector (basic auth without a user
    // name, a custom query list that does not parse): refused before anything is saved.
    if (Result<std::unique_ptr<Collector>> collector = builtinCollectors()(connection); !collector)
        return ctx.failure(collector.error().message);
    connection.cadenceSeconds = cadenceSeconds > 0 ? cadenceSeconds
                                                   : schedulerCadenceSeconds(connection.kind, connection.settings, connection.cadenceSeconds);

    const bool needsSecret = usesSecret(*kind, connection.settings);
    if (!needsSecret && (parser.isSet(secretStdin) || parser.isSet(secretEnv))) {
        return ctx.failure(kind->secretWhenKey.isEmpty()
                               ? QStringLiteral("%1 connections take no secret").arg(kind->displayName)
                               : QStringLiteral("%1 connections take a secret only with %2=%3")
                                     .arg(kind->displayName, kind->secretWhenKey, kind->secretWhenValues.join(QLatin1Char('|'))));
    }
    std::optional<Secret> secret;
    if (parser.isSet(secretStdin)) {
        Result<Secret> piped = readSecretFromStdin(QStringLiteral("--secret-stdin"));
        if (!piped)
            return ctx.failure(piped.error().message);
        secret = std::move(*piped);
    } else if (parser.isSet(secretEnv)) {
        Result<Secret> fromEnv = SecretRef::environment(0, parser.value(secretEnv)).resolveEnvironment();
        if (!fromEnv && !parser.isSet(noTest))
            return ctx.failure(fromEnv.error().message);
        if (fromEnv)
            secret = *fromEnv;
    } else if (needsSecret) {
        return ctx.failure(QStringLiteral("%1 needs its %2: --secret-stdin (kept in the keychain) or --secret-env VAR")
                               .arg(kind->displayName, kind->secretLabel.toLower()));
    }

    Result<std::unique_ptr<StoreService>> opened = openService(ctx.line);
    if (!opened)
        return ctx.failure(opened.error().message);
    StoreService &store = **opened;
    if (findConnection(store, connection.name))
        return ctx.failure(QStringLiteral("a connection named '%1' exists already").arg(connection.name));

    QString tested;
    if (!parser.isSet(noTest)) {
        Result<QString> result = runTest(connection, secret ? *secret : Secret());
        if (!result)
            return ctx.failure(QStringLiteral("%1: test failed, nothing saved: %2").arg(connection.name, describe(result.error())));
        tested = *result;
    }

    // A secret from the environment is read at use, never copied into the keychain.
    Result<ConnectionRecord> added = addConnection(store, Credentials(), connection, parser.isSet(secretStdin) ? secret : std::nullopt);
    if (!added)
        return ctx.failure(added.error().message);
    ctx.out << QStringLiteral("added %1 connection '%2'; secret %3%4")
                   .arg(kind->kind, connection.name,
                        parser.isSet(secretStdin) ? QStringLiteral("in the keychain")
                        : parser.isSet(secretEnv) ? QStringLiteral("read from $%1 at use").arg(parser.value(secretEnv))
                                                  : QStringLiteral("none"),
                        tested.isEmpty() ? QStringLiteral("; not tested") : QStringLiteral("; test ok: ") + tested)
            << Qt::endl;
    return ExitOk;
}

int connectionsSet(const CommandContext &ctx, const QStringList &args)
{
    const QString usage = QStringLiteral("Usage: fleetscope connections set NAME key=value...\n");
    if (args.size() < 2 || args.first().startsWith(QLatin1Char('-')))
        return ctx.usage(QStringLiteral("connections set: give a connection name and at least one key=value"), usage);
    QString badPair;
    const std::optional<QMap<QString, QString>> parsedValues = parseKeyValues(args.mid(1), &badPair);
    if (!parsedValues)
        return ctx.usage(QStringLiteral("connections set: want key=value, got '%1'").arg(badPair), usage);
    const QMap<QString, QString> &values = *parsedValues;
    Result<std::unique_ptr<StoreService>> opened = openService(ctx.line);
    if (!opened)
        return ctx.failure(opened.error().message);
    Result<ConnectionRecord> connection = findConnection(**opened, args.first());
    if (!connection)
        return ctx.failure(connection.error().message);
    const ProviderKind *kind = findProviderKind(connection->kind);
    if (!kind)
        return ctx.failure(QStringLiteral("%1: provider kind '%2' is not known to this build").arg(connection->name, connection->kind));
    Result<QJsonObject> changed = validateSettings(*kind, values);
    if (!changed)
        return ctx.failure(QStringLiteral("%1: %2; nothing changed").arg(connection->name, changed.error().message));
    for (auto it = changed->begin(); it != changed->end(); ++it)
        connection->settings.insert(it.key(), it.value());
    if (Result<std::unique_ptr<Collector>> collector = builtinCollectors()(*connection); !collector)
        return ctx.failure(QStringLiteral("%1; nothing changed").arg(collector.error().message));
    connection->cadenceSeconds = schedulerCadenceSeconds(connection->kind, connection->settings, connection->cadenceSeconds);
    if (Result<ConnectionRecord> written = updateConnection(**opened, Credentials(), *connection, std::nullopt); !written)
        return ctx.failure(written.error().message);
    ctx.out << QStringLiteral("%1: %2 changed").arg(connection->name, QStringList(values.keys()).join(QStringLiteral(", "))) << Qt::endl;
    return ExitOk;
}

int connectionsEnable(const CommandContext &ctx, const QStringList &args, bool enabled)
{
    const QString usage = QStringLiteral("Usage: fleetscope connections enable|disable NAME\n");
    if (args.size() != 1 || args.first().startsWith(QLatin1Char('-')))
        return ctx.usage(QStringLiteral("connections %1: give one connection name").arg(enabled ? QStringLiteral("enable") : QStringLiteral("disable")), usage);
    Result<std::unique_ptr<StoreService>> opened = openService(ctx.line);
    if (!opened)
        return ctx.failure(opened.error().message);
    Result<ConnectionRecord> connection = findConnection(**opened, args.first());
    if (!connection)
        return ctx.failure(connection.error().message);
    connection->enabled = enabled;
    if (Result<ConnectionRecord> written = updateConnection(**opened, Credentials(), *connection, std::nullopt); !written)
        return ctx.failure(written.error().message);
    ctx.out << QStringLiteral("%1: %2").arg(connection->name, enabled ? QStringLiteral("enabled") : QStringLiteral("disabled")) << Qt::endl;
    return ExitOk;
}

int connectionsRemove(const CommandContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption keepData(QStringLiteral("keep-data"));
    const QCommandLineOption deleteData(QStringLiteral("delete-data"));
    parser.addOptions({keepData, deleteData});
    const QString usage = QStringLiteral("Usage: fleetscope connections remove NAME [--keep-data | --delete-data]\n");
    if (!parser.parse(QStringList{QStringLiteral("remove")} + args))
        return ctx.usage(parser.errorText(), usage);
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("connections remove: give one connection name"), usage);
    if (parser.isSet(keepData) && parser.isSet(deleteData))
        return ctx.usage(QStringLiteral("connections remove: --keep-data and --delete-data exclude each other"), usage);
    Result<std::unique_ptr<StoreService>> opened = openService(ctx.line);
    if (!opened)
        return ctx.failure(opened.error().message);
    Result<ConnectionRecord> connection = findConnection(**opened, parser.positionalArguments().first());
    if (!connection)
        return ctx.failure(connection.error().message);

    if (Result<void> removed = removeConnection(**opened, Credentials(), *connection, parser.isSet(deleteData)); !removed)
        return ctx.failure(removed.error().message);
    const bool hadKeychainEntry = usesSecret(*connection) && SecretRef::forConnection(*connection).source() == SecretRef::Source::Keychain;
    ctx.out << QStringLiteral("%1: removed%2%3")
                   .arg(connection->name,
                        hadKeychainEntry ? QStringLiteral(", its keychain entry deleted") : QString(),
                        parser.isSet(deleteData) ? QStringLiteral("; collected data deleted")
                                                 : QStringLiteral("; collected data kept"))
            << Qt::endl;
    return ExitOk;
}

int connectionsTest(const CommandContext &ctx, const QStringList &args)
{
    const QString usage = QStringLiteral("Usage: fleetscope connections test NAME\n");
    if (args.size() != 1 || args.first().startsWith(QLatin1Char('-')))
        return ctx.usage(QStringLiteral("connections test: give one connection name"), usage);
    Result<std::unique_ptr<StoreService>> opened = openService(ctx.line);
    if (!opened)
        return ctx.failure(opened.error().message);
    Result<ConnectionRecord> row = findConnection(**opened, args.first());
    if (!row)
        return ctx.failure(row.error().message);
    // A connection without a secret never asks the keychain, so it tests where none runs.
    Result<Secret> secret = usesSecret(*row) ? SecretRef::forConnection(*row).resolveBlocking(Credentials()) : Result<Secret>(Secret());
    if (!secret)
        return ctx.failure(QStringLiteral("%1: %2").arg(row->name, describe(secret.error())));
    Result<QString> result = runTest(*row, *secret);
    if (!result)
        return ctx.failure(QStringLiteral("%1: %2").arg(row->name, describe(result.error())));
    ctx.out << QStringLiteral("%1: ok — %2").arg(row->name, *result) << Qt::endl;
    return ExitOk;
}

} // namespace fleetscope
