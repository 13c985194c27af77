// Exposition parsing of a 50 MB dcgm-exporter-style scrape vs `promtool check metrics` on the
// same file in the same run. Target: >= 300 MB/s and >= 10x promtool.
#include "benchutil.h"
#include "metrics/dcgm.h"
#include "metrics/exposition.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace fleetscope;

namespace {

constexpr qint64 kTargetBytes = 50'000'000;

// Replaces the value of label NAME="..." in LINE, if present.
QByteArray withLabel(QByteArray line, QByteArrayView name, const QByteArray &value)
{
    const QByteArray key = name.toByteArray() + "=\"";
    qsizetype at = line.indexOf(key);
    if (at < 0 || (at > 0 && line.at(at - 1) != '{' && line.at(at - 1) != ','))
        return line;
    at += key.size();
    const qsizetype end = line.indexOf('"', at);
    return line.replace(at, end - at, value);
}

// The real dcgm-exporter scrape from the DataDog fixture, regrouped the way a large exporter
// fleet behind one federation endpoint looks: per family, HELP and TYPE once, then one sample
// per GPU, with hosts, GPU indexes and UUIDs varied so nothing repeats verbatim.
QByteArray buildScrape(const QByteArray &fixture, qint64 targetBytes, qint64 &samples)
{
    struct Family {
        QList<QByteArray> header;
        QList<QByteArray> lines;
    };
    QList<Family> families;
    for (const QByteArray &line : fixture.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const bool comment = line.startsWith('#');
        // A comment after samples opens the next family.
        if (families.isEmpty() || (comment && !families.last().lines.isEmpty()))
            families.append(Family{});
        (comment ? families.last().header : families.last().lines).append(line);
    }
    qint64 perGpu = 0;
    for (const Family &f : families) {
        for (const QByteArray &line : f.lines)
            perGpu += line.contains("UUID=\"") ? line.size() + 1 : 0;
    }
    const qint64 gpus = std::max<qint64>(1, targetBytes / std::max<qint64>(1, perGpu));
    QByteArray out;
    out.reserve(targetBytes + targetBytes / 10);
    samples = 0;
    for (const Family &f : families) {
        for (const QByteArray &line : f.header)
            out += line + '\n';
        for (const QByteArray &line : f.lines) {
            if (!line.contains("UUID=\"")) {
                out += line + '\n';
                ++samples;
                continue;
            }
            for (qint64 g = 0; g < gpus; ++g) {
                QByteArray variant = withLabel(line, "gpu", QByteArray::number(g % 8));
                variant = withLabel(variant, "UUID", QByteArrayLiteral("GPU-") + QByteArray::number(0x10000000 + g * 7919, 16) + "-0da5-6d26-a36a-"
                                                         + QByteArray::number(0x100000000000LL + g * 104729, 16));
                variant = withLabel(variant, "Hostname", QByteArrayLiteral("gpu-node-") + QByteArray::number(g / 8));
                out += variant + '\n';
                ++samples;
            }
        }
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
    if (promtool.isEmpty()) {
        std::fprintf(stderr, "bench_parser: promtool (Debian package prometheus) is needed for the baseline\n");
        return 1;
    }
    QFile fixture(QStringLiteral(FLEETSCOPE_FIXTURES "/dcgm/datadog-dcgm-metrics.txt"));
    if (!fixture.open(QIODevice::ReadOnly))
        return 1;
    qint64 expectedSamples = 0;
    const QByteArray scrape = buildScrape(fixture.readAll(), kTargetBytes, expectedSamples);
    const double megabytes = double(scrape.size()) / 1e6;

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dcgm-50mb.prom"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(scrape) != scrape.size())
            return 1;
    }

    QList<double> ours;
    for (int round = 0; round < 3; ++round) {
        QElapsedTimer timer;
        timer.start();
        Result<Exposition> parsed = parseExposition(scrape, ExpositionFormat::Prometheus, path);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        if (!parsed) {
            std::fprintf(stderr, "bench_parser: %s\n", qPrintable(parsed.error().message));
            return 1;
        }
        if (qint64(parsed->samples().size()) != expectedSamples) {
            std::fprintf(stderr, "bench_parser: parsed %zu samples, expected %lld\n", parsed->samples().size(), static_cast<long long>(expectedSamples));
            return 1;
        }
        if (round == 0) {
            std::printf("generated %.1f MB: %zu families, %zu samples, %u distinct strings, %lld GPUs normalized\n", megabytes,
                        parsed->families().size(), parsed->samples().size(), parsed->strings().size(),
                        static_cast<long long>(normalizeDcgm(*parsed).size()));
        }
        ours << megabytes / seconds;
    }

    // promtool reads the file from stdin as the issue asks; lint findings (no _total suffix on
    // DCGM counters) make it exit 1 after a full parse, a parse error would stop it early.
    QList<double> baseline;
    for (int round = 0; round < 3; ++round) {
        QProcess process;
        process.setStandardInputFile(path);
        QElapsedTimer timer;
        timer.start();
        process.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
        if (!process.waitForFinished(600'000)) {
            std::fprintf(stderr, "bench_parser: promtool did not finish\n");
            return 1;
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
        if (process.exitStatus() != QProcess::NormalExit || output.contains("parsing error") || output.contains("error while linting")) {
            std::fprintf(stderr, "bench_parser: promtool failed: %s\n", output.left(500).constData());
            return 1;
        }
        baseline << megabytes / seconds;
    }

    const double rate = bench::median(ours);
    const double promtoolRate = bench::median(baseline);
    bench::report("parse_exposition_50mb", rate, "MB/s",
                  QStringLiteral("ratio %1x vs promtool check metrics (%2 MB/s)").arg(rate / promtoolRate, 0, 'f', 1).arg(promtoolRate, 0, 'f', 1));
    return 0;
}
