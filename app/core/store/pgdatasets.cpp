// PgStore: export datasets, through the SQL both dialects share and PostgreSQL's own (datasetsql.cpp).
#include "pgstore.h"

#include "datasetsql.h"
#include "pgsupport.h"

#include <QJsonDocument>

#include <limits>

namespace fleetscope {
namespace {

// JSONB's type OID (PostgreSQL's pg_type.dat).
constexpr pqxx::oid kJsonbOid = 3802;

// A JSONB document as the compact text SQLite stores for it (keys sorted, no spaces), not as
// PostgreSQL prints JSONB (its own key order, spaced): exports are the same from both stores.
QString compactJson(const pqxx::field &field)
{
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(field.c_str(), qsizetype(field.size())));
    return document.isNull() ? pgString(field) : QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

QVariant cell(const pqxx::field &field, ColumnType type)
{
    if (field.is_null())
        return {};
    switch (type) {
    case ColumnType::Timestamp: return pgTimestamp(field);
    case ColumnType::Integer: return pgInt(field);
    case ColumnType::Real: return pgDouble(field);
    case ColumnType::Boolean: return pgBool(field);
    case ColumnType::Text: return field.type() == kJsonbOid ? compactJson(field) : pgString(field);
    }
    return {};
}

} // namespace

Result<TableData> PgStore::dataset(const DatasetSpec &spec, const QDateTime &since, const QDateTime &until, const QString &config)
{
    const char *select = datasetSelect(spec.name);
    if (!select)
        select = postgresDatasetSelect(spec.name);
    if (!select)
        return fail(ErrorClass::Config, QStringLiteral("unknown dataset '%1'").arg(spec.name));
    const std::string sql = pgPlaceholders(select);
    return pgGuard(m_display, [&] {
        pqxx::nontransaction tx(m_connection->conn);
        const qint64 from = since.isValid() ? since.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
        const qint64 to = until.isValid() ? until.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
        const pqxx::result rows = isConfigDataset(spec) ? tx.exec_params(sql, from, to, config.toStdString()) : tx.exec_params(sql, from, to);
        TableData table;
        table.columns = spec.columns;
        table.rows.reserve(qsizetype(rows.size()));
        for (const pqxx::row &row : rows) {
            QVariantList values;
            values.reserve(spec.types.size());
            for (int i = 0; i < spec.types.size(); ++i)
                values << cell(row[i], spec.types.at(i));
            table.rows << values;
        }
        return table;
    });
}

} // namespace fleetscope
