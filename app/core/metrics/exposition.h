// Streaming parser for Prometheus text exposition 0.0.4 and OpenMetrics 1.0 /metrics output.
#pragma once

#include "domain.h"
#include "error.h"

#include <QByteArrayView>
#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fleetscope {

enum class ExpositionFormat { Prometheus, OpenMetrics };

// Application/openmetrics-text means OpenMetrics; anything else (text/plain; version=0.0.4,
// none at all) is the Prometheus text format, as Prometheus itself decides.
ExpositionFormat formatForContentType(QByteArrayView contentType);
// Files carry no content type: a ".om" name ("x.om", "x.om.txt") says OpenMetrics, a ".prom"
// name Prometheus; otherwise a last line "# EOF" says OpenMetrics.
ExpositionFormat formatForFile(const QString &fileName, QByteArrayView content);
// The Accept header a scraper sends so that a server may answer in either format.
QByteArray expositionAcceptHeader();

// Interns byte strings: metric names, label names and label values repeat on almost every
// line, so each is stored once and referred to by a 32-bit id. Views stay valid while the
// pool lives (strings are copied into fixed blocks that never move).
class StringPool
{
public:
    static constexpr quint32 npos = 0xffffffffu;

    StringPool();
    quint32 intern(std::string_view text);
    quint32 find(std::string_view text) const;   // npos when absent
    std::string_view view(quint32 id) const { return m_strings[id]; }
    QString string(quint32 id) const;
    quint32 size() const { return quint32(m_strings.size()); }

private:
    std::string_view store(std::string_view text);
    void grow();

    std::vector<std::string_view> m_strings;
    std::vector<quint64> m_hashes;               // per id, so probing rarely compares bytes
    std::vector<quint32> m_slots;                // open addressing: id + 1, 0 empty
    std::vector<std::unique_ptr<char[]>> m_blocks;
    std::size_t m_blockUsed = 0;
    std::size_t m_blockSize = 0;
};

enum class MetricType { Unknown, Counter, Gauge, Histogram, GaugeHistogram, Summary, StateSet, Info };

QString metricTypeName(MetricType type);   // "counter", ..., "unknown" (0.0.4 "untyped" reads as unknown)

struct MetricFamily {
    quint32 name = 0;          // interned
    MetricType type = MetricType::Unknown;
    QString help;              // unescaped
    QString unit;              // OpenMetrics # UNIT
    qsizetype sampleCount = 0;
};

struct LabelRef {
    quint32 name = 0;          // interned
    quint32 value = 0;         // interned, unescaped
};

struct MetricSample {
    quint32 family = 0;        // index into Exposition::families()
    quint32 name = 0;          // interned metric name as written: with _bucket, _total, ...
    quint32 firstLabel = 0;    // index into Exposition::labels()
    quint32 labelCount = 0;
    double value = 0;          // NaN and +-Inf kept as such
    std::optional<qint64> timestampMs;   // OpenMetrics seconds are converted to milliseconds
};

// The result of one parse: families in order of first appearance, samples in input order.
class Exposition
{
public:
    const std::vector<MetricFamily> &families() const { return m_families; }
    const std::vector<MetricSample> &samples() const { return m_samples; }
    const std::vector<LabelRef> &labels() const { return m_labels; }
    const StringPool &strings() const { return m_strings; }

    std::string_view text(quint32 id) const { return m_strings.view(id); }
    QString name(const MetricSample &sample) const { return m_strings.string(sample.name); }
    // The value of label NAME on SAMPLE; nullopt when the sample has no such label.
    std::optional<std::string_view> label(const MetricSample &sample, std::string_view name) const;
    // {"a":"1","b":"2"}: keys sorted, compact; the form SeriesKey::labelsJson stores.
    QString labelsJson(const MetricSample &sample) const;
    // One series per sample; samples without a timestamp are stamped DEFAULTTSMS.
    QList<SeriesSamples> toSeries(qint64 connectionId, qint64 defaultTsMs) const;

private:
    friend class ExpositionParser;

    StringPool m_strings;
    std::vector<MetricFamily> m_families;
    std::vector<MetricSample> m_samples;
    std::vector<LabelRef> m_labels;
};

// Incremental parser: feed() bytes as they arrive (any chunking), then finish(). Lines are
// parsed in place; only a line split across two chunks is copied. Errors name the source and
// the 1-based line: "metrics.prom:17: unterminated label value".
class ExpositionParser
{
public:
    ExpositionParser(ExpositionFormat format, QString sourceName);

    Result<void> feed(QByteArrayView chunk);
    Result<void> finish();
    // The parsed exposition; call after finish() succeeded.
    Exposition takeResult() { return std::move(m_out); }

private:
    struct LineError {
        const char *message;
        std::string detail;   // quoted into the message when not empty
    };

    std::optional<LineError> parseLine(std::string_view line);
    std::optional<LineError> parseComment(std::string_view line);
    std::optional<LineError> parseSample(std::string_view line);
    std::optional<LineError> parseLabels(std::string_view line, std::size_t &pos, quint32 &count);
    quint32 familyForSample(std::string_view name, quint32 nameId);
    quint32 familyNamed(quint32 nameId, bool create);
    Result<void> failAt(qint64 line, const LineError &error) const;

    ExpositionFormat m_format;
    QString m_source;
    Exposition m_out;
    std::vector<qint32> m_familyByName;   // interned name id -> family index, -1 none
    std::vector<bool> m_helpSeen;         // per family: a second HELP or TYPE line is an error
    std::vector<bool> m_typeSeen;
    qint64 m_currentFamily = -1;
    quint32 m_lastNameId = StringPool::npos;
    qint64 m_lineNumber = 0;              // of the last line parsed
    std::string m_pending;                // a line whose end has not arrived yet
    std::string m_scratch;                // unescaped label value
    bool m_sawEof = false;
    bool m_finished = false;
    std::optional<Error> m_error;         // sticky: the parser stops at the first error
};

// Parses a whole buffer in one call.
Result<Exposition> parseExposition(QByteArrayView text, ExpositionFormat format, const QString &sourceName);

} // namespace fleetscope
