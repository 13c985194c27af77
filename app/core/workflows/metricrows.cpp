// Records written as github_workflow_metrics documents once, where they are extracted; the
// documents are written by hand (the import's hottest loop) with QJsonDocument's rules.
#include "metricrows.h"
#include "metricdirection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QVarLengthArray>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>

namespace fleetscope {
namespace {

void appendJsonString(QByteArray &out, QStringView text)
{
    out += '"';
    // Names and units are nearly always plain ASCII: written as they are, no UTF-8 copy.
    const bool plain = std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x7f && c != QLatin1Char('"') && c != QLatin1Char('\\');
    });
    if (plain) {
        const qsizetype at = out.size();
        out.resize(at + text.size());
        char *to = out.data() + at;
        for (const QChar c : text)
            *to++ = char(c.unicode());
        out += '"';
        return;
    }
    for (const char c : text.toUtf8()) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20)
                out += "\\u00" + QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
            else
                out += c;
        }
    }
    out += '"';
}

// As QJsonDocument writes a number: integral values as integers, others in the shortest exact form.
void appendJsonNumber(QByteArray &out, double value)
{
    constexpr double kExactIntegers = 9007199254740992.0;   // 2^53
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    char buffer[32];
    const std::to_chars_result written = value == std::trunc(value) && std::abs(value) < kExactIntegers
        ? std::to_chars(buffer, buffer + sizeof buffer, qint64(value))
        : std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, written.ptr - buffer);
}

// CELL's number as appendJsonNumber writes it. A cell whose characters already are that form is
// copied (most are: a plain decimal written with at most 15 significant digits is the shortest form
// that reads back as its double), sparing the formatting of every value of every table.
void appendJsonNumber(QByteArray &out, const TableCell &cell)
{
    const QStringView text = cell.number;
    qsizetype i = text.startsWith(QLatin1Char('-')) ? 1 : 0;
    const qsizetype integerStart = i;
    while (i < text.size() && text.at(i) >= QLatin1Char('0') && text.at(i) <= QLatin1Char('9'))
        ++i;
    const qsizetype integerDigits = i - integerStart;
    const bool integerZero = integerDigits == 1 && text.at(integerStart) == QLatin1Char('0');
    bool canonical = integerDigits > 0 && (integerZero || text.at(integerStart) != QLatin1Char('0'));
    qsizetype significant = integerZero ? 0 : integerDigits;
    if (canonical && i == text.size()) {
        // An integer, as the integral path writes it: not "-0", and well below 2^53.
        canonical = significant <= 15 && !(integerZero && integerStart == 1);
    } else if (canonical && text.at(i) == QLatin1Char('.')) {
        const qsizetype fractionStart = ++i;
        while (i < text.size() && text.at(i) >= QLatin1Char('0') && text.at(i) <= QLatin1Char('9'))
            ++i;
        qsizetype leadingZeros = 0;
        while (integerZero && fractionStart + leadingZeros < i && text.at(fractionStart + leadingZeros) == QLatin1Char('0'))
            ++leadingZeros;
        significant += i - fractionStart - leadingZeros;
        // Digits after the point, the last not a zero; "0.0x" at most, where the fixed form is
        // strictly shorter than the scientific one to_chars would otherwise choose.
        canonical = i == text.size() && i > fractionStart && text.back() != QLatin1Char('0') && significant <= 15 && leadingZeros <= 1;
    } else {
        canonical = false;
    }
    if (!canonical) {
        appendJsonNumber(out, cell.value);
        return;
    }
    const qsizetype at = out.size();
    out.resize(at + text.size());
    char *to = out.data() + at;
    for (const QChar c : text)
        *to++ = char(c.unicode());
}

// DIMENSIONS as QJsonDocument writes them compactly: strings and numbers (all the recognizers
// write) directly, in QJsonObject's key order; anything else through QJsonDocument. Their names
// and types go to SHAPE.
void appendDimensions(QByteArray &out, const QJsonObject &dimensions, QByteArray &shape)
{
    const qsizetype start = out.size();
    out += '{';
    for (auto it = dimensions.constBegin(); it != dimensions.constEnd(); ++it) {
        const QJsonValue value = it.value();
        if (!value.isString() && !value.isDouble()) {
            out.truncate(start);
            out += QJsonDocument(dimensions).toJson(QJsonDocument::Compact);
            shape += QByteArrayView(out).sliced(start);   // with the values: never taken for the row before's
            return;
        }
        if (out.size() > start + 1)
            out += ',';
        const QString key = it.key();
        appendJsonString(out, key);
        appendJsonString(shape, key);
        shape += value.isDouble() ? '#' : '$';
        out += ':';
        if (value.isString())
            appendJsonString(out, value.toString());
        else
            appendJsonNumber(out, value.toDouble());
    }
    out += '}';
}

