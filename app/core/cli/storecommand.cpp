// The store command: copying history between stores, with progress on stderr and a count check on stdout.
#include "storecommand.h"

#include "cli/texttable.h"
#include "credentials/secretref.h"
#include "providers/catalog.h"
#include "store/pgpassword.h"
#include "store/storecopy.h"

#include <QCommandLineParser>
#include <QFile>

#include <termios.h>
#include <unistd.h>

namespace fleetscope {
namespace {

QString storeUsage()
{
    return QStringLiteral("Usage: fleetscope store copy --from PATH_OR_URL --to PATH_OR_URL [--since T]\n"
                          "       fleetscope store password set|remove postgresql://USER@HOST[:PORT]/DB\n"
                          "Copies every table of one store into another (a SQLite file or a postgresql:// URL, either way),\n"
                          "creating and migrating the destination first. With --since, history from T on (settings and\n"
                          "connections always whole). Rows already in the destination are not copied again, so an\n"
                          "interrupted copy continues when run again. Ends with a count per table; exit 1 on a mismatch.\n"
                          "password set keeps the database password in the keychain (asked for on a terminal, else read\n"
                          "from stdin; never an argument); it is used when libpq has none (PGPASSWORD, ~/.pgpass).\n");
}

// Secrets are not in the store, so nothing of them is copied. A keychain entry belongs to this
// computer and to the connection's id in the source store: those connections need theirs again.
void noteKeychainSecrets(const CommandContext &ctx, const StoreLocation &source, const StoreLocation &destination)
{
    Result<std::unique_ptr<Store>> store = openStore(source, StoreAccess::ReadOnly);
    Result<QList<ConnectionRecord>> connections = store ? (*store)->connections() : std::unexpected(store.error());
    if (!connections)
        return;
    for (const ConnectionRecord &c : std::as_const(*connections)) {
        if (usesSecret(c) && SecretRef::forConnection(c).source() == SecretRef::Source::Keychain)
            ctx.err << "store copy: note: " << c.name << " keeps its secret in the keychain, which is not copied; give it again for "
                    << destination.display() << " (connections remove, then add with --secret-stdin)" << Qt::endl;
    }
}

} // namespace

namespace {

// The password from the terminal without echo, or from a pipe.
Result<Secret> readPassword(const CommandContext &ctx, const QString &target)
{
    if (!isatty(STDIN_FILENO))
        return readSecretFromStdin(QStringLiteral("store password set"));
    termios saved{};
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    ctx.err << "Password for " << target << ": " << Qt::flush;
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    QFile in;
    QByteArray line;
    if (in.open(stdin, QIODevice::ReadOnly))
        line = in.readLine();
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    ctx.err << Qt::endl;
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty())
        return fail(ErrorClass::Config, QStringLiteral("store password set: no password given"));
    return Secret(std::move(line));
}

int storePassword(const CommandContext &ctx, const QStringList &words)
{
    if (words.size() != 3 || (words.at(1) != QLatin1String("set") && words.at(1) != QLatin1String("remove")))
        return ctx.usage(QStringLiteral("store password: give set or remove, and the postgresql:// URL"), storeUsage());
    Result<StoreLocation> location = StoreLocation::parse(words.at(2), ctx.line.dataDir);
    if (!location || !location->isPostgres())
        return ctx.usage(QStringLiteral("store password: not a postgresql:// URL: %1").arg(location ? location->display() : location.error().message), storeUsage());
    const Result<Credentials::Entry> entry = storePasswordEntry(location->postgresUri);
    if (!entry)
        return ctx.failure(entry.error().message);
    if (words.at(1) == QLatin1String("remove")) {
        if (Result<void> removed = Credentials().removeBlocking(*entry); !removed)
            return ctx.failure(removed.error().message);
        ctx.out << QStringLiteral("removed %1 from the keychain").arg(entry->subject) << Qt::endl;
        return ExitOk;
    }
    Result<Secret> password = readPassword(ctx, entry->key.mid(6));
    if (!password)
        return ctx.failure(password.error().message);
    if (Result<void> stored = Credentials().storeBlocking(*entry, *password); !stored)
        return ctx.failure(stored.error().message);
    ctx.out << QStringLiteral("stored %1 in the keychain").arg(entry->subject) << Qt::endl;
    return ExitOk;
}

} // namespace

int runStore(const CommandContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption from(QStringLiteral("from"), QString(), QStringLiteral("PATH_OR_URL"));
    const QCommandLineOption to(QStringLiteral("to"), QString(), QStringLiteral("PATH_OR_URL"));
    const QCommandLineOption since(QStringLiteral("since"), QString(), QStringLiteral("T"));
    parser.addOptions({from, to, since});
    if (!parser.parse(QStringList{QStringLiteral("store")} + args))
        return ctx.usage(parser.errorText(), storeUsage());
    const QStringList words = parser.positionalArguments();
    if (!words.isEmpty() && words.first() == QLatin1String("password"))
        return storePassword(ctx, words);
    if (words.size() != 1 || words.first() != QLatin1String("copy"))
        return ctx.usage(words.isEmpty() ? QStringLiteral("store: which subcommand? (copy)") : QStringLiteral("store: unknown subcommand '%1'").arg(words.first()),
                         storeUsage());
    if (!parser.isSet(from) || !parser.isSet(to) || parser.value(from).isEmpty() || parser.value(to).isEmpty())
        return ctx.usage(QStringLiteral("store copy: --from and --to are required"), storeUsage());
    StoreCopyOptions options;
    if (parser.isSet(since)) {
        const std::optional<QDateTime> ts = parseCliTime(parser.value(since));
        if (!ts)
            return ctx.usage(QStringLiteral("store copy: --since: not an ISO-8601 time: %1").arg(parser.value(since)), storeUsage());
        options.since = *ts;
    }
    Result<StoreLocation> source = StoreLocation::parse(parser.value(from), ctx.line.dataDir);
    if (!source)
        return ctx.failure(QStringLiteral("store copy: --from: %1").arg(source.error().message));
    Result<StoreLocation> destination = StoreLocation::parse(parser.value(to), ctx.line.dataDir);
    if (!destination)
        return ctx.failure(QStringLiteral("store copy: --to: %1").arg(destination.error().message));
    options.progress = [&ctx](const QString &line) { ctx.err << "store copy: " << line << Qt::endl; };

    Result<StoreCopySummary> copied = copyStore(*source, *destination, options);
    if (!copied)
        return ctx.failure(QStringLiteral("store copy: %1").arg(copied.error().message));
    QList<QStringList> table{{QStringLiteral("TABLE"), QStringLiteral("SOURCE"), QStringLiteral("DESTINATION"), QStringLiteral("COPIED"), QStringLiteral("CHECK")}};
    QStringList short_;
    for (const TableCopyCount &t : std::as_const(copied->tables)) {
        table << QStringList{t.table, QString::number(t.source), QString::number(t.destination), QString::number(t.copied),
                             t.matches() ? QStringLiteral("ok") : QStringLiteral("MISSING")};
        if (!t.matches())
            short_ << t.table;
    }
    writeTextTable(table, ctx.out);
    ctx.out.flush();
    noteKeychainSecrets(ctx, *source, *destination);
    if (!short_.isEmpty())
        return ctx.failure(QStringLiteral("store copy: %1 holds fewer rows than %2 in: %3")
                               .arg(destination->display(), source->display(), short_.join(QStringLiteral(", "))));
    return ExitOk;
}

} // namespace fleetscope
