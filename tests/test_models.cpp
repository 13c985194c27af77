// Item models and chart adapters: QAbstractItemModelTester on every model, plus their cells and exports.
#include "bucketbands.h"
#include "connectionsmodel.h"
#include "exportfile.h"
#include "latestrequest.h"
#include "serieslistmodel.h"
#include "timerange.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

namespace {

QList<ConnectionRecord> sampleConnections()
{
    ConnectionRecord runpod;
    runpod.id = 1;
    runpod.kind = QStringLiteral("runpod");
    runpod.name = QStringLiteral("prod");
    runpod.cadenceSeconds = 300;
    runpod.lastSyncAt = QDateTime(QDate(2026, 3, 14), QTime(9, 26, 53), Qt::UTC);
    runpod.lastStatus = QStringLiteral("ok");

    ConnectionRecord prometheus;
    prometheus.id = 2;
    prometheus.kind = QStringLiteral("prometheus");
    prometheus.name = QStringLiteral("lab-dcgm");
    prometheus.enabled = false;
    prometheus.cadenceSeconds = 45;
    prometheus.lastStatus = QStringLiteral("failed");
    prometheus.lastError = QStringLiteral("unavailable: http://10.0.0.5:9090: connection refused");
    return {runpod, prometheus};
}

SeriesInfo seriesInfo(qint64 id, qint64 connectionId, const QString &metric, const QString &labels)
{
    SeriesInfo info;
    info.id = id;
    info.key.connectionId = connectionId;
    info.key.metric = metric;
    info.key.labelsJson = labels;
    return info;
}

Bucket bucket(qint64 startMs, double min, double avg, double max)
{
    return Bucket{startMs, min, max, avg, max, 4};
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        // The model tester reports problems as warnings; any warning fails the test.
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    }

    void connectionsModelPassesTester()
    {
        ConnectionsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
        model.setConnections(sampleConnections());
        model.setConnections({});
        model.setConnections(sampleConnections());
        QCOMPARE(model.rowCount(), 2);
    }

