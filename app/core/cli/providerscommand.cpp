// The providers command.
#include "cli/providerscommand.h"

#include "cli/texttable.h"
#include "providers/generic/registry.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fleetscope {
namespace {

int providersList(const CommandContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"));
    parser.addOption(json);
    const QString help = QStringLiteral("Usage: fleetscope providers list [--json]\n");
    if (!parser.parse(QStringList{QStringLiteral("list")} + args))
        return ctx.usage(parser.errorText(), help);
    if (!parser.positionalArguments().isEmpty())
        return ctx.usage(QStringLiteral("providers list: unexpected argument '%1'").arg(parser.positionalArguments().first()), help);

    const generic::DescriptorSet &set = generic::installedDescriptors();
    // Skipped user files are named first, so a typo in one is not mistaken for a missing kind.
    for (const QString &problem : set.problems)
        ctx.err << "fleetscope: warning: skipped " << problem << Qt::endl;
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const generic::DescriptorEntry &entry : set.entries) {
            const ProviderKind &kind = entry.descriptor.kind;
            array.append(QJsonObject{{QStringLiteral("kind"), kind.kind},
                                     {QStringLiteral("name"), kind.displayName},
                                     {QStringLiteral("category"), kind.category},
                                     {QStringLiteral("source"), entry.source},
                                     {QStringLiteral("generic"), bool(entry.descriptor.api)}});
        }
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented) << Qt::flush;
        return ExitOk;
    }
    QList<QStringList> rows{{QStringLiteral("KIND"), QStringLiteral("NAME"), QStringLiteral("CATEGORY"), QStringLiteral("SOURCE")}};
    for (const generic::DescriptorEntry &entry : set.entries) {
        const ProviderKind &kind = entry.descriptor.kind;
        rows << QStringList{kind.kind, kind.displayName, kind.category, entry.source};
    }
    writeTextTable(rows, ctx.out);
    return ExitOk;
}

int providersValidate(const CommandContext &ctx, const QStringList &args)
{
    const QString help = QStringLiteral("Usage: fleetscope providers validate FILE\n");
    if (args.size() != 1)
        return ctx.usage(args.isEmpty() ? QStringLiteral("providers validate: missing FILE")
                                        : QStringLiteral("providers validate: unexpected argument '%1'").arg(args.at(1)),
                         help);
    const QString &path = args.first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ctx.failure(QStringLiteral("%1: %2").arg(path, file.errorString()));
    Result<generic::Descriptor> descriptor = generic::parseDescriptor(file.readAll(), path);
    if (!descriptor)
        return ctx.failure(descriptor.error().message);
    ctx.out << path << ": valid" << Qt::endl;
    return ExitOk;
}

} // namespace

int runProviders(const CommandContext &ctx, const QStringList &args)
{
    const QString help = QStringLiteral("Usage: fleetscope providers list [--json] | validate FILE\n");
    if (args.isEmpty())
        return ctx.usage(QStringLiteral("providers: missing subcommand"), help);
    if (args.first() == QLatin1String("list"))
        return providersList(ctx, args.mid(1));
    if (args.first() == QLatin1String("validate"))
        return providersValidate(ctx, args.mid(1));
    return ctx.usage(QStringLiteral("providers: unknown subcommand '%1'").arg(args.first()), help);
}

} // namespace fleetscope
