// copyStore: tables in dependency order; parents matched by natural key (ids remapped), history rows
// matched whole, so nothing already in the destination is copied twice.
#include "storecopy.h"

#include "rawtables.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QSet>

namespace fleetscope {
namespace {

struct Ref {
    const char *column;
    const char *parent;
};

struct CopyTable {
    const char *name;
    const char *time;      // --since filters on it, history rows are looked up by its range; nullptr: copied whole
    const char *key;       // parents: the columns naming a row in either store; nullptr: history, matched whole
    QList<Ref> refs;
    bool uniqueKey = false;   // history rows a unique key identifies: the insert skips those present
};

// Parents before children. github_workflow_configs.metric_schema_id points forward (at a schema of
// the configuration itself): it is filled in once the schemas are there.
const QList<CopyTable> &copyTables()
{
    static const Ref kConnection{"connection_id", "connections"};
    static const Ref kConfig{"config_id", "github_workflow_configs"};
    static const QList<CopyTable> kTables = {
        {"connections", nullptr, "name,removed_at", {}},
        {"alert_rules", nullptr, "name", {kConnection}},
        {"budgets", nullptr, "name", {kConnection}},
        {"guardrail_policies", nullptr, nullptr, {kConnection}, true},   // keyed by its connection, no id
        {"series", nullptr, "connection_id,metric,labels_json", {kConnection}},
        {"github_workflow_configs", nullptr, "name", {kConnection, {"cost_connection_id", "connections"}, {"cluster_connection_id", "connections"}}},
        {"github_workflow_metric_schemas", nullptr, "config_id,version", {kConfig}},
        {"github_workflow_runs", nullptr, "config_id,run_key,created_at", {kConfig}},
        {"github_workflow_metric_units", nullptr, "units,directions", {}},
        {"github_workflow_metrics", "timestamp", nullptr,
         {kConfig, {"run_id", "github_workflow_runs"}, {"schema_id", "github_workflow_metric_schemas"},
          {"units_id", "github_workflow_metric_units"}}},
        {"instance_snapshots", "snapshot_ts", nullptr, {kConnection}},
        {"endpoint_snapshots", "snapshot_ts", nullptr, {kConnection}},
        {"endpoint_health", "observed_ts", nullptr, {kConnection}},
        {"jobs", "observed_ts", nullptr, {kConnection}, true},
        {"billing_snapshots", "snapshot_ts", nullptr, {kConnection}},
        {"gpu_offers", "observed_ts", nullptr, {kConnection}},
        {"alerts", "ts", nullptr, {kConnection, {"rule_id", "alert_rules"}}, true},
        {"audit_log", "at", nullptr, {kConnection}},
        {"samples", "ts", nullptr, {{"series_id", "series"}}, true},
        {"samples_1m", "bucket_ts", nullptr, {{"series_id", "series"}}, true},
        {"samples_1h", "bucket_ts", nullptr, {{"series_id", "series"}}, true},
    };
    return kTables;
}

constexpr char kLateColumn[] = "metric_schema_id";   // of github_workflow_configs

QString cellKey(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("\x01");
    if (value.typeId() == QMetaType::Double)
        return QString::number(value.toDouble(), 'g', 17);
    const QString text = value.toString();
    // A JSON document in a key (github_workflow_metric_units) compares in one form: PostgreSQL gives
    // JSONB back spaced and in its own key order, SQLite the compact text it was given.
    if (text.startsWith(QLatin1Char('{')) || text.startsWith(QLatin1Char('['))) {
        if (const QJsonDocument json = QJsonDocument::fromJson(text.toUtf8()); !json.isNull())
            return QString::fromUtf8(json.toJson(QJsonDocument::Compact));
    }
    return text;
}

QString rowKey(const QVariantList &row, const QList<int> &columns)
{
    QStringList cells;
    for (const int i : columns)
        cells << cellKey(row.at(i));
    return cells.join(QChar(0x1f));
}

class Copier
{
public:
    Copier(RawTables &from, RawTables &to, const StoreCopyOptions &options) : m_from(from), m_to(to), m_options(options) {}

