// Reading descriptor JSON with JSON-pointer locations: the first problem found is kept, so a
// section reads as a plain list of its keys and callers check failed() once.
#pragma once

#include "jsonpath.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace fleetscope::generic {

// POINTER extended by KEY (RFC 6901: "/" and "~" escaped) or by an array INDEX.
QString child(const QString &pointer, const QString &key);
QString child(const QString &pointer, qsizetype index);

class DescriptorReader
{
public:
    bool failed() const { return !m_error.isEmpty(); }
    const QString &error() const { return m_error; }

    void problem(const QString &pointer, const QString &message);
    void take(const Error &error);
    // Reports the first key of OBJECT not in KNOWN; keys starting with '_' are comments.
    void onlyKeys(const QJsonObject &object, const QString &pointer, const QStringList &known);

    QString string(const QJsonObject &object, const QString &pointer, const QString &key, bool required = false, const QString &fallback = {});
    QString choice(const QJsonObject &object, const QString &pointer, const QString &key, const QStringList &choices, bool required);
    double number(const QJsonObject &object, const QString &pointer, const QString &key, double fallback, double min, double max);
    int integer(const QJsonObject &object, const QString &pointer, const QString &key, int fallback, int min, int max);
    bool boolean(const QJsonObject &object, const QString &pointer, const QString &key);
    QJsonObject object(const QJsonObject &parent, const QString &pointer, const QString &key, bool required = false);
    QJsonArray array(const QJsonObject &parent, const QString &pointer, const QString &key);
    std::optional<JsonPath> path(const QJsonObject &object, const QString &pointer, const QString &key, bool required = false);

private:
    QString m_error;
};

} // namespace fleetscope::generic
