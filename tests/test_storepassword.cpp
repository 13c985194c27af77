// `fleetscope store password set|remove URL`: a role whose password libpq does not have (no
// PGPASSWORD, not in the password file) opens the store with the keychain's, in the real Secret
// Service (run-with-keyring.sh); the password shows nowhere.
#include "clirun.h"
#include "pgserver.h"
#include "store/pgpassword.h"
#include "store/store.h"

#include <QProcess>
#include <QTest>

using namespace fleetscope;

namespace {

const QString kPassword = QStringLiteral("kc-Secret 9\\x");   // a space and a backslash: conninfo quoting

test::CliRun setPassword(const QString &uri, const QString &password)
{
    QProcess process;
    process.start(QStringLiteral(FLEETSCOPE_BINARY), {QStringLiteral("store"), QStringLiteral("password"), QStringLiteral("set"), uri});
    process.write(password.toUtf8() + '\n');
    process.closeWriteChannel();
    test::CliRun run;
    if (process.waitForFinished(30'000))
        run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestStorePassword : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void entryIsKeyedByRoleAndDatabase()
    {
        const Result<Credentials::Entry> entry = storePasswordEntry(QStringLiteral("postgresql://ops:pw@db.example:6543/fleet?sslmode=require"));
        QVERIFY(entry);
        QCOMPARE(entry->key, QStringLiteral("store/ops@db.example:6543/fleet"));
        QVERIFY(!entry->subject.contains(QLatin1String("pw")));
        QCOMPARE(storePasswordEntry(QStringLiteral("postgresql://ops@db.example/fleet"))->key, QStringLiteral("store/ops@db.example:5432/fleet"));
    }

    void keychainPasswordOpensTheStore()
    {
        test::PgServer server;
        QVERIFY2(server.start(), qPrintable(server.error()));
        const QString database = server.createDatabase();
        QVERIFY2(server.createRole(QStringLiteral("keyed"), kPassword, false), qPrintable(server.error()));
        QVERIFY(server.exec(QStringLiteral("postgres"), QStringLiteral("ALTER DATABASE %1 OWNER TO keyed").arg(database)));
        const QString uri = server.uri(database, QStringLiteral("keyed"));
        qunsetenv("PGPASSWORD");

        // No password anywhere: libpq's refusal, as one line.
        Result<std::unique_ptr<Store>> refused = openStore(*StoreLocation::parse(uri, QString()), StoreAccess::ReadWrite);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorClass::Auth);

        const test::CliRun set = setPassword(uri, kPassword);
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        QVERIFY(set.out.contains(QLatin1String("keyed@127.0.0.1")));
        QVERIFY(!set.out.contains(kPassword) && !set.err.contains(kPassword));

        // The store opens (and migrates) with the keychain's password; so does a reader.
        Result<std::unique_ptr<Store>> opened = openStore(*StoreLocation::parse(uri, QString()), StoreAccess::ReadWrite);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
        QVERIFY((*opened)->writable());
        QVERIFY(!(*opened)->display().contains(kPassword));
        QVERIFY(openStore(*StoreLocation::parse(uri, QString()), StoreAccess::ReadOnly));
        // ... and every command, through the binary.
        const test::CliRun listed = test::runFleetscope({QStringLiteral("--store"), uri, QStringLiteral("connections"), QStringLiteral("list")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));

        // A wrong password in the keychain is libpq's refusal, without it.
        QCOMPARE(setPassword(uri, QStringLiteral("wrong-one")).exitCode, 0);
        Result<std::unique_ptr<Store>> wrong = openStore(*StoreLocation::parse(uri, QString()), StoreAccess::ReadOnly);
        QVERIFY(!wrong);
        QVERIFY(!wrong.error().message.contains(QLatin1String("wrong-one")));

        const test::CliRun removed = test::runFleetscope({QStringLiteral("store"), QStringLiteral("password"), QStringLiteral("remove"), uri});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        QVERIFY(!openStore(*StoreLocation::parse(uri, QString()), StoreAccess::ReadOnly));

        // Never from the command line.
        const test::CliRun usage = test::runFleetscope({QStringLiteral("store"), QStringLiteral("password"), QStringLiteral("set"), uri, kPassword});
        QCOMPARE(usage.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestStorePassword)
#include "test_storepassword.moc"