    Result<StoreCopySummary> run()
    {
        // A table this list does not know (a newer migration) would be left behind: refused instead.
        Result<QStringList> tables = m_to.tables();
        if (!tables)
            return std::unexpected(tables.error());
        for (const QString &table : std::as_const(*tables)) {
            const bool known = std::any_of(copyTables().cbegin(), copyTables().cend(),
                                           [&table](const CopyTable &t) { return table == QLatin1String(t.name); });
            if (!known && table != QLatin1String("schema_migrations"))
                return fail(ErrorClass::Storage, QStringLiteral("table %1 is not one store copy knows how to copy").arg(table));
        }
        StoreCopySummary summary;
        for (const CopyTable &table : copyTables()) {
            Result<TableCopyCount> count = copyTable(table);
            if (!count)
                return std::unexpected(count.error());
            summary.tables << *count;
            if (qstrcmp(table.name, "github_workflow_metric_schemas") == 0) {
                if (Result<void> linked = linkSchemas(); !linked)
                    return std::unexpected(linked.error());
            }
        }
        return summary;
    }

private:
    QString sinceFilter(const CopyTable &table, QVariantList &params) const
    {
        if (!table.time || !m_options.since.isValid())
            return {};
        params << m_options.since.toMSecsSinceEpoch();
        return QStringLiteral(" AND %1 >= ?").arg(QString::fromLatin1(table.time));
    }

    Result<qint64> count(RawTables &db, const CopyTable &table)
    {
        QVariantList params;
        const QString filter = sinceFilter(table, params);
        Result<QList<QVariantList>> rows = db.select(QStringLiteral("SELECT count(*) FROM %1 WHERE 1 = 1%2").arg(QString::fromLatin1(table.name), filter), params);
        if (!rows)
            return std::unexpected(rows.error());
        return rows->first().first().toLongLong();
    }

    void progress(const QString &line, bool always)
    {
        if (m_options.progress && (always || !m_lastProgress.isValid() || m_lastProgress.elapsed() >= 1000)) {
            m_options.progress(line);
            m_lastProgress.start();
        }
    }

