// Global options; each command parses its own arguments after the command word.
#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStandardPaths>

namespace fleetscope {

QString defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

AppPaths appPaths(const CommandLine &line)
{
    AppPaths paths;
    paths.dataDir = line.dataDir;
    if (line.dataDir != defaultDataDir()) {
        paths.configDir = line.dataDir;
        paths.settingsFile = line.dataDir + QStringLiteral("/fleetscope.conf");
        paths.cacheDir = line.dataDir + QStringLiteral("/cache");
    } else {
        paths.configDir = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
        paths.settingsFile = paths.configDir + QStringLiteral("/fleetscope.conf");
        paths.cacheDir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    }
    paths.providersDir = paths.configDir + QStringLiteral("/providers");
    paths.logDir = line.dataDir + QStringLiteral("/logs");
    return paths;
}

QString globalUsage()
{
    // One translatable entry per command, so adding a command leaves the others translated.
    static const char *const kCommands[] = {
        QT_TRANSLATE_NOOP("cli", "  alerts rules list|add|remove, alerts list [--open], alerts ack ID, alerts evaluate\n"
                                 "                              alert rules, the alerts they raised, and evaluating them now\n"),
        QT_TRANSLATE_NOOP("cli", "  budgets list|add|set|remove|status [--format table|json]\n"
                                 "                              spend caps per month, day or hour, and spend against them\n"),
        QT_TRANSLATE_NOOP("cli", "  audit list [--since T] [--format table|json]\n"
                                 "                              pod actions taken or previewed by guardrails, the window or the CLI\n"),
        QT_TRANSLATE_NOOP("cli", "  collect [--once]            collect every enabled connection until SIGTERM (headless);\n"
                                 "                              --once: one cycle of the RunPod account set up by RUNPOD_* variables\n"),
        QT_TRANSLATE_NOOP("cli", "  connections list [--json]   list configured provider connections\n"),
        QT_TRANSLATE_NOOP("cli", "  connections add KIND --name NAME [--set key=value]... [--secret-stdin | --secret-env VAR]\n"
                                 "                              add a provider connection (tested first; secret to the keychain)\n"),
        QT_TRANSLATE_NOOP("cli", "  connections test NAME       one real request with a connection's settings and secret\n"),
        QT_TRANSLATE_NOOP("cli", "  connections set NAME key=value... | enable NAME | disable NAME\n"
                                 "                              change a connection's settings, or whether it is collected\n"),
        QT_TRANSLATE_NOOP("cli", "  connections remove NAME [--keep-data | --delete-data]\n"
                                 "                              remove a connection and its keychain entry (history kept)\n"),
        QT_TRANSLATE_NOOP("cli", "  export DATASET --format csv|json [--output FILE] [--since T] [--until T]\n"
                                 "                              export stored rows (pods, endpoints, endpoint-health, jobs,\n"
                                 "                              billing, gpu-offers)\n"),
        QT_TRANSLATE_NOOP("cli", "  gpus [--format table|csv|json]\n"
                                 "                              this computer's NVIDIA GPUs, read once through the driver\n"),
        QT_TRANSLATE_NOOP("cli", "  guardrails show|preview CONNECTION, guardrails set CONNECTION [--enable|--disable]\n"
                                 "              [--stop-idle-minutes N] [--idle-util P] [--dry-run|--act]\n"
                                 "                              stop idle pods (never terminate); off and dry-run by default\n"),
        QT_TRANSLATE_NOOP("cli", "  pods stop|start|resume|reboot CONNECTION POD_ID, pods terminate CONNECTION POD_ID --yes\n"
                                 "                              one lifecycle action where the provider has it, recorded in the audit log\n"),
        QT_TRANSLATE_NOOP("cli", "  pods launch CONNECTION --gpu-type T [--count N] [--region R] [--image I] [--name NAME] [--spot] [--yes|--dry-run]\n"
                                 "                              launch the cheapest stored offer that fits, recorded in the audit log\n"),
        QT_TRANSLATE_NOOP("cli", "  providers list [--json]     provider kinds: built-in and user descriptors (CONFIG_DIR/providers)\n"),
        QT_TRANSLATE_NOOP("cli", "  providers validate FILE     check a provider descriptor before adding it\n"),
        QT_TRANSLATE_NOOP("cli", "  scrape URL|FILE [--format table|csv|json]\n"
                                 "                              one scrape of a /metrics endpoint or file as GPU readings\n"),
        QT_TRANSLATE_NOOP("cli", "  simulate --port N [...]     serve a simulated RunPod account on 127.0.0.1 (see simulate --help)\n"),
        QT_TRANSLATE_NOOP("cli", "  store copy --from PATH_OR_URL --to PATH_OR_URL [--since T]\n"
                                 "                              copy history between stores (SQLite, PostgreSQL), resumable\n"),
        QT_TRANSLATE_NOOP("cli", "  store password set|remove postgresql://USER@HOST/DB\n"
                                 "                              the team database's password in the keychain (read from the terminal)\n"),
        QT_TRANSLATE_NOOP("cli", "  workflows configs list|add|set|remove ...\n"
                                 "                              CI benchmark configurations (repo, workflow, branch, file patterns)\n"),
        QT_TRANSLATE_NOOP("cli", "  workflows import CONFIG PATH... [--run-id ID] [--commit SHA] [--branch B] [--started-at T]\n"
                                 "                              import result files or a folder as one run\n"),
        QT_TRANSLATE_NOOP("cli", "  workflows runs [--config C] [--format table|json]\n"
                                 "                              stored runs with their status and file counts\n"),
        QT_TRANSLATE_NOOP("cli", "  workflows regressions CONFIG [--format table|json]\n"
                                 "                              the newest run against the runs before it; exit 0 either way\n"),
        QT_TRANSLATE_NOOP("cli", "  workflows fetch CONFIG [--since T] [--until T] [--limit N]\n"
                                 "                              collect new completed GitHub Actions runs and their artifacts\n"),
        QT_TRANSLATE_NOOP("cli", "  workflows backfill CONFIG --since T [--until T] [--dry-run]\n"
                                 "                              collect every run of a date range; resumes when run again\n"),
        QT_TRANSLATE_NOOP("cli", "  workflows retry CONFIG (RUN_ID | --all-failed)\n"
                                 "                              collect failed runs again\n"),
        QT_TRANSLATE_NOOP("cli", "  workflows token set|remove [--api-url URL]\n"
                                 "                              the GitHub token in the keychain (set reads it from stdin)\n"),
    };
    QString usage = QCoreApplication::translate("cli",
        "Usage: fleetscope [--data-dir DIR] [--store PATH] [--demo] [COMMAND ...]\n"
        "\n"
        "Without a command, opens the Fleetscope window.\n"
        "\n"
        "Global options:\n"
        "  --data-dir DIR   where the store, settings and logs live (default: %1)\n"
        "  --store PATH     the SQLite store file (default: DATA_DIR/fleetscope.sqlite)\n"
        "  --demo           open the window with a simulated account, clearly labelled\n"
        "  -h, --help       show this help\n"
        "  -v, --version    show the version\n"
        "\n"
        "Commands:\n").arg(defaultDataDir());
    for (const char *command : kCommands)
        usage += QCoreApplication::translate("cli", command);
    return usage + QCoreApplication::translate("cli", "\nExit status: 0 on success, 1 on failure (one line on stderr), 2 on a usage error.\n");
}

std::expected<CommandLine, UsageError> parseCommandLine(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption store(QStringLiteral("store"), QString(), QStringLiteral("PATH"));
    const QCommandLineOption demo(QStringLiteral("demo"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption version(QStringList{QStringLiteral("v"), QStringLiteral("version")});
    parser.addOptions({dataDir, store, demo, help, version});
    if (!parser.parse(args))
        return std::unexpected(UsageError{parser.errorText()});

    CommandLine line;
    line.dataDir = parser.isSet(dataDir) ? parser.value(dataDir) : defaultDataDir();
    line.store = parser.value(store);
    line.demo = parser.isSet(demo);
    line.help = parser.isSet(help);
    line.version = parser.isSet(version);
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty()) {
        line.command = positional.first();
        line.commandArgs = positional.mid(1);
    }
    if (parser.isSet(dataDir) && line.dataDir.isEmpty())
        return std::unexpected(UsageError{QStringLiteral("--data-dir: empty directory")});
    if (line.demo && !line.command.isEmpty())
        return std::unexpected(UsageError{QStringLiteral("--demo applies to the window only, not to '%1'").arg(line.command)});
    return line;
}

} // namespace fleetscope
