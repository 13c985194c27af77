// Descriptor actions: method, path, query and body templates, success statuses.
#include "descriptoractions.h"

#include <QRegularExpression>

namespace fleetscope::generic {
namespace {

// Every {name} in TEXT must be an instance placeholder or a setting of KIND.
void checkActionText(DescriptorReader &r, const ProviderKind &kind, const QStringList &known, const QString &text, const QString &pointer)
{
    for (const QRegularExpressionMatch &match : placeholderPattern().globalMatch(text)) {
        const QString name = match.captured(1);
        const bool setting = std::any_of(kind.fields.cbegin(), kind.fields.cend(), [&name](const ProviderField &f) { return f.key == name; });
        if (!setting && !known.contains(name))
            return r.problem(pointer, QStringLiteral("{%1} is neither an instance field nor a setting (instance fields: %2)")
                                          .arg(name, known.join(QStringLiteral(", "))));
    }
}

// The strings of a body template, wherever they sit.
void checkBody(DescriptorReader &r, const ProviderKind &kind, const QStringList &known, const QJsonValue &value, const QString &pointer)
{
    if (value.isString())
        return checkActionText(r, kind, known, value.toString(), pointer);
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size() && !r.failed(); ++i)
            checkBody(r, kind, known, array.at(i), child(pointer, i));
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end() && !r.failed(); ++it)
            checkBody(r, kind, known, it.value(), child(pointer, it.key()));
    }
}

ActionSpec readAction(DescriptorReader &r, const QJsonValue &value, const QString &pointer, const ProviderKind &kind, const QStringList &known)
{
    ActionSpec action;
    if (!value.isObject()) {
        r.problem(pointer, QStringLiteral("expected an object"));
        return action;
    }
    const QJsonObject json = value.toObject();
    r.onlyKeys(json, pointer, {QStringLiteral("method"), QStringLiteral("path"), QStringLiteral("query"), QStringLiteral("body"),
                               QStringLiteral("success")});
    action.method = r.choice(json, pointer, QStringLiteral("method"),
                             {QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"), QStringLiteral("DELETE")}, true)
                        .toLatin1();
    action.path = r.string(json, pointer, QStringLiteral("path"), true);
    if (!r.failed() && !action.path.startsWith(QLatin1Char('/')))
        r.problem(child(pointer, QStringLiteral("path")), QStringLiteral("expected a path starting with '/'"));
    if (!r.failed())
        checkActionText(r, kind, known, action.path, child(pointer, QStringLiteral("path")));
    const QJsonObject query = r.object(json, pointer, QStringLiteral("query"));
    for (auto it = query.begin(); it != query.end() && !r.failed(); ++it) {
        const QString itemPointer = child(child(pointer, QStringLiteral("query")), it.key());
        if (!it.value().isString()) {
            r.problem(itemPointer, QStringLiteral("expected a string"));
            break;
        }
        checkActionText(r, kind, known, it.value().toString(), itemPointer);
        action.query.append({it.key(), it.value().toString()});
    }
    if (json.contains(QStringLiteral("body"))) {
        const QJsonValue body = json.value(QStringLiteral("body"));
        if (!body.isObject() && !body.isArray())
            r.problem(child(pointer, QStringLiteral("body")), QStringLiteral("expected a JSON object or array"));
        else if (action.method == "DELETE")
            r.problem(child(pointer, QStringLiteral("body")), QStringLiteral("a DELETE sends no body"));
        checkBody(r, kind, known, body, child(pointer, QStringLiteral("body")));
        action.body = body;
    }
    const QJsonArray success = r.array(json, pointer, QStringLiteral("success"));
    for (qsizetype i = 0; i < success.size() && !r.failed(); ++i) {
        const int status = success.at(i).toInt(-1);
        if (!success.at(i).isDouble() || status < 200 || status > 399 || double(status) != success.at(i).toDouble())
            r.problem(child(child(pointer, QStringLiteral("success")), i), QStringLiteral("expected an HTTP status from 200 to 399"));
        action.success << status;
    }
    if (!r.failed() && success.isEmpty())
        r.problem(child(pointer, QStringLiteral("success")), QStringLiteral("required: the statuses that mean the action was accepted"));
    return action;
}

} // namespace

QStringList instancePlaceholders(const ApiSpec &api)
{
    QStringList known{QStringLiteral("id")};
    for (const ListSpec &list : api.lists) {
        if (list.target != ListTarget::Instances)
            continue;
        for (auto it = list.fields.cbegin(); it != list.fields.cend(); ++it) {
            if (it.key() != QLatin1String("instanceId") && !known.contains(it.key()))
                known << it.key();
        }
        for (auto it = list.extra.cbegin(); it != list.extra.cend(); ++it) {
            const QString key = QStringLiteral("metadata.") + it.key();
            if (!known.contains(key))
                known << key;
        }
    }
    return known;
}

void readActions(DescriptorReader &r, const QJsonObject &api, const ProviderKind &kind, ApiSpec &spec)
{
    const QString pointer = QStringLiteral("/api/actions");
    const QJsonObject actions = r.object(api, QStringLiteral("/api"), QStringLiteral("actions"));
    if (actions.isEmpty())
        return;
    const QStringList keys{descriptorActionKey(PodAction::Resume), descriptorActionKey(PodAction::Stop), descriptorActionKey(PodAction::Reboot),
                           descriptorActionKey(PodAction::Terminate)};
    r.onlyKeys(actions, pointer, keys);
    const bool listsInstances = std::any_of(spec.lists.cbegin(), spec.lists.cend(), [](const ListSpec &l) { return l.target == ListTarget::Instances; });
    if (!r.failed() && !listsInstances)
        return r.problem(pointer, QStringLiteral("actions need a list of instances"));
    const QStringList known = instancePlaceholders(spec);
    for (auto it = actions.begin(); it != actions.end() && !r.failed(); ++it) {
        if (it.key().startsWith(QLatin1Char('_')))
            continue;
        const PodAction action = *podActionFromName(it.key());
        spec.actions.insert(action, readAction(r, it.value(), child(pointer, it.key()), kind, known));
    }
}

} // namespace fleetscope::generic
