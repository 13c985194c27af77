// Provider descriptors without a network: the built-ins parse, every validation error names its
// JSON pointer, JSON paths and transforms give what the README says, user descriptors add and
// override kinds while a broken one is reported and skipped, and the OVH signature is OVH's.
#include "fixtures.h"
#include "providers/catalog.h"
#include "providers/generic/registry.h"
#include "providers/generic/session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;
using namespace fleetscope::generic;

namespace {

// A small valid descriptor (tests/fixtures/providers/acme-minimal.json) that the validation rows break one key at a time.
QJsonObject validDescriptor()
{
    return QJsonDocument::fromJson(test::fixtureBytes(QStringLiteral("providers/acme-minimal.json"))).object();
}

// Replaces (or, with an undefined VALUE, removes) the member at POINTER; parents must exist.
QJsonValue replaced(const QJsonValue &node, QStringList steps, const QJsonValue &value)
{
    const QString step = steps.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const qsizetype index = step.toLongLong();
        if (steps.isEmpty())
            array.replace(index, value);
        else
            array.replace(index, replaced(array.at(index), steps, value));
        return array;
    }
    QJsonObject object = node.toObject();
    if (steps.isEmpty()) {
        if (value.isUndefined())
            object.remove(step);
        else
            object.insert(step, value);
    } else {
        object.insert(step, replaced(object.value(step), steps, value));
    }
    return object;
}

QByteArray withChange(const QString &pointer, const QJsonValue &value)
{
    QStringList steps = pointer.split(QLatin1Char('/'));
    steps.removeFirst();
    return QJsonDocument(replaced(validDescriptor(), steps, value).toObject()).toJson();
}

QJsonValue json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().first();
}

QString compact(const QJsonValue &value)
{
    if (value.isUndefined())
        return QStringLiteral("undefined");
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

} // namespace

