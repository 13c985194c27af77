// The one CSV exporter: RFC 4180 quoting, UTF-8, ISO-8601 UTC timestamps, atomic files.
#include "export/csvwriter.h"
#include "teststore.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

class TestCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cells_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("expected");
        QTest::addRow("plain") << QVariant(QStringLiteral("A100 80GB")) << QStringLiteral("A100 80GB");
        QTest::addRow("comma") << QVariant(QStringLiteral("us-east,1")) << QStringLiteral("\"us-east,1\"");
        QTest::addRow("quote") << QVariant(QStringLiteral("say \"hi\"")) << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::addRow("newline") << QVariant(QStringLiteral("a\nb")) << QStringLiteral("\"a\nb\"");
        QTest::addRow("carriage return") << QVariant(QStringLiteral("a\rb")) << QStringLiteral("\"a\rb\"");
        QTest::addRow("unicode") << QVariant(QStringLiteral("Grafikkarte – München")) << QStringLiteral("Grafikkarte – München");
        QTest::addRow("empty string") << QVariant(QString(QLatin1String(""))) << QString();
        QTest::addRow("null") << QVariant() << QString();
        QTest::addRow("integer") << QVariant(qint64(-42)) << QStringLiteral("-42");
        QTest::addRow("double full precision") << QVariant(0.1 + 0.2) << QStringLiteral("0.30000000000000004");
        QTest::addRow("double integral") << QVariant(2.0) << QStringLiteral("2");
        QTest::addRow("bool") << QVariant(true) << QStringLiteral("true");
        QTest::addRow("utc timestamp") << QVariant(QDateTime(QDate(2026, 11, 23), QTime(19, 52, 35), Qt::UTC)) << QStringLiteral("2026-11-23T19:52:35Z");
        QTest::addRow("milliseconds kept") << QVariant(QDateTime(QDate(2026, 11, 23), QTime(19, 52, 35, 250), Qt::UTC)) << QStringLiteral("2026-11-23T19:52:35.250Z");
        QTest::addRow("offset converted to UTC") << QVariant(QDateTime(QDate(2026, 11, 23), QTime(21, 0), Qt::OffsetFromUTC, 7200)) << QStringLiteral("2026-11-23T19:00:00Z");
    }

    void cells()
    {
        QFETCH(QVariant, value);
        QFETCH(QString, expected);
        QCOMPARE(csvCell(value), expected);
    }

    void tableHasHeaderAndCrlfRows()
    {
        TableData table;
        table.columns = {QStringLiteral("name"), QStringLiteral("note, quoted")};
        table.rows << QVariantList{QStringLiteral("pod-1"), QStringLiteral("x")} << QVariantList{QStringLiteral("pod \"2\""), QVariant()};
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        Result<qint64> rows = writeCsv(table, buffer, QStringLiteral("pods"));
        QVERIFY(rows);
        QCOMPARE(*rows, qint64(2));
        QCOMPARE(buffer.data(), QByteArray("name,\"note, quoted\"\r\npod-1,x\r\n\"pod \"\"2\"\"\",\r\n"));
    }

    void raggedRowFailsAndKeepsTheOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        TableData good;
        good.columns = {QStringLiteral("a")};
        good.rows << QVariantList{1};
        QVERIFY(writeCsvFile(good, path));
        const QByteArray before = test::fileHash(path);

        TableData ragged;
        ragged.columns = {QStringLiteral("a"), QStringLiteral("b")};
        ragged.rows << QVariantList{1, 2} << QVariantList{3};
        Result<qint64> result = writeCsvFile(ragged, path);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, ErrorClass::BadData);
        QVERIFY2(result.error().message.contains(QLatin1String("row 2")), qPrintable(result.error().message));
        QVERIFY(result.error().message.contains(path));
        QCOMPARE(test::fileHash(path), before);
    }

    void unwritablePathIsAClearError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing/folder/out.csv"));
        Result<qint64> result = writeCsvFile(TableData{{QStringLiteral("a")}, {}}, path);
        QVERIFY(!result);
        QVERIFY(result.error().message.startsWith(path));
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "test_csv.moc"