    Result<TableCopyCount> copyTable(const CopyTable &table)
    {
        const QString name = QString::fromLatin1(table.name);
        Result<QStringList> sourceColumns = m_from.columns(name);
        Result<QStringList> destinationColumns = m_to.columns(name);
        if (!sourceColumns)
            return std::unexpected(sourceColumns.error());
        if (!destinationColumns)
            return std::unexpected(destinationColumns.error());
        const bool hasId = sourceColumns->contains(QStringLiteral("id"));
        QStringList columns;   // what moves: every column both have but the id
        for (const QString &column : std::as_const(*sourceColumns)) {
            if (column != QLatin1String("id") && destinationColumns->contains(column))
                columns << column;
        }
        TableCopyCount result;
        result.table = name;
        Result<qint64> total = count(m_from, table);
        if (!total)
            return std::unexpected(total.error());
        result.source = *total;

        QList<int> refIndex, keyIndex, allIndex;
        for (const Ref &ref : table.refs)
            refIndex << int(columns.indexOf(QString::fromLatin1(ref.column)));
        for (const QString &k : table.key ? QString::fromLatin1(table.key).split(QLatin1Char(',')) : QStringList())
            keyIndex << int(columns.indexOf(k));
        for (int i = 0; i < columns.size(); ++i)
            allIndex << i;
        const int timeIndex = table.time ? int(columns.indexOf(QString::fromLatin1(table.time))) : -1;
        const int lateIndex = name == QLatin1String("github_workflow_configs") ? int(columns.indexOf(QLatin1String(kLateColumn))) : -1;

        // Parents: what the destination already has, by natural key.
        QHash<QString, qint64> present;
        if (table.key) {
            Result<QList<QVariantList>> rows = m_to.select(QStringLiteral("SELECT id, %1 FROM %2").arg(columns.join(QStringLiteral(", ")), name), {});
            if (!rows)
                return std::unexpected(rows.error());
            for (QVariantList row : std::as_const(*rows)) {
                const qint64 id = row.takeFirst().toLongLong();
                present.insert(rowKey(row, keyIndex), id);
            }
        }
        QHash<qint64, qint64> &ids = m_ids[name];

        // Keyset pages in the source: by id; without one, by (parent, time) for the samples tables, or
        // by the parent alone for a table keyed by it (guardrail_policies).
        const QString time = table.time ? QString::fromLatin1(table.time) : QString();
        const QString parent = table.refs.isEmpty() ? QString() : QString::fromLatin1(table.refs.first().column);
        const bool byParentAndTime = !hasId && table.time;
        const QString select = QStringLiteral("SELECT ") + (hasId ? QStringLiteral("id, ") : QString()) + columns.join(QStringLiteral(", "))
                             + QStringLiteral(" FROM ") + name + QStringLiteral(" WHERE ")
                             + (hasId ? QStringLiteral("id > ?")
                                : byParentAndTime ? QStringLiteral("(%1 > ? OR (%1 = ? AND %2 > ?))").arg(parent, time)
                                                  : parent + QStringLiteral(" > ?"));
        const QString order = QStringLiteral(" ORDER BY ") + (hasId ? QStringLiteral("id") : byParentAndTime ? parent + QStringLiteral(", ") + time : parent)
                            + QStringLiteral(" LIMIT ") + QString::number(m_options.chunkRows);
        QVariantList after = byParentAndTime ? QVariantList{qint64(-1), qint64(-1), qint64(-1)} : QVariantList{qint64(-1)};
        qint64 seen = 0;
        for (;;) {
            QVariantList params = after;
            const QString filter = sinceFilter(table, params);
            Result<QList<QVariantList>> page = m_from.select(select + filter + order, params);
            if (!page)
                return std::unexpected(page.error());
            if (page->isEmpty())
                break;
            QList<qint64> sourceIds;
            QList<QVariantList> rows;
            QList<std::pair<qint64, qint64>> late;   // (source config id, source schema id)
            for (QVariantList row : std::as_const(*page)) {
                if (hasId) {
                    sourceIds << row.takeFirst().toLongLong();
                    after = {sourceIds.last()};
                } else if (byParentAndTime) {
                    after = {row.at(refIndex.first()), row.at(refIndex.first()), row.at(timeIndex)};
                } else {
                    after = {row.at(refIndex.first())};
                }
                bool orphan = false;
                for (qsizetype r = 0; r < table.refs.size(); ++r) {
                    QVariant &cell = row[refIndex.at(r)];
                    if (cell.isNull())
                        continue;
                    const auto it = m_ids.value(QString::fromLatin1(table.refs.at(r).parent)).constFind(cell.toLongLong());
                    if (it == m_ids.value(QString::fromLatin1(table.refs.at(r).parent)).constEnd())
                        orphan = true;   // its parent was not copied: counted as missing below
                    else
                        cell = *it;
                }
                if (lateIndex >= 0 && !row.at(lateIndex).isNull()) {
                    late << std::make_pair(sourceIds.last(), row.at(lateIndex).toLongLong());
                    row[lateIndex] = QVariant();
                }
                if (!orphan)
                    rows << row;
                else if (hasId)
                    sourceIds.removeLast();
            }
            seen += page->size();
            Result<qint64> copied = table.key ? copyParents(name, columns, rows, sourceIds, keyIndex, present, ids)
                                  : table.uniqueKey ? m_to.insert(name, columns, rows, true, nullptr)
                                                    : copyHistory(table, columns, rows, timeIndex, allIndex);
            if (!copied)
                return std::unexpected(copied.error());
            result.copied += *copied;
            m_late += late;
            progress(QStringLiteral("%1: %2 of %3 rows read, %4 copied").arg(name).arg(seen).arg(result.source).arg(result.copied), false);
        }
        Result<qint64> destination = count(m_to, table);
        if (!destination)
            return std::unexpected(destination.error());
        result.destination = *destination;
        progress(QStringLiteral("%1: %2 rows copied").arg(name).arg(result.copied), true);
        return result;
    }

    Result<qint64> copyParents(const QString &table, const QStringList &columns, const QList<QVariantList> &rows, const QList<qint64> &sourceIds,
                               const QList<int> &keyIndex, QHash<QString, qint64> &present, QHash<qint64, qint64> &ids)
    {
        QList<QVariantList> fresh;
        QList<qint64> freshSource;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const QString key = rowKey(rows.at(i), keyIndex);
            if (const auto it = present.constFind(key); it != present.constEnd()) {
                ids.insert(sourceIds.at(i), *it);
            } else {
                fresh << rows.at(i);
                freshSource << sourceIds.at(i);
            }
        }
        QList<qint64> newIds;
        Result<qint64> inserted = m_to.insert(table, columns, fresh, false, &newIds);
        if (!inserted)
            return inserted;
        for (qsizetype i = 0; i < newIds.size(); ++i) {
            ids.insert(freshSource.at(i), newIds.at(i));
            present.insert(rowKey(fresh.at(i), keyIndex), newIds.at(i));
            if (table == QLatin1String("github_workflow_configs"))
                m_newConfigs.insert(freshSource.at(i));
        }
        return inserted;
    }

