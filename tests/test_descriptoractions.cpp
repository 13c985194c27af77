// Descriptor lifecycle actions and launches end to end: each provider's actions and launches
// through the descriptor simulator on the real wire (the next list shows the change), provider
// errors as one line, which actions an instance offers, and `fleetscope pods` on the command line.
#include "http/localhttp.h"
#include "clirun.h"
#include "fixtures.h"
#include "guardrails/guardrails.h"
#include "providers/generic/normalize.h"
#include "providers/generic/registry.h"
#include "providers/podlaunch.h"
#include "providers/podlifecycle.h"
#include "simulator/descriptorsimulator.h"
#include "simulator/digitaloceansimulator.h"
#include "providers/connectionsetup.h"
#include "store/storeservice.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;
using namespace fleetscope::generic;

namespace {

constexpr char kSecretVariable[] = "FLEETSCOPE_ACTIONS_TEST_SECRET";
// Every provider's credential in these tests: OVH reads its three keys from it, the others send it whole.
constexpr char kSecret[] = R"({"application_key":"a","application_secret":"s","consumer_key":"c"})";

QJsonValue fixture(const QString &name)
{
    const QJsonDocument document = QJsonDocument::fromJson(test::fixtureBytes(QStringLiteral("providers/") + name));
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

// The instances each simulated provider starts with: the recorded list items where there are
// fixtures, small objects of the documented shape where there are none.
QJsonArray seedItems(const QString &kind)
{
    if (kind == QLatin1String("vultr"))
        return fixture(QStringLiteral("vultr-instances.json"))[QLatin1String("instances")].toArray();
    if (kind == QLatin1String("digitalocean"))
        return fixture(QStringLiteral("digitalocean-droplets-gpu.json"))[QLatin1String("droplets")].toArray();
    if (kind == QLatin1String("linode"))
        return fixture(QStringLiteral("linode-linodes_list.json"))[QLatin1String("data")].toArray();
    if (kind == QLatin1String("hetzner"))
        return QJsonArray{fixture(QStringLiteral("hetzner-cli-server_create_response.json"))[QLatin1String("server")]};
    if (kind == QLatin1String("lambda"))
        return fixture(QStringLiteral("lambda-instances.json"))[QLatin1String("data")].toArray();
    if (kind == QLatin1String("kubernetes") || kind == QLatin1String("coreweave"))
        return fixture(QStringLiteral("kubernetes-pods.json"))[QLatin1String("items")].toArray();
    if (kind == QLatin1String("docker") || kind == QLatin1String("ovh"))
        return fixture(QStringLiteral("%1-%2.json").arg(kind, kind == QLatin1String("docker") ? QStringLiteral("containers") : QStringLiteral("instances"))).toArray();
    if (kind == QLatin1String("paperspace"))
        return QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("psq8ozhb7")}, {QStringLiteral("name"), QStringLiteral("a100-notebook")},
                                      {QStringLiteral("state"), QStringLiteral("ready")}, {QStringLiteral("machineType"), QStringLiteral("A100-80G")},
                                      {QStringLiteral("region"), QStringLiteral("ny2")}, {QStringLiteral("publicIp"), QJsonValue::Null},
                                      {QStringLiteral("dtCreated"), QStringLiteral("2024-04-30T09:00:00.000Z")}}};
    return {};
}

} // namespace

class TestDescriptorActions : public QObject
{
    Q_OBJECT

private:
    DescriptorSimulator m_simulator;

    ConnectionRecord connection(const QString &kind) const
    {
        ConnectionRecord c;
        c.id = 3;
        c.kind = kind;
        c.name = kind + QStringLiteral("/sim");
        QJsonObject settings{{QStringLiteral("base_url"), m_simulator.baseUrl(kind)}};
        if (kind != QLatin1String("docker"))
            settings.insert(QStringLiteral("secret_env"), QString::fromLatin1(kSecretVariable));
        if (kind == QLatin1String("ovh"))
            settings.insert(QStringLiteral("project_id"), QStringLiteral("p-123"));
        if (kind == QLatin1String("coreweave"))
            settings.insert(QStringLiteral("namespace"), QStringLiteral("ml"));
        c.settings = settings;
        return c;
    }

    // A connection of KIND to the simulator, saved in STORE under NAME; false when it could not be.
    bool saveConnection(StoreService &store, const QString &kind, const QString &name) const
    {
        ConnectionRecord c = connection(kind);
        c.id = 0;
        c.name = name;
        c.cadenceSeconds = 60;
        WriteBatch setup;
        setup.connections << c;
        return store.writeBlocking(setup).has_value();
    }