// METRICS by name, stable (a repeated name keeps its order, so the last one wins below); records
// have a handful of metrics, so small lists are sorted in place without a merge buffer.
QVarLengthArray<const MetricValue *, 32> sortedByName(const QList<MetricValue> &metrics)
{
    QVarLengthArray<const MetricValue *, 32> sorted;
    sorted.reserve(metrics.size());
    for (const MetricValue &metric : metrics)
        sorted.append(&metric);
    const auto byName = [](const MetricValue *a, const MetricValue *b) { return a->name < b->name; };
    if (sorted.size() > 32) {
        std::stable_sort(sorted.begin(), sorted.end(), byName);
        return sorted;
    }
    for (qsizetype i = 1; i < sorted.size(); ++i) {
        const MetricValue *moving = sorted[i];
        qsizetype j = i;
        for (; j > 0 && byName(moving, sorted[j - 1]); --j)
            sorted[j] = sorted[j - 1];
        sorted[j] = moving;
    }
    return sorted;
}

// Equal text, told at once when both share their data (a file's rows share its path).
bool sameText(const QString &a, const QString &b)
{
    return a.size() == b.size() && (a.constData() == b.constData() || a == b);
}

QJsonObject objectAt(QByteArrayView json)
{
    return QJsonDocument::fromJson(json.toByteArray()).object();
}

} // namespace

void MetricRowFields::add(const MetricRecord &record)
{
    for (auto it = record.dimensions.constBegin(); it != record.dimensions.constEnd(); ++it)
        dimensions.insert(it.key(), it.value().isDouble());
    for (const MetricValue &metric : record.metrics)
        metrics.insert(metric.name, metric);
}

void MetricRowFields::add(const MetricRowFields &later)
{
    for (auto it = later.dimensions.cbegin(); it != later.dimensions.cend(); ++it)
        dimensions.insert(it.key(), it.value());
    for (auto it = later.metrics.cbegin(); it != later.metrics.cend(); ++it)
        metrics.insert(it.key(), it.value());
}

MetricRows::MetricRows(const QList<MetricRecord> &records)
{
    for (const MetricRecord &record : records)
        append(record);
}

void MetricRows::startRow(Row &row, const QString &sourceFile)
{
    row.at = m_text.size();
    row.chunk = int(m_chunks.size());
    if (m_sourceFiles.isEmpty() || !sameText(m_sourceFiles.constLast(), sourceFile))
        m_sourceFiles << sourceFile;
    row.sourceFile = int(m_sourceFiles.size() - 1);
}

void MetricRows::writeFieldDocuments(const QVarLengthArray<const MetricValue *, 32> &written)
{
    FieldDocuments documents{"{", "{"};
    for (const MetricValue *metric : written) {
        if (!metric->unit.isEmpty()) {
            if (documents.units.size() > 1)
                documents.units += ',';
            appendJsonString(documents.units, metric->name);
            documents.units += ':';
            appendJsonString(documents.units, metric->unit);
        }
        if (metric->direction != inferDirection(metric->name, metric->unit)) {
            if (documents.directions.size() > 1)
                documents.directions += ',';
            appendJsonString(documents.directions, metric->name);
            documents.directions += ':';
            appendJsonString(documents.directions, directionName(metric->direction));
        }
    }
    documents.units += '}';
    documents.directions += '}';
    m_fields << documents;
}

void MetricRows::finishRow(Row &row, bool builtin, qsizetype values)
{
    // A row's first (and each changed) set of fields wrote its documents just before.
    row.fields = int(m_fields.size() - 1);
    if (builtin)
        ++m_builtinRows;
    m_values += values;
    m_rows << row;
}

void MetricRows::append(const MetricRecord &record)
{
    Row row;
    row.schemaId = record.schemaId;
    startRow(row, record.sourceFile);

    // The row's fields: dimension names and types, metric names, units and directions, and whether
    // a built-in recognizer wrote it. Rows of one file mostly share them, so the units and
    // directions documents and the built-in fields are redone only when they change.
    thread_local QByteArray fields;
    fields.resize(0);   // keeps the capacity: no allocation per row
    fields += record.schemaId == 0 ? 'b' : 's';
    appendDimensions(m_text, record.dimensions, fields);
    row.dimensions = int(m_text.size() - row.at);

    const qsizetype metricsAt = m_text.size();
    m_text += '{';
    const QVarLengthArray<const MetricValue *, 32> sorted = sortedByName(record.metrics);
    QVarLengthArray<const MetricValue *, 32> written;   // a name given twice: its last value only
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        const MetricValue &metric = *sorted.at(i);
        if (i + 1 < sorted.size() && sorted.at(i + 1)->name == metric.name)
            continue;
        if (!written.isEmpty())
            m_text += ',';
        appendJsonString(m_text, metric.name);
        m_text += ':';
        appendJsonNumber(m_text, metric.value);
        appendJsonString(fields, metric.name);
        appendJsonString(fields, metric.unit);
        fields += char('0' + int(metric.direction));
        written.append(&metric);
    }
    m_text += '}';
    row.metrics = int(m_text.size() - metricsAt);

    if (fields != m_lastFields) {
        m_lastFields = fields;
        m_lastLayout = 0;
        writeFieldDocuments(written);
        if (record.schemaId == 0)
            m_builtinFields.add(record);
    }
    finishRow(row, record.schemaId == 0, record.metrics.size());
}

