// Workflow result recognizers on the real benchmark fixtures (exact values), hand-made JUnit/CSV/Markdown,
// NaN and Infinity tokens, bad files with one-line errors, direction inference and file globs.
#include "workflows/formats.h"
#include "workflows/lenientjson.h"
#include "workflows/metricdirection.h"
#include "workflows/metricrows.h"
#include "workflows/recognizers.h"
#include "workflows/resultfiles.h"
#include "fixtures.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

namespace {

FileExtraction extract(const QString &fixture)
{
    const ResultFile file{fixture, test::fixtureBytes(fixture)};
    Result<FileExtraction> result = extractMetrics(file);
    if (!result)
        qFatal("%s", qPrintable(result.error().message));
    return *result;
}

// The record whose dimension KEY is VALUE (text or number); a default record when none is.
MetricRecord recordWhere(const FileExtraction &extraction, const QString &key, const QVariant &value)
{
    for (const MetricRecord &record : extraction.records) {
        if (record.dimensions.value(key).toVariant() == value)
            return record;
    }
    return {};
}

std::optional<MetricValue> metric(const MetricRecord &record, const QString &name)
{
    for (const MetricValue &m : record.metrics) {
        if (m.name == name)
            return m;
    }
    return std::nullopt;
}

// VALUE, UNIT and DIRECTION of metric NAME in RECORD, or a failure naming what differs.
#define CHECK_METRIC(record_, name_, value_, unit_, direction_)                                                 \
    do {                                                                                                      \
        const std::optional<MetricValue> m_ = metric(record_, QStringLiteral(name_));                       \
        QVERIFY2(m_.has_value(), name_);                                                                      \
        QCOMPARE(m_->value, double(value_));                                                                  \
        QCOMPARE(m_->unit, QStringLiteral(unit_));                                                            \
        QCOMPARE(m_->direction, direction_);                                                                  \
    } while (false)

constexpr MetricDirection Lower = MetricDirection::LowerIsBetter;
constexpr MetricDirection Higher = MetricDirection::HigherIsBetter;
constexpr MetricDirection Neutral = MetricDirection::Neutral;

} // namespace

