// Descriptor actions: method, path, query and body templates, success statuses.
#include "descriptoractions.h"

#include <QRegularExpression>

namespace fleetscope::generic {
namespace {

// The placeholders an action may use besides settings, and what they are called in errors.
struct Known {
    QStringList names;
    QString what;     // "an instance field"
    QString plural;   // "instance fields"
    bool contains(const QString &name) const { return names.contains(name); }
};

// Every {name} in TEXT must be a KNOWN placeholder or a setting of KIND.
void checkActionText(DescriptorReader &r, const ProviderKind &kind, const Known &known, const QString &text, const QString &pointer)
{
    for (const QRegularExpressionMatch &match : placeholderPattern().globalMatch(text)) {
        const QString name = match.captured(1);
        const bool setting = std::any_of(kind.fields.cbegin(), kind.fields.cend(), [&name](const ProviderField &f) { return f.key == name; });
        if (!setting && !known.contains(name))
            return r.problem(pointer, QStringLiteral("{%1} is neither %2 nor a setting (%3: %4)")
                                          .arg(name, known.what, known.plural, known.names.join(QStringLiteral(", "))));
    }
}

// The strings of a body template, wherever they sit.
void checkBody(DescriptorReader &r, const ProviderKind &kind, const Known &known, const QJsonValue &value, const QString &pointer)
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

// EXTRAKEYS: the keys besides the request's that the action may have (launch's).
ActionSpec readAction(DescriptorReader &r, const QJsonValue &value, const QString &pointer, const ProviderKind &kind, const Known &known,
                      const QStringList &extraKeys = {})
{
    ActionSpec action;
    if (!value.isObject()) {
        r.problem(pointer, QStringLiteral("expected an object"));
        return action;
    }
    const QJsonObject json = value.toObject();
    r.onlyKeys(json, pointer, QStringList{QStringLiteral("method"), QStringLiteral("path"), QStringLiteral("query"), QStringLiteral("body"),
                                          QStringLiteral("success")} + extraKeys);
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

// A list of placeholder names under KEY, each one of KNOWN.
QStringList readNames(DescriptorReader &r, const QJsonObject &json, const QString &pointer, const QString &key, const QStringList &known)
{
    QStringList names;
    const QJsonArray array = r.array(json, pointer, key);
    for (qsizetype i = 0; i < array.size() && !r.failed(); ++i) {
        if (!known.contains(array.at(i).toString()))
            r.problem(child(child(pointer, key), i), QStringLiteral("expected one of the launch values (%1)").arg(known.join(QStringLiteral(", "))));
        names << array.at(i).toString();
    }
    return names;
}

LaunchSpec readLaunch(DescriptorReader &r, const QJsonValue &value, const QString &pointer, const ProviderKind &kind)
{
    LaunchSpec launch;
    const QStringList known = launchPlaceholders();
    launch.request = readAction(r, value, pointer, kind, Known{known, QStringLiteral("a launch value"), QStringLiteral("launch values")},
                                {QStringLiteral("instanceId"), QStringLiteral("optional"), QStringLiteral("numbers"), QStringLiteral("defaultImage")});
    if (r.failed())
        return launch;
    const QJsonObject json = value.toObject();
    if (launch.request.method != "POST" && launch.request.method != "PUT") {
        r.problem(child(pointer, QStringLiteral("method")), QStringLiteral("a launch is a POST or PUT"));
        return launch;
    }
    launch.instanceId = r.path(json, pointer, QStringLiteral("instanceId"), true);
    if (!r.failed() && launch.instanceId->isRoot())
        r.problem(child(pointer, QStringLiteral("instanceId")), QStringLiteral("expected the path of the new instance's id in the reply"));
    launch.optional = readNames(r, json, pointer, QStringLiteral("optional"), known);
    launch.numbers = readNames(r, json, pointer, QStringLiteral("numbers"), known);
    launch.defaultImage = r.string(json, pointer, QStringLiteral("defaultImage"));
    return launch;
}

} // namespace

QStringList launchPlaceholders()
{
    return {QStringLiteral("name"), QStringLiteral("region"), QStringLiteral("plan"), QStringLiteral("image"), QStringLiteral("gpu_count"),
            QStringLiteral("ssh_key")};
}

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
                           descriptorActionKey(PodAction::Terminate), QStringLiteral("launch")};
    r.onlyKeys(actions, pointer, keys);
    const bool listsInstances = std::any_of(spec.lists.cbegin(), spec.lists.cend(), [](const ListSpec &l) { return l.target == ListTarget::Instances; });
    if (!r.failed() && !listsInstances)
        return r.problem(pointer, QStringLiteral("actions need a list of instances"));
    const Known known{instancePlaceholders(spec), QStringLiteral("an instance field"), QStringLiteral("instance fields")};
    for (auto it = actions.begin(); it != actions.end() && !r.failed(); ++it) {
        if (it.key().startsWith(QLatin1Char('_')))
            continue;
        if (it.key() == QLatin1String("launch")) {
            spec.launch = readLaunch(r, it.value(), child(pointer, it.key()), kind);
            continue;
        }
        const PodAction action = *podActionFromName(it.key());
        spec.actions.insert(action, readAction(r, it.value(), child(pointer, it.key()), kind, known));
    }
}

} // namespace fleetscope::generic