    // The instances of CONNECTION as the collector stores them, from its first instances list.
    Result<QList<InstanceSnapshot>> listInstances(const ConnectionRecord &c)
    {
        const DescriptorEntry *entry = findDescriptor(c.kind);
        const ListSpec *list = nullptr;
        for (const ListSpec &each : entry->descriptor.api->lists) {
            if (!list && each.target == ListTarget::Instances && each.name != QLatin1String("nodes"))
                list = &each;
        }
        const Secret secret = Secret::fromUtf8(kSecret);   // the connection's, as the actions send it
        return runWithLocalHttp<QList<InstanceSnapshot>>([&](HttpClient &http, QObject *context, std::function<void(Result<QList<InstanceSnapshot>>)> done) {
            Result<std::shared_ptr<Session>> session = Session::create(entry->descriptor.kind, entry->descriptor.api, c, secret, http, nullptr);
            if (!session)
                return done(std::unexpected(session.error()));
            afterServerTime(*session, context, [session = *session, list, context, c, done](Result<void> synced) {
                if (!synced)
                    return done(std::unexpected(synced.error()));
                fetchList(session, *list, 0, context, [session, list, c, done](Result<FetchedList> fetched) {
                    if (!fetched)
                        return done(std::unexpected(fetched.error()));
                    WriteBatch batch;
                    appendRows(batch, *session->api, *list, fetched->items, RowContext{c.kind, c.id, QDateTime::currentMSecsSinceEpoch()});
                    done(batch.instances);
                });
            });
        });
    }

    std::optional<InstanceSnapshot> find(const QList<InstanceSnapshot> &instances, const QString &id)
    {
        for (const InstanceSnapshot &instance : instances) {
            if (instance.instanceId == id)
                return instance;
        }
        return std::nullopt;
    }

    Result<QString> act(const ConnectionRecord &c, const InstanceSnapshot &pod, PodAction action)
    {
        return runWithLocalHttp<QString>(podActionJob(c, pod, action));
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv(kSecretVariable, kSecret);
        m_simulator.requireSecret(kSecret);   // an action that dropped its credential or signature gets 401
        QVERIFY(m_simulator.start());
    }

    void init()
    {
        for (const QString &kind : DescriptorSimulator::kinds())
            m_simulator.setInstances(kind, seedItems(kind));
    }

    void eachProvidersActionsShowInTheNextList_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");   // empty: gone from the list
        const QString vultr = QStringLiteral("cb676a46-66fd-4dfb-b839-443f2e6c0b60");
        QTest::addRow("vultr stop") << "vultr" << vultr << "stop" << "running" << "stopped";
        QTest::addRow("vultr terminate") << "vultr" << vultr << "terminate" << "running" << "";
        QTest::addRow("digitalocean stop") << "digitalocean" << "448543583" << "stop" << "running" << "stopped";
        QTest::addRow("digitalocean terminate") << "digitalocean" << "448543583" << "terminate" << "running" << "";
        QTest::addRow("linode stop") << "linode" << "123" << "stop" << "running" << "offline";
        QTest::addRow("linode terminate") << "linode" << "123" << "terminate" << "running" << "";
        QTest::addRow("hetzner stop") << "hetzner" << "1234" << "stop" << "running" << "off";
        QTest::addRow("hetzner terminate") << "hetzner" << "1234" << "terminate" << "running" << "";
        const QString lambda = QStringLiteral("0920582c7ff041399e34823a0be62549");
        QTest::addRow("lambda reboot") << "lambda" << lambda << "reboot" << "running" << "booting";
        QTest::addRow("lambda terminate") << "lambda" << lambda << "terminate" << "running" << "terminating";
        QTest::addRow("paperspace stop") << "paperspace" << "psq8ozhb7" << "stop" << "running" << "stopped";
        QTest::addRow("paperspace reboot") << "paperspace" << "psq8ozhb7" << "reboot" << "running" << "running";
        const QString trainer = QStringLiteral("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
        QTest::addRow("kubernetes delete pod") << "kubernetes" << trainer << "terminate" << "Running" << "";
        QTest::addRow("coreweave delete pod") << "coreweave" << trainer << "terminate" << "Running" << "";
        QTest::addRow("docker start") << "docker" << "8dfafdbc3a40" << "start" << "Exited" << "running";
        QTest::addRow("docker remove") << "docker" << "8dfafdbc3a40" << "terminate" << "Exited" << "";
        const QString ovh = QStringLiteral("a3d6f2b1-7c4e-4f8a-9b2d-1e5c6f7a8b9c");
        QTest::addRow("ovh stop") << "ovh" << ovh << "stop" << "running" << "stopped";
        QTest::addRow("ovh terminate") << "ovh" << ovh << "terminate" << "running" << "";
    }

