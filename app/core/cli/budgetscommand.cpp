// The budgets command: every change is validated in full before one batch is written.
#include "cli/budgetscommand.h"

#include "budgets/budgettable.h"
#include "cli/texttable.h"
#include "providers/connectionsetup.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace fleetscope {
namespace {

QString budgetsUsage()
{
    return QStringLiteral(
        "Usage: fleetscope budgets list [--format table|json]\n"
        "       fleetscope budgets add NAME [--provider KIND | --connection NAME] [--monthly $] [--daily $] [--burn-rate $/hr]\n"
        "       fleetscope budgets set NAME [--all | --provider KIND | --connection NAME] [--monthly $|none] [--daily $|none]\n"
        "                              [--burn-rate $/hr|none]\n"
        "       fleetscope budgets remove NAME\n"
        "       fleetscope budgets status [--format table|json]\n"
        "Months and days are UTC. A budget needs at least one cap.\n");
}

struct Options {
    QCommandLineOption all{QStringLiteral("all")};
    QCommandLineOption provider{QStringLiteral("provider"), QString(), QStringLiteral("KIND")};
    QCommandLineOption connection{QStringLiteral("connection"), QString(), QStringLiteral("NAME")};
    QCommandLineOption monthly{QStringLiteral("monthly"), QString(), QStringLiteral("DOLLARS")};
    QCommandLineOption daily{QStringLiteral("daily"), QString(), QStringLiteral("DOLLARS")};
    QCommandLineOption burnRate{QStringLiteral("burn-rate"), QString(), QStringLiteral("DOLLARS_PER_HOUR")};
};

Result<QList<Budget>> storedBudgets(StoreService &store)
{
    return store.read<QList<Budget>>([](Store &s) { return s.budgets(); }).result();
}

QHash<qint64, QString> connectionNames(StoreService &store)
{
    QHash<qint64, QString> names;
    const Result<QList<ConnectionRecord>> connections = store.read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result();
    for (const ConnectionRecord &c : connections.value_or(QList<ConnectionRecord>()))
        names.insert(c.id, c.name);
    return names;
}

// Applies the parsed options to BUDGET: scope, then each cap given ("none" clears it on set).
Result<Budget> applyOptions(const QString &command, StoreService &store, const QCommandLineParser &parser, const Options &o, Budget budget)
{
    if (int(parser.isSet(o.all)) + int(parser.isSet(o.provider)) + int(parser.isSet(o.connection)) > 1)
        return fail(ErrorClass::Config, QStringLiteral("%1: give one of --all, --provider and --connection").arg(command));
    if (parser.isSet(o.all)) {
        budget.scope = QStringLiteral("all");
    } else if (parser.isSet(o.provider)) {
        budget.scope = QStringLiteral("provider");
        budget.provider = parser.value(o.provider);
    } else if (parser.isSet(o.connection)) {
        Result<ConnectionRecord> found = findConnection(store, parser.value(o.connection));
        if (!found)
            return fail(ErrorClass::Config, QStringLiteral("%1: %2").arg(command, found.error().message));
        budget.scope = QStringLiteral("connection");
        budget.connectionId = found->id;
    }
    const std::pair<const QCommandLineOption *, std::optional<double> *> caps[] = {
        {&o.monthly, &budget.monthlyCap}, {&o.daily, &budget.dailyCap}, {&o.burnRate, &budget.burnRateCap}};
    for (const auto &[option, cap] : caps) {
        if (!parser.isSet(*option))
            continue;
        const QString text = parser.value(*option).trimmed();
        if (text == QLatin1String("none")) {
            cap->reset();
            continue;
        }
        bool ok = false;
        const double value = QString(text).remove(QLatin1Char('$')).toDouble(&ok);
        if (!ok)
            return fail(ErrorClass::Config, QStringLiteral("%1: --%2 must be a dollar amount, not '%3'").arg(command, option->names().first(), text));
        *cap = value;
    }
    return validateBudget(budget);
}

int addOrSet(const CommandContext &ctx, StoreService &store, const QString &sub, const QStringList &args)
{
    QCommandLineParser parser;
    const Options o;
    parser.addOptions({o.all, o.provider, o.connection, o.monthly, o.daily, o.burnRate});
    if (!parser.parse(QStringList{sub} + args))
        return ctx.usage(QStringLiteral("budgets %1: %2").arg(sub, parser.errorText()), budgetsUsage());
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("budgets %1: give one NAME").arg(sub), budgetsUsage());
    const QString name = parser.positionalArguments().first();
    const QString command = QStringLiteral("budgets %1 %2").arg(sub, name);
    Result<QList<Budget>> stored = storedBudgets(store);
    if (!stored)
        return ctx.failure(stored.error().message);
    Budget budget;
    budget.name = name;
    const auto existing = std::find_if(stored->cbegin(), stored->cend(), [&name](const Budget &b) { return b.name == name; });
    if (sub == QLatin1String("add") && existing != stored->cend())
        return ctx.failure(QStringLiteral("%1: a budget named '%2' exists already; change it with budgets set").arg(command, name));
    if (sub == QLatin1String("set")) {
        if (existing == stored->cend())
            return ctx.failure(QStringLiteral("%1: no budget named '%2'").arg(command, name));
        budget = *existing;
    }
    Result<Budget> changed = applyOptions(command, store, parser, o, budget);
    if (!changed)
        return ctx.failure(changed.error().message);
    WriteBatch batch;
    batch.source = command;
    batch.budgets << *changed;
    if (Result<WriteSummary> written = store.writeBlocking(batch); !written)
        return ctx.failure(written.error().message);
    ctx.out << "budget " << name << " saved" << Qt::endl;
    return ExitOk;
}

