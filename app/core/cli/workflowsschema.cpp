// `fleetscope workflows schema propose|confirm|show|ai`: schemas for result files no built-in recognizer knows.
#include "workflowscommand.h"

#include "http/localhttp.h"
#include "cli/texttable.h"
#include "credentials/secretref.h"
#include "workflows/aischema.h"
#include "workflows/resultfiles.h"
#include "workflows/runimport.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>

namespace fleetscope {
namespace {

QString schemaUsage()
{
    return QStringLiteral(
        "Usage: fleetscope workflows schema propose CONFIG FILE [--ai] [--ai-url URL] [--ai-model M] [--ai-key-env VAR]\n"
        "       fleetscope workflows schema confirm CONFIG SCHEMA.json [--sample FILE]\n"
        "       fleetscope workflows schema show CONFIG [--version N] [--format table|json]\n"
        "       fleetscope workflows schema ai set --ai-url URL --ai-model M [--key-stdin]\n"
        "       fleetscope workflows schema ai remove\n"
        "propose prints a schema for a JSON result file as JSON: by the file's shape, or with --ai by the\n"
        "OpenAI-compatible endpoint (--ai-url/--ai-model, else the settings workflows/aiBaseUrl and aiModel; the key\n"
        "from the keychain entry ai/HOST or --ai-key-env), falling back to the shape when the endpoint fails.\n"
        "confirm stores the (edited) proposal as the configuration's next schema version and makes it active:\n"
        "later imports and fetches extract JSON files no built-in recognizer knows with it.\n"
        "ai set keeps the endpoint in the settings (the GUI's \"Propose with AI\" uses it too) and, with --key-stdin,\n"
        "its API key in the keychain; ai remove forgets both.\n");
}

struct SchemaOptions {
    QCommandLineOption ai{QStringLiteral("ai")};
    QCommandLineOption aiUrl{QStringLiteral("ai-url"), QString(), QStringLiteral("URL")};
    QCommandLineOption aiModel{QStringLiteral("ai-model"), QString(), QStringLiteral("M")};
    QCommandLineOption aiKeyEnv{QStringLiteral("ai-key-env"), QString(), QStringLiteral("VAR")};
    QCommandLineOption sample{QStringLiteral("sample"), QString(), QStringLiteral("FILE")};
    QCommandLineOption version{QStringLiteral("version"), QString(), QStringLiteral("N")};
    QCommandLineOption format{QStringLiteral("format"), QString(), QStringLiteral("table|json"), QStringLiteral("table")};
    QCommandLineOption keyStdin{QStringLiteral("key-stdin")};
};

// FILE read whole, refused over MAXBYTES; errors name the file.
Result<ResultFile> readFile(const QString &path, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorClass::Config, QStringLiteral("%1: %2").arg(path, file.errorString()));
    if (file.size() > maxBytes)
        return fail(ErrorClass::BadData, QStringLiteral("%1: %2, over the %3 limit").arg(path, byteSize(file.size()), byteSize(maxBytes)));
    return ResultFile{path, file.readAll()};
}

// The endpoint from the options, else the settings file.
Result<AiEndpoint> endpointFrom(const CommandContext &ctx, const QCommandLineParser &parser, const SchemaOptions &o)
{
    const QSettings settings(appPaths(ctx.line).settingsFile, QSettings::IniFormat);
    const QString url = parser.isSet(o.aiUrl) ? parser.value(o.aiUrl) : settings.value(QLatin1String(kAiBaseUrlSetting)).toString();
    const QString model = parser.isSet(o.aiModel) ? parser.value(o.aiModel) : settings.value(QLatin1String(kAiModelSetting)).toString();
    if (url.trimmed().isEmpty())
        return fail(ErrorClass::Config, QStringLiteral("--ai: no endpoint; give --ai-url URL or set workflows/aiBaseUrl in the settings"));
    Result<QUrl> base = aiBaseUrl(url);
    if (!base)
        return std::unexpected(base.error());
    if (model.trimmed().isEmpty())
        return fail(ErrorClass::Config, QStringLiteral("--ai: no model; give --ai-model M or set workflows/aiModel in the settings"));
    return AiEndpoint{*base, model.trimmed()};
}

// The key from VAR when named, else the keychain; no stored key is no key (local endpoints need none).
Result<Secret> keyFor(const AiEndpoint &endpoint, const QString &variable)
{
    if (!variable.isEmpty()) {
        if (!SecretRef::isValidVariableName(variable))
            return fail(ErrorClass::Config, QStringLiteral("--ai-key-env wants a variable name (letters, digits, '_'), not '%1'").arg(variable.left(60)));
        Secret key = Secret::fromUtf8(qgetenv(variable.toLatin1().constData()).trimmed());
        if (key.isEmpty())
            return fail(ErrorClass::Config, QStringLiteral("environment variable %1 is not set or empty").arg(variable));
        return key;
    }
    Result<Secret> key = Credentials().readBlocking(aiKeyEntry(endpoint.baseUrl));
    if (!key && isMissingSecret(key.error()))
        return Secret();
    return key;
}

int propose(const CommandContext &ctx, const QCommandLineParser &parser, const SchemaOptions &o, const QStringList &positional)
{
    if (positional.size() != 2)
        return ctx.usage(QStringLiteral("workflows schema propose: give a configuration and one sample file"), schemaUsage());
    Result<OpenedConfig> opened = openWorkflowConfig(ctx.line, positional.at(0));
    if (!opened)
        return ctx.failure(opened.error().message);
    const WorkflowConfig &config = opened->config;
    Result<ResultFile> sample = readFile(positional.at(1), config.maxFileBytes);
    if (!sample)
        return ctx.failure(sample.error().message);
    Result<SchemaProposal> proposal = fail(ErrorClass::Config, QString());
    if (parser.isSet(o.ai)) {
        Result<AiEndpoint> endpoint = endpointFrom(ctx, parser, o);
        if (!endpoint)
            return ctx.failure(endpoint.error().message);
        Result<Secret> key = keyFor(*endpoint, parser.value(o.aiKeyEnv));
        if (!key)
            return ctx.failure(key.error().message);
        proposal = runWithLocalHttp<SchemaProposal>([&](HttpClient &http, QObject *context, std::function<void(Result<SchemaProposal>)> done) {
            proposeSchemaWithAi(http, *endpoint, *key, *sample, context, std::move(done));
        });
    } else {
        proposal = proposeSchemaHeuristically(*sample);
    }
    if (!proposal)
        return ctx.failure(proposal.error().message);
    for (const QString &note : std::as_const(proposal->notes))
        ctx.err << QStringLiteral("note: ") << note << Qt::endl;
    QJsonObject json = schemaJson(proposal->schema);
    json.insert(QStringLiteral("notes"), QJsonArray::fromStringList(proposal->notes));
    ctx.out << QJsonDocument(json).toJson(QJsonDocument::Indented) << Qt::flush;
    return ExitOk;
}

int confirm(const CommandContext &ctx, const QCommandLineParser &parser, const SchemaOptions &o, const QStringList &positional)
{
    if (positional.size() != 2)
        return ctx.usage(QStringLiteral("workflows schema confirm: give a configuration and one schema file"), schemaUsage());
    Result<OpenedConfig> opened = openWorkflowConfig(ctx.line, positional.at(0));
    if (!opened)
        return ctx.failure(opened.error().message);
    StoreService &store = *opened->store;
    const WorkflowConfig &config = opened->config;
    const QString path = positional.at(1);
    Result<ResultFile> file = readFile(path, kDefaultMaxFileBytes);
    if (!file)
        return ctx.failure(file.error().message);
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(file->content, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return ctx.failure(QStringLiteral("%1: not a JSON object (%2)").arg(path, error.error != QJsonParseError::NoError ? error.errorString() : QStringLiteral("an array")));
    Result<MetricSchema> schema = schemaFromJson(document.object(), path);
    if (!schema)
        return ctx.failure(schema.error().message);
    if (parser.isSet(o.sample)) {
        Result<ResultFile> sample = readFile(parser.value(o.sample), config.maxFileBytes);
        if (!sample)
            return ctx.failure(sample.error().message);
        Result<QJsonDocument> parsed = parseSample(*sample);
        if (!parsed)
            return ctx.failure(parsed.error().message);
        if (Result<void> valid = validateSchemaAgainst(schema->fields, *parsed, path); !valid)
            return ctx.failure(valid.error().message);
    }
    schema->configId = config.id;
    schema->configName = config.name;
    WriteBatch batch;
    batch.source = QStringLiteral("workflows schema confirm %1").arg(config.name);
    batch.workflowSchemas << *schema;
    if (Result<WriteSummary> written = store.writeBlocking(batch); !written)
        return ctx.failure(written.error().message);
    Result<std::optional<MetricSchema>> active = activeConfirmedSchema(store, config.name);
    if (!active || !*active)
        return ctx.failure(active ? QStringLiteral("%1: the confirmed schema is not active").arg(config.name) : active.error().message);
    ctx.out << QStringLiteral("stored schema version %1 of '%2' (%3, %4 fields), now active; later imports use it")
                   .arg((*active)->version).arg(config.name, (*active)->source).arg((*active)->fields.size())
            << Qt::endl;
    return ExitOk;
}

int show(const CommandContext &ctx, const QCommandLineParser &parser, const SchemaOptions &o, const QStringList &positional)
{
    if (positional.size() != 1)
        return ctx.usage(QStringLiteral("workflows schema show: give one configuration"), schemaUsage());
    int exit = 0;
    const std::optional<bool> json = wantsJson(ctx, parser.value(o.format), schemaUsage(), &exit);
    if (!json)
        return exit;
    bool ok = true;
    const int wanted = parser.isSet(o.version) ? parser.value(o.version).toInt(&ok) : 0;
    if (!ok || wanted < 0)
        return ctx.usage(QStringLiteral("workflows schema show: --version wants a positive number"), schemaUsage());
    Result<std::unique_ptr<StoreService>> service = openService(ctx.line);
    if (!service)
        return ctx.failure(service.error().message);
    const QString name = positional.first();
    Result<QList<MetricSchema>> schemas = (*service)->read<QList<MetricSchema>>([name](Store &s) { return s.workflowSchemas(name); }).result();
    if (!schemas)
        return ctx.failure(schemas.error().message);
    if (schemas->isEmpty())
        return ctx.failure(QStringLiteral("%1: no schema yet; import results or confirm one with `workflows schema confirm`").arg(name));
    auto chosen = std::find_if(schemas->cbegin(), schemas->cend(), [wanted](const MetricSchema &s) { return wanted ? s.version == wanted : s.active; });
    if (chosen == schemas->cend() && !wanted)
        chosen = schemas->cbegin();
    if (chosen == schemas->cend())
        return ctx.failure(QStringLiteral("%1: no schema version %2 (versions 1 to %3)").arg(name).arg(wanted).arg(schemas->first().version));
    if (*json) {
        QJsonObject object = schemaJson(*chosen);
        object.insert(QStringLiteral("active"), chosen->active);
        ctx.out << QJsonDocument(object).toJson(QJsonDocument::Indented) << Qt::flush;
        return ExitOk;
    }
    ctx.out << QStringLiteral("%1: schema version %2 of %3, %4 (%5)%6")
                   .arg(name).arg(chosen->version).arg(schemas->first().version)
                   .arg(chosen->name, chosen->source, chosen->active ? QStringLiteral(", active") : QString())
            << Qt::endl;
    QList<QStringList> rows{{QStringLiteral("ROLE"), QStringLiteral("NAME"), QStringLiteral("PATH"), QStringLiteral("UNIT"), QStringLiteral("DIRECTION")}};
    for (const SchemaField &f : chosen->fields) {
        const bool metric = f.role == SchemaFieldRole::Metric;
        rows << QStringList{roleName(f.role), f.name, f.path.isEmpty() ? QStringLiteral("-") : f.path, metric && !f.unit.isEmpty() ? f.unit : QStringLiteral("-"),
                            metric ? directionName(f.direction) : QStringLiteral("-")};
    }
    writeTextTable(rows, ctx.out);
    return ExitOk;
}

int ai(const CommandContext &ctx, const QCommandLineParser &parser, const SchemaOptions &o, const QStringList &positional)
{
    if (positional.size() != 1 || (positional.first() != QLatin1String("set") && positional.first() != QLatin1String("remove")))
        return ctx.usage(QStringLiteral("workflows schema ai: give set or remove"), schemaUsage());
    QSettings settings(appPaths(ctx.line).settingsFile, QSettings::IniFormat);
    if (positional.first() == QLatin1String("remove")) {
        const QString stored = settings.value(QLatin1String(kAiBaseUrlSetting)).toString();
        settings.remove(QLatin1String(kAiBaseUrlSetting));
        settings.remove(QLatin1String(kAiModelSetting));
        settings.sync();
        if (Result<QUrl> url = aiBaseUrl(stored)) {
            if (Result<void> removed = Credentials().removeBlocking(aiKeyEntry(*url)); !removed)
                return ctx.failure(removed.error().message);
        }
        ctx.out << QStringLiteral("removed the AI endpoint from the settings and its key from the keychain") << Qt::endl;
        return ExitOk;
    }
    if (!parser.isSet(o.aiUrl) || parser.value(o.aiModel).trimmed().isEmpty())
        return ctx.usage(QStringLiteral("workflows schema ai set: --ai-url URL and --ai-model M are required"), schemaUsage());
    Result<QUrl> url = aiBaseUrl(parser.value(o.aiUrl));
    if (!url)
        return ctx.failure(url.error().message);
    if (parser.isSet(o.keyStdin)) {
        Result<Secret> key = readSecretFromStdin(QStringLiteral("workflows schema ai set --key-stdin"));
        if (!key)
            return ctx.failure(key.error().message);
        if (Result<void> stored = Credentials().storeBlocking(aiKeyEntry(*url), *key); !stored)
            return ctx.failure(stored.error().message);
    }
    settings.setValue(QLatin1String(kAiBaseUrlSetting), url->toString());
    settings.setValue(QLatin1String(kAiModelSetting), parser.value(o.aiModel).trimmed());
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return ctx.failure(QStringLiteral("%1: could not write the settings").arg(settings.fileName()));
    ctx.out << QStringLiteral("AI endpoint %1 (model %2) stored in the settings%3")
                   .arg(url->toString(), parser.value(o.aiModel).trimmed(),
                        parser.isSet(o.keyStdin) ? QStringLiteral(", its key in the keychain as %1").arg(aiKeyEntry(*url).key) : QString())
            << Qt::endl;
    return ExitOk;
}

} // namespace

int workflowsSchema(const CommandContext &ctx, const QStringList &args)
{
    if (args.isEmpty())
        return ctx.usage(QStringLiteral("workflows schema: missing subcommand"), schemaUsage());
    const QString sub = args.first();
    QCommandLineParser parser;
    const SchemaOptions o;
    if (sub == QLatin1String("propose"))
        parser.addOptions({o.ai, o.aiUrl, o.aiModel, o.aiKeyEnv});
    else if (sub == QLatin1String("confirm"))
        parser.addOption(o.sample);
    else if (sub == QLatin1String("show"))
        parser.addOptions({o.version, o.format});
    else if (sub == QLatin1String("ai"))
        parser.addOptions({o.aiUrl, o.aiModel, o.keyStdin});
    else
        return ctx.usage(QStringLiteral("workflows schema: unknown subcommand '%1'").arg(sub), schemaUsage());
    if (!parser.parse(args))
        return ctx.usage(parser.errorText(), schemaUsage());
    const QStringList positional = parser.positionalArguments();   // parse() takes the subcommand as the program name
    if (sub == QLatin1String("propose"))
        return propose(ctx, parser, o, positional);
    if (sub == QLatin1String("confirm"))
        return confirm(ctx, parser, o, positional);
    if (sub == QLatin1String("show"))
        return show(ctx, parser, o, positional);
    return ai(ctx, parser, o, positional);
}

} // namespace fleetscope
