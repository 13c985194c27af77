// SqliteStore: export datasets (the SQL is shared with PostgreSQL, datasetsql.cpp).
#include "sqlitestore.h"

#include "datasetsql.h"

#include <limits>

namespace fleetscope {
namespace {

QVariant cell(const SqliteStatement &s, int column, ColumnType type)
{
    if (s.isNull(column))
        return {};
    switch (type) {
    case ColumnType::Timestamp: return QDateTime::fromMSecsSinceEpoch(s.int64(column), Qt::UTC);
    case ColumnType::Integer: return s.int64(column);
    case ColumnType::Real: return s.real(column);
    case ColumnType::Boolean: return s.int64(column) != 0;
    case ColumnType::Text: return s.text(column);
    }
    return {};
}

} // namespace

Result<TableData> SqliteStore::dataset(const DatasetSpec &spec, const QDateTime &since, const QDateTime &until, const QString &config)
{
    const char *sql = datasetSelect(spec.name);
    if (!sql)
        sql = sqliteDatasetSelect(spec.name);
    if (!sql)
        return fail(ErrorClass::Config, QStringLiteral("unknown dataset '%1'").arg(spec.name));
    Result<SqliteStatement *> st = statement(sql);
    if (!st)
        return std::unexpected(st.error());
    (*st)->bind(1, since.isValid() ? since.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min());
    (*st)->bind(2, until.isValid() ? until.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max());
    if (isConfigDataset(spec))
        (*st)->bind(3, config);
    TableData table;
    table.columns = spec.columns;
    Result<void> read = (*st)->eachRow([&table, &spec](const SqliteStatement &s) {
        QVariantList row;
        row.reserve(spec.types.size());
        for (int i = 0; i < spec.types.size(); ++i)
            row << cell(s, i, spec.types.at(i));
        table.rows << row;
    });
    if (!read)
        return std::unexpected(read.error());
    return table;
}

} // namespace fleetscope