// list and status: the table as text or JSON.
int show(const CommandContext &ctx, StoreService &store, const QString &sub, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("FORMAT"), QStringLiteral("table"));
    parser.addOption(format);
    if (!parser.parse(QStringList{sub} + args))
        return ctx.usage(QStringLiteral("budgets %1: %2").arg(sub, parser.errorText()), budgetsUsage());
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(QStringLiteral("budgets %1: unexpected argument '%2'").arg(sub, parser.positionalArguments().first()), budgetsUsage());
    const QString how = parser.value(format);
    if (how != QLatin1String("table") && how != QLatin1String("json"))
        return ctx.usage(QStringLiteral("budgets %1: --format must be table or json").arg(sub), budgetsUsage());
    const QHash<qint64, QString> names = connectionNames(store);
    TableData table;
    if (sub == QLatin1String("list")) {
        Result<QList<Budget>> budgets = storedBudgets(store);
        if (!budgets)
            return ctx.failure(budgets.error().message);
        table = budgetsTable(*budgets, names);
    } else {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        Result<QList<BudgetStatus>> statuses =
            store.read<QList<BudgetStatus>>([now](Store &s) { return readBudgetStatuses(s, now); }).result();
        if (!statuses)
            return ctx.failure(statuses.error().message);
        table = budgetStatusTable(*statuses, names);
    }
    if (how == QLatin1String("json")) {
        ctx.out << QJsonDocument(tableJson(table)).toJson(QJsonDocument::Indented) << Qt::flush;
    } else if (table.rows.isEmpty()) {
        ctx.out << "No budgets. Add one: fleetscope budgets add NAME --monthly 500" << Qt::endl;
    } else {
        writeTextTable(table, ctx.out);
        if (sub == QLatin1String("status"))
            ctx.out << "Dollars for the UTC month to date; billed '-': the provider does not report it. Spent is billed where reported, "
                       "else estimated; the forecast adds the current rate until the month ends."
                    << Qt::endl;
    }
    return ExitOk;
}

} // namespace

int runBudgets(const CommandContext &ctx, const QStringList &args)
{
    const QString sub = args.value(0);
    if (!QStringList{QStringLiteral("list"), QStringLiteral("add"), QStringLiteral("set"), QStringLiteral("remove"), QStringLiteral("status")}.contains(sub))
        return ctx.usage(args.isEmpty() ? QStringLiteral("budgets: missing subcommand") : QStringLiteral("budgets: unknown subcommand '%1'").arg(sub),
                         budgetsUsage());
    Result<std::unique_ptr<StoreService>> opened = openService(ctx.line);
    if (!opened)
        return ctx.failure(opened.error().message);
    StoreService &store = **opened;
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("add") || sub == QLatin1String("set"))
        return addOrSet(ctx, store, sub, rest);
    if (sub == QLatin1String("remove")) {
        if (rest.size() != 1)
            return ctx.usage(QStringLiteral("budgets remove: give one NAME"), budgetsUsage());
        WriteBatch batch;
        batch.source = QStringLiteral("budgets remove %1").arg(rest.first());
        batch.removedBudgets << rest.first();
        if (Result<WriteSummary> written = store.writeBlocking(batch); !written)
            return ctx.failure(written.error().message);
        ctx.out << "budget " << rest.first() << " removed" << Qt::endl;
        return ExitOk;
    }
    return show(ctx, store, sub, rest);
}

} // namespace fleetscope