TableLayout::TableLayout(const QString &label, const QList<Column> &columns)
    : m_label(label), m_columns(columns)
{
    static std::atomic<quint64> layouts{0};
    m_id = ++layouts;
    // Dimensions in the order QJsonObject keeps its keys (the record path writes them from one), the
    // label first among a name's columns as the record path inserts it first; metrics by name, as
    // append() sorts them.
    QJsonObject dimensionOrder;
    QMap<QString, QList<int>> dimensionColumns;
    QList<QString> metricNames;
    QHash<QString, QList<int>> metricColumns;
    if (!label.isEmpty()) {
        dimensionOrder.insert(QStringLiteral("table"), true);
        dimensionColumns[QStringLiteral("table")] << -1;
    }
    for (int c = 0; c < int(columns.size()); ++c) {
        const Column &column = columns.at(c);
        if (column.kind == Kind::Text || column.kind == Kind::Number) {
            dimensionOrder.insert(column.name, true);
            dimensionColumns[column.name] << c;
        } else if (column.kind == Kind::Metric) {
            if (!metricColumns.contains(column.name))
                metricNames << column.name;
            metricColumns[column.name] << c;
        }
    }
    const auto key = [](const QString &name, const QList<int> &candidates) {
        Key k;
        appendJsonString(k.json, name);
        k.columns = candidates;
        return k;
    };
    for (const QString &name : dimensionOrder.keys())
        m_dimensions << key(name, dimensionColumns.value(name));
    std::sort(metricNames.begin(), metricNames.end(), [](const QString &a, const QString &b) { return a < b; });
    for (const QString &name : std::as_const(metricNames))
        m_metrics << key(name, metricColumns.value(name));
}

std::optional<MetricRecord> TableLayout::record(const TableCell *cells) const
{
    MetricRecord record;
    record.metrics.reserve(m_metrics.size());
    if (!m_label.isEmpty())
        record.dimensions.insert(QStringLiteral("table"), m_label);
    for (qsizetype c = 0; c < m_columns.size(); ++c) {
        const Column &column = m_columns.at(c);
        const TableCell &cell = cells[c];
        if (cell.missing || column.kind == Kind::Skip)
            continue;
        if (column.kind == Kind::Text)
            record.dimensions.insert(column.name, cell.text.toString());
        else if (column.kind == Kind::Number)
            record.dimensions.insert(column.name, cell.value);
        else {
            record.metrics << column.metric;
            record.metrics.last().value = cell.value;
        }
    }
    if (record.metrics.isEmpty())
        return std::nullopt;
    return record;
}

void MetricRows::appendTableRow(const TableLayout &layout, const TableCell *cells, const QString &sourceFile)
{
    // Of a name's columns, the last with a value: the one a record's insert or sort keeps.
    const auto chosen = [cells](const TableLayout::Key &key) {
        for (auto it = key.columns.crbegin(); it != key.columns.crend(); ++it) {
            if (*it < 0 || !cells[*it].missing)
                return *it;
        }
        return -2;   // none
    };
    qsizetype values = 0;
    for (const TableLayout::Key &key : layout.m_metrics) {
        for (int c : key.columns)
            values += cells[c].missing ? 0 : 1;
    }
    if (values == 0)
        return;

    Row row;
    startRow(row, sourceFile);
    QVarLengthArray<int, 64> choice;
    m_text += '{';
    bool first = true;
    for (const TableLayout::Key &key : layout.m_dimensions) {
        const int c = chosen(key);
        choice.append(c);
        if (c == -2)
            continue;
        if (!first)
            m_text += ',';
        first = false;
        m_text += key.json;
        m_text += ':';
        if (c < 0)
            appendJsonString(m_text, layout.m_label);
        else if (layout.m_columns.at(c).kind == TableLayout::Kind::Text)
            appendJsonString(m_text, cells[c].text);
        else
            appendJsonNumber(m_text, cells[c]);
    }
    m_text += '}';
    row.dimensions = int(m_text.size() - row.at);

    const qsizetype metricsAt = m_text.size();
    QVarLengthArray<const MetricValue *, 32> written;
    m_text += '{';
    for (const TableLayout::Key &key : layout.m_metrics) {
        const int c = chosen(key);
        choice.append(c);
        if (c == -2)
            continue;
        if (!written.isEmpty())
            m_text += ',';
        m_text += key.json;
        m_text += ':';
        appendJsonNumber(m_text, cells[c]);
        written.append(&layout.m_columns.at(c).metric);
    }
    m_text += '}';
    row.metrics = int(m_text.size() - metricsAt);

    // The fields follow from the columns written: redone when they differ from the row before's.
    if (m_lastLayout != layout.m_id || m_lastChoice.size() != choice.size()
        || !std::equal(choice.cbegin(), choice.cend(), m_lastChoice.cbegin())) {
        m_lastLayout = layout.m_id;
        m_lastChoice = QList<int>(choice.cbegin(), choice.cend());
        m_lastFields.clear();   // a record's fields never match a table row's
        writeFieldDocuments(written);
        for (qsizetype k = 0; k < layout.m_dimensions.size(); ++k) {
            const int c = choice.at(k);
            if (c != -2)
                m_builtinFields.dimensions.insert(c < 0 ? QStringLiteral("table") : layout.m_columns.at(c).name,
                                                  c >= 0 && layout.m_columns.at(c).kind == TableLayout::Kind::Number);
        }
        for (const MetricValue *metric : written)
            m_builtinFields.metrics.insert(metric->name, *metric);
    }
    finishRow(row, true, values);
}

