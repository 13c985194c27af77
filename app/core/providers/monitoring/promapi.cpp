// Prometheus API envelopes, errors and values.
#include "promapi.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace fleetscope::prometheus {
namespace {

ErrorClass classFor(const QString &errorType, ErrorClass fallback)
{
    if (errorType == QLatin1String("bad_data") || errorType == QLatin1String("not_found"))
        return ErrorClass::Config;
    if (errorType == QLatin1String("execution"))
        return ErrorClass::BadData;
    if (errorType == QLatin1String("timeout") || errorType == QLatin1String("canceled") || errorType == QLatin1String("unavailable")
        || errorType == QLatin1String("internal"))
        return ErrorClass::Unavailable;
    return fallback;
}

// "bad_data: 1:5: parse error: ...": one line, bounded, from the answer's errorType and error.
QString errorText(const QJsonObject &answer)
{
    QString text = answer.value(QStringLiteral("errorType")).toString() + QStringLiteral(": ") + answer.value(QStringLiteral("error")).toString();
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.size() > 300 ? text.left(300) + QStringLiteral("...") : text;
}

std::optional<qint64> timestampMs(const QJsonValue &value)
{
    const double seconds = value.isString() ? value.toString().toDouble() : value.toDouble(std::nan(""));
    if (!std::isfinite(seconds))
        return std::nullopt;
    return std::llround(seconds * 1000.0);
}

// One [ts, "value"] pair. Nullopt value: missing (NaN, +-Inf); an error: not a number at all.
Result<std::optional<Sample>> samplePair(const QJsonValue &pair, const QString &source)
{
    const QJsonArray array = pair.toArray();
    const std::optional<qint64> ts = array.size() == 2 ? timestampMs(array.at(0)) : std::nullopt;
    if (!ts)
        return fail(ErrorClass::BadData, QStringLiteral("%1: a sample is not a [timestamp, value] pair").arg(source));
    const QJsonValue raw = array.at(1);
    double value = 0;
    if (raw.isDouble()) {
        value = raw.toDouble();
    } else {
        bool ok = false;
        const QString text = raw.toString();
        value = text.toDouble(&ok);
        if (!ok) {
            // Go writes NaN, +Inf and -Inf; Qt reads some spellings of them but not all.
            const QString lower = text.toLower();
            if (lower == QLatin1String("nan") || lower == QLatin1String("+inf") || lower == QLatin1String("-inf") || lower == QLatin1String("inf"))
                return std::optional<Sample>();
            return fail(ErrorClass::BadData, QStringLiteral("%1: value '%2' is not a number").arg(source, text.left(40)));
        }
    }
    if (!std::isfinite(value))
        return std::optional<Sample>();
    return std::optional<Sample>(Sample{*ts, value});
}

Result<void> appendSamples(const QJsonArray &pairs, const QString &source, QList<Sample> &into)
{
    for (const QJsonValue &pair : pairs) {
        Result<std::optional<Sample>> sample = samplePair(pair, source);
        if (!sample)
            return std::unexpected(sample.error());
        if (*sample)
            into.append(**sample);
    }
    return {};
}

} // namespace

Result<QJsonObject> apiData(const QByteArray &body, const QString &source)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject())
        return fail(ErrorClass::BadData, QStringLiteral("%1: answer is not JSON (%2)").arg(source, parseError.errorString()));
    const QJsonObject answer = document.object();
    const QString status = answer.value(QStringLiteral("status")).toString();
    if (status == QLatin1String("error"))
        return fail(classFor(answer.value(QStringLiteral("errorType")).toString(), ErrorClass::BadData),
                    QStringLiteral("%1: %2").arg(source, errorText(answer)));
    if (status != QLatin1String("success") || !answer.value(QStringLiteral("data")).isObject())
        return fail(ErrorClass::BadData, QStringLiteral("%1: answer without status success and data").arg(source));
    return answer.value(QStringLiteral("data")).toObject();
}

void explainApiError(int status, QByteArrayView body, Error &error)
{
    Q_UNUSED(status);
    const QJsonObject answer = QJsonDocument::fromJson(body.toByteArray()).object();
    if (answer.value(QStringLiteral("status")).toString() != QLatin1String("error"))
        return;
    error.kind = classFor(answer.value(QStringLiteral("errorType")).toString(), error.kind);
    error.message += QStringLiteral(": ") + errorText(answer);
}

Result<QList<ResultSeries>> resultSeries(const QJsonObject &data, const QString &source)
{
    const QString type = data.value(QStringLiteral("resultType")).toString();
    const QJsonValue result = data.value(QStringLiteral("result"));
    QList<ResultSeries> series;
    if (type == QLatin1String("scalar")) {
        ResultSeries one;
        if (Result<void> added = appendSamples(QJsonArray{result}, source, one.samples); !added)
            return std::unexpected(added.error());
        series.append(one);
        return series;
    }
    if (type != QLatin1String("vector") && type != QLatin1String("matrix"))
        return fail(ErrorClass::BadData, QStringLiteral("%1: result type '%2' holds no numbers").arg(source, type.left(20)));
    const bool vector = type == QLatin1String("vector");
    for (const QJsonValue &item : result.toArray()) {
        const QJsonObject object = item.toObject();
        ResultSeries one;
        one.labels = object.value(QStringLiteral("metric")).toObject();
        const QJsonArray pairs = vector ? QJsonArray{object.value(QStringLiteral("value"))} : object.value(QStringLiteral("values")).toArray();
        if (Result<void> added = appendSamples(pairs, source, one.samples); !added)
            return std::unexpected(added.error());
        series.append(one);
    }
    return series;
}

QList<RangeWindow> splitRange(qint64 startMs, qint64 endMs, qint64 stepMs, qint64 maxPoints)
{
    QList<RangeWindow> windows;
    if (stepMs <= 0 || maxPoints <= 0 || endMs < startMs)
        return windows;
    const qint64 windowSpanMs = (maxPoints - 1) * stepMs;   // MAXPOINTS points: both ends count
    for (qint64 start = startMs; start <= endMs; start += maxPoints * stepMs)
        windows.append(RangeWindow{start, std::min(endMs, start + windowSpanMs)});
    return windows;
}

} // namespace fleetscope::prometheus
