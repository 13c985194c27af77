// A run's metric rows in the form github_workflow_metrics keeps them: each record's dimensions,
// metrics, units and directions as compact JSON. Built where the records are extracted (on every
// core), so the store's one writer thread only binds text; the rows also carry the fields they
// bring, which grow the built-in schema.
#pragma once

#include "workflowtypes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QVarLengthArray>

#include <optional>

namespace fleetscope {

// The fields that rows of the built-in recognizers use: a dimension's type, a metric's unit and
// direction, each as the last row with that field has it.
struct MetricRowFields {
    QHash<QString, bool> dimensions;           // name → a number (else text)
    QHash<QString, MetricValue> metrics;       // name → unit and direction (the value means nothing)

    bool isEmpty() const { return dimensions.isEmpty() && metrics.isEmpty(); }
    void add(const MetricRecord &record);
    void add(const MetricRowFields &later);    // LATER's rows come after these: its entries win
};

// One cell of a table row: its text (a text dimension) or number (the others).
struct TableCell {
    QStringView text;
    double value = 0;
    bool missing = true;
    QStringView number;   // the characters VALUE was read from, when known (not the unit after them)
};

// A table's columns as the built-in recognizers of tables (CSV, Markdown, JUnit's test cases) make rows
// of them: each a text dimension, a number dimension or a metric, in column order, after the table's
// label (the "table" dimension) when it has one. Made once per table; MetricRows::appendTableRow then writes each row
// straight from its cells, the same bytes append() writes for the record of that row.
class TableLayout
{
public:
    enum class Kind { Skip, Text, Number, Metric };
    struct Column {
        QString name;
        Kind kind = Kind::Skip;
        MetricValue metric;   // Kind::Metric: its name, unit and direction (the value is the cell's)
    };
    TableLayout(const QString &label, const QList<Column> &columns);

    // The record of the row of CELLS (one per column): the label, then each column with a value in
    // column order; nothing when no metric cell has a value. Without its source file.
    std::optional<MetricRecord> record(const TableCell *cells) const;

private:
    friend class MetricRows;
    struct Key {
        QByteArray json;      // the name as a JSON string
        QList<int> columns;   // the columns with that name in column order; -1: the label
    };
    QString m_label;
    QList<Column> m_columns;
    QList<Key> m_dimensions;   // in QJsonObject's key order
    QList<Key> m_metrics;      // by name
    quint64 m_id = 0;          // tells one layout from another that later takes its address
};

class MetricRows
{
public:
    MetricRows() = default;
    explicit MetricRows(const QList<MetricRecord> &records);

    void append(const MetricRecord &record);
    void append(const MetricRows &later);
    // The row of CELLS (one per column of LAYOUT) as a built-in recognizer's record from SOURCEFILE;
    // nothing when none of its metric cells has a value, as such a record is never made.
    void appendTableRow(const TableLayout &layout, const TableCell *cells, const QString &sourceFile);

    qsizetype size() const { return m_rows.size(); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    qint64 valueCount() const { return m_values; }

    // Row I's documents as compact UTF-8 JSON objects, keys in QJsonObject's (sorted) order, as
    // QJsonDocument writes them; a metric named twice in a record keeps its last value.
    QByteArrayView dimensions(qsizetype i) const;
    QByteArrayView metrics(qsizetype i) const;
    QByteArrayView units(qsizetype i) const;        // metrics with a unit only
    // "lower" | "higher" | "neutral", for the metrics whose direction is not the one inferDirection()
    // gives their name and unit (storedDirection() reads them back).
    QByteArrayView directions(qsizetype i) const;
    // Rows of one index have the same units and directions documents (rows of two may too): a writer
    // looks the pair up once per index.
    int fieldDocumentsIndex(qsizetype i) const { return m_rows.at(i).fields; }
    qsizetype fieldDocumentsCount() const { return m_fields.size(); }
    const QString &sourceFile(qsizetype i) const;
    qint64 schemaId(qsizetype i) const;

    // Row I read back (the outage journal, tests); its metrics in name order.
    MetricRecord record(qsizetype i) const;
    QList<MetricRecord> records() const;

    // The fields of the rows no confirmed schema extracted (schema id 0): the built-in schema's.
    const MetricRowFields &builtinFields() const { return m_builtinFields; }
    bool hasBuiltinRows() const { return m_builtinRows > 0; }

private:
    struct Row {
        qsizetype at = 0;   // in its chunk of text: the dimensions and metrics documents back to back
        int dimensions = 0;
        int metrics = 0;
        int chunk = 0;      // in m_chunks, or m_text when past them
        int fields = 0;     // its units and directions documents, in m_fields
        int sourceFile = 0; // in m_sourceFiles
        qint64 schemaId = 0;
    };
    struct FieldDocuments {
        QByteArray units;
        QByteArray directions;
    };
    QByteArrayView textOf(const Row &row) const { return row.chunk < m_chunks.size() ? m_chunks.at(row.chunk) : m_text; }
    void startRow(Row &row, const QString &sourceFile);
    // The units and directions documents of the metrics a row wrote, appended to m_fields: the rows
    // after it take them too until the fields change.
    void writeFieldDocuments(const QVarLengthArray<const MetricValue *, 32> &written);
    void finishRow(Row &row, bool builtin, qsizetype values);

    // Rows written here go to m_text; joining another's rows takes its text as chunks (shared, not
    // copied). Rows with the same units and directions share one entry of m_fields.
    QByteArray m_text;
    QList<QByteArray> m_chunks;
    QList<FieldDocuments> m_fields;
    QList<Row> m_rows;
    QStringList m_sourceFiles;
    MetricRowFields m_builtinFields;
    QByteArray m_lastFields;       // the last record's fields (empty after a table row)
    quint64 m_lastLayout = 0;      // after a table row: its layout, and the column written for each of its keys
    QList<int> m_lastChoice;
    qsizetype m_builtinRows = 0;
    qint64 m_values = 0;
};

// A run to store with all its metric rows; an existing run with the same key is replaced.
struct WorkflowRunWrite {
    WorkflowRun run;
    MetricRows rows;
};

} // namespace fleetscope
