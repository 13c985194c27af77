// JSON path parsing and evaluation for provider descriptors.
#include "jsonpath.h"

#include <QJsonArray>
#include <QJsonObject>

namespace fleetscope::generic {
namespace {

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-') || c == QLatin1Char('/') || c == QLatin1Char('@');
}

} // namespace

Result<JsonPath> JsonPath::parse(const QString &text)
{
    JsonPath path;
    path.m_text = text;
    QString rest = text;
    if (rest == QLatin1String("$"))
        return path;
    if (rest.startsWith(QLatin1String("$.")))
        rest = rest.mid(2);
    auto bad = [&text](const QString &why) { return fail(ErrorClass::Config, QStringLiteral("bad path '%1': %2").arg(text, why)); };
    qsizetype i = 0;
    bool expectName = true;   // at the start or after a '.'
    while (i < rest.size()) {
        const QChar c = rest.at(i);
        if (c == QLatin1Char('[')) {
            const qsizetype close = rest.indexOf(QLatin1Char(']'), i);
            if (close < 0)
                return bad(QStringLiteral("'[' without ']'"));
            const QString inner = rest.mid(i + 1, close - i - 1);
            Step step;
            if (inner == QLatin1String("*")) {
                step.kind = Step::Kind::Wildcard;
            } else if (inner.size() >= 2 && inner.startsWith(QLatin1Char('"')) && inner.endsWith(QLatin1Char('"'))) {
                step.name = inner.mid(1, inner.size() - 2);
            } else {
                bool ok = false;
                step.kind = Step::Kind::Index;
                step.index = inner.toLongLong(&ok);
                if (!ok || step.index < 0)
                    return bad(QStringLiteral("expected [N], [*] or [\"name\"]"));
            }
            path.m_steps << step;
            i = close + 1;
            expectName = false;
            continue;
        }
        if (c == QLatin1Char('.')) {
            if (expectName)
                return bad(QStringLiteral("empty step"));
            expectName = true;
            ++i;
            continue;
        }
        if (!expectName)
            return bad(QStringLiteral("expected '.' or '[' at %1").arg(i));
        const bool special = c == QLatin1Char('$');
        qsizetype end = i + (special ? 1 : 0);
        while (end < rest.size() && isNameChar(rest.at(end)))
            ++end;
        const QString name = rest.mid(i, end - i);
        if (name.isEmpty() || name == QLatin1String("$"))
            return bad(QStringLiteral("unexpected '%1' at %2").arg(c).arg(i));
        Step step;
        if (special) {
            if (name == QLatin1String("$key"))
                step.kind = Step::Kind::Key;
            else if (name == QLatin1String("$parent"))
                step.kind = Step::Kind::Parent;
            else
                return bad(QStringLiteral("unknown name '%1' (known: $key, $parent)").arg(name));
            if (!path.m_steps.isEmpty())
                return bad(QStringLiteral("%1 must come first").arg(name));
        } else {
            step.name = name;
        }
        path.m_steps << step;
        i = end;
        expectName = false;
    }
    if (expectName && !rest.isEmpty())
        return bad(QStringLiteral("ends with '.'"));
    return path;
}

QJsonValue JsonPath::evaluate(const QJsonValue &root, const QString &key, const QJsonValue &parent) const
{
    return walk(root, 0, key, parent);
}

QJsonValue JsonPath::walk(const QJsonValue &value, qsizetype from, const QString &key, const QJsonValue &parent) const
{
    QJsonValue current = value;
    for (qsizetype i = from; i < m_steps.size(); ++i) {
        const Step &step = m_steps.at(i);
        switch (step.kind) {
        case Step::Kind::Key:
            current = key.isNull() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(key);
            break;
        case Step::Kind::Parent:
            current = parent;
            break;
        case Step::Kind::Member:
            if (!current.isObject())
                return QJsonValue(QJsonValue::Undefined);
            current = current.toObject().value(step.name);
            break;
        case Step::Kind::Index: {
            const QJsonArray array = current.toArray();
            if (!current.isArray() || step.index >= array.size())
                return QJsonValue(QJsonValue::Undefined);
            current = array.at(step.index);
            break;
        }
        case Step::Kind::Wildcard: {
            QJsonArray each;
            if (current.isArray()) {
                for (const QJsonValue element : current.toArray())
                    each.append(element);
            } else if (current.isObject()) {
                const QJsonObject object = current.toObject();
                for (auto it = object.begin(); it != object.end(); ++it)
                    each.append(it.value());
            } else {
                return QJsonValue(QJsonValue::Undefined);
            }
            QJsonArray results;
            for (const QJsonValue element : std::as_const(each)) {
                const QJsonValue result = walk(element, i + 1, key, parent);
                if (!result.isUndefined())
                    results.append(result);
            }
            return results;
        }
        }
        if (current.isUndefined())
            return current;
    }
    return current;
}

} // namespace fleetscope::generic
