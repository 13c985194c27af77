// The gpus command: one NVML reading on this thread, the GPU readings table (text, CSV or JSON) and the
// processes on each GPU.
#include "cli/gpuscommand.h"

#include "cli/commandline.h"
#include "cli/texttable.h"
#include "logging.h"
#include "providers/localgpu/localgpu.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

namespace fleetscope {
namespace {

QJsonValue processesJson(const std::optional<QList<localgpu::GpuProcess>> &processes)
{
    if (!processes)
        return QJsonValue::Null;   // not known, unlike an empty list
    QJsonArray array;
    for (const localgpu::GpuProcess &process : *processes) {
        array.append(QJsonObject{
            {QStringLiteral("pid"), qint64(process.pid)},
            {QStringLiteral("name"), process.name.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(process.name)},
            {QStringLiteral("used_memory_mib"), process.usedMemoryMiB ? QJsonValue(*process.usedMemoryMiB) : QJsonValue(QJsonValue::Null)},
        });
    }
    return array;
}

void writeProcesses(const localgpu::Reading &reading, QTextStream &out)
{
    QList<QStringList> rows{{QStringLiteral("GPU"), QStringLiteral("PID"), QStringLiteral("PROCESS"), QStringLiteral("USED_MIB")}};
    for (const localgpu::LocalGpu &gpu : reading.gpus) {
        for (const localgpu::GpuProcess &process : gpu.processes.value_or(QList<localgpu::GpuProcess>())) {
            rows << QStringList{gpu.reading.gpu, QString::number(process.pid), process.name.isEmpty() ? QStringLiteral("-") : process.name,
                                process.usedMemoryMiB ? QString::number(*process.usedMemoryMiB, 'g', QLocale::FloatingPointShortest)
                                                      : QStringLiteral("-")};
        }
    }
    if (rows.size() == 1)
        return;
    out << '\n';
    writeTextTable(rows, out);
}

} // namespace

int runGpus(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString help = QStringLiteral("Usage: fleetscope gpus [--format table|csv|json]\n");
    auto usage = [&err, &help](const QString &message) {
        err << "fleetscope: " << message << "\n\n" << help << Qt::flush;
        return int(ExitUsage);
    };
    QCommandLineParser parser;
    const QCommandLineOption formatOption(QStringLiteral("format"), QString(), QStringLiteral("FORMAT"), QStringLiteral("table"));
    parser.addOption(formatOption);
    if (!parser.parse(QStringList{QStringLiteral("gpus")} + args))
        return usage(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("gpus: unexpected argument '%1'").arg(parser.positionalArguments().first()));
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("table") && format != QLatin1String("csv") && format != QLatin1String("json"))
        return usage(QStringLiteral("gpus: unknown format '%1' (table, csv or json)").arg(format));

    // On this thread: a one-shot command has no event loop to keep responsive.
    const Result<localgpu::Reading> reading = localgpu::Sampler().readNow();
    if (!reading) {
        err << "fleetscope: " << reading.error().message << Qt::endl;
        return ExitFailure;
    }
    qCInfo(lcCli).noquote() << reading->describe();
    const TableData table = gpuReadingsTable(reading->readings());

    if (format == QLatin1String("json")) {
        QJsonArray rows = tableJson(table);
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QJsonObject row = rows.at(i).toObject();
            row.insert(QStringLiteral("processes"), processesJson(reading->gpus.at(i).processes));
            rows.replace(i, row);
        }
        out << QJsonDocument(rows).toJson(QJsonDocument::Indented) << Qt::flush;
        return ExitOk;
    }
    if (format == QLatin1String("csv")) {
        if (Result<qint64> written = writeCsvText(table, out); !written) {
            err << "fleetscope: " << written.error().message << Qt::endl;
            return ExitFailure;
        }
        return ExitOk;
    }
    if (reading->gpus.isEmpty()) {
        out << reading->describe() << Qt::endl;
        return ExitOk;
    }
    writeTextTable(table, out);
    writeProcesses(*reading, out);
    return ExitOk;
}

} // namespace fleetscope
