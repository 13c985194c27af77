// PostgreSQL plumbing: SQLSTATE classes, parameter and field conversions.
#include "pgsupport.h"

#include <QJsonDocument>

#include <charconv>
#include <cmath>

namespace fleetscope {
namespace {

// libpq reports a refused login as a broken connection with only the server's text to go by.
bool isAuthFailure(const QString &message)
{
    static const char *const kMarkers[] = {"password authentication failed", "no password supplied", "authentication failed",
                                           "role \"", "pg_hba.conf", "permission denied"};
    for (const char *marker : kMarkers) {
        if (message.contains(QLatin1String(marker)))
            return true;
    }
    return false;
}

ErrorClass classOf(const std::string &state)
{
    auto starts = [&state](const char *prefix) { return state.rfind(prefix, 0) == 0; };
    if (starts("28") || state == "42501")
        return ErrorClass::Auth;
    if (starts("23") || starts("22"))
        return ErrorClass::BadData;
    if (starts("08") || starts("57P") || starts("53") || starts("40"))
        return ErrorClass::Unavailable;
    if (state == "3D000")   // the database does not exist
        return ErrorClass::Config;
    return ErrorClass::Storage;
}

} // namespace

Error pgError(const std::exception &exception, const QString &context)
{
    // libpq's messages run over several lines (DETAIL, HINT, the query); the first says what happened.
    QString text = QString::fromUtf8(exception.what()).trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
    for (const char *prefix : {"ERROR:  ", "FATAL:  "})
        text.remove(QLatin1String(prefix));
    ErrorClass kind = ErrorClass::Storage;
    // libpqxx 6.4 throws its specific classes without the SQLSTATE, so the class is read first.
    if (const auto *refusal = dynamic_cast<const PgRefusal *>(&exception)) {
        kind = refusal->kind();
    } else if (dynamic_cast<const pqxx::insufficient_privilege *>(&exception)) {
        kind = ErrorClass::Auth;
        text += QStringLiteral(" (this PostgreSQL role may not change the store)");
    } else if (dynamic_cast<const pqxx::integrity_constraint_violation *>(&exception)
               || dynamic_cast<const pqxx::data_exception *>(&exception)) {
        kind = ErrorClass::BadData;
    } else if (dynamic_cast<const pqxx::broken_connection *>(&exception)) {
        kind = isAuthFailure(text) ? ErrorClass::Auth
             : text.contains(QLatin1String("does not exist")) ? ErrorClass::Config
                                                              : ErrorClass::Unavailable;
    } else if (dynamic_cast<const pqxx::in_doubt_error *>(&exception)
               || dynamic_cast<const pqxx::transaction_rollback *>(&exception)) {
        kind = ErrorClass::Unavailable;
    } else if (const auto *sql = dynamic_cast<const pqxx::sql_error *>(&exception)) {
        kind = classOf(sql->sqlstate());
    }
    if (text.isEmpty())
        text = QStringLiteral("unknown PostgreSQL error");
    return Error::make(kind, context + QStringLiteral(": ") + text);
}

std::string pgPlaceholders(const char *sql)
{
    std::string out(sql);
    for (size_t i = 0; i + 1 < out.size(); ++i) {
        if (out[i] == '?' && out[i + 1] >= '0' && out[i + 1] <= '9')   // not jsonb's ? operators
            out[i] = '$';
    }
    return out;
}

std::optional<std::string> pgText(const QString &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toStdString();
}

std::optional<qint64> pgTime(const QDateTime &value)
{
    return value.isValid() ? std::optional<qint64>(value.toMSecsSinceEpoch()) : std::nullopt;
}

std::optional<std::string> pgJson(const QJsonObject &value)
{
    if (value.isEmpty())
        return std::nullopt;
    return QJsonDocument(value).toJson(QJsonDocument::Compact).toStdString();
}

std::optional<double> pgReal(std::optional<double> value)
{
    return value && !std::isnan(*value) ? value : std::nullopt;
}

qint64 pgInt(const pqxx::field &field)
{
    qint64 value = 0;
    if (!field.is_null())
        std::from_chars(field.c_str(), field.c_str() + field.size(), value);
    return value;
}

double pgDouble(const pqxx::field &field)
{
    if (field.is_null())
        return 0;
    const char *text = field.c_str();
    // PostgreSQL spells the special values its own way; from_chars knows "nan" and "inf" only.
    if (qstrcmp(text, "NaN") == 0)
        return std::nan("");
    if (qstrcmp(text, "Infinity") == 0)
        return HUGE_VAL;
    if (qstrcmp(text, "-Infinity") == 0)
        return -HUGE_VAL;
    double value = 0;
    std::from_chars(text, text + field.size(), value);
    return value;
}

QString pgString(const pqxx::field &field)
{
    return field.is_null() ? QString() : QString::fromUtf8(field.c_str(), qsizetype(field.size()));
}

bool pgBool(const pqxx::field &field)
{
    return !field.is_null() && field.c_str()[0] == 't';
}

std::optional<qint64> pgOptInt(const pqxx::field &field)
{
    return field.is_null() ? std::nullopt : std::optional<qint64>(pgInt(field));
}

std::optional<double> pgOptReal(const pqxx::field &field)
{
    return field.is_null() ? std::nullopt : std::optional<double>(pgDouble(field));
}

std::optional<bool> pgOptBool(const pqxx::field &field)
{
    return field.is_null() ? std::nullopt : std::optional<bool>(pgBool(field));
}

QDateTime pgTimestamp(const pqxx::field &field)
{
    return QDateTime::fromMSecsSinceEpoch(pgInt(field), Qt::UTC);
}

QDateTime pgOptTimestamp(const pqxx::field &field)
{
    return field.is_null() ? QDateTime() : pgTimestamp(field);
}

QJsonObject pgObject(const pqxx::field &field)
{
    if (field.is_null())
        return {};
    return QJsonDocument::fromJson(QByteArray(field.c_str(), qsizetype(field.size()))).object();
}

} // namespace fleetscope
