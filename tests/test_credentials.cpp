// Credentials and SecretRef against a real, throwaway Secret Service (run through run-with-keyring.sh),
// and child processes of this binary that find no Secret Service or one that never answers.
#include "credentials/credentials.h"
#include "credentials/secretref.h"

#include <QDeadlineTimer>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QLocalServer>
#include <QMutex>
#include <QPointer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QThread>

#include <atomic>
#include <optional>

using namespace fleetscope;

namespace {

// Every line any thread logs while the suite runs, so no secret can slip into one unnoticed.
QMutex g_logMutex;
QStringList g_logLines;
QtMessageHandler g_previousHandler = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const QMutexLocker lock(&g_logMutex);
        g_logLines.append(message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QStringList logLines()
{
    const QMutexLocker lock(&g_logMutex);
    return g_logLines;
}

// Connection ids of this suite; far from any id a developer's own store would use.
constexpr qint64 RoundTripId = 900'001;
constexpr qint64 OverwriteId = 900'002;
constexpr qint64 RemoveId = 900'003;
constexpr qint64 PresenceId = 900'004;
constexpr qint64 FirstId = 900'005;
constexpr qint64 SecondId = 900'006;
constexpr qint64 ThreadId = 900'007;
constexpr qint64 CanaryId = 900'008;
constexpr qint64 RefId = 900'009;
constexpr qint64 ChildId = 900'010;
constexpr qint64 InvalidId = 900'011;

const QList<qint64> &allIds()
{
    static const QList<qint64> ids{RoundTripId, OverwriteId, RemoveId, PresenceId, FirstId,
                                   SecondId, ThreadId, CanaryId, RefId, ChildId, InvalidId};
    return ids;
}

QByteArray fourKiB()
{
    QByteArray bytes;
    bytes.reserve(4096);
    for (int i = 0; i < 4096; ++i)
        bytes.append(char('!' + (i * 37) % 94));
    return bytes;
}

// Files under DIR whose bytes contain NEEDLE (or its base64): what a plaintext fallback would leave.
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        if (content.contains(needle) || content.contains(needle.toBase64()))
            hits.append(file.fileName());
    }
    return hits;
}

QStringList allFiles(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

// The child's part: what the CLI would do with a secret, one tab-separated line per call, exit 1
// when any call failed. Reads its secret and timeout from the environment.
int runChild()
{
    const Secret secret(qgetenv("FLEETSCOPE_CHILD_SECRET"));
    const Credentials credentials(qEnvironmentVariableIntValue("FLEETSCOPE_CHILD_TIMEOUT_MS"));
    QTextStream out(stdout);
    bool failed = false;
    const auto report = [&](const char *call, const std::optional<Error> &error) {
        out << call << '\t';
        if (error) {
            out << errorClassName(error->kind) << '\t' << error->message << '\n';
            failed = true;
        } else {
            out << "ok\n";
        }
    };
    const auto errorOf = [](const auto &result) { return result ? std::nullopt : std::optional<Error>(result.error()); };
    report("store", errorOf(credentials.storeBlocking(ChildId, secret)));
    report("read", errorOf(credentials.readBlocking(ChildId)));
    if (qEnvironmentVariableIsSet("FLEETSCOPE_CHILD_ALL_CALLS")) {
        report("has", errorOf(credentials.hasSecretBlocking(ChildId)));
        report("remove", errorOf(credentials.removeBlocking(ChildId)));
    }
    return failed ? 1 : 0;
}

struct ChildRun {
    int exitCode = -1;
    QStringList lines;
    QByteArray stderrText;
    QStringList leftFiles;
};

} // namespace

