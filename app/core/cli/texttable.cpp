// Aligned text tables and the table formats shared by the commands that print tables.
#include "texttable.h"

#include "export/csvwriter.h"

#include <QBuffer>
#include <QJsonObject>
#include <QLocale>

namespace fleetscope {
namespace {

QString tableCell(const QVariant &value)
{
    if (!value.isValid())
        return QStringLiteral("-");
    if (value.typeId() == QMetaType::Double)
        return shortestNumber(value.toDouble());
    return value.toString();
}

} // namespace

QString shortestNumber(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString signedPercentText(const std::optional<double> &percent)
{
    return percent ? QStringLiteral("%1%2%").arg(*percent > 0 ? QStringLiteral("+") : QString()).arg(*percent, 0, 'f', 1) : QStringLiteral("-");
}

void writeTextTable(const QList<QStringList> &rows, QTextStream &out)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        widths.resize(std::max(widths.size(), row.size()), 0);
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    for (const QStringList &row : rows) {
        QString text;
        for (qsizetype i = 0; i < row.size(); ++i)
            text += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        out << text.trimmed() << '\n';
    }
    out << Qt::flush;
}

void writeTextTable(const TableData &table, QTextStream &out)
{
    QList<QStringList> rows;
    QStringList header;
    for (const QString &column : table.columns)
        header << column.toUpper();
    rows << header;
    for (const QVariantList &row : table.rows) {
        QStringList cells;
        for (const QVariant &value : row)
            cells << tableCell(value);
        rows << cells;
    }
    writeTextTable(rows, out);
}

QJsonArray tableJson(const TableData &table)
{
    QJsonArray array;
    for (const QVariantList &row : table.rows) {
        QJsonObject object;
        for (qsizetype i = 0; i < table.columns.size(); ++i)
            object.insert(table.columns[i], row[i].isValid() ? QJsonValue::fromVariant(row[i]) : QJsonValue(QJsonValue::Null));
        array.append(object);
    }
    return array;
}

Result<qint64> writeCsvText(const TableData &table, QTextStream &out)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    Result<qint64> written = writeCsv(table, buffer, QStringLiteral("stdout"));
    if (written)
        out << QString::fromUtf8(buffer.data()) << Qt::flush;
    return written;
}

} // namespace fleetscope
