// Descriptor parsing: every key checked, every error located by a JSON pointer.
#include "descriptor.h"

#include "descriptoractions.h"
#include "descriptorreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace fleetscope::generic {
namespace {

// ---- the catalog part -----------------------------------------------------------------------

ProviderField::Type fieldType(const QString &name)
{
    if (name == QLatin1String("url"))
        return ProviderField::Type::Url;
    if (name == QLatin1String("integer"))
        return ProviderField::Type::Integer;
    if (name == QLatin1String("choice"))
        return ProviderField::Type::Choice;
    if (name == QLatin1String("boolean"))
        return ProviderField::Type::Boolean;
    return ProviderField::Type::String;
}

void readField(DescriptorReader &r, const QJsonValue &json, const QString &pointer, ProviderKind &kind)
{
    if (!json.isObject())
        return r.problem(pointer, QStringLiteral("expected an object"));
    const QJsonObject f = json.toObject();
    r.onlyKeys(f, pointer, {QStringLiteral("key"), QStringLiteral("label"), QStringLiteral("type"), QStringLiteral("required"),
                            QStringLiteral("default"), QStringLiteral("min"), QStringLiteral("max"), QStringLiteral("choices")});
    ProviderField field;
    field.key = r.string(f, pointer, QStringLiteral("key"), true);
    field.label = r.string(f, pointer, QStringLiteral("label"), true);
    field.type = fieldType(r.choice(f, pointer, QStringLiteral("type"),
                                    {QStringLiteral("string"), QStringLiteral("url"), QStringLiteral("integer"), QStringLiteral("choice"),
                                     QStringLiteral("boolean")}, true));
    field.required = r.boolean(f, pointer, QStringLiteral("required"));
    field.defaultValue = f.value(QStringLiteral("default"));
    if (f.contains(QStringLiteral("min")))
        field.min = r.integer(f, pointer, QStringLiteral("min"), 0, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    if (f.contains(QStringLiteral("max")))
        field.max = r.integer(f, pointer, QStringLiteral("max"), 0, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    const QJsonArray choices = r.array(f, pointer, QStringLiteral("choices"));
    for (qsizetype i = 0; i < choices.size(); ++i) {
        if (!choices.at(i).isString())
            return r.problem(child(child(pointer, QStringLiteral("choices")), i), QStringLiteral("expected a string"));
        field.choices << choices.at(i).toString();
    }
    if (field.type == ProviderField::Type::Choice && field.choices.isEmpty())
        r.problem(child(pointer, QStringLiteral("choices")), QStringLiteral("a choice needs choices"));
    for (const ProviderField &other : std::as_const(kind.fields)) {
        if (other.key == field.key)
            r.problem(child(pointer, QStringLiteral("key")), QStringLiteral("'%1' appears twice").arg(field.key));
    }
    kind.fields << field;
}

void readSecret(DescriptorReader &r, const QJsonObject &json, ProviderKind &kind)
{
    const QString pointer = QStringLiteral("/secret");
    const QJsonObject secret = r.object(json, QString(), QStringLiteral("secret"));
    r.onlyKeys(secret, pointer, {QStringLiteral("label"), QStringLiteral("required"), QStringLiteral("help_url"), QStringLiteral("usedWhen")});
    kind.secretRequired = r.boolean(secret, pointer, QStringLiteral("required"));
    kind.secretLabel = r.string(secret, pointer, QStringLiteral("label"));
    kind.secretHelpUrl = r.string(secret, pointer, QStringLiteral("help_url"));
    const QJsonObject usedWhen = r.object(secret, pointer, QStringLiteral("usedWhen"));
    if (usedWhen.isEmpty() || r.failed())
        return;
    const QString whenPointer = child(pointer, QStringLiteral("usedWhen"));
    if (usedWhen.size() != 1)
        return r.problem(whenPointer, QStringLiteral("expected one setting and its values"));
    kind.secretWhenKey = usedWhen.begin().key();
    if (!usedWhen.begin().value().isArray())
        return r.problem(child(whenPointer, kind.secretWhenKey), QStringLiteral("expected an array"));
    for (const QJsonValue value : usedWhen.begin().value().toArray())
        kind.secretWhenValues << value.toString();
}

ProviderKind readKind(DescriptorReader &r, const QJsonObject &json)
{
    ProviderKind kind;
    kind.kind = r.string(json, QString(), QStringLiteral("kind"), true);
    static const QRegularExpression kindName(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
    if (!r.failed() && !kindName.match(kind.kind).hasMatch())
        r.problem(QStringLiteral("/kind"), QStringLiteral("expected lowercase letters, digits and '-'"));
    kind.displayName = r.string(json, QString(), QStringLiteral("displayName"), true);
    kind.category = r.string(json, QString(), QStringLiteral("category"), true);
    kind.description = r.string(json, QString(), QStringLiteral("description"));
    readSecret(r, json, kind);
    const QJsonArray fields = r.array(json, QString(), QStringLiteral("fields"));
    for (qsizetype i = 0; i < fields.size() && !r.failed(); ++i)
        readField(r, fields.at(i), child(QStringLiteral("/fields"), i), kind);
    return kind;
}

// ---- the api part ---------------------------------------------------------------------------

const ProviderField *findField(const ProviderKind &kind, const QString &key)
{
    for (const ProviderField &field : kind.fields) {
        if (field.key == key)
            return &field;
    }
    return nullptr;
}

// Every {name} in TEXT must be a setting of KIND.
void checkPlaceholders(DescriptorReader &r, const ProviderKind &kind, const QString &text, const QString &pointer)
{
    for (const QRegularExpressionMatch &match : placeholderPattern().globalMatch(text)) {
        if (!findField(kind, match.captured(1)))
            return r.problem(pointer, QStringLiteral("{%1} is not a setting of this kind").arg(match.captured(1)));
    }
}

AuthSpec readAuth(DescriptorReader &r, const QJsonObject &api, const ProviderKind &kind)
{
    const QString pointer = QStringLiteral("/api/auth");
    const QJsonObject json = r.object(api, QStringLiteral("/api"), QStringLiteral("auth"), true);
    r.onlyKeys(json, pointer, {QStringLiteral("scheme"), QStringLiteral("name"), QStringLiteral("prefix"), QStringLiteral("usernameField")});
    AuthSpec auth;
    const QString scheme = r.choice(json, pointer, QStringLiteral("scheme"),
                                    {QStringLiteral("none"), QStringLiteral("bearer"), QStringLiteral("basic"), QStringLiteral("header"),
                                     QStringLiteral("query")}, true);
    auth.scheme = scheme == QLatin1String("bearer") ? AuthScheme::Bearer
        : scheme == QLatin1String("basic")          ? AuthScheme::Basic
        : scheme == QLatin1String("header")         ? AuthScheme::Header
        : scheme == QLatin1String("query")          ? AuthScheme::Query
                                                    : AuthScheme::None;
    const bool named = auth.scheme == AuthScheme::Header || auth.scheme == AuthScheme::Query;
    auth.name = r.string(json, pointer, QStringLiteral("name"), named);
    auth.prefix = r.string(json, pointer, QStringLiteral("prefix"));
    auth.usernameField = r.string(json, pointer, QStringLiteral("usernameField"));
    if (!auth.usernameField.isEmpty() && !findField(kind, auth.usernameField))
        r.problem(child(pointer, QStringLiteral("usernameField")), QStringLiteral("'%1' is not a setting of this kind").arg(auth.usernameField));
    if (auth.scheme != AuthScheme::None && !kind.secretRequired && kind.secretWhenKey.isEmpty())
        r.problem(child(pointer, QStringLiteral("scheme")), QStringLiteral("%1 needs a secret: set /secret/required or /secret/usedWhen").arg(scheme));
    return auth;
}

PaginationSpec readPagination(DescriptorReader &r, const QJsonObject &list, const QString &listPointer)
{
    PaginationSpec spec;
    if (!list.contains(QStringLiteral("pagination")))
        return spec;
    const QString pointer = child(listPointer, QStringLiteral("pagination"));
    const QJsonObject json = r.object(list, listPointer, QStringLiteral("pagination"));
    r.onlyKeys(json, pointer, {QStringLiteral("style"), QStringLiteral("param"), QStringLiteral("next"), QStringLiteral("totalPages"),
                               QStringLiteral("start"), QStringLiteral("sizeParam"), QStringLiteral("size"), QStringLiteral("maxPages")});
    const QString style = r.choice(json, pointer, QStringLiteral("style"),
                                   {QStringLiteral("cursor"), QStringLiteral("page"), QStringLiteral("next-url"), QStringLiteral("link-header")}, true);
    spec.style = style == QLatin1String("cursor") ? PageStyle::Cursor
        : style == QLatin1String("page")          ? PageStyle::Page
        : style == QLatin1String("next-url")      ? PageStyle::NextUrl
                                                  : PageStyle::LinkHeader;
    const bool takesParam = spec.style == PageStyle::Cursor || spec.style == PageStyle::Page;
    spec.param = r.string(json, pointer, QStringLiteral("param"), takesParam);
    spec.next = r.path(json, pointer, QStringLiteral("next"), spec.style == PageStyle::Cursor || spec.style == PageStyle::NextUrl);
    spec.totalPages = r.path(json, pointer, QStringLiteral("totalPages"));
    spec.start = r.integer(json, pointer, QStringLiteral("start"), 1, 0, 1);
    spec.sizeParam = r.string(json, pointer, QStringLiteral("sizeParam"));
    spec.size = r.integer(json, pointer, QStringLiteral("size"), 0, 1, 10'000);
    if (!spec.sizeParam.isEmpty() && spec.size == 0)
        r.problem(child(pointer, QStringLiteral("size")), QStringLiteral("required with sizeParam"));
    spec.maxPages = r.integer(json, pointer, QStringLiteral("maxPages"), spec.maxPages, 1, 10'000);
    return spec;
}

QMap<QString, ValueSpec> readValues(DescriptorReader &r, const QJsonObject &json, const QString &pointer, const QStringList &allowed)
{
    QMap<QString, ValueSpec> values;
    for (auto it = json.begin(); it != json.end() && !r.failed(); ++it) {
        if (it.key().startsWith(QLatin1Char('_')))
            continue;
        if (!allowed.isEmpty() && !allowed.contains(it.key())) {
            r.problem(child(pointer, it.key()), QStringLiteral("not a field of this list (known: %1)").arg(allowed.join(QStringLiteral(", "))));
            break;
        }
        Result<ValueSpec> spec = ValueSpec::parse(it.value(), child(pointer, it.key()));
        if (!spec)
            r.take(spec.error());
        else
            values.insert(it.key(), *spec);
    }
    return values;
}

ListSpec readList(DescriptorReader &r, const QString &name, const QJsonValue &value, const ProviderKind &kind)
{
    const QString pointer = child(QStringLiteral("/api/lists"), name);
    ListSpec list;
    list.name = name;
    if (!value.isObject()) {
        r.problem(pointer, QStringLiteral("expected an object"));
        return list;
    }
    const QJsonObject json = value.toObject();
    r.onlyKeys(json, pointer, {QStringLiteral("target"), QStringLiteral("path"), QStringLiteral("query"), QStringLiteral("items"),
                               QStringLiteral("keyed"), QStringLiteral("expand"), QStringLiteral("pagination"), QStringLiteral("fields"),
                               QStringLiteral("metadata"), QStringLiteral("spendBreakdown"), QStringLiteral("requireFields"),
                               QStringLiteral("cacheSeconds")});
    const QStringList targets{QStringLiteral("instances"), QStringLiteral("offers"), QStringLiteral("billing")};
    const QString target = json.contains(QStringLiteral("target")) ? r.choice(json, pointer, QStringLiteral("target"), targets, true) : name;
    if (!r.failed() && !targets.contains(target))
        r.problem(child(pointer, QStringLiteral("target")), QStringLiteral("required when the list's name is not one of %1").arg(targets.join(QStringLiteral(", "))));
    list.target = target == QLatin1String("offers") ? ListTarget::Offers : target == QLatin1String("billing") ? ListTarget::Billing : ListTarget::Instances;
    list.cacheSeconds = list.target == ListTarget::Instances ? 0 : 300;
    if (json.contains(QStringLiteral("cacheSeconds")))
        list.cacheSeconds = int(r.number(json, pointer, QStringLiteral("cacheSeconds"), list.cacheSeconds, 0, 86'400));
    list.path = r.string(json, pointer, QStringLiteral("path"), true);
    if (!r.failed() && !list.path.startsWith(QLatin1Char('/')))
        r.problem(child(pointer, QStringLiteral("path")), QStringLiteral("expected a path starting with '/'"));
    checkPlaceholders(r, kind, list.path, child(pointer, QStringLiteral("path")));
    const QJsonObject query = r.object(json, pointer, QStringLiteral("query"));
    for (auto it = query.begin(); it != query.end() && !r.failed(); ++it) {
        if (it.key().startsWith(QLatin1Char('_')))
            continue;
        const QString itemPointer = child(child(pointer, QStringLiteral("query")), it.key());
        if (!it.value().isString() && !it.value().isDouble()) {
            r.problem(itemPointer, QStringLiteral("expected a string or a number"));
            return list;
        }
        const QString text = it.value().isString() ? it.value().toString() : *textOf(it.value());
        checkPlaceholders(r, kind, text, itemPointer);
        list.query.append({it.key(), text});
    }
    if (std::optional<JsonPath> items = r.path(json, pointer, QStringLiteral("items"), true))
        list.items = *items;
    list.keyed = r.boolean(json, pointer, QStringLiteral("keyed"));
    list.expand = r.path(json, pointer, QStringLiteral("expand"));
    list.pagination = readPagination(r, json, pointer);
    const QStringList fields = mappableFields(list.target);
    list.fields = readValues(r, r.object(json, pointer, QStringLiteral("fields"), true), child(pointer, QStringLiteral("fields")), fields);
    const QString extraKey = list.target == ListTarget::Billing ? QStringLiteral("spendBreakdown") : QStringLiteral("metadata");
    const QString otherKey = list.target == ListTarget::Billing ? QStringLiteral("metadata") : QStringLiteral("spendBreakdown");
    if (json.contains(otherKey))
        r.problem(child(pointer, otherKey), QStringLiteral("not for a list of %1; use %2").arg(target, extraKey));
    list.extra = readValues(r, r.object(json, pointer, extraKey), child(pointer, extraKey), {});
    const QJsonArray required = r.array(json, pointer, QStringLiteral("requireFields"));
    for (qsizetype i = 0; i < required.size(); ++i) {
        if (!fields.contains(required.at(i).toString())) {
            r.problem(child(child(pointer, QStringLiteral("requireFields")), i), QStringLiteral("expected one of %1").arg(fields.join(QStringLiteral(", "))));
            return list;
        }
        list.requireFields << required.at(i).toString();
    }
    if (list.target == ListTarget::Instances && !list.fields.contains(QStringLiteral("instanceId")))
        r.problem(child(pointer, QStringLiteral("fields")), QStringLiteral("instanceId is required"));
    return list;
}

QMap<QString, QString> readTable(DescriptorReader &r, const QJsonObject &api, const QString &key)
{
    QMap<QString, QString> table;
    const QJsonObject json = r.object(api, QStringLiteral("/api"), key);
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.key().startsWith(QLatin1Char('_')))
            continue;
        if (!it.value().isString()) {
            r.problem(child(child(QStringLiteral("/api"), key), it.key()), QStringLiteral("expected a string"));
            break;
        }
        table.insert(it.key().toLower(), it.value().toString());
    }
    return table;
}

std::shared_ptr<const ApiSpec> readApi(DescriptorReader &r, const QJsonObject &json, const ProviderKind &kind)
{
    const QString pointer = QStringLiteral("/api");
    const QJsonObject api = r.object(json, QString(), QStringLiteral("api"));
    r.onlyKeys(api, pointer, {QStringLiteral("baseUrl"), QStringLiteral("caCertificateField"), QStringLiteral("localSocketField"), QStringLiteral("auth"), QStringLiteral("signer"),
                              QStringLiteral("headers"), QStringLiteral("rateLimit"), QStringLiteral("gpuTypes"), QStringLiteral("regions"),
                              QStringLiteral("lists"), QStringLiteral("test"), QStringLiteral("actions")});
    auto spec = std::make_shared<ApiSpec>();
    spec->baseUrl = r.string(api, pointer, QStringLiteral("baseUrl"));
    if (!r.failed() && !spec->baseUrl.isEmpty()) {
        const QUrl url(spec->baseUrl, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            r.problem(child(pointer, QStringLiteral("baseUrl")), QStringLiteral("expected an http(s) URL"));
    }
    const ProviderField *baseField = findField(kind, QStringLiteral("base_url"));
    if (!r.failed() && spec->baseUrl.isEmpty() && (!baseField || !baseField->required))
        r.problem(child(pointer, QStringLiteral("baseUrl")), QStringLiteral("required unless a required base_url setting gives it"));
    if (!r.failed() && baseField && baseField->type != ProviderField::Type::Url)
        r.problem(QStringLiteral("/fields"), QStringLiteral("base_url must be of type url"));
    spec->caCertificateField = r.string(api, pointer, QStringLiteral("caCertificateField"));
    if (!spec->caCertificateField.isEmpty() && !findField(kind, spec->caCertificateField))
        r.problem(child(pointer, QStringLiteral("caCertificateField")), QStringLiteral("'%1' is not a setting of this kind").arg(spec->caCertificateField));
    spec->localSocketField = r.string(api, pointer, QStringLiteral("localSocketField"));
    if (!spec->localSocketField.isEmpty() && !findField(kind, spec->localSocketField))
        r.problem(child(pointer, QStringLiteral("localSocketField")), QStringLiteral("'%1' is not a setting of this kind").arg(spec->localSocketField));
    spec->auth = readAuth(r, api, kind);
    if (api.contains(QStringLiteral("signer"))) {
        const QString signerPointer = child(pointer, QStringLiteral("signer"));
        const QJsonObject signer = r.object(api, pointer, QStringLiteral("signer"));
        r.onlyKeys(signer, signerPointer, {QStringLiteral("name"), QStringLiteral("timePath")});
        SignerSpec s;
        s.name = r.choice(signer, signerPointer, QStringLiteral("name"), {QStringLiteral("ovh")}, true);
        s.timePath = r.string(signer, signerPointer, QStringLiteral("timePath"), false, s.timePath);
        if (!r.failed() && spec->auth.scheme != AuthScheme::None)
            r.problem(child(pointer, QStringLiteral("auth")), QStringLiteral("a signer authenticates by itself; use scheme none"));
        if (!r.failed() && !kind.secretRequired)
            r.problem(QStringLiteral("/secret/required"), QStringLiteral("a signer needs the secret"));
        spec->signer = s;
    }
    const QJsonObject headers = r.object(api, pointer, QStringLiteral("headers"));
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        if (it.key().startsWith(QLatin1Char('_')))
            continue;
        if (!it.value().isString()) {
            r.problem(child(child(pointer, QStringLiteral("headers")), it.key()), QStringLiteral("expected a string"));
            break;
        }
        spec->headers.append({it.key().toLatin1(), it.value().toString().toUtf8()});
    }
    if (api.contains(QStringLiteral("rateLimit"))) {
        const QString ratePointer = child(pointer, QStringLiteral("rateLimit"));
        const QJsonObject rate = r.object(api, pointer, QStringLiteral("rateLimit"));
        r.onlyKeys(rate, ratePointer, {QStringLiteral("requestsPerSecond"), QStringLiteral("requestsPerMinute")});
        if (rate.size() != 1)
            r.problem(ratePointer, QStringLiteral("expected requestsPerSecond or requestsPerMinute"));
        spec->requestsPerSecond = r.number(rate, ratePointer, QStringLiteral("requestsPerSecond"), 0, 0.001, 1000);
        if (rate.contains(QStringLiteral("requestsPerMinute")))
            spec->requestsPerSecond = r.number(rate, ratePointer, QStringLiteral("requestsPerMinute"), 0, 0.01, 60'000) / 60.0;
    }
    spec->gpuTypes = readTable(r, api, QStringLiteral("gpuTypes"));
    spec->regions = readTable(r, api, QStringLiteral("regions"));
    const QJsonObject lists = r.object(api, pointer, QStringLiteral("lists"), true);
    if (!r.failed() && lists.isEmpty())
        r.problem(child(pointer, QStringLiteral("lists")), QStringLiteral("expected at least one list"));
    // QJsonObject sorts its keys, so lists run in the order of their names.
    for (const QString &name : lists.keys()) {
        if (r.failed())
            break;
        if (!name.startsWith(QLatin1Char('_')))
            spec->lists << readList(r, name, lists.value(name), kind);
    }
    spec->testList = r.string(api, pointer, QStringLiteral("test"));
    if (!r.failed() && !spec->testList.isEmpty() && !spec->list(spec->testList))
        r.problem(child(pointer, QStringLiteral("test")), QStringLiteral("no list named '%1'").arg(spec->testList));
    if (spec->testList.isEmpty() && !spec->lists.isEmpty())
        spec->testList = spec->list(QStringLiteral("instances")) ? QStringLiteral("instances") : spec->lists.first().name;
    if (!r.failed())
        readActions(r, api, kind, *spec);
    return spec;
}

} // namespace

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([^}]*)\\}"));
    return placeholder;
}

const ListSpec *ApiSpec::list(const QString &name) const
{
    for (const ListSpec &each : lists) {
        if (each.name == name)
            return &each;
    }
    return nullptr;
}

QStringList mappableFields(ListTarget target)
{
    switch (target) {
    case ListTarget::Instances:
        return {QStringLiteral("instanceId"), QStringLiteral("name"), QStringLiteral("gpuType"), QStringLiteral("gpuCount"),
                QStringLiteral("vcpuCount"), QStringLiteral("memoryGb"), QStringLiteral("region"), QStringLiteral("status"),
                QStringLiteral("uptimeSeconds"), QStringLiteral("costPerHour"), QStringLiteral("gpuUtilPercent")};
    case ListTarget::Offers:
        return {QStringLiteral("providerGpuId"), QStringLiteral("gpuType"), QStringLiteral("region"), QStringLiteral("tier"),
                QStringLiteral("gpuCount"), QStringLiteral("memoryGb"), QStringLiteral("pricePerHour"), QStringLiteral("spotPricePerHour"),
                QStringLiteral("available")};
    case ListTarget::Billing:
        return {QStringLiteral("currentSpendPerHr"), QStringLiteral("lifetimeSpend"), QStringLiteral("monthToDateSpend"),
                QStringLiteral("balance"), QStringLiteral("spendLimit")};
    }
    return {};
}

Result<Descriptor> parseDescriptor(const QByteArray &json, const QString &fileName)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(ErrorClass::Config, QStringLiteral("%1: not valid JSON at offset %2: %3").arg(fileName).arg(parseError.offset).arg(parseError.errorString()));
    if (!document.isObject())
        return fail(ErrorClass::Config, QStringLiteral("%1: /: expected an object").arg(fileName));
    const QJsonObject object = document.object();
    DescriptorReader r;
    r.onlyKeys(object, QString(), {QStringLiteral("kind"), QStringLiteral("displayName"), QStringLiteral("category"), QStringLiteral("description"),
                                   QStringLiteral("secret"), QStringLiteral("fields"), QStringLiteral("api")});
    Descriptor descriptor;
    descriptor.kind = readKind(r, object);
    if (!r.failed() && object.contains(QStringLiteral("api")))
        descriptor.api = readApi(r, object, descriptor.kind);
    if (r.failed())
        return fail(ErrorClass::Config, QStringLiteral("%1: %2").arg(fileName, r.error()));
    return descriptor;
}

} // namespace fleetscope::generic
