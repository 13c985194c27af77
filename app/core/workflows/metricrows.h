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

class MetricRows
{
public:
    MetricRows() = default;
    explicit MetricRows(const QList<MetricRecord> &records);

    void append(const MetricRecord &record);
    void append(const MetricRows &later);

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
        qsizetype at = 0;   // in m_text: the four documents back to back
        int dimensions = 0;
        int metrics = 0;
        int units = 0;
        int directions = 0;
        int sourceFile = 0; // in m_sourceFiles
        qint64 schemaId = 0;
    };
    QByteArray m_text;
    QList<Row> m_rows;
    QStringList m_sourceFiles;
    MetricRowFields m_builtinFields;
    QByteArray m_lastFields;       // the last row's fields, and its units and directions documents
    QByteArray m_lastUnits;
    QByteArray m_lastDirections;
    qsizetype m_builtinRows = 0;
    qint64 m_values = 0;
};

// A run to store with all its metric rows; an existing run with the same key is replaced.
struct WorkflowRunWrite {
    WorkflowRun run;
    MetricRows rows;
};

} // namespace fleetscope
