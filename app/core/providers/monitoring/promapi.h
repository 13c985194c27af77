// The Prometheus HTTP API's answers (/api/v1/query, /query_range, /status/buildinfo): envelopes,
// error classification, result values, and splitting range queries under the server's point limit.
#pragma once

#include "domain.h"
#include "error.h"

#include <QJsonObject>
#include <QList>

namespace fleetscope::prometheus {

// Prometheus refuses a range query with more points than this per series.
constexpr qint64 kMaxPointsPerSeries = 11'000;

// The "data" of a {"status":"success"} answer; a {"status":"error"} one becomes an error classed
// by its errorType, its error text in the message. SOURCE names the query in errors.
Result<QJsonObject> apiData(const QByteArray &body, const QString &source);

// For HttpRequest::explainError: an error answer's errorType and error text go into ERROR, and
// its class follows the errorType (bad_data: config, execution: bad data, timeout/unavailable:
// unavailable). A plain-text body (503 while the server starts) leaves ERROR as it is.
void explainApiError(int status, QByteArrayView body, Error &error);

struct ResultSeries {
    QJsonObject labels;        // the result's "metric" object, __name__ included when present
    QList<Sample> samples;     // NaN and +-Inf left out: stored as missing, never as 0
};

// A vector, matrix or scalar result as series; a string result, or a value that is not a number
// ("high"), is BadData naming SOURCE.
Result<QList<ResultSeries>> resultSeries(const QJsonObject &data, const QString &source);

// [start, end] in ms with STEPMS between points, cut into windows of at most MAXPOINTS points
// each; consecutive windows do not overlap and together hold every point once.
struct RangeWindow {
    qint64 startMs = 0;
    qint64 endMs = 0;
};
QList<RangeWindow> splitRange(qint64 startMs, qint64 endMs, qint64 stepMs, qint64 maxPoints = kMaxPointsPerSeries);

} // namespace fleetscope::prometheus
