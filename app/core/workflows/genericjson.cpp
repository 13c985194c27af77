// Generic JSON: numbers become metrics named by their flattened path, strings become dimensions.
#include "formats.h"
#include "metricdirection.h"

#include <QJsonArray>

#include <cmath>

namespace fleetscope::formats {
namespace {

constexpr qsizetype kMaxMetricsPerRecord = 1000;

struct Flattener {
    MetricRecord record;
    qsizetype skippedArrays = 0;
    qsizetype dropped = 0;

    void add(const QString &path, const QJsonValue &value)
    {
        switch (value.type()) {
        case QJsonValue::Double:
            if (!std::isfinite(value.toDouble()))
                return;
            if (record.metrics.size() >= kMaxMetricsPerRecord) {
                ++dropped;
                return;
            }
            record.metrics << makeMetric(path, value.toDouble());
            return;
        case QJsonValue::String:
            record.dimensions.insert(path, value);
            return;
        case QJsonValue::Object: {
            const QJsonObject object = value.toObject();
            for (auto it = object.constBegin(); it != object.constEnd(); ++it)
                add(path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key(), it.value());
            return;
        }
        case QJsonValue::Array: {
            // Raw sample arrays ([0.1, 0.2, ...]) are the data behind a statistic, not metrics of their own.
            const QJsonArray array = value.toArray();
            if (!array.isEmpty() && !array.first().isObject()) {
                ++skippedArrays;
                return;
            }
            for (qsizetype i = 0; i < array.size(); ++i)
                add(QStringLiteral("%1[%2]").arg(path).arg(i), array.at(i));
            return;
        }
        default:
            return;   // null, booleans, undefined
        }
    }
};

void note(FileExtraction &result, const Flattener &flat)
{
    if (flat.skippedArrays)
        result.notes << QStringLiteral("%1 arrays of plain values left out").arg(flat.skippedArrays);
    if (flat.dropped)
        result.notes << QStringLiteral("%1 numbers beyond the first %2 of a record left out").arg(flat.dropped).arg(kMaxMetricsPerRecord);
}

} // namespace

FileExtraction genericJson(const QJsonDocument &document)
{
    FileExtraction result;
    result.format = QStringLiteral("json");
    // A top-level array of objects is a table: one record per element.
    if (document.isArray()) {
        const QJsonArray rows = document.array();
        for (const QJsonValue &row : rows) {
            Flattener flat;
            flat.add(QString(), row);
            note(result, flat);
            if (!flat.record.metrics.isEmpty())
                result.records << flat.record;
        }
        return result;
    }
    Flattener flat;
    flat.add(QString(), document.object());
    note(result, flat);
    if (!flat.record.metrics.isEmpty())
        result.records << flat.record;
    return result;
}

} // namespace fleetscope::formats