class TestDescriptors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInsAreValid()
    {
        const DescriptorSet set = loadDescriptors(QString());
        QVERIFY2(set.problems.isEmpty(), qPrintable(set.problems.join(QLatin1Char('\n'))));
        QStringList generic, own;
        for (const DescriptorEntry &entry : set.entries) {
            QCOMPARE(entry.source, QStringLiteral("built-in"));
            (entry.descriptor.api ? generic : own) << entry.descriptor.kind.kind;
        }
        QCOMPARE(generic, (QStringList{QStringLiteral("coreweave"), QStringLiteral("digitalocean"), QStringLiteral("docker"), QStringLiteral("hetzner"),
                                       QStringLiteral("kubernetes"), QStringLiteral("lambda"), QStringLiteral("linode"), QStringLiteral("ovh"),
                                       QStringLiteral("paperspace"), QStringLiteral("vultr")}));
        QCOMPARE(own, (QStringList{QStringLiteral("local-gpu"), QStringLiteral("metrics-endpoint"), QStringLiteral("prometheus"),
                                   QStringLiteral("runpod")}));
        QCOMPARE(set.kinds.size(), set.entries.size());
    }

    // Only what each provider's API offers: Lambda cannot stop, Kubernetes pods can only be deleted.
    void builtInActions()
    {
        const DescriptorSet set = loadDescriptors(QString());
        QMap<QString, QStringList> actions;
        for (const DescriptorEntry &entry : set.entries) {
            if (!entry.descriptor.api)
                continue;
            for (auto it = entry.descriptor.api->actions.cbegin(); it != entry.descriptor.api->actions.cend(); ++it)
                actions[entry.descriptor.kind.kind] << descriptorActionKey(it.key()) + QLatin1Char(' ') + QString::fromLatin1(it->method);
        }
        const QStringList all{QStringLiteral("stop POST"), QStringLiteral("start POST"), QStringLiteral("reboot POST"), QStringLiteral("terminate DELETE")};
        for (const char *kind : {"vultr", "digitalocean", "linode", "hetzner", "docker", "ovh"})
            QCOMPARE(actions.value(QLatin1String(kind)), all);
        QCOMPARE(actions.value(QStringLiteral("paperspace")),
                 (QStringList{QStringLiteral("stop PATCH"), QStringLiteral("start PATCH"), QStringLiteral("reboot PATCH"), QStringLiteral("terminate DELETE")}));
        QCOMPARE(actions.value(QStringLiteral("lambda")), (QStringList{QStringLiteral("reboot POST"), QStringLiteral("terminate POST")}));
        QCOMPARE(actions.value(QStringLiteral("kubernetes")), QStringList{QStringLiteral("terminate DELETE")});
        QCOMPARE(actions.value(QStringLiteral("coreweave")), QStringList{QStringLiteral("terminate DELETE")});
        const ActionSpec &lambdaTerminate = *findDescriptor(QStringLiteral("lambda"))->descriptor.api->actions.constFind(PodAction::Terminate);
        QCOMPARE(lambdaTerminate.path, QStringLiteral("/instance-operations/terminate"));
        QCOMPARE(QJsonDocument(lambdaTerminate.body->toObject()).toJson(QJsonDocument::Compact), QByteArray(R"({"instance_ids":["{id}"]})"));
    }

    void theValidOneParses()
    {
        Result<Descriptor> descriptor = parseDescriptor(QJsonDocument(validDescriptor()).toJson(), QStringLiteral("acme.json"));
        QVERIFY2(descriptor, qPrintable(descriptor ? QString() : descriptor.error().message));
        QCOMPARE(descriptor->kind.kind, QStringLiteral("acme"));
        QVERIFY(descriptor->api);
        QCOMPARE(descriptor->api->lists.size(), 1);
        QCOMPARE(descriptor->api->testList, QStringLiteral("instances"));
        QCOMPARE(descriptor->api->auth.scheme, AuthScheme::Bearer);
    }

    void validationErrors_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("error");
        const QJsonValue removed(QJsonValue::Undefined);
        QTest::addRow("items not a string") << "/api/lists/instances/items" << QJsonValue(5) << "/api/lists/instances/items: expected a string";
        QTest::addRow("items missing") << "/api/lists/instances/items" << removed << "/api/lists/instances/items: required";
        QTest::addRow("bad path") << "/api/lists/instances/items" << QJsonValue(QLatin1String("a..b")) << "/api/lists/instances/items: bad path 'a..b': empty step";
        QTest::addRow("bad index") << "/api/lists/instances/items" << QJsonValue(QLatin1String("a[x]")) << "/api/lists/instances/items: bad path 'a[x]': expected [N], [*] or [\"name\"]";
        QTest::addRow("unknown list key") << "/api/lists/instances/itmes" << QJsonValue(QLatin1String("x"))
                                          << "/api/lists/instances/itmes: unknown key (known: target, path, query, items, keyed, expand, pagination, fields, "
                                             "metadata, spendBreakdown, requireFields, cacheSeconds)";
        QTest::addRow("auth scheme") << "/api/auth/scheme" << QJsonValue(QLatin1String("digest")) << "/api/auth/scheme: expected one of none, bearer, basic, header, query";
        QTest::addRow("header without name") << "/api/auth" << json(R"({"scheme": "header"})") << "/api/auth/name: required";
        QTest::addRow("username setting") << "/api/auth" << json(R"({"scheme": "basic", "usernameField": "user"})")
                                          << "/api/auth/usernameField: 'user' is not a setting of this kind";
        QTest::addRow("secret for bearer") << "/secret" << json(R"({"required": false})")
                                           << "/api/auth/scheme: bearer needs a secret: set /secret/required or /secret/usedWhen";
        QTest::addRow("pagination style") << "/api/lists/instances/pagination" << json(R"({"style": "offset"})")
                                          << "/api/lists/instances/pagination/style: expected one of cursor, page, next-url, link-header";
        QTest::addRow("cursor without next") << "/api/lists/instances/pagination" << json(R"({"style": "cursor", "param": "c"})")
                                             << "/api/lists/instances/pagination/next: required";
        QTest::addRow("page without param") << "/api/lists/instances/pagination" << json(R"({"style": "page"})")
                                            << "/api/lists/instances/pagination/param: required";
        QTest::addRow("page cap") << "/api/lists/instances/pagination" << json(R"({"style": "link-header", "maxPages": 0})")
                                  << "/api/lists/instances/pagination/maxPages: expected a number between 1 and 10000";
        QTest::addRow("size without value") << "/api/lists/instances/pagination" << json(R"({"style": "link-header", "sizeParam": "per_page"})")
                                            << "/api/lists/instances/pagination/size: required with sizeParam";
        QTest::addRow("unknown transform") << "/api/lists/instances/fields/memoryGb" << json(R"({"path": "ram", "transforms": ["kilo"]})")
                                           << "/api/lists/instances/fields/memoryGb/transforms/0: unknown transform 'kilo' (known: number, cents, first, keys, "
                                              "count, not-empty, sum, quantity, seconds-since, lowercase, {\"multiply\": N}, {\"match\": \"regex\"}, {\"map\": {...}})";
        QTest::addRow("multiply by text") << "/api/lists/instances/fields/memoryGb" << json(R"({"path": "ram", "transforms": [{"multiply": "2"}]})")
                                          << "/api/lists/instances/fields/memoryGb/transforms/0/multiply: expected a number";
        QTest::addRow("map of numbers") << "/api/lists/instances/fields/status" << json(R"({"path": "s", "transforms": [{"map": {"active": 1}}]})")
                                        << "/api/lists/instances/fields/status/transforms/0/map: expected an object of strings";
        QTest::addRow("bad regex") << "/api/lists/instances/fields/memoryGb" << json("{\"path\": \"ram\", \"transforms\": [{\"match\": \"(a\"}]}")
                                   << "/api/lists/instances/fields/memoryGb/transforms/0/match: expected a regular expression";
        QTest::addRow("path and value") << "/api/lists/instances/fields/memoryGb" << json(R"({"path": "ram", "value": 1})")
                                        << "/api/lists/instances/fields/memoryGb: expected exactly one of \"path\" and \"value\"";
        QTest::addRow("value spec type") << "/api/lists/instances/fields/memoryGb" << QJsonValue(3)
                                         << "/api/lists/instances/fields/memoryGb: expected a path string or an object";
        QTest::addRow("unknown field") << "/api/lists/instances/fields/colour" << QJsonValue(QLatin1String("c"))
                                       << "/api/lists/instances/fields/colour: not a field of this list (known: instanceId, name, gpuType, gpuCount, "
                                          "vcpuCount, memoryGb, region, status, uptimeSeconds, costPerHour, gpuUtilPercent)";
        QTest::addRow("no instanceId") << "/api/lists/instances/fields/instanceId" << removed << "/api/lists/instances/fields: instanceId is required";
        QTest::addRow("require unknown") << "/api/lists/instances/requireFields" << json(R"(["price"])")
                                         << "/api/lists/instances/requireFields/0: expected one of instanceId, name, gpuType, gpuCount, vcpuCount, "
                                            "memoryGb, region, status, uptimeSeconds, costPerHour, gpuUtilPercent";
        QTest::addRow("list without target") << "/api/lists/things" << json(R"({"path": "/t", "items": "t", "fields": {}})")
                                             << "/api/lists/things/target: required when the list's name is not one of instances, offers, billing";
        QTest::addRow("metadata on billing") << "/api/lists/billing" << json(R"({"path": "/b", "items": "$", "fields": {}, "metadata": {}})")
                                             << "/api/lists/billing/metadata: not for a list of billing; use spendBreakdown";
        QTest::addRow("relative path") << "/api/lists/instances/path" << QJsonValue(QLatin1String("instances")) << "/api/lists/instances/path: expected a path starting with '/'";
        QTest::addRow("unknown placeholder") << "/api/lists/instances/path" << QJsonValue(QLatin1String("/projects/{project}/instances"))
                                             << "/api/lists/instances/path: {project} is not a setting of this kind";
        QTest::addRow("query value") << "/api/lists/instances/query" << json(R"({"type": ["vcg"]})") << "/api/lists/instances/query/type: expected a string or a number";
        QTest::addRow("base URL") << "/api/baseUrl" << QJsonValue(QLatin1String("ftp://files.acme.test")) << "/api/baseUrl: expected an http(s) URL";
        QTest::addRow("no base URL") << "/api/baseUrl" << removed << "/api/baseUrl: required unless a required base_url setting gives it";
        QTest::addRow("rate limit") << "/api/rateLimit" << json(R"({"requestsPerSecond": 0})")
                                    << "/api/rateLimit/requestsPerSecond: expected a number between 0.001 and 1000";
        QTest::addRow("signer name") << "/api/signer" << json(R"({"name": "aws"})") << "/api/signer/name: expected one of ovh";
        QTest::addRow("signer with scheme") << "/api/signer" << json(R"({"name": "ovh"})") << "/api/auth: a signer authenticates by itself; use scheme none";
        QTest::addRow("gpu table") << "/api/gpuTypes" << json(R"({"a100": 5})") << "/api/gpuTypes/a100: expected a string";
        QTest::addRow("escaped pointer") << "/api/headers" << json(R"({"X-A/B": 5})") << "/api/headers/X-A~1B: expected a string";
        QTest::addRow("socket field") << "/api/localSocketField" << QJsonValue(QLatin1String("sock"))
                                      << "/api/localSocketField: 'sock' is not a setting of this kind";
        QTest::addRow("test list") << "/api/test" << QJsonValue(QLatin1String("nope")) << "/api/test: no list named 'nope'";
        QTest::addRow("no lists") << "/api/lists" << json("{}") << "/api/lists: expected at least one list";
        QTest::addRow("unknown api key") << "/api/timeout" << QJsonValue(5)
                                         << "/api/timeout: unknown key (known: baseUrl, caCertificateField, localSocketField, auth, signer, headers, rateLimit, gpuTypes, "
                                            "regions, lists, test, actions)";
        QTest::addRow("kind name") << "/kind" << QJsonValue(QLatin1String("My Cloud")) << "/kind: expected lowercase letters, digits and '-'";
        QTest::addRow("no display name") << "/displayName" << removed << "/displayName: required";
        QTest::addRow("field type") << "/fields/0/type" << QJsonValue(QLatin1String("colour")) << "/fields/0/type: expected one of string, url, integer, choice, boolean";
        QTest::addRow("field twice") << "/fields/1" << json(R"({"key": "base_url", "label": "Again", "type": "url"})") << "/fields/1/key: 'base_url' appears twice";
        QTest::addRow("usedWhen shape") << "/secret/usedWhen" << json(R"({"auth": "bearer"})") << "/secret/usedWhen/auth: expected an array";
        QTest::addRow("action method") << "/api/actions" << json(R"({"stop": {"method": "GET", "path": "/instances/{id}/halt", "success": [204]}})")
                                       << "/api/actions/stop/method: expected one of POST, PUT, PATCH, DELETE";
        QTest::addRow("action placeholder") << "/api/actions" << json(R"({"stop": {"method": "POST", "path": "/instances/{uuid}/halt", "success": [204]}})")
                                            << "/api/actions/stop/path: {uuid} is neither an instance field nor a setting (instance fields: id, memoryGb)";
        QTest::addRow("action body placeholder")
            << "/api/actions" << json(R"({"terminate": {"method": "POST", "path": "/terminate", "body": {"ids": ["{id}", "{metadata.zone}"]}, "success": [200]}})")
            << "/api/actions/terminate/body/ids/1: {metadata.zone} is neither an instance field nor a setting (instance fields: id, memoryGb)";
        QTest::addRow("unknown action") << "/api/actions" << json(R"({"resize": {"method": "POST", "path": "/instances/{id}/resize", "success": [202]}})")
                                        << "/api/actions/resize: unknown key (known: start, stop, reboot, terminate, launch)";
        QTest::addRow("valid launch")
            << "/api/actions" << json(R"({"launch": {"method": "POST", "path": "/instances", "success": [202], "instanceId": "instance.id",
                                                     "body": {"region": "{region}", "plan": "{plan}", "os_id": "{image}", "label": "{name}", "keys": ["{ssh_key}"]},
                                                     "optional": ["ssh_key"], "numbers": ["image"], "defaultImage": "2284"}})")
            << "";
        QTest::addRow("launch without path") << "/api/actions" << json(R"({"launch": {"method": "POST", "success": [202], "instanceId": "instance.id"}})")
                                             << "/api/actions/launch/path: required";
        QTest::addRow("launch placeholder")
            << "/api/actions" << json(R"({"launch": {"method": "POST", "path": "/servers", "body": {"zone": "{zone}"}, "success": [201], "instanceId": "server.id"}})")
            << "/api/actions/launch/body/zone: {zone} is neither a launch value nor a setting (launch values: name, region, plan, image, gpu_count, ssh_key)";
        QTest::addRow("launch with an instance's id")
            << "/api/actions" << json(R"({"launch": {"method": "POST", "path": "/servers/{id}", "success": [201], "instanceId": "server.id"}})")
            << "/api/actions/launch/path: {id} is neither a launch value nor a setting (launch values: name, region, plan, image, gpu_count, ssh_key)";
        // An ordinary string: moc misreads a raw string with an unbalanced '['.
        QTest::addRow("launch id pointer")
            << "/api/actions" << json("{\"launch\": {\"method\": \"POST\", \"path\": \"/launch\", \"success\": [200], \"instanceId\": \"data.instance_ids[0\"}}")
            << "/api/actions/launch/instanceId: bad path 'data.instance_ids[0': '[' without ']'";
        QTest::addRow("launch without id pointer") << "/api/actions" << json(R"({"launch": {"method": "POST", "path": "/launch", "success": [200]}})")
                                                   << "/api/actions/launch/instanceId: required";
        QTest::addRow("launch id is the reply") << "/api/actions" << json(R"({"launch": {"method": "POST", "path": "/launch", "success": [200], "instanceId": "$"}})")
                                                << "/api/actions/launch/instanceId: expected the path of the new instance's id in the reply";
        QTest::addRow("launch optional") << "/api/actions"
                                         << json(R"({"launch": {"method": "POST", "path": "/launch", "success": [200], "instanceId": "id", "optional": ["zone"]}})")
                                         << "/api/actions/launch/optional/0: expected one of the launch values (name, region, plan, image, gpu_count, ssh_key)";
        QTest::addRow("launch method") << "/api/actions" << json(R"({"launch": {"method": "DELETE", "path": "/launch", "success": [200], "instanceId": "id"}})")
                                       << "/api/actions/launch/method: a launch is a POST or PUT";
        QTest::addRow("action status") << "/api/actions" << json(R"({"stop": {"method": "POST", "path": "/i/{id}", "success": [204, 500]}})")
                                       << "/api/actions/stop/success/1: expected an HTTP status from 200 to 399";
        QTest::addRow("action without success") << "/api/actions" << json(R"({"stop": {"method": "POST", "path": "/i/{id}"}})")
                                                << "/api/actions/stop/success: required: the statuses that mean the action was accepted";
        QTest::addRow("delete with a body") << "/api/actions" << json(R"({"terminate": {"method": "DELETE", "path": "/i/{id}", "body": {"a": 1}, "success": [204]}})")
                                            << "/api/actions/terminate/body: a DELETE sends no body";
        QTest::addRow("valid actions") << "/api/actions"
                                       << json(R"({"start": {"method": "PATCH", "path": "/i/{id}/start", "query": {"at": "{base_url}"}, "success": [200, 304]},
                                                   "terminate": {"method": "POST", "path": "/terminate", "body": {"ids": ["{id}"]}, "success": [200]}})")
                                       << "";
        QTest::addRow("comment keys are fine") << "/api/_comment" << QJsonValue(QLatin1String("anything")) << "";
    }

    void validationErrors()
    {
        QFETCH(QString, pointer);
        QFETCH(QJsonValue, value);
        QFETCH(QString, error);
        if (pointer == QLatin1String("/fields/1")) {   // appending needs the array first
            QJsonObject object = validDescriptor();
            QJsonArray fields = object.value(QStringLiteral("fields")).toArray();
            fields.append(value);
            object.insert(QStringLiteral("fields"), fields);
            const Result<Descriptor> parsed = parseDescriptor(QJsonDocument(object).toJson(), QStringLiteral("acme.json"));
            QVERIFY(!parsed);
            QCOMPARE(parsed.error().message, QStringLiteral("acme.json: ") + error);
            return;
        }
        const Result<Descriptor> parsed = parseDescriptor(withChange(pointer, value), QStringLiteral("acme.json"));
        if (error.isEmpty()) {
            QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
            return;
        }
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().kind, ErrorClass::Config);
        QCOMPARE(parsed.error().message, QStringLiteral("acme.json: ") + error);
    }

    void notJson()
    {
        const Result<Descriptor> parsed = parseDescriptor("{\"kind\": \"acme\",", QStringLiteral("acme.json"));
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().message.startsWith(QStringLiteral("acme.json: not valid JSON at offset ")), qPrintable(parsed.error().message));
        const Result<Descriptor> array = parseDescriptor("[]", QStringLiteral("acme.json"));
        QVERIFY(!array);
        QCOMPARE(array.error().message, QStringLiteral("acme.json: /: expected an object"));
    }

    void jsonPaths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("document");
        QTest::addColumn<QString>("expected");
        const QString doc = QStringLiteral(R"({"a": {"b": 1, "c": [10, 20]}, "status": {"capacity": {"nvidia.com/gpu": "8", "cpu": "96"}},
                                              "containers": [{"r": {"g": "4"}}, {"r": {}}, {"r": {"g": "1"}}], "s": "x"})");
        QTest::addRow("member") << "a.b" << doc << "1";
        QTest::addRow("leading $.") << "$.a.b" << doc << "1";
        QTest::addRow("index") << "a.c[1]" << doc << "20";
        QTest::addRow("index past the end") << "a.c[2]" << doc << "undefined";
        QTest::addRow("quoted member") << "status.capacity[\"nvidia.com/gpu\"]" << doc << "\"8\"";
        QTest::addRow("wildcard skips missing") << "containers[*].r.g" << doc << R"(["4","1"])";
        QTest::addRow("wildcard over members") << "status.capacity[*]" << doc << R"(["96","8"])";
        QTest::addRow("missing") << "a.x.y" << doc << "undefined";
        QTest::addRow("member of a string") << "s.t" << doc << "undefined";
        QTest::addRow("root") << "$" << R"([1, 2])" << "[1,2]";
        QTest::addRow("empty is root") << "" << R"({"k": true})" << R"({"k":true})";
    }

    void jsonPaths()
    {
        QFETCH(QString, path);
        QFETCH(QString, document);
        QFETCH(QString, expected);
        Result<JsonPath> parsed = JsonPath::parse(path);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        const QJsonDocument doc = QJsonDocument::fromJson(document.toUtf8());
        QCOMPARE(compact(parsed->evaluate(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()))), expected);
    }

    void keyAndParent()
    {
        const QJsonValue item = json(R"({"location": "fsn1"})");
        const QJsonValue parent = json(R"({"name": "cpx22"})");
        QCOMPARE(JsonPath::parse(QStringLiteral("$key"))->evaluate(item, QStringLiteral("gpu_1x_a100"), parent).toString(), QStringLiteral("gpu_1x_a100"));
        QCOMPARE(JsonPath::parse(QStringLiteral("$parent.name"))->evaluate(item, QString(), parent).toString(), QStringLiteral("cpx22"));
        QVERIFY(JsonPath::parse(QStringLiteral("$key"))->evaluate(item).isUndefined());
    }

    void badPaths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("error");
        QTest::addRow("double dot") << "a..b" << "bad path 'a..b': empty step";
        QTest::addRow("trailing dot") << "a." << "bad path 'a.': ends with '.'";
        QTest::addRow("open bracket") << "a[0" << "bad path 'a[0': '[' without ']'";
        QTest::addRow("negative index") << "a[-1]" << "bad path 'a[-1]': expected [N], [*] or [\"name\"]";
        QTest::addRow("unknown name") << "$item.a" << "bad path '$item.a': unknown name '$item' (known: $key, $parent)";
        QTest::addRow("key not first") << "a.$key" << "bad path 'a.$key': $key must come first";
        QTest::addRow("space") << "a b" << "bad path 'a b': expected '.' or '[' at 1";
    }

    void badPaths()
    {
        QFETCH(QString, path);
        QFETCH(QString, error);
        const Result<JsonPath> parsed = JsonPath::parse(path);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().message, error);
    }

    void transforms_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("item");
        QTest::addColumn<QString>("expected");
        QTest::addRow("number from string") << R"({"path": "p.net", "transforms": ["number"]})" << R"({"p": {"net": "1.1900"}})" << "1.19";
        QTest::addRow("number from words") << R"({"path": "v", "transforms": ["number"]})" << R"({"v": "n/a"})" << "undefined";
        QTest::addRow("cents from string") << R"({"path": "c", "transforms": ["cents"]})" << R"({"c": "80"})" << "0.8";
        QTest::addRow("cents from number") << R"({"path": "c", "transforms": ["cents"]})" << R"({"c": 110})" << "1.1";
        QTest::addRow("multiply") << R"({"path": "ram", "transforms": [{"multiply": 0.0009765625}]})" << R"({"ram": 2048})" << "2";
        QTest::addRow("negate a string amount") << R"({"path": "b", "transforms": ["number", {"multiply": -1}]})" << R"({"b": "23.44"})" << "-23.44";
        QTest::addRow("first") << R"({"path": "l", "transforms": ["first"]})" << R"({"l": ["sea", "ams"]})" << "\"sea\"";
        QTest::addRow("first of empty") << R"({"path": "l", "transforms": ["first"]})" << R"({"l": []})" << "undefined";
        QTest::addRow("key of map") << R"({"path": "m", "transforms": ["keys", "first"]})" << R"({"m": {"gpu_8x_h100": {}}})" << "\"gpu_8x_h100\"";
        QTest::addRow("count") << R"({"path": "m", "transforms": ["count"]})" << R"({"m": {"a": 1, "b": 2}})" << "2";
        QTest::addRow("not-empty false") << R"({"path": "r", "transforms": ["not-empty"]})" << R"({"r": []})" << "false";
        QTest::addRow("not-empty true") << R"({"path": "r", "transforms": ["not-empty"]})" << R"({"r": [{"name": "us-tx-1"}]})" << "true";
        QTest::addRow("sum of strings") << R"({"path": "c[*].g", "transforms": ["sum"]})" << R"({"c": [{"g": "4"}, {"g": "1"}, {}]})" << "5";
        QTest::addRow("sum of nothing") << R"({"path": "c[*].g", "transforms": ["sum"]})" << R"({"c": [{}]})" << "undefined";
        QTest::addRow("match group") << R"({"path": "t", "transforms": [{"match": "^gpu_(\\d+)x_"}, "number"]})" << R"({"t": "gpu_8x_h100_sxm5"})" << "8";
        QTest::addRow("match whole") << R"({"path": "t", "transforms": [{"match": "h\\d+"}]})" << R"({"t": "gpu_8x_h100_sxm5"})" << "\"h100\"";
        QTest::addRow("no match") << R"({"path": "t", "transforms": [{"match": "^vcg-"}]})" << R"({"t": "vc2-1c-1gb"})" << "undefined";
        QTest::addRow("quantity Ki") << R"({"path": "m", "transforms": ["quantity"]})" << R"({"m": "16Ki"})" << "16384";
        QTest::addRow("quantity milli") << R"({"path": "c", "transforms": ["quantity"]})" << R"({"c": "95690m"})" << "95.69";
        QTest::addRow("quantity plain") << R"({"path": "g", "transforms": ["quantity"]})" << R"({"g": "8"})" << "8";
        QTest::addRow("seconds since ISO") << R"({"path": "t", "transforms": ["seconds-since"]})" << R"({"t": "2024-05-01T11:00:00Z"})" << "3600";
        QTest::addRow("seconds since epoch") << R"({"path": "t", "transforms": ["seconds-since"]})" << R"({"t": 1714564740})" << "60";
        QTest::addRow("lowercase") << R"({"path": "g", "transforms": ["lowercase"]})" << R"({"g": "NVIDIA_A100"})" << "\"nvidia_a100\"";
        QTest::addRow("map hit") << R"({"path": "s", "transforms": [{"map": {"active": "running"}}]})" << R"({"s": "active"})" << "\"running\"";
        QTest::addRow("map miss") << R"({"path": "s", "transforms": [{"map": {"active": "running"}}]})" << R"({"s": "new"})" << "\"new\"";
        QTest::addRow("default when missing") << R"({"path": "x", "default": false})" << R"({})" << "false";
        QTest::addRow("default when null") << R"({"path": "x", "transforms": ["number"], "default": 0})" << R"({"x": null})" << "0";
        QTest::addRow("constant") << R"({"value": "on-demand"})" << R"({})" << "\"on-demand\"";
        QTest::addRow("plain path") << R"("a.b")" << R"({"a": {"b": "c"}})" << "\"c\"";
    }

    void transforms()
    {
        QFETCH(QString, spec);
        QFETCH(QString, item);
        QFETCH(QString, expected);
        Result<ValueSpec> parsed = ValueSpec::parse(json(spec.toUtf8().constData()), QStringLiteral("/x"));
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        ItemScope scope;
        scope.nowMs = 1'714'564'800'000;   // 2024-05-01T12:00:00Z
        QCOMPARE(compact(parsed->evaluate(json(item.toUtf8().constData()), scope)), expected);
    }

    void typedReads()
    {
        QCOMPARE(integerOf(QJsonValue(QStringLiteral("8"))), std::optional<qint64>(8));
        QCOMPARE(integerOf(QJsonValue(QStringLiteral("eight"))), std::nullopt);
        QCOMPARE(numberOf(QJsonValue(QStringLiteral(" 6.74 "))), std::optional<double>(6.74));
        QCOMPARE(textOf(QJsonValue(448543583.0)), std::optional<QString>(QStringLiteral("448543583")));
        QCOMPARE(textOf(QJsonValue(QString())), std::nullopt);
        QCOMPARE(boolOf(QJsonValue(QStringLiteral("true"))), std::optional<bool>(true));
        QCOMPARE(boolOf(QJsonValue(1)), std::nullopt);
    }

    void ovhSignatureIsOvhs()
    {
        // Expected values computed apart from this code: printf '%s' 'AS+CK+METHOD+URL+BODY+TS' | sha1sum
        QCOMPARE(ovhSignature("EgWIz07P0HYwtQDs", "MVSYkl8gLaaQPLH8MpjjxqhpJHI0vpyv", "GET",
                              "https://eu.api.ovh.com/1.0/cloud/project/p-123/instance?region=GRA11", "", 1714564800),
                 QByteArray("$1$f6872a5d843f4121e4a1581958adcd5c4a44de15"));
        QCOMPARE(ovhSignature("AS", "CK", "POST", "https://eu.api.ovh.com/1.0/me/api/credential", "{\"a\":1}", 1366560945),
                 QByteArray("$1$afac0e6dbabe0f9f43dca7f91c9d73e1be41f1c1"));
    }

    void ratePacerSpacesRequests()
    {
        RatePacer pacer(4);   // 250 ms apart
        QCOMPARE(pacer.delayFor(1000), qint64(0));
        QCOMPARE(pacer.delayFor(1000), qint64(250));
        QCOMPARE(pacer.delayFor(1100), qint64(400));
        QCOMPARE(pacer.delayFor(5000), qint64(0));
        RatePacer unlimited;
        QCOMPARE(unlimited.delayFor(1000), qint64(0));
        QCOMPARE(unlimited.delayFor(1000), qint64(0));
    }

    // A user file replaces the built-in of its kind, a new kind joins, a broken file is named with
    // its pointer and the rest still load; the catalog (wizard, CLI) sees the installed set.
    void userDescriptorsOverrideAndBrokenOnesAreSkipped()
    {
        QTemporaryDir dir;
        auto write = [&dir](const QString &name, const QByteArray &bytes) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        };
        QFile builtIn(QStringLiteral(":/providers/vultr.json"));
        QVERIFY(builtIn.open(QIODevice::ReadOnly));
        QJsonObject vultr = QJsonDocument::fromJson(builtIn.readAll()).object();
        vultr.insert(QStringLiteral("displayName"), QStringLiteral("Vultr (team copy)"));
        write(QStringLiteral("vultr.json"), QJsonDocument(vultr).toJson());
        write(QStringLiteral("acme.json"), QJsonDocument(validDescriptor()).toJson());
        write(QStringLiteral("broken.json"), withChange(QStringLiteral("/api/lists/instances/items"), QJsonValue(5)).replace("\"acme\"", "\"broken\""));
        write(QStringLiteral("notes.txt"), "not a descriptor");

        DescriptorSet set = loadDescriptors(dir.path());
        QCOMPARE(set.problems, QStringList{dir.filePath(QStringLiteral("broken.json")) + QStringLiteral(": /api/lists/instances/items: expected a string")});
        QCOMPARE(set.entries.size(), 15);
        installDescriptors(std::move(set));
        QCOMPARE(findProviderKind(QStringLiteral("vultr"))->displayName, QStringLiteral("Vultr (team copy)"));
        QCOMPARE(findDescriptor(QStringLiteral("vultr"))->source, dir.filePath(QStringLiteral("vultr.json")));
        QVERIFY(findProviderKind(QStringLiteral("acme")));
        QVERIFY(findDescriptor(QStringLiteral("acme"))->descriptor.api);
        QVERIFY(!findProviderKind(QStringLiteral("broken")));
        QVERIFY(findProviderKind(QStringLiteral("lambda")));
        QCOMPARE(findDescriptor(QStringLiteral("lambda"))->source, QStringLiteral("built-in"));
        QCOMPARE(providerKinds().size(), 15);

        installDescriptors(loadDescriptors(QString()));
        QCOMPARE(findProviderKind(QStringLiteral("vultr"))->displayName, QStringLiteral("Vultr"));
        QVERIFY(!findProviderKind(QStringLiteral("acme")));
    }
};

QTEST_GUILESS_MAIN(TestDescriptors)
#include "test_descriptors.moc"
