// fleetscope pods launch: the cheapest stored offer that fits, shown with its price, confirmed,
// launched through the same job as the GPU Offers page, and audited whatever the outcome.
#include "cli/podscommand.h"

#include "guardrails/guardrails.h"
#include "http/localhttp.h"
#include "providers/connectionsetup.h"
#include "providers/podlaunch.h"

#include <QCommandLineParser>
#include <QFile>

#include <unistd.h>

namespace fleetscope {
namespace {

QString launchUsage()
{
    return QStringLiteral("Usage: fleetscope pods launch CONNECTION (--gpu-type TYPE | --plan PLAN) [--count N] [--region R] [--image I]\n"
                          "                              [--name NAME] [--ssh-key KEY] [--spot] [--yes | --dry-run]\n"
                          "Launches the cheapest stored offer of CONNECTION that fits; --dry-run prints the request instead.\n");
}

// A yes from the terminal; false for anything else.
bool confirmedOnTerminal(const CommandContext &ctx)
{
    ctx.err << "Launch it? [y/N] " << Qt::flush;
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return false;
    const QByteArray answer = in.readLine().trimmed().toLower();
    return answer == "y" || answer == "yes";
}

} // namespace

int runPodsLaunch(const CommandContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption gpuTypeOption(QStringLiteral("gpu-type"), QString(), QStringLiteral("TYPE"));
    const QCommandLineOption planOption(QStringLiteral("plan"), QString(), QStringLiteral("PLAN"));
    const QCommandLineOption countOption(QStringLiteral("count"), QString(), QStringLiteral("N"));
    const QCommandLineOption regionOption(QStringLiteral("region"), QString(), QStringLiteral("R"));
    const QCommandLineOption imageOption(QStringLiteral("image"), QString(), QStringLiteral("I"));
    const QCommandLineOption nameOption(QStringLiteral("name"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption sshKeyOption(QStringLiteral("ssh-key"), QString(), QStringLiteral("KEY"));
    const QCommandLineOption spotOption(QStringLiteral("spot"));
    const QCommandLineOption yesOption(QStringLiteral("yes"));
    const QCommandLineOption dryRunOption(QStringLiteral("dry-run"));
    parser.addOptions({gpuTypeOption, planOption, countOption, regionOption, imageOption, nameOption, sshKeyOption, spotOption, yesOption, dryRunOption});
    if (!parser.parse(QStringList{QStringLiteral("launch")} + args))
        return ctx.usage(QStringLiteral("pods launch: ") + parser.errorText(), launchUsage());
    if (parser.positionalArguments().size() != 1)
        return ctx.usage(QStringLiteral("pods launch: give one CONNECTION"), launchUsage());
    if (!parser.isSet(gpuTypeOption) && !parser.isSet(planOption))
        return ctx.usage(QStringLiteral("pods launch: give --gpu-type or --plan"), launchUsage());
    int count = 0;
    if (parser.isSet(countOption)) {
        bool ok = false;
        count = parser.value(countOption).toInt(&ok);
        if (!ok || count < 1 || count > 64)
            return ctx.failure(QStringLiteral("pods launch: --count must be a whole number from 1 to 64, got '%1'").arg(parser.value(countOption)));
    }
    const bool spot = parser.isSet(spotOption);

    Result<std::unique_ptr<StoreService>> opened = openService(ctx.line);
    if (!opened)
        return ctx.failure(opened.error().message);
    StoreService &store = **opened;
    Result<ConnectionRecord> connection = findConnection(store, parser.positionalArguments().first());
    if (!connection)
        return ctx.failure(connection.error().message);
    const QString source = QStringLiteral("pods launch %1").arg(connection->name);
    if (Result<void> available = launchAvailable(connection->kind); !available)
        return ctx.failure(source + QStringLiteral(": ") + available.error().message);
    Result<QList<GpuOffer>> offers = store.read<QList<GpuOffer>>([](Store &s) { return s.latestOffers(); }).result();
    if (!offers)
        return ctx.failure(source + QStringLiteral(": ") + offers.error().message);
    const QString region = parser.value(regionOption);
    Result<GpuOffer> offer = cheapestOffer(*offers, connection->id, parser.value(gpuTypeOption), region, parser.value(planOption), count, spot);
    if (!offer)
        return ctx.failure(source + QStringLiteral(": ") + offer.error().message);
    Result<LaunchRequest> request = launchRequestFor(*offer, spot, count);
    if (!request)
        return ctx.failure(source + QStringLiteral(": ") + request.error().message);
    if (!region.isEmpty())
        request->region = region;   // a plan offered in several regions: the one asked for
    request->image = parser.value(imageOption);
    request->name = parser.value(nameOption);
    request->sshKey = parser.value(sshKeyOption);
    Result<LaunchPreview> preview = launchPreview(*connection, *request);
    if (!preview)
        return ctx.failure(preview.error().message);

    ctx.out << "Launch on " << connection->name << ": " << launchSummary(*request) << Qt::endl;
    if (parser.isSet(dryRunOption)) {
        ctx.out << "Would send " << preview->method << ' ' << preview->url.toString(QUrl::RemoveUserInfo) << Qt::endl;
        if (!preview->body.isEmpty())
            ctx.out << QString::fromUtf8(preview->body) << Qt::endl;
        return ExitOk;
    }
    if (!parser.isSet(yesOption)) {
        if (!isatty(STDIN_FILENO))
            return ctx.failure(source + QStringLiteral(": this starts a paid instance; add --yes to confirm (or --dry-run to see the request)"));
        if (!confirmedOnTerminal(ctx))
            return ctx.failure(source + QStringLiteral(": not confirmed; nothing launched"));
    }
    const Result<QString> launched = runWithLocalHttp<QString>(launchJob(*connection, *request));
    WriteBatch audit;
    audit.source = QStringLiteral("pods launch audit");
    audit.auditEntries << launchAudit(QStringLiteral("cli"), connection->id, launchSummary(*request), launched);
    const Result<WriteSummary> written = store.writeBlocking(audit);
    if (!launched)
        return ctx.failure(launched.error().message);
    if (!written)
        return ctx.failure(QStringLiteral("%1: launched %2, but not audited: %3").arg(source, *launched, written.error().message));
    ctx.out << *launched << ": launched; it shows in the pods list after the next collection" << Qt::endl;
    return ExitOk;
}

} // namespace fleetscope
