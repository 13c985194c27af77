// `fleetscope providers list|validate` as a user meets them, and a user descriptor in the config
// folder driving a real connection without a rebuild.
#include "clirun.h"
#include "fixtures.h"
#include "simulator/loopbackserver.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

namespace {

using Run = test::CliRun;

QStringList lines(const QString &text)
{
    return text.trimmed().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QByteArray acmeDescriptor()
{
    return test::fixtureBytes(QStringLiteral("providers/acme-minimal.json"));
}

} // namespace

class TestProvidersCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_dataDirs = 0;

    // A fresh --data-dir; with --data-dir the config folder is the same directory.
    QString newDataDir()
    {
        const QString dir = m_dir.filePath(QStringLiteral("data%1").arg(++m_dataDirs));
        QDir().mkpath(dir + QStringLiteral("/providers"));
        return dir;
    }

    static void write(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }

    static Run fleetscope(const QString &dataDir, const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        return test::runFleetscope(QStringList{QStringLiteral("--data-dir"), dataDir} + args, env);
    }

private Q_SLOTS:
    void listShowsTheBuiltIns()
    {
        const Run list = fleetscope(newDataDir(), {QStringLiteral("providers"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(list.err, QString());
        const QStringList rows = lines(list.out);
        QCOMPARE(rows.size(), 15);   // header and 14 kinds
        QCOMPARE(rows.first().simplified(), QStringLiteral("KIND NAME CATEGORY SOURCE"));
        QVERIFY(rows.contains(QStringLiteral("vultr             Vultr                  GPU clouds  built-in")));
        QCOMPARE(rows.at(5).simplified(), QStringLiteral("kubernetes Kubernetes Kubernetes built-in"));
        QCOMPARE(rows.at(13).simplified(), QStringLiteral("runpod RunPod GPU clouds built-in"));
    }

    void userDescriptorsAddOverrideAndBrokenOnesAreNamed()
    {
        const QString dataDir = newDataDir();
        const QString providers = dataDir + QStringLiteral("/providers");
        QFile builtIn(QStringLiteral(":/providers/lambda.json"));
        QVERIFY(builtIn.open(QIODevice::ReadOnly));
        QJsonObject lambda = QJsonDocument::fromJson(builtIn.readAll()).object();
        lambda.insert(QStringLiteral("displayName"), QStringLiteral("Lambda (team)"));
        write(providers + QStringLiteral("/lambda.json"), QJsonDocument(lambda).toJson());
        write(providers + QStringLiteral("/acme.json"), acmeDescriptor());
        QByteArray broken = acmeDescriptor();
        broken.replace("\"items\": \"instances\"", "\"items\": 5").replace("\"acme\"", "\"broken\"");
        write(providers + QStringLiteral("/broken.json"), broken);

        const Run list = fleetscope(dataDir, {QStringLiteral("providers"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(lines(list.err), QStringList{QStringLiteral("fleetscope: warning: skipped %1/broken.json: /api/lists/instances/items: expected a string").arg(providers)});
        const QStringList rows = lines(list.out);
        QCOMPARE(rows.size(), 16);
        QCOMPARE(rows.at(1).simplified(), QStringLiteral("acme Acme GPU GPU clouds %1/acme.json").arg(providers));
        QVERIFY(std::any_of(rows.cbegin(), rows.cend(), [&providers](const QString &row) {
            return row.simplified() == QStringLiteral("lambda Lambda (team) GPU clouds %1/lambda.json").arg(providers);
        }));
        QVERIFY(!list.out.contains(QLatin1String("broken")));
        QVERIFY(list.out.contains(QLatin1String("vultr")));

        const Run json = fleetscope(dataDir, {QStringLiteral("providers"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray kinds = QJsonDocument::fromJson(json.rawOut).array();
        QCOMPARE(kinds.size(), 15);
        QCOMPARE(kinds.first().toObject(), (QJsonObject{{QStringLiteral("kind"), QStringLiteral("acme")}, {QStringLiteral("name"), QStringLiteral("Acme GPU")},
                                                        {QStringLiteral("category"), QStringLiteral("GPU clouds")},
                                                        {QStringLiteral("source"), providers + QStringLiteral("/acme.json")},
                                                        {QStringLiteral("generic"), true}}));
    }

    void validate_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("out");
        QTest::addColumn<QString>("err");
        QByteArray broken = acmeDescriptor();
        broken.replace("\"items\": \"instances\"", "\"items\": 5");
        QByteArray badTransform = acmeDescriptor();
        badTransform.replace("\"multiply\": 0.001", "\"kilo\": 0.001");
        QTest::addRow("valid") << acmeDescriptor() << 0 << "%1: valid\n" << "";
        QTest::addRow("items not a string") << broken << 1 << "" << "fleetscope: %1: /api/lists/instances/items: expected a string\n";
        QTest::addRow("unknown transform") << badTransform << 1 << ""
                                           << "fleetscope: %1: /api/lists/instances/fields/memoryGb/transforms/0/kilo: unknown transform (known with a value: multiply, match, map)\n";
        QTest::addRow("not JSON") << QByteArray("{\"kind\": ") << 1 << "" << "fleetscope: %1: not valid JSON at offset 9: unterminated object\n";
    }

    void validate()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, exitCode);
        QFETCH(QString, out);
        QFETCH(QString, err);
        const QString file = m_dir.filePath(QStringLiteral("candidate.json"));
        write(file, content);
        const Run run = fleetscope(newDataDir(), {QStringLiteral("providers"), QStringLiteral("validate"), file});
        QCOMPARE(run.exitCode, exitCode);
        QCOMPARE(run.out, out.contains(QLatin1String("%1")) ? out.arg(file) : out);
        QCOMPARE(run.err, err.contains(QLatin1String("%1")) ? err.arg(file) : err);
    }

    void usageAndMissingFiles()
    {
        const QString dataDir = newDataDir();
        const Run missing = fleetscope(dataDir, {QStringLiteral("providers"), QStringLiteral("validate"), m_dir.filePath(QStringLiteral("nope.json"))});
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(lines(missing.err).size(), 1);
        QVERIFY2(missing.err.startsWith(QStringLiteral("fleetscope: %1: ").arg(m_dir.filePath(QStringLiteral("nope.json")))), qPrintable(missing.err));
        for (const QStringList &args : {QStringList{QStringLiteral("providers")}, QStringList{QStringLiteral("providers"), QStringLiteral("validate")},
                                        QStringList{QStringLiteral("providers"), QStringLiteral("frob")},
                                        QStringList{QStringLiteral("providers"), QStringLiteral("list"), QStringLiteral("extra")}}) {
            const Run run = fleetscope(dataDir, args);
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(QLatin1String("Usage: fleetscope providers")), qPrintable(run.err));
        }
    }

    // The user's own kind is a connection kind at once: settings checked against its fields, and
    // the connection test runs its descriptor against the (loopback) API.
    void userKindWorksWithoutARebuild()
    {
        LoopbackRequest seen;
        LoopbackServer server([&seen](const LoopbackRequest &request) {
            seen = request;
            return LoopbackResponse::withBody(200, "application/json", "{\"instances\": [{\"id\": \"i-1\", \"ram\": 2048}, {\"id\": \"i-2\"}]}");
        });
        QVERIFY(server.listen());
        const QString dataDir = newDataDir();
        write(dataDir + QStringLiteral("/providers/acme.json"), acmeDescriptor());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ACME_KEY"), QStringLiteral("acme-s3cr3t"));
        const Run add = fleetscope(dataDir, {QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("acme"), QStringLiteral("--name"), QStringLiteral("lab"),
                                             QStringLiteral("--set"), QStringLiteral("base_url=http://127.0.0.1:%1/v1").arg(server.port()),
                                             QStringLiteral("--secret-env"), QStringLiteral("ACME_KEY")}, env);
        QCOMPARE(add.exitCode, 0);
        QCOMPARE(add.out.trimmed(), QStringLiteral("added acme connection 'lab'; secret read from $ACME_KEY at use; test ok: "
                                                   "Acme GPU answered: 2 items on the first page of instances"));
        QCOMPARE(seen.path, QStringLiteral("/v1/instances"));
        QCOMPARE(seen.header("Authorization"), QByteArray("Bearer acme-s3cr3t"));

        // Without the file, the kind is gone again.
        QVERIFY(QFile::remove(dataDir + QStringLiteral("/providers/acme.json")));
        const Run again = fleetscope(dataDir, {QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("acme"), QStringLiteral("--name"), QStringLiteral("lab2"),
                                               QStringLiteral("--secret-env"), QStringLiteral("ACME_KEY")}, env);
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.startsWith(QLatin1String("fleetscope: unknown provider kind 'acme'")), qPrintable(again.err));
    }
};

QTEST_GUILESS_MAIN(TestProvidersCli)
#include "test_providerscli.moc"
