// The artifact zip reader against archives built in the test: good entries, patterns, and every guard
// an untrusted archive needs (traversal, bombs, caps, CRC, truncation, zip64).
#include "simulator/zipwriter.h"
#include "workflows/ziparchive.h"

#include <QTest>

using namespace fleetscope;

namespace {

const QStringList kJson{QStringLiteral("**/*.json")};

QString reasonFor(const CollectedFiles &files, const QString &path)
{
    for (const SkippedFile &skipped : files.skipped) {
        if (skipped.path == path)
            return skipped.reason;
    }
    return QStringLiteral("<not skipped>");
}

} // namespace

class TestZipArchive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsStoredAndDeflatedEntriesThatMatch()
    {
        const QByteArray big(200'000, 'a');
        const QByteArray zip = buildZip({
            {QStringLiteral("bench/a.json"), "{\"x\": 1}", true},
            {QStringLiteral("bench/deep/b.json"), big, false},
            {QStringLiteral("bench/"), {}, false},
            // Never inflated, so its broken CRC goes unnoticed.
            {QStringLiteral("logs/run.txt"), "hello", true, true},
        });
        Result<CollectedFiles> files = collectZipFiles(zip, QStringLiteral("results.zip"), QStringLiteral("results/"), kJson, {});
        QVERIFY2(files, qPrintable(files ? QString() : files.error().message));
        QCOMPARE(files->files.size(), 2);
        QCOMPARE(files->skipped.size(), 0);
        QCOMPARE(files->files.at(0).path, QStringLiteral("results/bench/a.json"));
        QCOMPARE(files->files.at(0).content, QByteArray("{\"x\": 1}"));
        QCOMPARE(files->files.at(1).content, big);

        // A pattern may name the artifact too.
        files = collectZipFiles(zip, QStringLiteral("results.zip"), QStringLiteral("results/"), {QStringLiteral("results/bench/*.json")}, {});
        QVERIFY(files);
        QCOMPARE(files->files.size(), 1);
    }

    void rejectsUnsafePaths_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("reason");
        QTest::newRow("parent") << QStringLiteral("../evil.json") << QStringLiteral("parent folder");
        QTest::newRow("nested parent") << QStringLiteral("bench/../../evil.json") << QStringLiteral("parent folder");
        QTest::newRow("backslash parent") << QStringLiteral("bench\\..\\evil.json") << QStringLiteral("parent folder");
        QTest::newRow("absolute") << QStringLiteral("/etc/evil.json") << QStringLiteral("absolute path");
        QTest::newRow("drive") << QStringLiteral("C:/evil.json") << QStringLiteral("drive letter");
    }

    void rejectsUnsafePaths()
    {
        QFETCH(QString, name);
        QFETCH(QString, reason);
        const QByteArray zip = buildZip({{name, "{\"x\": 1}"}, {QStringLiteral("ok.json"), "{\"y\": 2}"}});
        Result<CollectedFiles> files = collectZipFiles(zip, QStringLiteral("a.zip"), QString(), {QStringLiteral("**")}, {});
        QVERIFY(files);
        QCOMPARE(files->files.size(), 1);
        QCOMPARE(files->files.first().path, QStringLiteral("ok.json"));
        QVERIFY2(reasonFor(*files, name).contains(reason), qPrintable(reasonFor(*files, name)));
    }

    void stopsInflatingABombAtTheCap()
    {
        // 64 MB of zeros deflates to about 64 KB; its headers claim 100 bytes.
        const QByteArray zeros(64 * 1024 * 1024, '\0');
        ZipWriterEntry bomb{QStringLiteral("bomb.json"), zeros};
        bomb.declaredSize = 100;
        const QByteArray zip = buildZip({bomb, {QStringLiteral("honest.json"), QByteArray(3 * 1024 * 1024, ' ')}});
        QVERIFY(zip.size() < 512 * 1024);
        ZipLimits limits;
        limits.maxFileBytes = 1024 * 1024;
        Result<CollectedFiles> files = collectZipFiles(zip, QStringLiteral("a.zip"), QString(), kJson, limits);
        QVERIFY(files);
        QCOMPARE(files->files.size(), 0);
        QVERIFY(reasonFor(*files, QStringLiteral("bomb.json")).contains(QStringLiteral("inflates to more than the 1.0 MB limit")));
        QVERIFY(reasonFor(*files, QStringLiteral("honest.json")).contains(QStringLiteral("3.0 MB, over the 1.0 MB limit")));
    }

    void capsTheTotalAndTheEntryCount()
    {
        QList<ZipWriterEntry> entries;
        for (int i = 0; i < 5; ++i)
            entries << ZipWriterEntry{QStringLiteral("f%1.json").arg(i), QByteArray(400 * 1024, 'x')};
        const QByteArray zip = buildZip(entries);
        ZipLimits limits;
        limits.maxTotalBytes = 1024 * 1024;
        Result<CollectedFiles> files = collectZipFiles(zip, QStringLiteral("a.zip"), QString(), kJson, limits);
        QVERIFY(files);
        QCOMPARE(files->files.size(), 2);
        QCOMPARE(files->skipped.size(), 3);
        QVERIFY(files->skipped.last().reason.contains(QStringLiteral("total limit")));

        limits.maxEntries = 4;
        files = collectZipFiles(zip, QStringLiteral("a.zip"), QString(), kJson, limits);
        QVERIFY(!files);
        QCOMPARE(files.error().message, QStringLiteral("a.zip: 5 entries, more than the 4 allowed"));
    }

    void badCrcFailsThatEntryOnly()
    {
        ZipWriterEntry corrupt{QStringLiteral("bad.json"), "{\"x\": 1}"};
        corrupt.corruptCrc = true;
        const QByteArray zip = buildZip({corrupt, {QStringLiteral("good.json"), "{\"x\": 2}"}});
        Result<CollectedFiles> files = collectZipFiles(zip, QStringLiteral("a.zip"), QString(), kJson, {});
        QVERIFY(files);
        QCOMPARE(files->files.size(), 1);
        QCOMPARE(reasonFor(*files, QStringLiteral("bad.json")), QStringLiteral("CRC-32 mismatch (corrupt data)"));
    }

    void refusesTruncatedAndForeignArchives_data()
    {
        const QByteArray zip = buildZip({{QStringLiteral("a.json"), QByteArray(5000, 'a')}, {QStringLiteral("b.json"), "{}"}});
        QByteArray zip64 = zip;
        zip64[zip64.size() - 12] = char(0xff);   // the entry count of the end record: 0xffff means zip64
        zip64[zip64.size() - 11] = char(0xff);
        zip64[zip64.size() - 14] = char(0xff);
        zip64[zip64.size() - 13] = char(0xff);
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not a zip archive");
        QTest::newRow("text") << QByteArray("{\"not\": \"a zip\"}") << QStringLiteral("not a zip archive");
        QTest::newRow("cut in half") << zip.left(zip.size() / 2) << QStringLiteral("not a zip archive, or truncated");
        QTest::newRow("front cut") << zip.mid(100) << QStringLiteral("truncated");
        QTest::newRow("zip64") << zip64 << QStringLiteral("zip64 archives are not supported");
    }

    void refusesTruncatedAndForeignArchives()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        Result<CollectedFiles> files = collectZipFiles(bytes, QStringLiteral("art.zip"), QString(), kJson, {});
        QVERIFY(!files);
        QCOMPARE(files.error().kind, ErrorClass::BadData);
        QVERIFY2(files.error().message.startsWith(QStringLiteral("art.zip: ")) && files.error().message.contains(error),
                 qPrintable(files.error().message));
    }

    void truncatedEntryDataFailsThatEntry()
    {
        // Entry data cut short while the directory still claims the full size.
        ZipWriterEntry entry{QStringLiteral("a.json"), QByteArray(5000, 'a'), false};
        QByteArray zip = buildZip({entry});
        const ZipEntry claimed = readZipDirectory(zip, QStringLiteral("a.zip"), 10)->first();
        QByteArray shortZip = zip;
        Result<QByteArray> read = readZipEntry(shortZip.left(2000), claimed, 1 << 20);
        QVERIFY(!read);
        QVERIFY(read.error().message.startsWith(QStringLiteral("truncated")));
    }
};

QTEST_GUILESS_MAIN(TestZipArchive)
#include "test_ziparchive.moc"
