// GPU name table lookup; the table is data in resources/, embedded in the core library.
#include "gpunames.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fleetscope {
namespace {

// "NVIDIA H100-SXM5 80GB" and "nvidia h100 sxm5 80gb" are the same key.
QString matchKey(const QString &name)
{
    QString key;
    key.reserve(name.size());
    for (const QChar c : name) {
        if (c.isLetterOrNumber())
            key += c.toLower();
    }
    return key;
}

const QHash<QString, QString> &table()
{
    static const QHash<QString, QString> names = [] {
        QHash<QString, QString> result;
        QFile file(QStringLiteral(":/gpus/gpu-names.json"));
        if (!file.open(QIODevice::ReadOnly))
            return result;
        const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key().startsWith(QLatin1Char('_')))
                continue;
            result.insert(matchKey(it.key()), it.key());
            for (const QJsonValue alias : it.value().toArray())
                result.insert(matchKey(alias.toString()), it.key());
        }
        return result;
    }();
    return names;
}

} // namespace

QString canonicalGpuName(const QString &name)
{
    const QString trimmed = name.trimmed();
    return table().value(matchKey(trimmed), trimmed);
}

QStringList canonicalGpuNames()
{
    QStringList names = table().values();
    names.removeDuplicates();
    names.sort();
    return names;
}

} // namespace fleetscope
