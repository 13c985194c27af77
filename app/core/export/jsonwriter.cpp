// JSON export and the format-neutral file writer.
#include "jsonwriter.h"

#include "csvwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>

namespace fleetscope {
namespace {

QJsonValue jsonValue(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QJsonValue::Null;
    switch (value.typeId()) {
    case QMetaType::QDateTime:
        return csvCell(value);   // the same ISO-8601 UTC text as the CSV
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = value.toDouble();
        return std::isfinite(d) ? QJsonValue(d) : QJsonValue(QJsonValue::Null);
    }
    case QMetaType::Bool:
        return value.toBool();
    case QMetaType::LongLong:
    case QMetaType::Int:
        return value.toLongLong();
    default:
        return value.toString();
    }
}

} // namespace

Result<qint64> writeJson(const TableData &table, QIODevice &out, const QString &sourceName)
{
    QJsonArray array;
    for (const QVariantList &row : table.rows) {
        if (row.size() != table.columns.size())
            return fail(ErrorClass::BadData, QStringLiteral("%1: row %2 has %3 cells, header has %4")
                                                 .arg(sourceName).arg(array.size() + 1).arg(row.size()).arg(table.columns.size()));
        QJsonObject object;
        for (qsizetype i = 0; i < row.size(); ++i)
            object.insert(table.columns.at(i), jsonValue(row.at(i)));
        array.append(object);
    }
    const QByteArray text = QJsonDocument(array).toJson(QJsonDocument::Indented);
    if (out.write(text) != text.size())
        return fail(ErrorClass::Storage, QStringLiteral("%1: write failed: %2").arg(sourceName, out.errorString()));
    return qint64(array.size());
}

Result<qint64> writeTableFile(const TableData &table, ExportFormat format, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorClass::Config, QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    Result<qint64> rows = format == ExportFormat::Json ? writeJson(table, file, path) : writeCsv(table, file, path);
    if (!rows) {
        file.cancelWriting();
        return rows;
    }
    if (!file.commit())
        return fail(ErrorClass::Storage, QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    return rows;
}

} // namespace fleetscope
