// RawTables: Qt Sql on a SQLite file, libpqxx on PostgreSQL; cells made alike on the way out.
#include "rawtables.h"

#include "pgsupport.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

namespace fleetscope {
namespace {

class SqliteTables final : public RawTables
{
public:
    SqliteTables(QString path, bool readOnly) : m_path(std::move(path)), m_name(QUuid::createUuid().toString()), m_readOnly(readOnly) {}
    ~SqliteTables() override
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }

    Result<void> open()
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(m_path);
        m_db.setConnectOptions(m_readOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000") : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!m_db.open())
            return fail(ErrorClass::Storage, QStringLiteral("%1: %2").arg(m_path, m_db.lastError().text()));
        return exec(QStringLiteral("PRAGMA foreign_keys = ON"), {});
    }

    Result<QStringList> tables() override
    {
        return firstColumn(select(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"), {}));
    }

    Result<QStringList> columns(const QString &table) override
    {
        return firstColumn(select(QStringLiteral("SELECT name FROM pragma_table_info(?)"), {table}));
    }

    Result<QList<QVariantList>> select(const QString &sql, const QVariantList &params) override
    {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (Result<void> ran = run(query, sql, params); !ran)
            return std::unexpected(ran.error());
        QList<QVariantList> rows;
        const int width = query.record().count();
        while (query.next()) {
            QVariantList row;
            row.reserve(width);
            for (int i = 0; i < width; ++i)
                row << query.value(i);
            rows << row;
        }
        return rows;
    }

    Result<qint64> insert(const QString &table, const QStringList &columns, const QList<QVariantList> &rows, bool ignoreDuplicates,
                          QList<qint64> *ids) override
    {
        if (!m_db.transaction())
            return fail(ErrorClass::Storage, QStringLiteral("%1: %2").arg(m_path, m_db.lastError().text()));
        QSqlQuery query(m_db);
        const QString sql = QStringLiteral("INSERT %1INTO %2 (%3) VALUES (%4)")
                                .arg(ignoreDuplicates ? QStringLiteral("OR IGNORE ") : QString(), table, columns.join(QStringLiteral(", ")),
                                     placeholders(columns.size()));
        qint64 inserted = 0;
        for (const QVariantList &row : rows) {
            if (Result<void> ran = run(query, sql, row); !ran) {
                m_db.rollback();
                return std::unexpected(ran.error());
            }
            inserted += query.numRowsAffected();
            if (ids)
                *ids << query.lastInsertId().toLongLong();
        }
        if (!m_db.commit())
            return fail(ErrorClass::Storage, QStringLiteral("%1: %2").arg(m_path, m_db.lastError().text()));
        return inserted;
    }

    Result<void> exec(const QString &sql, const QVariantList &params) override
    {
        QSqlQuery query(m_db);
        return run(query, sql, params);
    }

private:
    Result<void> run(QSqlQuery &query, const QString &sql, const QVariantList &params)
    {
        if (query.lastQuery() != sql && !query.prepare(sql))
            return fail(ErrorClass::Storage, QStringLiteral("%1: %2").arg(m_path, query.lastError().text()));
        for (int i = 0; i < params.size(); ++i)
            query.bindValue(i, params.at(i));
        if (!query.exec())
            return fail(ErrorClass::Storage, QStringLiteral("%1: %2").arg(m_path, query.lastError().text()));
        return {};
    }

    QString m_path;
    QString m_name;
    bool m_readOnly;
    QSqlDatabase m_db;
};

// PostgreSQL type OIDs of the columns our schema uses.
constexpr pqxx::oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kJson = 114, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700, kJsonb = 3802;

QVariant pgCell(const pqxx::field &field)
{
    if (field.is_null())
        return QVariant();
    switch (field.type()) {
    case kBool: return qint64(pgBool(field) ? 1 : 0);
    case kInt2: case kInt4: case kInt8: return pgInt(field);
    case kFloat4: case kFloat8: case kNumeric: return pgDouble(field);
    case kJson: case kJsonb: {
        // As our writers write documents (compact, keys sorted); a scalar stays as the server spells it.
        const QJsonDocument document = QJsonDocument::fromJson(QByteArray(field.c_str(), qsizetype(field.size())));
        return document.isNull() ? pgString(field) : QString::fromUtf8(document.toJson(QJsonDocument::Compact));
    }
    default: return pgString(field);
    }
}

std::vector<std::optional<std::string>> pgParams(const QVariantList &values)
{
    std::vector<std::optional<std::string>> params;
    params.reserve(size_t(values.size()));
    for (const QVariant &value : values) {
        if (value.isNull())
            params.emplace_back(std::nullopt);
        else if (value.typeId() == QMetaType::Double)
            params.emplace_back(QString::number(value.toDouble(), 'g', 17).toStdString());
        else
            params.emplace_back(value.toString().toStdString());
    }
    return params;
}

// ? placeholders as $1, $2 …
std::string pgSql(const QString &sql)
{
    std::string out;
    int n = 0;
    for (const char c : sql.toStdString()) {
        if (c == '?')
            out += '$' + std::to_string(++n);
        else
            out += c;
    }
    return out;
}

class PgTables final : public RawTables
{
public:
    PgTables(QString uri, QString display, bool readOnly) : m_uri(std::move(uri)), m_display(std::move(display)), m_readOnly(readOnly) {}

    Result<void> open()
    {
        return pgGuard(m_display, [this] {
            m_connection = pgConnect(m_uri);
            m_connection->conn.set_variable("extra_float_digits", "3");
            m_connection->conn.set_variable("client_min_messages", "warning");
            if (m_readOnly)
                m_connection->conn.set_variable("default_transaction_read_only", "on");
        });
    }

    Result<QStringList> tables() override
    {
        return firstColumn(select(QStringLiteral("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"), {}));
    }

    Result<QStringList> columns(const QString &table) override
    {
        return firstColumn(select(QStringLiteral("SELECT column_name FROM information_schema.columns"
                                                 " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position"),
                                  {table}));
    }

    Result<QList<QVariantList>> select(const QString &sql, const QVariantList &params) override
    {
        return pgGuard(m_display, [&] {
            pqxx::nontransaction tx(m_connection->conn);
            const std::vector<std::optional<std::string>> values = pgParams(params);
            const pqxx::result result = tx.exec_params(pgSql(sql), pqxx::prepare::make_dynamic_params(values));
            QList<QVariantList> rows;
            rows.reserve(qsizetype(result.size()));
            for (const pqxx::row &row : result) {
                QVariantList cells;
                cells.reserve(qsizetype(row.size()));
                for (const pqxx::field &field : row)
                    cells << pgCell(field);
                rows << cells;
            }
            return rows;
        });
    }

    Result<qint64> insert(const QString &table, const QStringList &columns, const QList<QVariantList> &rows, bool ignoreDuplicates,
                          QList<qint64> *ids) override
    {
        return pgGuard(m_display, [&] {
            pqxx::work tx(m_connection->conn);
            const QString head = QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(table, columns.join(QStringLiteral(", ")));
            const QString tail = QString(ignoreDuplicates ? QStringLiteral(" ON CONFLICT DO NOTHING") : QString())
                               + (ids ? QStringLiteral(" RETURNING id") : QString());
            // Many rows per statement (ids: one, so they come back in order), under the parameter limit.
            const qsizetype perStatement = ids ? 1 : std::max<qsizetype>(1, 30'000 / std::max<qsizetype>(1, columns.size()));
            const QString tuple = QLatin1Char('(') + placeholders(columns.size()) + QLatin1Char(')');
            qint64 inserted = 0;
            for (qsizetype from = 0; from < rows.size(); from += perStatement) {
                const qsizetype count = std::min(perStatement, rows.size() - from);
                QStringList tuples(count, tuple);
                QVariantList values;
                for (qsizetype i = from; i < from + count; ++i)
                    values += rows.at(i);
                const std::vector<std::optional<std::string>> params = pgParams(values);
                const pqxx::result result = tx.exec_params(pgSql(head + tuples.join(QStringLiteral(", ")) + tail),
                                                           pqxx::prepare::make_dynamic_params(params));
                inserted += qint64(result.affected_rows());
                if (ids)
                    *ids << (result.empty() ? 0 : pgInt(result[0][0]));
            }
            tx.commit();
            return inserted;
        });
    }

    Result<void> exec(const QString &sql, const QVariantList &params) override
    {
        return pgGuard(m_display, [&] {
            pqxx::nontransaction tx(m_connection->conn);
            const std::vector<std::optional<std::string>> values = pgParams(params);
            tx.exec_params(pgSql(sql), pqxx::prepare::make_dynamic_params(values));
        });
    }

private:
    QString m_uri;
    QString m_display;
    bool m_readOnly;
    std::unique_ptr<PgConnection> m_connection;
};

} // namespace

Result<QStringList> RawTables::firstColumn(const Result<QList<QVariantList>> &rows)
{
    if (!rows)
        return std::unexpected(rows.error());
    QStringList values;
    for (const QVariantList &row : *rows)
        values << row.first().toString();
    return values;
}

QString RawTables::placeholders(qsizetype count)
{
    QStringList marks(count, QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

Result<std::unique_ptr<RawTables>> RawTables::open(const StoreLocation &location, StoreAccess access)
{
    if (location.isPostgres()) {
        auto tables = std::make_unique<PgTables>(location.postgresUri, location.display(), access == StoreAccess::ReadOnly);
        if (Result<void> opened = tables->open(); !opened)
            return std::unexpected(opened.error());
        return std::unique_ptr<RawTables>(std::move(tables));
    }
    auto tables = std::make_unique<SqliteTables>(location.sqlitePath, access == StoreAccess::ReadOnly);
    if (Result<void> opened = tables->open(); !opened)
        return std::unexpected(opened.error());
    return std::unique_ptr<RawTables>(std::move(tables));
}

} // namespace fleetscope