void MetricRows::append(const MetricRows &later)
{
    if (later.isEmpty()) {
        m_builtinFields.add(later.m_builtinFields);
        return;
    }
    // Joined without copying text: this one's open text and all of LATER's become chunks.
    if (!m_text.isEmpty())
        m_chunks << std::exchange(m_text, QByteArray());
    const int chunkShift = int(m_chunks.size());
    m_chunks += later.m_chunks;
    m_chunks << later.m_text;
    const int fieldShift = int(m_fields.size());
    m_fields += later.m_fields;
    const int fileShift = int(m_sourceFiles.size());
    m_sourceFiles += later.m_sourceFiles;
    // A run joins its files' rows one file after another: room grows by doubling, as a QList's does
    // on its own (reserving just enough each time copied the rows so far once per file).
    if (const qsizetype needed = m_rows.size() + later.m_rows.size(); needed > m_rows.capacity())
        m_rows.reserve(std::max(needed, 2 * m_rows.capacity()));
    for (Row row : later.m_rows) {
        row.chunk += chunkShift;
        row.fields += fieldShift;
        row.sourceFile += fileShift;
        m_rows << row;
    }
    m_builtinFields.add(later.m_builtinFields);
    m_builtinRows += later.m_builtinRows;
    m_values += later.m_values;
    // The row before the next one is LATER's last.
    m_lastFields = later.m_lastFields;
    m_lastLayout = later.m_lastLayout;
    m_lastChoice = later.m_lastChoice;
}

QByteArrayView MetricRows::dimensions(qsizetype i) const
{
    const Row &row = m_rows.at(i);
    return textOf(row).sliced(row.at, row.dimensions);
}

QByteArrayView MetricRows::metrics(qsizetype i) const
{
    const Row &row = m_rows.at(i);
    return textOf(row).sliced(row.at + row.dimensions, row.metrics);
}

QByteArrayView MetricRows::units(qsizetype i) const
{
    return m_fields.at(m_rows.at(i).fields).units;
}

QByteArrayView MetricRows::directions(qsizetype i) const
{
    return m_fields.at(m_rows.at(i).fields).directions;
}

const QString &MetricRows::sourceFile(qsizetype i) const
{
    return m_sourceFiles.at(m_rows.at(i).sourceFile);
}

qint64 MetricRows::schemaId(qsizetype i) const
{
    return m_rows.at(i).schemaId;
}

MetricRecord MetricRows::record(qsizetype i) const
{
    MetricRecord record;
    record.sourceFile = sourceFile(i);
    record.schemaId = schemaId(i);
    record.dimensions = objectAt(dimensions(i));
    const QJsonObject values = objectAt(metrics(i));
    const QJsonObject unitsByName = objectAt(units(i));
    const QJsonObject directionsByName = objectAt(directions(i));
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        const QString unit = unitsByName.value(it.key()).toString();
        record.metrics << MetricValue{it.key(), it.value().toDouble(), unit,
                                      storedDirection(directionsByName.value(it.key()).toString(), it.key(), unit)};
    }
    return record;
}

QList<MetricRecord> MetricRows::records() const
{
    QList<MetricRecord> all;
    all.reserve(size());
    for (qsizetype i = 0; i < size(); ++i)
        all << record(i);
    return all;
}

} // namespace fleetscope
