// The exposition parser against real exporter output, escapes, timestamps, special values and
// malformed input with exact line numbers.
#include "fixtures.h"
#include "metrics/exposition.h"

#include <QTest>

#include <cmath>

using namespace fleetscope;

Q_DECLARE_METATYPE(fleetscope::ExpositionFormat)

namespace {

QByteArray fixture(const QString &name)
{
    return test::fixtureBytes(QStringLiteral("dcgm/") + name);
}

Result<Exposition> parse(const QByteArray &text, ExpositionFormat format = ExpositionFormat::Prometheus,
                         const QString &source = QStringLiteral("t.prom"))
{
    return parseExposition(text, format, source);
}

QString familyName(const Exposition &e, const QString &name, MetricType *type = nullptr, qsizetype *count = nullptr)
{
    for (const MetricFamily &f : e.families()) {
        if (e.strings().string(f.name) == name) {
            if (type)
                *type = f.type;
            if (count)
                *count = f.sampleCount;
            return name;
        }
    }
    return {};
}

QString labelOf(const Exposition &e, const MetricSample &s, std::string_view name)
{
    const std::optional<std::string_view> value = e.label(s, name);
    return value ? QString::fromUtf8(value->data(), qsizetype(value->size())) : QStringLiteral("<none>");
}

} // namespace