    void connectionsModelCells()
    {
        ConnectionsModel model;
        model.setConnections(sampleConnections());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ConnectionsModel::ColumnCount));
        QCOMPARE(model.columnCount(), 7);
        QCOMPARE(model.headerData(ConnectionsModel::Kind, Qt::Horizontal).toString(), QStringLiteral("Kind"));
        QCOMPARE(model.headerData(ConnectionsModel::LastError, Qt::Horizontal).toString(), QStringLiteral("Last error"));
        QVERIFY(!model.headerData(0, Qt::Vertical).isValid());

        auto cell = [&model](int row, int column, int role = Qt::DisplayRole) {
            return model.data(model.index(row, column), role).toString();
        };
        QCOMPARE(cell(0, ConnectionsModel::Kind), QStringLiteral("runpod"));
        QCOMPARE(cell(0, ConnectionsModel::Name), QStringLiteral("prod"));
        QCOMPARE(cell(0, ConnectionsModel::Enabled), QStringLiteral("Yes"));
        QCOMPARE(cell(0, ConnectionsModel::Cadence), QStringLiteral("5 min"));
        QCOMPARE(cell(0, ConnectionsModel::Status), QStringLiteral("OK"));
        // Shown in local time, in the user's locale.
        const QDateTime syncedAt = sampleConnections().first().lastSyncAt;
        QCOMPARE(cell(0, ConnectionsModel::LastSync), QLocale().toString(syncedAt.toLocalTime(), QLocale::ShortFormat));
        QCOMPARE(cell(1, ConnectionsModel::Enabled), QStringLiteral("No"));
        QCOMPARE(cell(1, ConnectionsModel::Cadence), QStringLiteral("45 s"));
        QCOMPARE(cell(1, ConnectionsModel::LastSync), QStringLiteral("Never"));
        QCOMPARE(cell(1, ConnectionsModel::Status), QStringLiteral("Failed"));
        QCOMPARE(cell(1, ConnectionsModel::LastError, Qt::ToolTipRole), sampleConnections().last().lastError);
        QCOMPARE(ConnectionsModel::cadenceText(7200), QStringLiteral("2 h"));
    }

    void connectionsTableDataIsTypedAndUtc()
    {
        ConnectionsModel model;
        model.setConnections(sampleConnections());
        const TableData table = model.tableData();
        QCOMPARE(table.columns, (QStringList{QStringLiteral("kind"), QStringLiteral("name"), QStringLiteral("enabled"),
                                             QStringLiteral("cadence_seconds"), QStringLiteral("last_sync_at"),
                                             QStringLiteral("last_status"), QStringLiteral("last_error")}));
        QCOMPARE(table.rows.size(), 2);
        const QVariantList &first = table.rows.first();
        QCOMPARE(first.size(), table.columns.size());
        QCOMPARE(first[0].toString(), QStringLiteral("runpod"));
        QCOMPARE(first[2].typeId(), int(QMetaType::Bool));
        QCOMPARE(first[3].toInt(), 300);
        QCOMPARE(first[4].toDateTime(), sampleConnections().first().lastSyncAt);
        QCOMPARE(first[4].toDateTime().timeSpec(), Qt::UTC);
        QVERIFY(table.rows[1][4].isNull());   // never synced: an empty CSV field, not a fake date
        QCOMPARE(table.rows[1][6].toString(), sampleConnections().last().lastError);
    }

    void seriesListModelPassesTester()
    {
        SeriesListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
        model.setSeries({seriesInfo(7, 2, QStringLiteral("DCGM_FI_DEV_GPU_UTIL"), QStringLiteral(R"({"gpu":"0"})"))},
                        {{2, QStringLiteral("lab-dcgm")}});
        model.setSeries({}, {});
        QCOMPARE(model.rowCount(), 0);
    }

    void seriesListModelNamesSeries()
    {
        SeriesListModel model;
        model.setSeries({seriesInfo(7, 2, QStringLiteral("DCGM_FI_DEV_GPU_UTIL"), QStringLiteral(R"({"Hostname":"node-a","gpu":"0"})")),
                         seriesInfo(9, 3, QStringLiteral("up"), QStringLiteral("{}"))},
                        {{2, QStringLiteral("lab-dcgm")}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0)).toString(),
                 QStringLiteral("DCGM_FI_DEV_GPU_UTIL {Hostname=node-a, gpu=0} · lab-dcgm"));
        QCOMPARE(model.data(model.index(1)).toString(), QStringLiteral("up"));
        QCOMPARE(model.data(model.index(1), SeriesListModel::SeriesIdRole).toLongLong(), qint64(9));
        QCOMPARE(model.rowOf(7), 0);
        QCOMPARE(model.rowOf(9), 1);
        QCOMPARE(model.rowOf(42), -1);
        QCOMPARE(model.roleNames().value(SeriesListModel::SeriesIdRole), QByteArray("seriesId"));
    }

    void bucketBandsBreakAtGaps()
    {
        BucketSeries series;
        series.originMs = 0;
        series.widthMs = 1000;
        series.buckets = {bucket(0, 1, 2, 3), bucket(1000, 2, 3, 4), bucket(5000, 0, 5, 10)};
        const QList<BucketBand> bands = bucketBands(series);
        QCOMPARE(bands.size(), 2);
        QCOMPARE(bands[0].avg, (QList<QPointF>{{500, 2}, {1500, 3}}));
        QCOMPARE(bands[0].min, (QList<QPointF>{{500, 1}, {1500, 2}}));
        QCOMPARE(bands[0].max, (QList<QPointF>{{500, 3}, {1500, 4}}));
        QCOMPARE(bands[1].avg, (QList<QPointF>{{5500, 5}}));

        // Too many stretches: bridged into one band rather than hundreds of chart series.
        const QList<BucketBand> bridged = bucketBands(series, 1);
        QCOMPARE(bridged.size(), 1);
        QCOMPARE(bridged[0].avg.size(), 3);

        QVERIFY(bucketBands(BucketSeries{}).isEmpty());
    }

    void bucketAtFindsTheCoveringBucket()
    {
        BucketSeries series;
        series.widthMs = 1000;
        series.buckets = {bucket(0, 1, 2, 3), bucket(1000, 2, 3, 4), bucket(5000, 0, 5, 10)};
        QVERIFY(!bucketAt(series, -1));
        QCOMPARE(bucketAt(series, 0)->startMs, qint64(0));
        QCOMPARE(bucketAt(series, 1999)->startMs, qint64(1000));
        QVERIFY(!bucketAt(series, 2000));   // the missing bucket between the stretches
        QCOMPARE(bucketAt(series, 5999)->avg, 5.0);
        QVERIFY(!bucketAt(series, 6000));
    }

    void customTimeRangeReadsInLocalTimeAndPersists()
    {
        const QDateTime from(QDate(2026, 3, 14), QTime(8, 0), Qt::UTC);
        const QDateTime to(QDate(2026, 3, 15), QTime(8, 0), Qt::UTC);
        const TimeRange range = TimeRange::custom(to, from);   // given backwards: still from < to
        QCOMPARE(range.from(QDateTime::currentDateTimeUtc()), from);
        QVERIFY(range.label().startsWith(from.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
        QCOMPARE(TimeRange::fromSettingsKey(range.settingsKey()), range);
        QCOMPARE(TimeRange::fromSettingsKey(QStringLiteral("7d")), TimeRange::preset(TimeRange::Preset::Last7Days));
        QCOMPARE(TimeRange::fromSettingsKey(QStringLiteral("nonsense")), TimeRange::preset(TimeRange::Preset::Last24Hours));
    }

    void latestRequestDropsOlderTickets()
    {
        LatestRequest request;
        const quint64 first = request.begin();
        QVERIFY(request.isCurrent(first));
        const quint64 second = request.begin();
        QVERIFY(!request.isCurrent(first));
        QVERIFY(request.isCurrent(second));
    }

    void exportFilesAreWrittenOrReported()
    {
        QTemporaryDir dir;
        QImage image(16, 8, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        const QString png = dir.filePath(QStringLiteral("chart.png"));
        QVERIFY(writePngFile(png, image));
        QCOMPARE(QImage(png).size(), QSize(16, 8));

        const Result<void> missingDir = writeExportFile(dir.filePath(QStringLiteral("no/such/dir/chart.svg")), "<svg/>");
        QVERIFY(!missingDir);
        QVERIFY(missingDir.error().message.contains(QStringLiteral("no/such/dir/chart.svg")));
        QVERIFY(!writePngFile(dir.filePath(QStringLiteral("empty.png")), QImage()));
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "test_models.moc"