    void eachProvidersActionsShowInTheNextList()
    {
        QFETCH(QString, kind);
        QFETCH(QString, id);
        QFETCH(QString, action);
        QFETCH(QString, before);
        QFETCH(QString, after);
        const ConnectionRecord c = connection(kind);
        Result<QList<InstanceSnapshot>> listed = listInstances(c);
        QVERIFY2(listed, qPrintable(listed ? QString() : listed.error().message));
        const std::optional<InstanceSnapshot> pod = find(*listed, id);
        QVERIFY(pod);
        QCOMPARE(pod->status, before);
        QVERIFY2(podActionAvailable(*pod, *podActionFromName(action)), qPrintable(action));
        const Result<QString> done = act(c, *pod, *podActionFromName(action));
        QVERIFY2(done, qPrintable(done ? QString() : done.error().message));
        Result<QList<InstanceSnapshot>> relisted = listInstances(c);
        QVERIFY(relisted);
        const std::optional<InstanceSnapshot> changed = find(*relisted, id);
        if (after.isEmpty()) {
            QVERIFY2(!changed, qPrintable(kind + QStringLiteral(" still lists ") + id));
            QCOMPARE(relisted->size(), listed->size() - 1);
        } else {
            QVERIFY(changed);
            QCOMPARE(changed->status, after);
        }
    }

    void dockerAnswersAlreadyDoneWith304()
    {
        const ConnectionRecord c = connection(QStringLiteral("docker"));
        const std::optional<InstanceSnapshot> pod = find(*listInstances(c), QStringLiteral("8dfafdbc3a40"));
        QVERIFY(pod);
        QVERIFY(act(c, *pod, PodAction::Stop));   // exited already: 304, which the descriptor accepts
    }

