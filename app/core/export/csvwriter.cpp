// CSV formatting and writing; see csvwriter.h for the rules.
#include "csvwriter.h"

#include "jsonwriter.h"

#include <QDateTime>
#include <QLocale>

namespace fleetscope {

QString csvEscape(const QString &field)
{
    const bool needsQuotes = field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"'))
        || field.contains(QLatin1Char('\n')) || field.contains(QLatin1Char('\r'));
    if (!needsQuotes)
        return field;
    QString quoted = field;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString csvCell(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return {};
    switch (value.typeId()) {
    case QMetaType::QDateTime: {
        const QDateTime ts = value.toDateTime().toUTC();
        return ts.toString(ts.time().msec() ? Qt::ISODateWithMs : Qt::ISODate);
    }
    case QMetaType::Double:
    case QMetaType::Float:
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);   // shortest text that reads back exactly
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return csvEscape(value.toString());
    }
}

Result<qint64> writeCsv(const TableData &table, QIODevice &out, const QString &sourceName)
{
    auto writeLine = [&out](const QStringList &cells) {
        const QByteArray line = cells.join(QLatin1Char(',')).toUtf8() + "\r\n";
        return out.write(line) == line.size();
    };
    QStringList header;
    for (const QString &column : table.columns)
        header << csvEscape(column);
    if (!writeLine(header))
        return fail(ErrorClass::Storage, QStringLiteral("%1: write failed: %2").arg(sourceName, out.errorString()));
    qint64 written = 0;
    QStringList cells;
    for (const QVariantList &row : table.rows) {
        if (row.size() != table.columns.size())
            return fail(ErrorClass::BadData, QStringLiteral("%1: row %2 has %3 cells, header has %4")
                                                 .arg(sourceName).arg(written + 1).arg(row.size()).arg(table.columns.size()));
        cells.clear();
        for (const QVariant &cell : row)
            cells << csvCell(cell);
        if (!writeLine(cells))
            return fail(ErrorClass::Storage, QStringLiteral("%1: write failed: %2").arg(sourceName, out.errorString()));
        ++written;
    }
    return written;
}

Result<qint64> writeCsvFile(const TableData &table, const QString &path)
{
    return writeTableFile(table, ExportFormat::Csv, path);
}

} // namespace fleetscope