class TestExposition : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<ExpositionFormat>("format");
        QTest::addColumn<int>("families");
        QTest::addColumn<int>("samples");
        QTest::addColumn<QString>("error");   // empty: must parse
        const auto P = ExpositionFormat::Prometheus;
        const auto OM = ExpositionFormat::OpenMetrics;
        // Counts checked by hand: netdata's MIG sample joins DCGM_FI_DEV_GPU_UTIL (11 HELP/TYPE
        // families, 12 samples); the textfile fixture's summary has 20 samples under one family.
        QTest::addRow("netdata dcgm") << QStringLiteral("netdata-dcgm-metrics_valid.prom") << P << 11 << 12 << QString();
        QTest::addRow("netdata non-dcgm") << QStringLiteral("netdata-metrics_non_dcgm.prom") << P << 1 << 1 << QString();
        QTest::addRow("datadog dcgm") << QStringLiteral("datadog-dcgm-metrics.txt") << P << 38 << 38 << QString();
        QTest::addRow("datadog label remap") << QStringLiteral("datadog-dcgm-label_remap.txt") << P << 1 << 1 << QString();
        QTest::addRow("node textfile types") << QStringLiteral("node_exporter-textfile-different_metric_types.prom") << P << 2 << 22 << QString();
        QTest::addRow("node darwin") << QStringLiteral("node_exporter-e2e-output-darwin.prom") << P << 96 << 103 << QString();
        QTest::addRow("node linux") << QStringLiteral("node_exporter-e2e-output-linux.prom") << P << 1228 << 3027 << QString();
        QTest::addRow("vllm") << QStringLiteral("vllm-0.25.1-metrics-loaded.prom") << P << 86 << 435 << QString();
        QTest::addRow("prometheus 237mfs") << QStringLiteral("prometheus-alltypes.237mfs.prom.txt") << P << 237 << 1857 << QString();
        QTest::addRow("prometheus 5mfs om") << QStringLiteral("prometheus-alltypes.5mfs.om.txt") << OM << 5 << 53 << QString();
        QTest::addRow("om roundtrip") << QStringLiteral("openmetrics-roundtrip.om.txt") << OM << 9 << 40 << QString();
        QTest::addRow("om label escaping") << QStringLiteral("openmetrics-label_escaping.om.txt") << OM << 10 << 10 << QString();
        QTest::addRow("om bad blank line") << QStringLiteral("openmetrics-bad_blank_line.om.txt") << OM << 0 << 0
                                           << QStringLiteral("openmetrics-bad_blank_line.om.txt:2: blank line (OpenMetrics allows none)");
    }

    void fixtures()
    {
        QFETCH(QString, file);
        QFETCH(ExpositionFormat, format);
        QFETCH(int, families);
        QFETCH(int, samples);
        QFETCH(QString, error);
        const QByteArray text = fixture(file);
        QCOMPARE(formatForFile(file, text), format);
        const Result<Exposition> parsed = parseExposition(text, format, file);
        if (!error.isEmpty()) {
            QVERIFY(!parsed);
            QCOMPARE(parsed.error().message, error);
            QCOMPARE(parsed.error().kind, ErrorClass::BadData);
            return;
        }
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message));
        QCOMPARE(int(parsed->families().size()), families);
        QCOMPARE(int(parsed->samples().size()), samples);
        qsizetype sum = 0;
        for (const MetricFamily &f : parsed->families())
            sum += f.sampleCount;
        QCOMPARE(int(sum), samples);

        // The same bytes in odd-sized chunks give the same result: lines split across chunks.
        ExpositionParser chunked(format, file);
        for (qsizetype at = 0, step = 1; at < text.size(); at += step, step = step % 7 + 1)
            QVERIFY(chunked.feed(QByteArrayView(text).sliced(at, std::min(step, text.size() - at))));
        QVERIFY(chunked.finish());
        const Exposition again = chunked.takeResult();
        QCOMPARE(again.samples().size(), parsed->samples().size());
        for (std::size_t i = 0; i < again.samples().size(); ++i) {
            const MetricSample &a = again.samples()[i];
            const MetricSample &b = parsed->samples()[i];
            QCOMPARE(again.name(a), parsed->name(b));
            QCOMPARE(again.labelsJson(a), parsed->labelsJson(b));
            QVERIFY(a.value == b.value || (std::isnan(a.value) && std::isnan(b.value)));
            QCOMPARE(a.timestampMs, b.timestampMs);
        }
    }

    void familiesAndTypes()
    {
        const Result<Exposition> e = parse(fixture(QStringLiteral("openmetrics-roundtrip.om.txt")), ExpositionFormat::OpenMetrics);
        QVERIFY(e);
        MetricType type = MetricType::Unknown;
        qsizetype count = 0;
        QVERIFY(!familyName(*e, QStringLiteral("foo"), &type, &count).isEmpty());
        QCOMPARE(type, MetricType::Histogram);
        QCOMPARE(count, 14);   // 11 buckets, _count, _sum, _created
        QVERIFY(!familyName(*e, QStringLiteral("go_gc_duration_seconds"), &type, &count).isEmpty());
        QCOMPARE(type, MetricType::Summary);
        QCOMPARE(count, 7);
        QVERIFY(!familyName(*e, QStringLiteral("process_cpu_seconds"), &type, &count).isEmpty());
        QCOMPARE(type, MetricType::Counter);
        QCOMPARE(count, 1);   // the sample is process_cpu_seconds_total
        QCOMPARE(e->families().front().help, QStringLiteral("A summary of the GC invocation durations."));

        // go_gc 7 + goroutines 1 + indexing 5 + cpu 1 + memory 1 + build_info 1 + chunk_ops 8, then foo.
        const MetricSample &firstBucket = e->samples()[24];
        QCOMPARE(e->name(firstBucket), QStringLiteral("foo_bucket"));
        QCOMPARE(labelOf(*e, firstBucket, "le"), QStringLiteral("0.0"));
        const MetricSample &infBucket = e->samples()[34];
        QCOMPARE(labelOf(*e, infBucket, "le"), QStringLiteral("+Inf"));
        QCOMPARE(infBucket.value, 17.0);
        QCOMPARE(e->name(e->samples()[37]), QStringLiteral("foo_created"));
        QCOMPARE(e->samples()[37].value, 1.520430000123e+09);
        QVERIFY(std::isnan(e->samples()[8].value));   // a NaN quantile

        const Result<Exposition> node = parse(fixture(QStringLiteral("node_exporter-textfile-different_metric_types.prom")));
        QVERIFY(node);
        QVERIFY(!familyName(*node, QStringLiteral("event_duration_seconds_total"), &type, &count).isEmpty());
        QCOMPARE(type, MetricType::Summary);
        QCOMPARE(count, 20);
        QCOMPARE(labelOf(*node, node->samples()[2], "quantile"), QStringLiteral("0.5"));
        QCOMPARE(node->samples()[2].value, 1.073e-06);
    }

    void escapes_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<ExpositionFormat>("format");
        QTest::addColumn<QString>("value");
        const auto P = ExpositionFormat::Prometheus;
        const auto OM = ExpositionFormat::OpenMetrics;
        QTest::addRow("plain") << QByteArray("m{a=\"x y\"} 1\n") << P << QStringLiteral("x y");
        QTest::addRow("backslash") << QByteArray("m{a=\"C:\\\\dir\"} 1\n") << P << QStringLiteral("C:\\dir");
        QTest::addRow("quote") << QByteArray("m{a=\"say \\\"hi\\\"\"} 1\n") << P << QStringLiteral("say \"hi\"");
        QTest::addRow("newline") << QByteArray("m{a=\"two\\nlines\"} 1\n") << P << QStringLiteral("two\nlines");
        QTest::addRow("closing brace and comma inside") << QByteArray("m{a=\"},{\"} 1\n") << P << QStringLiteral("},{");
        QTest::addRow("utf-8") << QByteArray("m{a=\"Grüße\"} 1\n") << P << QStringLiteral("Grüße");
        QTest::addRow("empty") << QByteArray("m{a=\"\"} 1\n") << P << QString();
        QTest::addRow("blanks around tokens") << QByteArray("m { a = \"v\" , } 1\n") << P << QStringLiteral("v");
        QTest::addRow("om quote") << QByteArray("m{a=\"\\\"\"} 1\n# EOF\n") << OM << QStringLiteral("\"");
        // The OpenMetrics conformance case label_escaping keeps an unknown escape as written.
        QTest::addRow("om unknown escape kept") << QByteArray("m{a=\"\\foo\"} 1\n# EOF\n") << OM << QStringLiteral("\\foo");
        QTest::addRow("om backslash newline") << QByteArray("m{a=\"\\\\\\n\"} 1\n# EOF\n") << OM << QStringLiteral("\\\n");
    }

    void escapes()
    {
        QFETCH(QByteArray, text);
        QFETCH(ExpositionFormat, format);
        QFETCH(QString, value);
        const Result<Exposition> e = parse(text, format);
        QVERIFY2(e, e ? "" : qPrintable(e.error().message));
        QCOMPARE(e->samples().size(), std::size_t(1));
        QCOMPARE(labelOf(*e, e->samples()[0], "a"), value);
    }

    void labelEscapingFixture()
    {
        const Result<Exposition> e = parse(fixture(QStringLiteral("openmetrics-label_escaping.om.txt")), ExpositionFormat::OpenMetrics);
        QVERIFY(e);
        const QStringList expected{QStringLiteral("foo"), QStringLiteral("\\foo"), QStringLiteral("\\foo"), QStringLiteral("foo\\"),
                                   QStringLiteral("\\"), QStringLiteral("\n"), QStringLiteral("\\n"), QStringLiteral("\\\n"),
                                   QStringLiteral("\""), QStringLiteral("\\\"")};
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(labelOf(*e, e->samples()[std::size_t(i)], "foo"), expected[i]);
            QCOMPARE(labelOf(*e, e->samples()[std::size_t(i)], "bar"), QStringLiteral("baz"));
        }
    }

    void helpEscapes()
    {
        const Result<Exposition> e = parse("# HELP m Line one\\nback\\\\slash \"quoted\"\n# TYPE m gauge\nm 1\n");
        QVERIFY(e);
        QCOMPARE(e->families().front().help, QStringLiteral("Line one\nback\\slash \"quoted\""));
        QCOMPARE(e->families().front().type, MetricType::Gauge);
        // 0.0.4 tolerates extra blanks in comment lines.
        const Result<Exposition> spaced = parse("#  TYPE\tm   counter \nm 1\n");
        QVERIFY(spaced);
        QCOMPARE(spaced->families().front().type, MetricType::Counter);
    }

    void timestamps_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<ExpositionFormat>("format");
        QTest::addColumn<qint64>("tsMs");   // -1: none
        const auto P = ExpositionFormat::Prometheus;
        const auto OM = ExpositionFormat::OpenMetrics;
        QTest::addRow("prometheus none") << QByteArray("m 1\n") << P << qint64(-1);
        QTest::addRow("prometheus ms") << QByteArray("m 1 1520430000123\n") << P << qint64(1520430000123);
        QTest::addRow("prometheus negative ms") << QByteArray("m 1 -5\n") << P << qint64(-5);
        QTest::addRow("prometheus trailing blanks") << QByteArray("m 1 1520430000123  \n") << P << qint64(1520430000123);
        QTest::addRow("om seconds") << QByteArray("m 1 1520430000\n# EOF\n") << OM << qint64(1520430000000);
        QTest::addRow("om fraction") << QByteArray("m 1 1520430000.123\n# EOF\n") << OM << qint64(1520430000123);
        QTest::addRow("om long fraction rounds") << QByteArray("m 1 1520430000.1236\n# EOF\n") << OM << qint64(1520430000124);
        QTest::addRow("om exponent") << QByteArray("m 1 1.520430000123e9\n# EOF\n") << OM << qint64(1520430000123);
        QTest::addRow("om exemplar skipped") << QByteArray("# TYPE m counter\nm_total 1 1520430000.5 # {id=\"x\"} 2 1520430000\n# EOF\n") << OM << qint64(1520430000500);
        QTest::addRow("om exemplar, no timestamp") << QByteArray("# TYPE m counter\nm_total 1 # {id=\"x\"} 2\n# EOF\n") << OM << qint64(-1);
    }

    void timestamps()
    {
        QFETCH(QByteArray, text);
        QFETCH(ExpositionFormat, format);
        QFETCH(qint64, tsMs);
        const Result<Exposition> e = parse(text, format);
        QVERIFY2(e, e ? "" : qPrintable(e.error().message));
        const MetricSample &s = e->samples().at(0);
        QCOMPARE(s.value, 1.0);
        QCOMPARE(s.timestampMs.value_or(-1), tsMs);
    }

    void specialValues_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<double>("value");
        QTest::addRow("NaN") << QByteArray("NaN") << std::nan("");
        QTest::addRow("+Inf") << QByteArray("+Inf") << HUGE_VAL;
        QTest::addRow("-Inf") << QByteArray("-Inf") << -HUGE_VAL;
        QTest::addRow("Inf") << QByteArray("Inf") << HUGE_VAL;
        QTest::addRow("exponent") << QByteArray("2.478268416e+09") << 2.478268416e+09;
        QTest::addRow("negative") << QByteArray("-0.00099") << -0.00099;
        QTest::addRow("plus sign") << QByteArray("+3") << 3.0;
        QTest::addRow("float formatted int") << QByteArray("7476.0") << 7476.0;
        QTest::addRow("int64 sentinel") << QByteArray("9223372036854775794") << 9223372036854775794.0;
        QTest::addRow("overflow") << QByteArray("1e999") << HUGE_VAL;
    }

    void specialValues()
    {
        QFETCH(QByteArray, token);
        QFETCH(double, value);
        const Result<Exposition> e = parse("m " + token + "\n");
        QVERIFY2(e, e ? "" : qPrintable(e.error().message));
        const double got = e->samples().at(0).value;
        if (std::isnan(value))
            QVERIFY(std::isnan(got));
        else
            QCOMPARE(got, value);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<ExpositionFormat>("format");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("message");
        const auto P = ExpositionFormat::Prometheus;
        const auto OM = ExpositionFormat::OpenMetrics;
        const QString prom = QStringLiteral("metrics.prom");
        const QString om = QStringLiteral("metrics.om");
        QTest::addRow("truncated last line in a label value")
            << QByteArray("# TYPE a gauge\na 1\nb{x=\"y") << P << prom << QStringLiteral("metrics.prom:3: unterminated label value");
        QTest::addRow("truncated last line without a value")
            << QByteArray("a 1\nb{x=\"y\"}") << P << prom << QStringLiteral("metrics.prom:2: missing value");
        QTest::addRow("truncated label set")
            << QByteArray("a 1\n\nb{x=\"y\",") << P << prom << QStringLiteral("metrics.prom:3: unterminated label set");
        QTest::addRow("unterminated value mid-file")
            << QByteArray("a{x=\"y} 1\nb 2\n") << P << prom << QStringLiteral("metrics.prom:1: unterminated label value");
        QTest::addRow("bad escape")
            << QByteArray("a 1\na{x=\"\\q\"} 1\n") << P << prom << QStringLiteral("metrics.prom:2: invalid escape sequence '\\q' in label value");
        QTest::addRow("garbage value")
            << QByteArray("a 1\n# comment\nb 12abc\n") << P << prom << QStringLiteral("metrics.prom:3: invalid value '12abc'");
        QTest::addRow("garbage timestamp")
            << QByteArray("a 1 12.5\n") << P << prom << QStringLiteral("metrics.prom:1: invalid timestamp '12.5'");
        QTest::addRow("text after timestamp")
            << QByteArray("a 1 12 13\n") << P << prom << QStringLiteral("metrics.prom:1: unexpected text after the sample: '13'");
        QTest::addRow("invalid metric name")
            << QByteArray("a 1\n1a 1\n") << P << prom << QStringLiteral("metrics.prom:2: invalid metric name '1a'");
        QTest::addRow("invalid label name")
            << QByteArray("a{1x=\"y\"} 1\n") << P << prom << QStringLiteral("metrics.prom:1: invalid label name");
        QTest::addRow("missing equals")
            << QByteArray("a{x \"y\"} 1\n") << P << prom << QStringLiteral("metrics.prom:1: expected '=' after label name 'x'");
        QTest::addRow("duplicate label")
            << QByteArray("a{x=\"1\",x=\"2\"} 1\n") << P << prom << QStringLiteral("metrics.prom:1: duplicate label 'x'");
        QTest::addRow("second TYPE")
            << QByteArray("# TYPE a gauge\na 1\n# TYPE a counter\n") << P << prom << QStringLiteral("metrics.prom:3: second TYPE line for 'a'");
        QTest::addRow("unknown type")
            << QByteArray("# TYPE a gaugeish\n") << P << prom << QStringLiteral("metrics.prom:1: unknown metric type 'gaugeish'");
        QTest::addRow("bucket without le")
            << QByteArray("# TYPE h histogram\nh_bucket{x=\"1\"} 1\n") << P << prom << QStringLiteral("metrics.prom:2: histogram bucket without an 'le' label");
        QTest::addRow("om missing EOF")
            << QByteArray("# TYPE a gauge\na 1\n") << OM << om << QStringLiteral("metrics.om:3: missing '# EOF' at the end of OpenMetrics input");
        QTest::addRow("om blank line")
            << QByteArray("a 1\n\n# EOF\n") << OM << om << QStringLiteral("metrics.om:2: blank line (OpenMetrics allows none)");
        QTest::addRow("om content after EOF")
            << QByteArray("a 1\n# EOF\na 2\n") << OM << om << QStringLiteral("metrics.om:3: content after '# EOF'");
        QTest::addRow("om plain comment")
            << QByteArray("# hello\n# EOF\n") << OM << om
            << QStringLiteral("metrics.om:1: invalid comment line (OpenMetrics allows only HELP, TYPE, UNIT and EOF)");
        QTest::addRow("om trailing comma")
            << QByteArray("a{x=\"1\",} 1\n# EOF\n") << OM << om << QStringLiteral("metrics.om:1: trailing ',' in label set");
        QTest::addRow("om timestamp garbage")
            << QByteArray("a 1 soon\n# EOF\n") << OM << om << QStringLiteral("metrics.om:1: invalid timestamp 'soon'");
    }

    void errors()
    {
        QFETCH(QByteArray, text);
        QFETCH(ExpositionFormat, format);
        QFETCH(QString, source);
        QFETCH(QString, message);
        const Result<Exposition> e = parseExposition(text, format, source);
        QVERIFY(!e);
        QCOMPARE(e.error().message, message);
        QCOMPARE(e.error().kind, ErrorClass::BadData);
        // Fed byte by byte, the parser reports the same line.
        ExpositionParser parser(format, source);
        Result<void> fed;
        for (char c : text) {
            fed = parser.feed(QByteArrayView(&c, 1));
            if (!fed)
                break;
        }
        const Result<void> finished = fed ? parser.finish() : fed;
        QVERIFY(!finished);
        QCOMPARE(finished.error().message, message);
    }

    void formatDetection_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<ExpositionFormat>("format");
        QTest::addRow("om suffix") << QStringLiteral("dir/x.om") << QByteArray("a 1\n") << ExpositionFormat::OpenMetrics;
        QTest::addRow("om.txt") << QStringLiteral("x.om.txt") << QByteArray() << ExpositionFormat::OpenMetrics;
        QTest::addRow("EOF line") << QStringLiteral("metrics") << QByteArray("a 1\n# EOF\n") << ExpositionFormat::OpenMetrics;
        QTest::addRow("EOF without newline") << QStringLiteral("metrics.txt") << QByteArray("a 1\n# EOF") << ExpositionFormat::OpenMetrics;
        QTest::addRow("prom name wins over EOF") << QStringLiteral("x.prom.txt") << QByteArray("a 1\n# EOF\n") << ExpositionFormat::Prometheus;
        QTest::addRow("plain") << QStringLiteral("metrics.txt") << QByteArray("a 1\n") << ExpositionFormat::Prometheus;
    }

    void formatDetection()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(ExpositionFormat, format);
        QCOMPARE(formatForFile(name, content), format);
    }

    void contentType()
    {
        QCOMPARE(formatForContentType("application/openmetrics-text; version=1.0.0; charset=utf-8"), ExpositionFormat::OpenMetrics);
        QCOMPARE(formatForContentType("text/plain; version=0.0.4; charset=utf-8"), ExpositionFormat::Prometheus);
        QCOMPARE(formatForContentType(""), ExpositionFormat::Prometheus);
    }

    void seriesConversion()
    {
        const Result<Exposition> e = parse("# TYPE m gauge\nm{zeta=\"1\",alpha=\"q\\\"\"} 2.5\nm 3 1700000000000\n");
        QVERIFY(e);
        QCOMPARE(e->labelsJson(e->samples()[0]), QStringLiteral("{\"alpha\":\"q\\\"\",\"zeta\":\"1\"}"));
        QCOMPARE(e->labelsJson(e->samples()[1]), QStringLiteral("{}"));
        const QList<SeriesSamples> series = e->toSeries(7, 1234);
        QCOMPARE(series.size(), 2);
        QCOMPARE(series[0].key, (SeriesKey{7, QStringLiteral("m"), QStringLiteral("{\"alpha\":\"q\\\"\",\"zeta\":\"1\"}")}));
        QCOMPARE(series[0].samples.front().tsMs, 1234);
        QCOMPARE(series[0].samples.front().value, 2.5);
        QCOMPARE(series[1].samples.front().tsMs, 1700000000000);
    }

    void interning()
    {
        const Result<Exposition> e = parse(fixture(QStringLiteral("datadog-dcgm-metrics.txt")));
        QVERIFY(e);
        // 38 metric names plus a few dozen distinct label names and values: each stored once.
        QVERIFY2(e->strings().size() < 150, qPrintable(QString::number(e->strings().size())));
        QCOMPARE(e->samples()[0].name, e->families()[0].name);
        QCOMPARE(e->labels()[e->samples()[0].firstLabel].name, e->labels()[e->samples()[1].firstLabel].name);
    }
};

QTEST_GUILESS_MAIN(TestExposition)
#include "test_exposition.moc"