    void providerErrorsAreOneLine_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("says");   // parts, split at |
        QTest::addRow("vultr 404") << "vultr" << "gone-1" << "stop" << "vultr/sim stop gone-1: |answered HTTP 404|Invalid instance-id.";
        QTest::addRow("hetzner 404") << "hetzner" << "99" << "terminate" << "HTTP 404|server with ID '99' not found";
        QTest::addRow("linode 404") << "linode" << "99" << "reboot" << "HTTP 404|Not found";
        QTest::addRow("lambda 404") << "lambda" << "nope" << "terminate" << "HTTP 404|Specified instance does not exist.";
        QTest::addRow("docker 409") << "docker" << "running-1" << "terminate" << "docker/sim terminate running-1: |answered HTTP 409|container is running";
    }

    void providerErrorsAreOneLine()
    {
        QFETCH(QString, kind);
        QFETCH(QString, id);
        QFETCH(QString, action);
        QFETCH(QString, says);
        if (kind == QLatin1String("docker")) {
            QJsonObject running = seedItems(kind).first().toObject();
            running.insert(QStringLiteral("Id"), id);
            running.insert(QStringLiteral("State"), QStringLiteral("running"));
            m_simulator.setInstances(kind, QJsonArray{running});
        }
        InstanceSnapshot pod;
        pod.provider = kind;
        pod.instanceId = id;
        const Result<QString> done = act(connection(kind), pod, *podActionFromName(action));
        QVERIFY(!done);
        QVERIFY2(!done.error().message.contains(QLatin1Char('\n')), qPrintable(done.error().message));
        for (const QString &part : says.split(QLatin1Char('|')))
            QVERIFY2(done.error().message.contains(part), qPrintable(done.error().message));
    }

    // A wrong credential is the provider's 401: an auth error in one line, nothing changed.
    void wrongCredentialIsRefused()
    {
        qputenv("FLEETSCOPE_TEST_WRONG_SECRET", "not-the-key");
        const std::pair<QString, QString> instances[] = {{QStringLiteral("vultr"), QStringLiteral("cb676a46-66fd-4dfb-b839-443f2e6c0b60")},
                                                         {QStringLiteral("paperspace"), QStringLiteral("psq8ozhb7")}};
        for (const auto &[kind, id] : instances) {
            ConnectionRecord c = connection(kind);
            c.settings.insert(QStringLiteral("secret_env"), QStringLiteral("FLEETSCOPE_TEST_WRONG_SECRET"));
            const QJsonArray before = m_simulator.instances(kind);
            InstanceSnapshot pod;
            pod.provider = kind;
            pod.instanceId = id;
            const Result<QString> refused = act(c, pod, PodAction::Terminate);
            QVERIFY(!refused);
            QCOMPARE(refused.error().kind, ErrorClass::Auth);
            QVERIFY2(refused.error().message.contains(QLatin1String("HTTP 401")) && !refused.error().message.contains(QLatin1Char('\n')),
                     qPrintable(refused.error().message));
            QCOMPARE(m_simulator.instances(kind), before);
        }
    }

    // A 2xx the descriptor does not list is not taken as done: the user is told to check.
    void unlistedStatusIsReported()
    {
        const DescriptorSet builtIns = installedDescriptors();
        QFile file(QStringLiteral(":/providers/vultr.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray json = file.readAll();
        json.replace(R"("path": "/instances/{id}/halt", "success": [204])", R"("path": "/instances/{id}/halt", "success": [200, 202])");
        Result<Descriptor> changed = parseDescriptor(json, QStringLiteral("vultr.json"));
        QVERIFY(changed);
        DescriptorSet set = builtIns;
        for (DescriptorEntry &entry : set.entries) {
            if (entry.descriptor.kind.kind == QLatin1String("vultr"))
                entry.descriptor = *changed;
        }
        installDescriptors(set);
        InstanceSnapshot pod;
        pod.provider = QStringLiteral("vultr");
        pod.instanceId = QStringLiteral("cb676a46-66fd-4dfb-b839-443f2e6c0b60");
        const Result<QString> done = act(connection(QStringLiteral("vultr")), pod, PodAction::Stop);
        installDescriptors(builtIns);
        QVERIFY(!done);
        QCOMPARE(done.error().kind, ErrorClass::BadData);
        QVERIFY2(done.error().message.endsWith(QLatin1String("answered HTTP 204, not one of the descriptor's success statuses (200, 202); check the instance's state")),
                 qPrintable(done.error().message));
    }

    void onlyTheProvidersActionsAreOffered()
    {
        InstanceSnapshot lambda;
        lambda.provider = QStringLiteral("lambda");
        lambda.instanceId = QStringLiteral("i-1");
        QVERIFY(podActionAvailable(lambda, PodAction::Terminate));
        QVERIFY(podActionAvailable(lambda, PodAction::Reboot));
        const Result<void> stop = podActionAvailable(lambda, PodAction::Stop);
        QVERIFY(!stop);
        QCOMPARE(stop.error().message, QStringLiteral("Lambda offers no stop action"));
        QVERIFY(!podActionAvailable(lambda, PodAction::Resume));
        // Nodes and pods share the Kubernetes descriptor: only a pod (it has a namespace) is deleted.
        InstanceSnapshot node;
        node.provider = QStringLiteral("kubernetes");
        node.instanceId = QStringLiteral("uid-1");
        node.name = QStringLiteral("gpu-node-1");
        node.metadata = QJsonObject{{QStringLiteral("kind"), QStringLiteral("node")}};
        const Result<void> deleteNode = podActionAvailable(node, PodAction::Terminate);
        QVERIFY(!deleteNode);
        QVERIFY2(deleteNode.error().message.contains(QLatin1String("metadata.namespace")), qPrintable(deleteNode.error().message));
        // An action that cannot be sent is refused before anything goes out.
        const Result<QString> refused = act(connection(QStringLiteral("lambda")), lambda, PodAction::Stop);
        QVERIFY(!refused);
        QCOMPARE(refused.error().message, QStringLiteral("lambda/sim stop i-1: Lambda offers no stop action"));
        // An id that would climb out of the action's path is never sent.
        for (const QString &id : {QStringLiteral(".."), QStringLiteral("."), QStringLiteral(" ")}) {
            InstanceSnapshot odd = lambda;
            odd.instanceId = id;
            const Result<void> refusedId = podActionAvailable(odd, PodAction::Terminate);
            QVERIFY(!refusedId);
            QCOMPARE(refusedId.error().message, QStringLiteral("'%1' is not an instance id Lambda could act on").arg(id));
        }
        QVERIFY(hasPodLifecycle(QStringLiteral("vultr")));
        QVERIFY(hasPodLifecycle(QStringLiteral("runpod")));
        QVERIFY(!hasPodLifecycle(QStringLiteral("prometheus")));
    }

    // The demo's DigitalOcean account answers the same actions and launches, so its Droplets can be tried out.
    void demoDigitalOceanTakesActions()
    {
        DigitalOceanSimulator demo(QDateTime::currentMSecsSinceEpoch() - 3'600'000);
        QVERIFY(demo.start());
        ConnectionRecord c = connection(QStringLiteral("digitalocean"));
        c.settings.insert(QStringLiteral("base_url"), demo.baseUrl());
        const QString id = QString::number(demo.droplets().first().id);
        std::optional<InstanceSnapshot> droplet = find(*listInstances(c), id);
        QVERIFY(droplet);
        QCOMPARE(droplet->status, QStringLiteral("running"));
        QVERIFY(act(c, *droplet, PodAction::Stop));
        QCOMPARE(find(*listInstances(c), id)->status, QStringLiteral("stopped"));
        QVERIFY(act(c, *droplet, PodAction::Resume));
        QCOMPARE(find(*listInstances(c), id)->status, QStringLiteral("running"));
        QVERIFY(act(c, *droplet, PodAction::Terminate));
        QVERIFY(!find(*listInstances(c), id));
        const Result<QString> again = act(c, *droplet, PodAction::Terminate);
        QVERIFY(!again);
        QVERIFY2(again.error().message.contains(QLatin1String("HTTP 404")), qPrintable(again.error().message));
        // And launches: a size of its catalog in that size's region; another region is refused.
        LaunchRequest request;
        request.plan = QStringLiteral("gpu-h100x1-80gb");
        request.region = QStringLiteral("tor1");
        request.name = QStringLiteral("demo-h100");
        const Result<QString> launched = runWithLocalHttp<QString>(launchJob(c, request));
        QVERIFY2(launched, qPrintable(launched ? QString() : launched.error().message));
        const std::optional<InstanceSnapshot> added = find(*listInstances(c), *launched);
        QVERIFY(added);
        QCOMPARE(added->status, QStringLiteral("starting"));
        QCOMPARE(added->gpuType, QStringLiteral("NVIDIA H100 80GB HBM3"));
        request.region = QStringLiteral("nyc2");
        const Result<QString> elsewhere = runWithLocalHttp<QString>(launchJob(c, request));
        QVERIFY(!elsewhere);
        QVERIFY2(elsewhere.error().message.contains(QLatin1String("Size is not available in this region.")), qPrintable(elsewhere.error().message));
    }

    void launchesShowInTheNextList_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("plan");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("sshKey");
        QTest::addColumn<QString>("status");   // the new instance's, as the next list shows it
        QTest::addRow("vultr") << "vultr" << "vcg-a100-1c-6g-4vram" << "ewr" << "" << "running";
        QTest::addRow("digitalocean") << "digitalocean" << "gpu-h100x1-80gb" << "nyc2" << "" << "starting";
        QTest::addRow("hetzner") << "hetzner" << "cpx22" << "fsn1" << "laptop" << "initializing";
        QTest::addRow("lambda") << "lambda" << "gpu_1x_a100" << "us-tx-1" << "macbook-pro" << "booting";
    }

    void launchesShowInTheNextList()
    {
        QFETCH(QString, kind);
        QFETCH(QString, plan);
        QFETCH(QString, region);
        QFETCH(QString, sshKey);
        QFETCH(QString, status);
        const ConnectionRecord c = connection(kind);
        const qsizetype before = listInstances(c)->size();
        QVERIFY(launchAvailable(kind));
        LaunchRequest request;
        request.plan = plan;
        request.region = region;
        request.name = QStringLiteral("trainer-7");
        request.sshKey = sshKey;
        const Result<QString> launched = runWithLocalHttp<QString>(launchJob(c, request));
        QVERIFY2(launched, qPrintable(launched ? QString() : launched.error().message));
        QVERIFY(!launched->isEmpty());
        Result<QList<InstanceSnapshot>> relisted = listInstances(c);
        QVERIFY(relisted);
        QCOMPARE(relisted->size(), before + 1);
        const std::optional<InstanceSnapshot> added = find(*relisted, *launched);
        QVERIFY2(added, qPrintable(*launched));
        QCOMPARE(added->name, QStringLiteral("trainer-7"));
        QCOMPARE(added->region, region);
        QCOMPARE(added->status, status);
    }

    // The body as the provider documents it: Vultr's os_id a number, an SSH key member only when a
    // key is given, the default image when none is; never a secret.
    void launchRequestsHaveTheProvidersShape()
    {
        LaunchRequest request;
        request.plan = QStringLiteral("vcg-a100-1c-6g-4vram");
        request.region = QStringLiteral("ewr");
        request.name = QStringLiteral("n1");
        const Result<LaunchPreview> vultr = launchPreview(connection(QStringLiteral("vultr")), request);
        QVERIFY2(vultr, qPrintable(vultr ? QString() : vultr.error().message));
        QCOMPARE(vultr->method, QByteArray("POST"));
        QCOMPARE(vultr->url.path(), QStringLiteral("/vultr/v2/instances"));
        QCOMPARE(QJsonDocument::fromJson(vultr->body).object(),
                 QJsonObject({{QStringLiteral("region"), QStringLiteral("ewr")}, {QStringLiteral("plan"), QStringLiteral("vcg-a100-1c-6g-4vram")},
                              {QStringLiteral("os_id"), 2284}, {QStringLiteral("label"), QStringLiteral("n1")}}));
        QVERIFY(!vultr->body.contains(kSecret) && !vultr->url.toString().contains(QLatin1String("secret")));
        request.sshKey = QStringLiteral("k-1");
        request.image = QStringLiteral("ubuntu");
        const Result<LaunchPreview> notANumber = launchPreview(connection(QStringLiteral("vultr")), request);
        QVERIFY(!notANumber);
        QCOMPARE(notANumber.error().message, QStringLiteral("vultr/sim launch vcg-a100-1c-6g-4vram: image: expected a number, got 'ubuntu'"));
        request.image = QStringLiteral("1743");
        QCOMPARE(QJsonDocument::fromJson(launchPreview(connection(QStringLiteral("vultr")), request)->body)[QLatin1String("sshkey_id")].toArray(),
                 QJsonArray{QStringLiteral("k-1")});
        // Lambda requires exactly one SSH key: without one nothing is sent.
        LaunchRequest lambda;
        lambda.plan = QStringLiteral("gpu_1x_a100");
        lambda.region = QStringLiteral("us-tx-1");
        const Result<QString> refused = runWithLocalHttp<QString>(launchJob(connection(QStringLiteral("lambda")), lambda));
        QVERIFY(!refused);
        QCOMPARE(refused.error().message, QStringLiteral("lambda/sim launch gpu_1x_a100: Lambda's launch needs the name of an SSH key in the account"));
        lambda.spot = true;
        lambda.sshKey = QStringLiteral("k");
        QCOMPARE(launchPreview(connection(QStringLiteral("lambda")), lambda).error().message,
                 QStringLiteral("lambda/sim launch gpu_1x_a100: Lambda has no spot instances to launch in Fleetscope"));
        const Result<void> docker = launchAvailable(QStringLiteral("docker"));
        QVERIFY(!docker);
        QCOMPARE(docker.error().message, QStringLiteral("Docker Engine's descriptor has no launch action"));
    }

    // The provider's refusal (an unknown region or plan) comes back as one line with its own words.
    void launchRefusalsAreOneLine_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("plan");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("says");
        QTest::addRow("vultr region") << "vultr" << "vcg-a100-1c-6g-4vram" << "mars" << "vultr/sim launch vcg-a100-1c-6g-4vram: |HTTP 400|Invalid region.";
        QTest::addRow("hetzner plan") << "hetzner" << "cx999" << "fsn1" << "HTTP 422|invalid input in field 'server_type'";
        QTest::addRow("digitalocean size") << "digitalocean" << "gpu-x" << "nyc2" << "HTTP 422|You specified an invalid size for Droplet creation.";
        QTest::addRow("lambda type") << "lambda" << "gpu_9x_z" << "us-tx-1" << "HTTP 400|Invalid instance_type_name.";
    }

    void launchRefusalsAreOneLine()
    {
        QFETCH(QString, kind);
        QFETCH(QString, plan);
        QFETCH(QString, region);
        QFETCH(QString, says);
        LaunchRequest request;
        request.plan = plan;
        request.region = region;
        request.sshKey = QStringLiteral("k");
        const QJsonArray before = m_simulator.instances(kind);
        const Result<QString> refused = runWithLocalHttp<QString>(launchJob(connection(kind), request));
        QVERIFY(!refused);
        QVERIFY2(!refused.error().message.contains(QLatin1Char('\n')), qPrintable(refused.error().message));
        for (const QString &part : says.split(QLatin1Char('|')))
            QVERIFY2(refused.error().message.contains(part), qPrintable(refused.error().message));
        QCOMPARE(m_simulator.instances(kind), before);
    }

    // `fleetscope pods launch`: the cheapest stored offer, a dry run that sends nothing, a refusal
    // without --yes when nobody can be asked, then the launch with its audit row.
    void cliLaunch()
    {
        QTemporaryDir dir;
        StoreService store(*StoreLocation::parse(QString(), dir.path()));
        QVERIFY(store.startBlocking());
        QVERIFY(saveConnection(store, QStringLiteral("vultr"), QStringLiteral("vultr-team")));
        const qint64 id = findConnection(store, QStringLiteral("vultr-team"))->id;
        auto offer = [id](const QString &plan, double price, const QJsonArray &locations) {
            GpuOffer o;
            o.observedTs = QDateTime::currentDateTimeUtc();
            o.connectionId = id;
            o.provider = QStringLiteral("vultr");
            o.gpuType = QStringLiteral("NVIDIA A100 80GB PCIe");
            o.providerGpuId = plan;
            o.region = locations.first().toString();
            o.tier = QStringLiteral("on-demand");
            o.pricePerHour = price;
            o.available = true;
            o.metadata = QJsonObject{{QStringLiteral("locations"), locations}};
            return o;
        };
        WriteBatch offers;
        offers.offers << offer(QStringLiteral("vcg-a100-2c-15g-10vram"), 0.62, {QStringLiteral("ewr"), QStringLiteral("ord")})
                      << offer(QStringLiteral("vcg-a100-1c-6g-4vram"), 0.25, {QStringLiteral("ewr"), QStringLiteral("ord")});
        QVERIFY(store.writeBlocking(offers));
        store.flush();
        auto run = [&](const QStringList &args) {
            return test::runFleetscope(QStringList{QStringLiteral("--store"), store.location().sqlitePath, QStringLiteral("pods"), QStringLiteral("launch"),
                                                   QStringLiteral("vultr-team"), QStringLiteral("--gpu-type"), QStringLiteral("NVIDIA A100 80GB PCIe")} + args);
        };
        const qsizetype before = m_simulator.instances(QStringLiteral("vultr")).size();
        const test::CliRun dry = run({QStringLiteral("--region"), QStringLiteral("ord"), QStringLiteral("--name"), QStringLiteral("cli-1"), QStringLiteral("--dry-run")});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        QVERIFY2(dry.out.contains(QStringLiteral("Launch on vultr-team: 1 × NVIDIA A100 80GB PCIe (vcg-a100-1c-6g-4vram) in ord at $0.25/h")), qPrintable(dry.out));
        QVERIFY2(dry.out.contains(QLatin1String("Would send POST http://127.0.0.1:")) && dry.out.contains(QLatin1String("/vultr/v2/instances")), qPrintable(dry.out));
        QVERIFY2(dry.out.contains(QLatin1String(R"({"label":"cli-1","os_id":2284,"plan":"vcg-a100-1c-6g-4vram","region":"ord"})")), qPrintable(dry.out));
        QVERIFY(!dry.out.contains(QLatin1String(kSecret)) && !dry.err.contains(QLatin1String(kSecret)));
        QCOMPARE(m_simulator.instances(QStringLiteral("vultr")).size(), before);

        const test::CliRun refused = run({});   // stdin is not a terminal here
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(refused.err.trimmed(), QStringLiteral("fleetscope: pods launch vultr-team: this starts a paid instance; add --yes to confirm (or --dry-run to see the request)"));
        QCOMPARE(m_simulator.instances(QStringLiteral("vultr")).size(), before);

        const test::CliRun launched = run({QStringLiteral("--name"), QStringLiteral("cli-2"), QStringLiteral("--yes")});
        QVERIFY2(launched.exitCode == 0, qPrintable(launched.err));
        const QJsonArray after = m_simulator.instances(QStringLiteral("vultr"));
        QCOMPARE(after.size(), before + 1);
        const QString newId = after.last()[QLatin1String("id")].toString();
        QCOMPARE(launched.out.section(QLatin1Char('\n'), 1, 1), newId + QStringLiteral(": launched; it shows in the pods list after the next collection"));
        QVERIFY2(!launched.out.contains(QLatin1String("default_password")), qPrintable(launched.out));

        const test::CliRun noOffer = run({QStringLiteral("--region"), QStringLiteral("fra"), QStringLiteral("--yes")});
        QCOMPARE(noOffer.exitCode, 1);
        QVERIFY2(noOffer.err.contains(QLatin1String("no stored offer NVIDIA A100 80GB PCIe in fra")), qPrintable(noOffer.err));

        store.flush();
        const QList<AuditEntry> rows = store.read<QList<AuditEntry>>([](Store &s) { return s.auditLog({}, {}); }).result().value();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).actor, QStringLiteral("cli"));
        QCOMPARE(rows.at(0).action, QStringLiteral("launch"));
        QCOMPARE(rows.at(0).outcome, QStringLiteral("ok"));
        QCOMPARE(rows.at(0).resourceId, newId);
        QCOMPARE(rows.at(0).message, QStringLiteral("launched 1 × NVIDIA A100 80GB PCIe (vcg-a100-1c-6g-4vram) in ewr at $0.25/h"));

        // On a terminal it asks: anything but y or yes launches nothing; yes launches.
        const QStringList onTerminal{QStringLiteral("--store"), store.location().sqlitePath, QStringLiteral("pods"), QStringLiteral("launch"),
                                     QStringLiteral("vultr-team"), QStringLiteral("--gpu-type"), QStringLiteral("NVIDIA A100 80GB PCIe"),
                                     QStringLiteral("--name"), QStringLiteral("asked")};
        const qsizetype beforeAsking = m_simulator.instances(QStringLiteral("vultr")).size();
        const test::CliRun declined = test::runFleetscopeOnTerminal(onTerminal, "n\n");
        QVERIFY2(declined.exitCode == 1, qPrintable(declined.out));
        QVERIFY2(declined.out.contains(QLatin1String("Launch it? [y/N] ")), qPrintable(declined.out));
        QVERIFY2(declined.out.contains(QLatin1String("fleetscope: pods launch vultr-team: not confirmed; nothing launched")), qPrintable(declined.out));
        QCOMPARE(m_simulator.instances(QStringLiteral("vultr")).size(), beforeAsking);
        const test::CliRun accepted = test::runFleetscopeOnTerminal(onTerminal, "yes\n");
        QVERIFY2(accepted.exitCode == 0, qPrintable(accepted.out));
        QVERIFY2(accepted.out.contains(QLatin1String(": launched; it shows in the pods list after the next collection")), qPrintable(accepted.out));
        QCOMPARE(m_simulator.instances(QStringLiteral("vultr")).size(), beforeAsking + 1);
        QCOMPARE(m_simulator.instances(QStringLiteral("vultr")).last()[QLatin1String("label")].toString(), QStringLiteral("asked"));
    }

    // `fleetscope pods` runs a descriptor connection's actions too, audited like RunPod's.
    void cliActionsAreAudited()
    {
        QTemporaryDir dir;
        StoreService store(*StoreLocation::parse(QString(), dir.path()));
        QVERIFY(store.startBlocking());
        QVERIFY(saveConnection(store, QStringLiteral("docker"), QStringLiteral("laptop")));
        QJsonObject running = seedItems(QStringLiteral("docker")).first().toObject();
        running.insert(QStringLiteral("State"), QStringLiteral("running"));
        m_simulator.setInstances(QStringLiteral("docker"), QJsonArray{running});
        auto run = [&](const QStringList &args) {
            return test::runFleetscope(QStringList{QStringLiteral("--store"), store.location().sqlitePath, QStringLiteral("pods")} + args);
        };
        const test::CliRun stopped = run({QStringLiteral("stop"), QStringLiteral("laptop"), QStringLiteral("8dfafdbc3a40")});
        QVERIFY2(stopped.exitCode == 0, qPrintable(stopped.err));
        QCOMPARE(stopped.out.trimmed(), QStringLiteral("8dfafdbc3a40: stop accepted"));
        QCOMPARE(m_simulator.instances(QStringLiteral("docker")).first()[QLatin1String("State")].toString(), QStringLiteral("exited"));
        const test::CliRun unknown = run({QStringLiteral("start"), QStringLiteral("laptop"), QStringLiteral("no-such")});
        QCOMPARE(unknown.exitCode, 1);
        QCOMPARE(unknown.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY2(unknown.err.contains(QLatin1String("HTTP 404")) && unknown.err.contains(QLatin1String("No such container: no-such")), qPrintable(unknown.err));
        store.flush();
        const QList<AuditEntry> rows = store.read<QList<AuditEntry>>([](Store &s) { return s.auditLog({}, {}); }).result().value();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).actor, QStringLiteral("cli"));
        QCOMPARE(rows.at(0).action, QStringLiteral("stop"));
        QCOMPARE(rows.at(0).outcome, QStringLiteral("ok"));
        QCOMPARE(rows.at(1).action, QStringLiteral("resume"));
        QCOMPARE(rows.at(1).outcome, QStringLiteral("failed"));
    }
};

QTEST_MAIN(TestDescriptorActions)
#include "test_descriptoractions.moc"