    // History rows without a unique key: those the destination holds (same cells, as many times) in
    // the page's time range are there already.
    Result<qint64> copyHistory(const CopyTable &table, const QStringList &columns, const QList<QVariantList> &rows, int timeIndex,
                               const QList<int> &allIndex)
    {
        if (rows.isEmpty())
            return 0;
        qint64 low = rows.first().at(timeIndex).toLongLong(), high = low;
        for (const QVariantList &row : rows) {
            low = std::min(low, row.at(timeIndex).toLongLong());
            high = std::max(high, row.at(timeIndex).toLongLong());
        }
        Result<QList<QVariantList>> there = m_to.select(QStringLiteral("SELECT %1 FROM %2 WHERE %3 >= ? AND %3 <= ?")
                                                            .arg(columns.join(QStringLiteral(", ")), QString::fromLatin1(table.name), QString::fromLatin1(table.time)),
                                                        {low, high});
        if (!there)
            return std::unexpected(there.error());
        QHash<QString, int> held;
        for (const QVariantList &row : std::as_const(*there))
            ++held[rowKey(row, allIndex)];
        QList<QVariantList> fresh;
        for (const QVariantList &row : rows) {
            int &n = held[rowKey(row, allIndex)];
            if (n > 0)
                --n;
            else
                fresh << row;
        }
        return m_to.insert(QString::fromLatin1(table.name), columns, fresh, false, nullptr);
    }

    // Configurations copied now point at their active schema once the schemas are there.
    Result<void> linkSchemas()
    {
        const QHash<qint64, qint64> &configs = m_ids.value(QStringLiteral("github_workflow_configs"));
        const QHash<qint64, qint64> &schemas = m_ids.value(QStringLiteral("github_workflow_metric_schemas"));
        for (const auto &[config, schema] : std::as_const(m_late)) {
            if (!m_newConfigs.contains(config) || !schemas.contains(schema))
                continue;
            if (Result<void> linked = m_to.exec(QStringLiteral("UPDATE github_workflow_configs SET metric_schema_id = ? WHERE id = ?"),
                                                {schemas.value(schema), configs.value(config)});
                !linked)
                return linked;
        }
        return {};
    }

    RawTables &m_from;
    RawTables &m_to;
    const StoreCopyOptions &m_options;
    QHash<QString, QHash<qint64, qint64>> m_ids;   // table -> source id -> destination id
    QSet<qint64> m_newConfigs;                     // source ids of configurations inserted by this run
    QList<std::pair<qint64, qint64>> m_late;
    QElapsedTimer m_lastProgress;
};

} // namespace

Result<StoreCopySummary> copyStore(const StoreLocation &from, const StoreLocation &to, const StoreCopyOptions &options)
{
    if (from.display() == to.display())
        return fail(ErrorClass::Config, QStringLiteral("store copy: %1 is both the source and the destination").arg(from.display()));
    // The source as a store first: refused unless it is a Fleetscope store at this version's schema.
    Result<std::unique_ptr<Store>> source = openStore(from, StoreAccess::ReadOnly);
    if (!source)
        return std::unexpected(source.error());
    Result<std::unique_ptr<Store>> destination = openStore(to, StoreAccess::ReadWrite);   // created and migrated
    if (!destination)
        return std::unexpected(destination.error());
    destination->reset();
    Result<std::unique_ptr<RawTables>> reader = RawTables::open(from, StoreAccess::ReadOnly);
    if (!reader)
        return std::unexpected(reader.error());
    Result<std::unique_ptr<RawTables>> writer = RawTables::open(to, StoreAccess::ReadWrite);
    if (!writer)
        return std::unexpected(writer.error());
    return Copier(**reader, **writer, options).run();
}

} // namespace fleetscope