class TestCredentials : public QObject
{
    Q_OBJECT

private:
    Credentials m_credentials{5'000};
    QByteArrayList m_secretsUsed;

    Secret secret(const QByteArray &bytes)
    {
        m_secretsUsed.append(bytes);
        return Secret::fromUtf8(bytes);
    }

    // Runs this binary with --child in a fresh HOME/XDG tree and the given bus address.
    ChildRun runChildProcess(const QString &busAddress, const QByteArray &canary, int timeoutMs, bool allCalls)
    {
        ChildRun run;
        QTemporaryDir root;
        if (!root.isValid())
            return run;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"}) {
            const QString dir = root.filePath(QString::fromLatin1(name).toLower());
            QDir().mkpath(dir);
            QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            env.insert(QString::fromLatin1(name), dir);
        }
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), busAddress);
        env.remove(QStringLiteral("DISPLAY"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("fleetscope.credentials.debug=true"));
        env.insert(QStringLiteral("FLEETSCOPE_CHILD_SECRET"), QString::fromUtf8(canary));
        env.insert(QStringLiteral("FLEETSCOPE_CHILD_TIMEOUT_MS"), QString::number(timeoutMs));
        if (allCalls)
            env.insert(QStringLiteral("FLEETSCOPE_CHILD_ALL_CALLS"), QStringLiteral("1"));

        QProcess child;
        child.setProcessEnvironment(env);
        child.setWorkingDirectory(root.path());
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child")});
        if (!child.waitForStarted(5'000))
            return run;
        // An event loop, not waitForFinished(), so a local server in the parent keeps accepting.
        QDeadlineTimer deadline(20'000);
        while (child.state() != QProcess::NotRunning && !deadline.hasExpired())
            QTest::qWait(20);
        if (child.state() != QProcess::NotRunning) {
            child.kill();
            child.waitForFinished(2'000);
            return run;
        }
        run.exitCode = child.exitStatus() == QProcess::NormalExit ? child.exitCode() : -1;
        run.lines = QString::fromUtf8(child.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        run.stderrText = child.readAllStandardError();
        run.leftFiles = allFiles(root.path());
        const QStringList hits = filesContaining(root.path(), canary);
        if (!hits.isEmpty())
            run.leftFiles.prepend(QStringLiteral("SECRET FOUND IN: ") + hits.join(QLatin1Char(' ')));
        return run;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariable("FLEETSCOPE_TEST_KEYRING") != QLatin1String("1"))
            QFAIL("run this suite through tests/run-with-keyring.sh, which provides a throwaway Secret Service");
        g_previousHandler = qInstallMessageHandler(captureLog);
        // A leftover entry from an aborted run would make the first cases lie.
        for (const qint64 id : allIds())
            QVERIFY(m_credentials.removeBlocking(id).has_value());
    }

    void cleanupTestCase()
    {
        for (const qint64 id : allIds())
            QVERIFY(m_credentials.removeBlocking(id).has_value());
        const QStringList lines = logLines();
        QVERIFY(!lines.isEmpty());   // debug logging is on, so the suite did log
        for (const QByteArray &used : std::as_const(m_secretsUsed)) {
            if (used.isEmpty())
                continue;
            for (const QString &line : lines)
                QVERIFY2(!line.toUtf8().contains(used), qPrintable(QStringLiteral("a log line contains a secret")));
        }
        qInstallMessageHandler(g_previousHandler);
    }

    void secretPrintsRedacted()
    {
        const Secret s = secret("rpa_redact_me_123456");
        QString text;
        QDebug(&text).nospace() << s;
        QCOMPARE(text, QStringLiteral("Secret(<redacted>, 20 bytes)"));

        Secret copy = s;
        QCOMPARE(copy.bytes(), s.bytes());
        QVERIFY(copy.bytes().constData() != s.bytes().constData());   // deep: each copy wipes its own
        copy.clear();
        QVERIFY(copy.isEmpty());
        QCOMPARE(s.size(), 20);
        Secret moved = std::move(copy = s);
        QCOMPARE(moved.bytes(), s.bytes());
    }

    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("ascii token") << QByteArray("rpa_Z8xK2mQ9vL4nT7wB3cY6");
        QTest::newRow("unicode") << QStringLiteral(u"pässwörd-密码-🔑").toUtf8();
        QTest::newRow("4 KiB") << fourKiB();
        QTest::newRow("quotes, spaces, newline") << QByteArray(" \"it's\" \\ $HOME;\tline\nnext ");
    }

    void roundTrip()
    {
        QFETCH(QByteArray, value);
        const auto stored = m_credentials.storeBlocking(RoundTripId, secret(value));
        QVERIFY2(stored, stored ? "" : qPrintable(describe(stored.error())));
        const Result<Secret> read = m_credentials.readBlocking(RoundTripId);
        QVERIFY2(read, read ? "" : qPrintable(describe(read.error())));
        QCOMPARE(read->size(), value.size());
        QVERIFY(read->bytes() == value);
    }

    void overwrite()
    {
        QVERIFY(m_credentials.storeBlocking(OverwriteId, secret("first-value-aaaa")));
        QVERIFY(m_credentials.storeBlocking(OverwriteId, secret("second-value-bbbb")));
        const Result<Secret> read = m_credentials.readBlocking(OverwriteId);
        QVERIFY(read);
        QVERIFY(read->bytes() == "second-value-bbbb");
    }

    void removeThenNotFound()
    {
        QVERIFY(m_credentials.storeBlocking(RemoveId, secret("remove-me-cccc")));
        QVERIFY(m_credentials.removeBlocking(RemoveId));
        const Result<Secret> read = m_credentials.readBlocking(RemoveId);
        QVERIFY(!read);
        QCOMPARE(read.error().kind, ErrorClass::Auth);
        QCOMPARE(read.error().message, QStringLiteral("no secret stored for connection 900003"));
        // Removing what is already gone is not an error: no secret stored is the goal.
        QVERIFY(m_credentials.removeBlocking(RemoveId));
    }

    void hasSecret()
    {
        Result<bool> has = m_credentials.hasSecretBlocking(PresenceId);
        QVERIFY(has);
        QVERIFY(!*has);
        QVERIFY(m_credentials.storeBlocking(PresenceId, secret("present-dddd")));
        has = m_credentials.hasSecretBlocking(PresenceId);
        QVERIFY(has);
        QVERIFY(*has);
        QVERIFY(m_credentials.removeBlocking(PresenceId));
        has = m_credentials.hasSecretBlocking(PresenceId);
        QVERIFY(has);
        QVERIFY(!*has);
    }

    void connectionsAreIsolated()
    {
        QVERIFY(m_credentials.storeBlocking(FirstId, secret("first-connection-eeee")));
        QVERIFY(m_credentials.storeBlocking(SecondId, secret("second-connection-ffff")));
        QVERIFY(m_credentials.readBlocking(FirstId)->bytes() == "first-connection-eeee");
        QVERIFY(m_credentials.readBlocking(SecondId)->bytes() == "second-connection-ffff");
        QVERIFY(m_credentials.removeBlocking(FirstId));
        QVERIFY(!m_credentials.readBlocking(FirstId));
        QVERIFY(m_credentials.readBlocking(SecondId)->bytes() == "second-connection-ffff");
    }

    void invalidInput_data()
    {
        QTest::addColumn<qint64>("id");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unstored connection") << qint64(0) << QByteArray("x-valid-secret") << QStringLiteral("invalid connection id 0");
        QTest::newRow("empty") << InvalidId << QByteArray() << QStringLiteral("empty secret");
        QTest::newRow("NUL byte") << InvalidId << QByteArray("abc\0def", 7) << QStringLiteral("NUL byte");
        QTest::newRow("not UTF-8") << InvalidId << QByteArray("abc\xff\xfe") << QStringLiteral("not valid UTF-8");
    }

    void invalidInput()
    {
        QFETCH(qint64, id);
        QFETCH(QByteArray, value);
        QFETCH(QString, expected);
        const auto stored = m_credentials.storeBlocking(id, secret(value));
        QVERIFY(!stored);
        QCOMPARE(stored.error().kind, ErrorClass::Config);
        QVERIFY2(stored.error().message.contains(expected), qPrintable(stored.error().message));
        QVERIFY(!m_credentials.hasSecretBlocking(InvalidId).value_or(true));
    }

    // The engine thread's way: a context object on another thread gets the answer on that thread,
    // never inside the call, and a destroyed context gets nothing.
    void asyncAnswersOnContextThread()
    {
        QVERIFY(m_credentials.storeBlocking(ThreadId, secret("thread-secret-gggg")));

        QThread worker;
        worker.start();
        auto *context = new QObject;
        context->moveToThread(&worker);
        std::atomic<bool> returned = false;
        std::atomic<bool> calledInside = false;
        std::atomic<bool> onContextThread = false;
        std::atomic<bool> answered = false;
        QByteArray got;
        QMetaObject::invokeMethod(context, [&, context] {
            m_credentials.read(ThreadId, context, [&, context](Result<Secret> r) {   // context by value: the outer lambda is gone when this runs
                calledInside = !returned;
                onContextThread = QThread::currentThread() == context->thread();
                if (r)
                    got = r->bytes();
                answered = true;
            });
            returned = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered.load(), 5'000);
        QVERIFY(!calledInside);
        QVERIFY(onContextThread);
        QVERIFY(got == "thread-secret-gggg");
        QMetaObject::invokeMethod(context, &QObject::deleteLater);
        worker.quit();
        QVERIFY(worker.wait(5'000));

        bool dropped = true;
        {
            QObject shortLived;
            m_credentials.read(ThreadId, &shortLived, [&dropped](Result<Secret>) { dropped = false; });
        }
        // The keychain runs jobs in order, so once this one answers the first one has finished too.
        QVERIFY(m_credentials.hasSecretBlocking(ThreadId).value_or(false));
        QCoreApplication::processEvents();
        QVERIFY(dropped);
    }

    void secretEnv_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<bool>("isSet");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("message");
        QTest::newRow("set") << QStringLiteral("FLEETSCOPE_TEST_SECRET_SET") << true << QByteArray("env-secret-hhhh")
                             << true << QString();
        QTest::newRow("unset") << QStringLiteral("FLEETSCOPE_TEST_SECRET_UNSET") << false << QByteArray()
                               << false
                               << QStringLiteral("environment variable FLEETSCOPE_TEST_SECRET_UNSET, which holds the secret "
                                                 "of connection 900009, is not set");
        QTest::newRow("empty") << QStringLiteral("FLEETSCOPE_TEST_SECRET_EMPTY") << true << QByteArray()
                               << false
                               << QStringLiteral("environment variable FLEETSCOPE_TEST_SECRET_EMPTY, which holds the secret "
                                                 "of connection 900009, is empty");
        // A secret pasted where the variable name belongs must not be echoed back.
        QTest::newRow("secret as name") << QStringLiteral("sk-live/abc+def=") << false << QByteArray()
                                        << false
                                        << QStringLiteral("secret_env of connection 900009 is not a valid environment "
                                                          "variable name (letters, digits and _, not starting with a digit)");
    }

    void secretEnv()
    {
        QFETCH(QString, variable);
        QFETCH(bool, isSet);
        QFETCH(QByteArray, value);
        QFETCH(bool, ok);
        QFETCH(QString, message);
        const QByteArray name = variable.toUtf8();
        if (isSet) {
            qputenv(name.constData(), value);
            if (!value.isEmpty())
                m_secretsUsed.append(value);
        } else {
            qunsetenv(name.constData());
        }

        ConnectionRecord connection;
        connection.id = RefId;
        connection.settings.insert(SecretRef::secretEnvSetting(), variable);
        const SecretRef ref = SecretRef::forConnection(connection);
        QCOMPARE(ref.source(), SecretRef::Source::Environment);
        QVERIFY(!ref.describe().contains(QLatin1String("sk-live")));

        const Result<Secret> blocking = ref.resolveBlocking(m_credentials);
        std::optional<Result<Secret>> async;
        QObject context;
        ref.resolve(m_credentials, &context, [&async](Result<Secret> r) { async = std::move(r); });
        QVERIFY(!async);   // never inside the call
        QTRY_VERIFY(async.has_value());
        for (const Result<Secret> *result : {&blocking, const_cast<const Result<Secret> *>(&*async)}) {
            QCOMPARE(result->has_value(), ok);
            if (ok) {
                QVERIFY((*result)->bytes() == value);
            } else {
                QCOMPARE(result->error().kind, ErrorClass::Config);
                QCOMPARE(result->error().message, message);
            }
        }
        qunsetenv(name.constData());
    }

    void secretRefKeychain()
    {
        ConnectionRecord connection;
        connection.id = RefId;
        QCOMPARE(SecretRef::forConnection(connection).source(), SecretRef::Source::Keychain);
        connection.settings.insert(SecretRef::secretEnvSetting(), QStringLiteral("  "));
        const SecretRef ref = SecretRef::forConnection(connection);
        QCOMPARE(ref.source(), SecretRef::Source::Keychain);

        Result<Secret> resolved = ref.resolveBlocking(m_credentials);
        QVERIFY(!resolved);
        QCOMPARE(resolved.error().kind, ErrorClass::Auth);
        QVERIFY(m_credentials.storeBlocking(RefId, secret("keychain-ref-iiii")));
        resolved = ref.resolveBlocking(m_credentials);
        QVERIFY(resolved);
        QVERIFY(resolved->bytes() == "keychain-ref-iiii");
    }

    // A unique token through every call, failures included: it reaches no message, no log line and
    // no file outside the keyring's own encrypted store.
    void canaryStaysInKeychain()
    {
        const QByteArray canary = "fleetscope-canary-" + QByteArray::number(QCoreApplication::applicationPid()) + "-7f3a9c";
        const Secret token = secret(canary);
        QStringList messages;
        const auto note = [&messages](const auto &result) {
            if (!result)
                messages.append(describe(result.error()));
        };
        note(m_credentials.storeBlocking(CanaryId, token));
        note(m_credentials.readBlocking(CanaryId));
        note(m_credentials.storeBlocking(0, token));
        note(m_credentials.storeBlocking(CanaryId, Secret::fromUtf8(canary + QByteArray("\0", 1))));
        note(m_credentials.readBlocking(CanaryId + 1000));
        QCOMPARE(messages.size(), 3);
        for (const QString &message : std::as_const(messages))
            QVERIFY(!message.toUtf8().contains(canary));
        for (const QString &line : logLines())
            QVERIFY(!line.toUtf8().contains(canary));

        for (const char *name : {"HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"}) {
            const QStringList hits = filesContaining(qEnvironmentVariable(name), canary);
            QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char(' '))));
        }
        QVERIFY(m_credentials.readBlocking(CanaryId)->bytes() == canary);
    }

    // No session bus at all: every call fails at once with the one-line message, and nothing
    // lands under the child's HOME or XDG directories.
    void noKeychain()
    {
        QTemporaryDir busDir;
        QVERIFY(busDir.isValid());
        const QByteArray canary = "no-keychain-canary-51d2e8";
        m_secretsUsed.append(canary);
        QElapsedTimer timer;
        timer.start();
        const ChildRun run = runChildProcess(QStringLiteral("unix:path=") + busDir.filePath(QStringLiteral("no-such-bus")),
                                             canary, 5'000, true);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(timer.elapsed() < 5'000, "a missing bus must fail fast, not by timeout");
        QCOMPARE(run.lines.size(), 4);
        for (const QString &line : run.lines) {
            const QStringList fields = line.split(QLatin1Char('\t'));
            QCOMPARE(fields.size(), 3);
            QCOMPARE(fields[1], QStringLiteral("unavailable"));
            QVERIFY2(fields[2].startsWith(QLatin1String("keychain unavailable: ")), qPrintable(line));
            QVERIFY2(fields[2].contains(QLatin1String("--secret-env VAR")), qPrintable(line));
            QVERIFY(!fields[2].contains(QLatin1Char('\n')));
        }
        QVERIFY(run.lines[0].contains(QLatin1String("storing the secret of connection 900010")));
        QVERIFY(!run.stderrText.contains(canary));
        QVERIFY(run.stderrText.contains("keychain unavailable"));   // the failure was logged, without the secret
        QVERIFY2(run.leftFiles.isEmpty(), qPrintable(run.leftFiles.join(QLatin1Char(' '))));
    }

    // A bus that accepts the connection and never answers: each call gives up after its timeout.
    void hungKeychain()
    {
        QTemporaryDir busDir;
        QVERIFY(busDir.isValid());
        QLocalServer silentBus;
        QVERIFY(silentBus.listen(busDir.filePath(QStringLiteral("silent-bus"))));
        const QByteArray canary = "hung-keychain-canary-a08b77";
        m_secretsUsed.append(canary);
        QElapsedTimer timer;
        timer.start();
        const ChildRun run = runChildProcess(QStringLiteral("unix:path=") + silentBus.fullServerName(), canary, 700, false);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(timer.elapsed() < 10'000, "two calls with a 700 ms timeout must not take 10 s");
        QCOMPARE(run.lines.size(), 2);
        for (const QString &line : run.lines) {
            QVERIFY2(line.contains(QLatin1String("\tunavailable\tkeychain unavailable: no answer from the Secret Service within 700 ms")),
                     qPrintable(line));
            QVERIFY(line.contains(QLatin1String("--secret-env VAR")));
        }
        QVERIFY(!run.stderrText.contains(canary));
        QVERIFY2(run.leftFiles.isEmpty(), qPrintable(run.leftFiles.join(QLatin1Char(' '))));
    }
};

int main(int argc, char **argv)
{
    if (argc > 1 && qstrcmp(argv[1], "--child") == 0) {
        QCoreApplication app(argc, argv);
        return runChild();
    }
    // Debug lines of the credentials category are on, so the log checks see everything it says.
    qputenv("QT_LOGGING_RULES", "*.debug=false;fleetscope.credentials.debug=true");
    QCoreApplication app(argc, argv);
    TestCredentials test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "test_credentials.moc"