class TestWorkflowRecognizers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFixtureIsAccepted_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("records");
        QTest::addColumn<int>("metrics");
        QTest::addColumn<int>("notes");
        QTest::newRow("gbench googlecpp") << "bench/gbench-googlecpp_output.json" << "google-benchmark" << 2 << 6 << 0;
        QTest::newRow("gbench test1") << "bench/gbench-compare-test1_run1.json" << "google-benchmark" << 16 << 45 << 0;
        QTest::newRow("gbench test4 no timings") << "bench/gbench-compare-test4_run.json" << "google-benchmark" << 0 << 0 << 1;
        QTest::newRow("gbench NaN/Infinity") << "workflows/gbench-nonfinite.json" << "google-benchmark" << 2 << 4 << 0;
        QTest::newRow("pytest output") << "bench/pytest-benchmark-output.json" << "pytest-benchmark" << 2 << 32 << 0;
        QTest::newRow("pytest several units") << "bench/pytest-benchmark-several_units.json" << "pytest-benchmark" << 4 << 64 << 0;
        QTest::newRow("pytest 2.5.0") << "bench/pytest-benchmark-storage-v2.5.0.json" << "pytest-benchmark" << 1 << 14 << 0;
        QTest::newRow("hyperfine one") << "bench/hyperfine-one.json" << "hyperfine" << 1 << 7 << 0;
        QTest::newRow("hyperfine two") << "bench/hyperfine-two.json" << "hyperfine" << 2 << 14 << 0;
        QTest::newRow("vllm serve") << "bench/vllm-bench-serve-v0.25.1.json" << "vllm-bench" << 1 << 23 << 0;
        QTest::newRow("vllm all failed") << "bench/vllm-bench-serve-all-failed-v0.25.1.json" << "vllm-bench" << 1 << 2 << 1;
        QTest::newRow("vllm sweep") << "bench/vllm-bench-sweep-run0.json" << "vllm-bench" << 1 << 27 << 0;
        QTest::newRow("junit") << "workflows/pytest-junit.xml" << "junit" << 5 << 9 << 0;
        QTest::newRow("csv") << "workflows/results.csv" << "csv" << 3 << 8 << 0;
        QTest::newRow("markdown") << "workflows/results.md" << "markdown" << 4 << 7 << 0;
    }

    void everyFixtureIsAccepted()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, format);
        QFETCH(int, records);
        QFETCH(int, metrics);
        QFETCH(int, notes);
        const FileExtraction extraction = extract(fixture);
        QCOMPARE(extraction.format, format);
        QCOMPARE(extraction.records.size(), records);
        qsizetype values = 0;
        for (const MetricRecord &record : extraction.records) {
            QCOMPARE(record.sourceFile, fixture);
            values += record.metrics.size();
        }
        QCOMPARE(values, metrics);
        QCOMPARE(extraction.notes.size(), notes);
    }

    void googleBenchmark()
    {
        const FileExtraction e = extract(QStringLiteral("bench/gbench-googlecpp_output.json"));
        const MetricRecord fib10 = recordWhere(e, QStringLiteral("benchmark"), QStringLiteral("fib_10"));
        QCOMPARE(fib10.dimensions, (QJsonObject{{QStringLiteral("benchmark"), QStringLiteral("fib_10")},
                                                {QStringLiteral("run_type"), QStringLiteral("iteration")},
                                                {QStringLiteral("threads"), 1}}));
        CHECK_METRIC(fib10, "real_time", 2.1498980114547953e+02, "ns", Lower);
        CHECK_METRIC(fib10, "cpu_time", 2.1365507206163295e+02, "ns", Lower);
        CHECK_METRIC(fib10, "iterations", 3070566, "", Neutral);
        const MetricRecord fib20 = recordWhere(e, QStringLiteral("benchmark"), QStringLiteral("fib_20"));
        CHECK_METRIC(fib20, "real_time", 2.7455600415007055e+04, "ns", Lower);

        const FileExtraction old = extract(QStringLiteral("bench/gbench-compare-test1_run1.json"));
        CHECK_METRIC(recordWhere(old, QStringLiteral("benchmark"), QStringLiteral("BM_NotBadTimeUnit")), "cpu_time", 0.5, "s", Lower);
        const MetricRecord bigO = recordWhere(old, QStringLiteral("benchmark"), QStringLiteral("MyComplexityTest_BigO"));
        QCOMPARE(bigO.dimensions.value(QLatin1String("aggregate")).toString(), QStringLiteral("BigO"));
        CHECK_METRIC(bigO, "real_coefficient", 6.4789275289789780, "", Neutral);
        QCOMPARE(recordWhere(old, QStringLiteral("benchmark"), QStringLiteral("BM_hasLabel")).dimensions.value(QLatin1String("label")).toString(),
                 QStringLiteral("a label"));
        QCOMPARE(extract(QStringLiteral("bench/gbench-compare-test4_run.json")).notes,
                 QStringList{QStringLiteral("12 of 12 benchmarks have no timings or counters")});
    }

    void nonFiniteTokensAreNull()
    {
        const FileExtraction e = extract(QStringLiteral("workflows/gbench-nonfinite.json"));
        const MetricRecord decode = recordWhere(e, QStringLiteral("benchmark"), QStringLiteral("BM_Decode/NaN"));
        CHECK_METRIC(decode, "real_time", 1500, "us", Lower);
        CHECK_METRIC(decode, "iterations", 100, "", Neutral);
        QVERIFY(!metric(decode, QStringLiteral("items_per_second")));   // Infinity is no measurement
        const MetricRecord mean = recordWhere(e, QStringLiteral("benchmark"), QStringLiteral("BM_Decode_mean"));
        QCOMPARE(mean.metrics.size(), 1);
        CHECK_METRIC(mean, "bytes_per_second", 2.5e9, "/s", Higher);
    }

    void replaceNonFiniteTokens_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("bare tokens") << QByteArray("[NaN, Infinity, -Infinity, +Infinity, 1]") << QByteArray("[null, null, null, null, 1]");
        QTest::newRow("inside strings") << QByteArray("{\"NaN\": \"Infinity\", \"x\": NaN}") << QByteArray("{\"NaN\": \"Infinity\", \"x\": null}");
        QTest::newRow("escaped quote") << QByteArray("[\"a\\\"NaN\", NaN]") << QByteArray("[\"a\\\"NaN\", null]");
        QTest::newRow("lines kept") << QByteArray("{\n\"a\": NaN,\n\"b\": -Infinity\n}") << QByteArray("{\n\"a\": null,\n\"b\": null\n}");
    }

    void replaceNonFiniteTokens()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(fleetscope::replaceNonFiniteTokens(input), expected);
    }

    void pytestBenchmark()
    {
        const FileExtraction e = extract(QStringLiteral("bench/pytest-benchmark-output.json"));
        const MetricRecord fib10 = recordWhere(e, QStringLiteral("benchmark"), QStringLiteral("test_fib_10"));
        QCOMPARE(fib10.dimensions, (QJsonObject{{QStringLiteral("benchmark"), QStringLiteral("test_fib_10")}}));   // group null: left out
        CHECK_METRIC(fib10, "mean", 2.408868133322941e-05, "s", Lower);
        CHECK_METRIC(fib10, "median", 2.2300000000363696e-05, "s", Lower);
        CHECK_METRIC(fib10, "ops", 41513.272817492856, "ops/s", Higher);
        CHECK_METRIC(fib10, "rounds", 38523, "", Neutral);
        QVERIFY(!metric(fib10, QStringLiteral("data")));
        const FileExtraction units = extract(QStringLiteral("bench/pytest-benchmark-several_units.json"));
        CHECK_METRIC(recordWhere(units, QStringLiteral("benchmark"), QStringLiteral("test_sleep_2")), "median", 2.005124842999999, "s", Lower);
        CHECK_METRIC(recordWhere(units, QStringLiteral("benchmark"), QStringLiteral("test_fib_1")), "ops", 6668618.238403659, "ops/s", Higher);
        const FileExtraction old = extract(QStringLiteral("bench/pytest-benchmark-storage-v2.5.0.json"));
        const MetricRecord param = recordWhere(old, QStringLiteral("benchmark"), QStringLiteral("test_xfast_parametrized[0]"));
        CHECK_METRIC(param, "mean", 2.61205074138546e-07, "s", Lower);
        CHECK_METRIC(param, "iterations", 431, "", Neutral);
        QVERIFY(!metric(param, QStringLiteral("ops")));   // 2.5.0 had none
    }

    void hyperfine()
    {
        const FileExtraction e = extract(QStringLiteral("bench/hyperfine-two.json"));
        const MetricRecord slow = recordWhere(e, QStringLiteral("command"), QStringLiteral("sleep 0.2"));
        CHECK_METRIC(slow, "mean", 0.20851399910461543, "s", Lower);
        CHECK_METRIC(slow, "stddev", 0.003728441448463812, "s", Lower);
        CHECK_METRIC(slow, "max", 0.21412868472000002, "s", Lower);
        CHECK_METRIC(extract(QStringLiteral("bench/hyperfine-one.json")).records.first(), "median", 0.01325132996, "s", Lower);
    }

    void vllmServe()
    {
        const FileExtraction e = extract(QStringLiteral("bench/vllm-bench-serve-v0.25.1.json"));
        const MetricRecord r = e.records.first();
        QCOMPARE(r.dimensions.value(QLatin1String("model_id")).toString(), QStringLiteral("facebook/opt-125m"));
        QCOMPARE(r.dimensions.value(QLatin1String("request_rate")).toString(), QStringLiteral("inf"));
        QCOMPARE(r.dimensions.value(QLatin1String("max_concurrency")).toDouble(), 2.0);
        QVERIFY(!r.dimensions.contains(QLatin1String("label")));            // null
        CHECK_METRIC(r, "output_throughput", 82.89297074037474, "tok/s", Higher);
        CHECK_METRIC(r, "request_throughput", 5.180810671273421, "req/s", Higher);
        CHECK_METRIC(r, "max_output_tokens_per_s", 85.0, "tok/s", Higher);
        CHECK_METRIC(r, "p99_ttft_ms", 734.4049174101428, "ms", Lower);
        CHECK_METRIC(r, "duration", 1.5441598830002476, "s", Lower);
        CHECK_METRIC(r, "failed", 0, "", Lower);
        CHECK_METRIC(r, "total_output_tokens", 128, "", Neutral);
        QVERIFY(!metric(r, QStringLiteral("request_goodput")));             // null
        QVERIFY(!metric(r, QStringLiteral("num_prompts")));                 // a parameter: a dimension

        const MetricRecord sweep = extract(QStringLiteral("bench/vllm-bench-sweep-run0.json")).records.first();
        CHECK_METRIC(sweep, "p99_e2el_ms", 876.8009717071254, "ms", Lower);
        QCOMPARE(sweep.dimensions.value(QLatin1String("max_num_seqs")).toDouble(), 4.0);
        QVERIFY(!metric(sweep, QStringLiteral("run_number")));
    }

    void vllmAllFailedKeepsOnlyCounts()
    {
        const FileExtraction e = extract(QStringLiteral("bench/vllm-bench-serve-all-failed-v0.25.1.json"));
        const MetricRecord r = e.records.first();
        CHECK_METRIC(r, "completed", 0, "", Neutral);
        CHECK_METRIC(r, "failed", 8, "", Lower);
        QVERIFY(!metric(r, QStringLiteral("mean_ttft_ms")));   // zeros there are not a 100 % speed-up
        QVERIFY(!metric(r, QStringLiteral("output_throughput")));
        QCOMPARE(e.notes, QStringList{QStringLiteral("no request completed (8 failed): latency and throughput not recorded")});
    }

    void junit()
    {
        const FileExtraction e = extract(QStringLiteral("workflows/pytest-junit.xml"));
        const MetricRecord suite = e.records.first();
        QCOMPARE(suite.dimensions, (QJsonObject{{QStringLiteral("suite"), QStringLiteral("pytest")}}));
        CHECK_METRIC(suite, "time", 3.217, "s", Lower);
        CHECK_METRIC(suite, "failures", 1, "", Lower);
        CHECK_METRIC(suite, "tests", 4, "", Neutral);
        const MetricRecord longCase = recordWhere(e, QStringLiteral("test"), QStringLiteral("test_generate[long]"));
        QCOMPARE(longCase.dimensions.value(QLatin1String("classname")).toString(), QStringLiteral("tests.test_model"));
        CHECK_METRIC(longCase, "time", 0.980, "s", Lower);
    }

    void csvColumns()
    {
        const FileExtraction e = extract(QStringLiteral("workflows/results.csv"));
        const MetricRecord batch32 = recordWhere(e, QStringLiteral("batch_size"), 32.0);
        QCOMPARE(batch32.dimensions, (QJsonObject{{QStringLiteral("model"), QStringLiteral("llama-3-8b")}, {QStringLiteral("batch_size"), 32},
                                                  {QStringLiteral("precision"), QStringLiteral("bf16")}, {QStringLiteral("gpu"), QStringLiteral("H100, SXM")}}));
        CHECK_METRIC(batch32, "throughput", 9120, "tok/s", Higher);
        CHECK_METRIC(batch32, "latency_p50_ms", 35.1, "ms", Lower);
        const MetricRecord mistral = recordWhere(e, QStringLiteral("model"), QStringLiteral("mistral-7b"));
        CHECK_METRIC(mistral, "throughput", 901.25, "tok/s", Higher);
        QVERIFY(!metric(mistral, QStringLiteral("latency_p99_ms")));   // empty cell
    }

    // The hand-written cell and CSV readers: quotes, escaped quotes, line breaks in quotes, units,
    // exponents, and an 'e' that starts a unit rather than an exponent.
    void tableCellsByHand()
    {
        const QByteArray csv = "name,note,wall (s),rate,count\r\n"
                               "\"a \"\"quoted\"\" one\",\"two\nlines\",1.5e-3,12.5 tok/s,3e\r\n"
                               "b,plain,.25,+7 tok/s,4e\n";
        Result<FileExtraction> e = extractMetrics(ResultFile{QStringLiteral("t.csv"), csv});
        QVERIFY2(e, qPrintable(e ? QString() : e.error().message));
        QCOMPARE(e->records.size(), 2);
        const MetricRecord first = e->records.first();
        QCOMPARE(first.dimensions.value(QLatin1String("name")).toString(), QStringLiteral("a \"quoted\" one"));
        QCOMPARE(first.dimensions.value(QLatin1String("note")).toString(), QStringLiteral("two\nlines"));
        CHECK_METRIC(first, "wall", 1.5e-3, "s", Lower);
        CHECK_METRIC(first, "rate", 12.5, "tok/s", Higher);
        CHECK_METRIC(first, "count", 3, "e", Neutral);   // "3e": a unit, as "3 e" would be
        CHECK_METRIC(e->records.at(1), "wall", 0.25, "s", Lower);
        CHECK_METRIC(e->records.at(1), "rate", 7, "tok/s", Higher);

        const QByteArray md = "| Kernel | Time |\n|---|---|\n| a\\|b | 5 µs |\n| c | 1e2us |\n| d | 3 ms/op |\n";
        Result<FileExtraction> m = extractMetrics(ResultFile{QStringLiteral("t.md"), md});
        QVERIFY2(m, qPrintable(m ? QString() : m.error().message));
        QCOMPARE(m->records.size(), 3);
        QCOMPARE(m->records.first().dimensions.value(QLatin1String("Kernel")).toString(), QStringLiteral("a|b"));
        QCOMPARE(m->records.first().metrics.first().value, 5.0);
        QCOMPARE(m->records.at(1).metrics.first().value, 100.0);
        QCOMPARE(m->records.at(2).metrics.first().value, 3.0);
        QCOMPARE(m->records.first().metrics.first().unit, QString());   // units disagree across rows
    }

    // Every table cell's number is read by formats::decimal, not QString::toDouble: the same values.
    void decimalReadsAsQtDoes_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *text : {"0", "-0", "12.5", " 12.5 ", "+7", ".25", "5.", "1.5e-3", "1E3", "-2.5e+10", "0.1", "3.14159265358979323846",
                                 "1.7976931348623157e308", "4.9e-324", "2.2250738585072014e-308", "1e400", "-1e400",
                                 "000123.4500", "123456789012345678901234567890",
                                 "1.00000000000000000000000000000000000000000000000000000000000000000000001"})
            QTest::newRow(text) << QString::fromLatin1(text);
    }

    void decimalReadsAsQtDoes()
    {
        QFETCH(QString, text);
        const std::optional<double> read = formats::decimal(text);
        QVERIFY(read);
        QCOMPARE(*read, text.toDouble());
    }

    void decimalRejectsWhatIsNoNumber()
    {
        for (const QString &text : {QString(), QStringLiteral(" "), QStringLiteral("abc"), QStringLiteral("1,5"), QStringLiteral("12 ms"),
                                    QStringLiteral("++1"), QStringLiteral("0x10"), QStringLiteral("1e"), QStringLiteral("\u0663")})
            QVERIFY2(!formats::decimal(text), qPrintable(text));   // the last: ARABIC-INDIC DIGIT THREE
    }

    // Metric rows are written as JSON by hand; they must read as QJsonObject would have written them,
    // also after rows built apart (one list per file) are joined.
    void storedDocumentsMatchQJsonObject()
    {
        MetricRecord record;
        record.dimensions = QJsonObject{{QStringLiteral("model"), QStringLiteral("llama \"3\"\n\u00b5")}, {QStringLiteral("batch"), 32},
                                        {QStringLiteral("zeta"), 1.5}};
        record.metrics = {makeMetric(QStringLiteral("b_time_ms"), 1.25), makeMetric(QStringLiteral("a_rate"), 3e20, QStringLiteral("tok/s")),
                          makeMetric(QStringLiteral("b_time_ms"), 2.0), makeMetric(QStringLiteral("\u00b5\t"), -0.5),
                          MetricValue{QStringLiteral("c_score"), 7, QString(), MetricDirection::LowerIsBetter}};   // edited against inference
        MetricRows rows(QList<MetricRecord>{MetricRecord{QStringLiteral("first.json"), {{QStringLiteral("k"), 1}}, {makeMetric(QStringLiteral("x"), 1)}}});
        MetricRows later;
        later.append(record);
        rows.append(later);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.valueCount(), 6);
        QCOMPARE(rows.metrics(0), QByteArrayView(R"({"x":1})"));
        QCOMPARE(rows.sourceFile(0), QStringLiteral("first.json"));
        QCOMPARE(rows.sourceFile(1), QString());
        QJsonObject metrics;
        QJsonObject units;
        QJsonObject directions;
        for (const MetricValue &m : std::as_const(record.metrics)) {
            metrics.insert(m.name, m.value);
            if (!m.unit.isEmpty())
                units.insert(m.name, m.unit);
            if (m.direction != inferDirection(m.name, m.unit))   // only those that differ from the inferred one
                directions.insert(m.name, directionName(m.direction));
        }
        QCOMPARE(rows.metrics(1), QJsonDocument(metrics).toJson(QJsonDocument::Compact));
        QCOMPARE(rows.units(1), QJsonDocument(units).toJson(QJsonDocument::Compact));
        QCOMPARE(rows.directions(1), QJsonDocument(directions).toJson(QJsonDocument::Compact));
        QCOMPARE(rows.dimensions(1), QJsonDocument(record.dimensions).toJson(QJsonDocument::Compact));
        const MetricRecord back = rows.record(1);   // read back: the metrics in name order, the last b_time_ms
        QCOMPARE(back.dimensions, record.dimensions);
        QCOMPARE(rows.directions(1), QByteArrayView(R"({"c_score":"lower"})"));
        QCOMPARE(back.metrics.size(), 4);
        QCOMPARE(back.metrics.at(2).name, QStringLiteral("c_score"));
        QCOMPARE(back.metrics.at(2).direction, MetricDirection::LowerIsBetter);
        QCOMPARE(back.metrics.at(1).name, QStringLiteral("b_time_ms"));
        QCOMPARE(back.metrics.at(1).value, 2.0);
        QCOMPARE(back.metrics.at(0).unit, QStringLiteral("tok/s"));
        QCOMPARE(back.metrics.at(0).direction, MetricDirection::HigherIsBetter);
    }

    // The built-in schema's fields take a field's unit and direction from the last row with it,
    // also across rows joined from several files.
    void rowFieldsFollowTheLastRow()
    {
        const auto row = [](const QString &unit) {
            return MetricRecord{QStringLiteral("a.json"), {{QStringLiteral("case"), 1}}, {makeMetric(QStringLiteral("t"), 1, unit)}};
        };
        MetricRows rows(QList<MetricRecord>{row(QStringLiteral("ms"))});
        rows.append(MetricRows(QList<MetricRecord>{row(QStringLiteral("s"))}));
        QCOMPARE(rows.builtinFields().metrics.value(QStringLiteral("t")).unit, QStringLiteral("s"));
        rows.append(row(QStringLiteral("ms")));
        QCOMPARE(rows.builtinFields().metrics.value(QStringLiteral("t")).unit, QStringLiteral("ms"));
        QCOMPARE(rows.units(2), QByteArrayView(R"({"t":"ms"})"));
        QVERIFY(rows.hasBuiltinRows());
        QCOMPARE(rows.builtinFields().dimensions.value(QStringLiteral("case"), false), true);   // a number
    }

    // CSV and Markdown rows are written straight from the cells for the import; they must be the very
    // rows the records would have given: each document byte for byte, the source file, the value count
    // and the built-in fields, also joined after another file's rows.
    void tableRowsMatchTheirRecords_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("content");
        for (const char *fixture : {"workflows/results.csv", "workflows/results.md", "workflows/pytest-junit.xml"})
            QTest::addRow("%s", fixture) << QString::fromLatin1(fixture) << test::fixtureBytes(QString::fromLatin1(fixture));
        QTest::addRow("missing cells change the fields")
            << QStringLiteral("gaps.csv")
            << QByteArray("model,batch,p50 (ms),tok/s,note\nA,1,2.5,,x\nB,2,,900,\nC,4,3.5,950,y\nD,,,,z\nE,8,4,1000,\n");
        QTest::addRow("names given twice, a column named table")
            << QStringLiteral("twice.md")
            << QByteArray("## Run\n| table | t (ms) | t (s) | gpu | gpu | n |\n|---|---|---|---|---|---|\n"
                          "| x | 1 | 2 | H100 | A100 | 3 |\n| | 1 | | | L4 | 4 |\n| y | | 5 | T4 | | |\n"
                          "\n## Two\n| Kernel | Time |\n|---|---|\n| a\\|b | 5 µs |\n| \"q\" | 7 us |\n");
        QTest::addRow("two tables of one shape, other units")
            << QStringLiteral("shapes.md")
            << QByteArray("## A\n| k | t (ms) |\n|---|---|\n| a | 1 |\n| b | 2 |\n\n## B\n| k | t (s) |\n|---|---|\n| a | 3 |\n| b | 4 |\n");
        QTest::addRow("JUnit: times in every form")
            << QStringLiteral("times.xml")
            << QByteArray("<testsuite name=\"s\"><testcase name=\"a\" time=\"0.980\"/><testcase name=\"b\" time=\" 0.5 \"/>"
                          "<testcase name=\"c\" time=\"0.0005\"/><testcase name=\"d\" time=\"12\"/><testcase name=\"e\" time=\"1.25\"/>"
                          "<testcase name=\"f\" time=\"+2\"/><testcase name=\"g\" time=\"-0\"/></testsuite>");
        QTest::addRow("JUnit: suites with and without totals, a case without time")
            << QStringLiteral("cases.xml")
            << QByteArray("<testsuites><testsuite name=\"a &amp; b\" tests=\"2\" time=\"1.5\"><testcase classname=\"c\" name=\"t1\" time=\"0.5\"/>"
                          "<testcase name=\"t2\" time=\"1\"/><testcase classname=\"c\" name=\"untimed\"/></testsuite>"
                          "<testsuite name=\"bare\"><testcase classname=\"d\" name=\"t3\" time=\"2e-3\"/></testsuite>"
                          "<testsuite failures=\"1\" errors=\"0\" skipped=\"1\"><testcase classname=\"e\" name=\"t4\" time=\"3\"/></testsuite></testsuites>");
        // Cells copied as they are written must read as the values formatted would: every form of number.
        QByteArray numbers = "form,x (ms),batch_size\n";
        int n = 0;
        for (const char *x : {"0", "-0", "7", "-12", "0.5", "-0.5", "0.05", "0.005", "0.0005", "0.00012", "12.5", "12.50", "12.0", "007", "+3", ".25",
                              "5.", "1e3", "2.5E-4", "3065.37", "123456789012345", "1234567890123456", "12345678901234567890", "9007199254740993",
                              "99999999999999.9", "999999999999999.9", "0.123456789012345", "0.1234567890123456", "0.0123456789012345",
                              "1.7976931348623157", "-1000.25", "42 ms", "0.01 ms", "100000000000000000000000", "3.0000000000000004"})
        {
            numbers += "r" + QByteArray::number(n) + "," + x + "," + QByteArray::number(n % 2 ? 1.5 : 8) + "\n";
            ++n;
        }
        QTest::addRow("numbers in every form") << QStringLiteral("numbers.csv") << numbers;
        QTest::addRow("escapes and text in a numeric column")
            << QStringLiteral("text.csv") << QByteArray("name,score,rate\n\"tab\tand \"\"quote\"\"\",1,2 tok/s\nµ,n/a,3 tok/s\n");
    }

    void tableRowsMatchTheirRecords()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, content);
        const ResultFile file{path, content};
        const Result<FileExtraction> asRecords = extractMetrics(file);
        const Result<FileExtraction> asRows = extractMetrics(file, ExtractionForm::StoredRows);
        QVERIFY2(asRecords && asRows, qPrintable(asRecords ? QString() : asRecords.error().message));
        QVERIFY(asRows->records.isEmpty());
        QCOMPARE(asRows->notes, asRecords->notes);
        const MetricRecord other{QStringLiteral("first.json"), {{QStringLiteral("gpu"), 1}}, {makeMetric(QStringLiteral("t"), 1, QStringLiteral("h"))}};
        MetricRows expected(QList<MetricRecord>{other});
        expected.append(MetricRows(asRecords->records));
        MetricRows joined(QList<MetricRecord>{other});
        joined.append(asRows->rows);
        QCOMPARE(asRows->rows.size(), asRecords->records.size());
        QVERIFY(asRows->rows.size() > 1);
        QCOMPARE(joined.size(), expected.size());
        QCOMPARE(joined.valueCount(), expected.valueCount());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(joined.dimensions(i), expected.dimensions(i));
            QCOMPARE(joined.metrics(i), expected.metrics(i));
            QCOMPARE(joined.units(i), expected.units(i));
            QCOMPARE(joined.directions(i), expected.directions(i));
            QCOMPARE(joined.sourceFile(i), expected.sourceFile(i));
            QCOMPARE(joined.schemaId(i), expected.schemaId(i));
        }
        QCOMPARE(joined.builtinFields().dimensions, expected.builtinFields().dimensions);
        QStringList metricNames = joined.builtinFields().metrics.keys();   // a QHash's order differs from one to the next
        QStringList expectedNames = expected.builtinFields().metrics.keys();
        metricNames.sort();
        expectedNames.sort();
        QCOMPARE(metricNames, expectedNames);
        for (auto it = expected.builtinFields().metrics.cbegin(); it != expected.builtinFields().metrics.cend(); ++it) {
            QCOMPARE(joined.builtinFields().metrics.value(it.key()).unit, it->unit);
            QCOMPARE(joined.builtinFields().metrics.value(it.key()).direction, it->direction);
        }
        // A record after the table rows starts its own fields again.
        joined.append(other);
        expected.append(other);
        QCOMPARE(joined.units(joined.size() - 1), expected.units(expected.size() - 1));
        QCOMPARE(joined.builtinFields().metrics.value(QStringLiteral("t")).unit, QStringLiteral("h"));
    }

    void markdownTables()
    {
        const FileExtraction e = extract(QStringLiteral("workflows/results.md"));
        const MetricRecord bold = recordWhere(e, QStringLiteral("Concurrency"), 32.0);
        QCOMPARE(bold.dimensions, (QJsonObject{{QStringLiteral("table"), QStringLiteral("Throughput")}, {QStringLiteral("Model"), QStringLiteral("llama-3-8b")},
                                               {QStringLiteral("Concurrency"), 32}, {QStringLiteral("Status"), QStringLiteral("ok")}}));
        CHECK_METRIC(bold, "Output throughput", 6120, "tok/s", Higher);
        CHECK_METRIC(bold, "TTFT p50", 88.0, "ms", Lower);
        const MetricRecord shortRow = recordWhere(e, QStringLiteral("Model"), QStringLiteral("qwen2-7b"));
        CHECK_METRIC(shortRow, "TTFT p50", 47.9, "ms", Lower);
        QVERIFY(!shortRow.dimensions.contains(QLatin1String("Status")));
        const MetricRecord memory = recordWhere(e, QStringLiteral("table"), QStringLiteral("Memory"));
        CHECK_METRIC(memory, "Peak memory", 17.8, "GB", Lower);
    }

    void genericJsonFlattensPaths()
    {
        const QByteArray json = "{\"model\": \"llama\", \"results\": {\"throughput_tok_s\": 812.5, \"latency\": {\"p50_ms\": 11.2}},"
                                " \"runs\": [{\"wall_time\": 3}], \"samples\": [1, 2, 3], \"ok\": true}";
        Result<FileExtraction> e = extractMetrics(ResultFile{QStringLiteral("out/summary.json"), json});
        QVERIFY2(e, qPrintable(e ? QString() : e.error().message));
        QCOMPARE(e->format, QStringLiteral("json"));
        QCOMPARE(e->records.size(), 1);
        const MetricRecord r = e->records.first();
        QCOMPARE(r.dimensions, (QJsonObject{{QStringLiteral("model"), QStringLiteral("llama")}}));
        CHECK_METRIC(r, "results.throughput_tok_s", 812.5, "tok/s", Higher);
        CHECK_METRIC(r, "results.latency.p50_ms", 11.2, "ms", Lower);
        CHECK_METRIC(r, "runs[0].wall_time", 3, "", Lower);
        QCOMPARE(r.metrics.size(), 3);
        QCOMPARE(e->notes, QStringList{QStringLiteral("1 arrays of plain values left out")});
    }

    void badFilesFailWithOneLine_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("error");
        const QByteArray gbench = test::fixtureBytes(QStringLiteral("bench/gbench-googlecpp_output.json"));
        QTest::newRow("truncated JSON") << "bench/cut.json" << gbench.left(700)
                                        << "bench/cut.json:35: not valid JSON (invalid termination by number)";
        QTest::newRow("empty JSON") << "empty.json" << QByteArray() << "empty.json: empty file";
        QTest::newRow("empty CSV") << "empty.csv" << QByteArray("\n\n") << "empty.csv: empty file";
        QTest::newRow("empty Markdown") << "empty.md" << QByteArray(" ") << "empty.md: empty file";
        QTest::newRow("empty XML") << "empty.xml" << QByteArray() << "empty.xml: empty file";
        QTest::newRow("ragged CSV") << "r.csv" << QByteArray("model,throughput\nllama,812\nmistral,900,extra\n")
                                    << "r.csv:3: row has 3 fields, the header has 2";
        QTest::newRow("unclosed quote") << "q.csv" << QByteArray("model,x\n\"llama,1\n") << "q.csv:2: a quoted field is never closed";
        QTest::newRow("broken XML") << "j.xml" << QByteArray("<testsuite name=\"a\">\n<testcase name=\"b\" time=\"1\">\n</testsuite>\n")
                                    << "j.xml:3: not valid XML (Opening and ending tag mismatch.)";
        QTest::newRow("XML not JUnit") << "pom.xml" << QByteArray("<project/>") << "pom.xml: XML without <testsuite> or <testcase>: not a JUnit report";
        QTest::newRow("Markdown without table") << "notes.md" << QByteArray("# Notes\nno table here | really\n") << "notes.md: no Markdown table (a header row, then a |---| delimiter row)";
        QTest::newRow("unknown extension") << "log.txt" << QByteArray("x") << "log.txt: not a recognized result file (want .json, .csv, .md or .xml)";
    }

    void badFilesFailWithOneLine()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, content);
        QFETCH(QString, error);
        const Result<FileExtraction> e = extractMetrics(ResultFile{path, content});
        QVERIFY(!e);
        QCOMPARE(e.error().kind, ErrorClass::BadData);
        QCOMPARE(e.error().message, error);
    }

    void directionInference_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<MetricDirection>("direction");
        QTest::newRow("time unit") << "real_time" << "ns" << Lower;
        QTest::newRow("latency") << "latency_p99" << "" << Lower;
        QTest::newRow("ms suffix") << "mean_ttft_ms" << "" << Lower;
        QTest::newRow("camel case time") << "wallTime" << "" << Lower;
        QTest::newRow("throughput") << "output_throughput" << "" << Higher;
        QTest::newRow("tokens per s") << "max_output_tokens_per_s" << "" << Higher;
        QTest::newRow("rate unit") << "speed" << "tokens/s" << Higher;
        QTest::newRow("ops") << "ops" << "" << Higher;
        QTest::newRow("memory") << "peak" << "GiB" << Lower;
        QTest::newRow("count") << "iterations" << "" << Neutral;
        QTest::newRow("timestamp") << "timestamp" << "" << Neutral;
    }

    void directionInference()
    {
        QFETCH(QString, name);
        QFETCH(QString, unit);
        QFETCH(MetricDirection, direction);
        QCOMPARE(inferDirection(name, unit), direction);
    }

    void globs_data()
    {
        QTest::addColumn<QString>("glob");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("matches");
        QTest::newRow("** none") << "bench/**/*.json" << "bench/a.json" << true;
        QTest::newRow("** deep") << "bench/**/*.json" << "bench/x/y/a.json" << true;
        QTest::newRow("other root") << "bench/**/*.json" << "other/bench/a.json" << false;
        QTest::newRow("* one level") << "results/*.csv" << "results/sub/a.csv" << false;
        QTest::newRow("? and class") << "run-?.[jc]son" << "run-1.json" << true;
        QTest::newRow("dot is literal") << "*.json" << "ajson" << false;
        QTest::newRow("trailing **") << "bench/**" << "bench/x/a.md" << true;
    }

    void globs()
    {
        QFETCH(QString, glob);
        QFETCH(QString, path);
        QFETCH(bool, matches);
        QCOMPARE(matchesFilePatterns(path, {glob}), matches);
    }

    void collectingSkipsOversizeFiles()
    {
        QTemporaryDir dir;
        QDir().mkpath(dir.filePath(QStringLiteral("bench/sub")));
        auto write = [&dir](const QString &name, const QByteArray &bytes) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        };
        write(QStringLiteral("bench/small.json"), "{\"a\": 1}");
        write(QStringLiteral("bench/sub/big.json"), QByteArray(3000, ' ') + "{}");
        write(QStringLiteral("bench/notes.txt"), "x");
        Result<CollectedFiles> files = collectLocalFiles({dir.path()}, {QStringLiteral("bench/**/*.json")}, 2048);
        QVERIFY(files);
        QCOMPARE(files->found(), 2);
        QCOMPARE(files->files.size(), 1);
        QCOMPARE(files->files.first().path, QStringLiteral("bench/small.json"));
        QCOMPARE(files->skipped.size(), 1);
        QCOMPARE(files->skipped.first().path, QStringLiteral("bench/sub/big.json"));
        QCOMPARE(files->skipped.first().reason, QStringLiteral("2.9 KB, over the 2.0 KB limit"));
        const Result<CollectedFiles> missing = collectLocalFiles({dir.filePath(QStringLiteral("nope"))}, {}, 2048);
        QVERIFY(!missing);
        QVERIFY(missing.error().message.endsWith(QLatin1String("nope: no such file or folder")));
    }
};

QTEST_GUILESS_MAIN(TestWorkflowRecognizers)
#include "test_workflowrecognizers.moc"
