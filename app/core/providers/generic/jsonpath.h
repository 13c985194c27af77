// The small JSON path language of provider descriptors: where a value sits in a provider's answer.
#pragma once

#include "error.h"

#include <QJsonValue>
#include <QList>
#include <QString>

namespace fleetscope::generic {

// A parsed path. Syntax: steps joined by '.', optionally after a leading "$":
//   name            an object member               ("meta.links.next")
//   [N]             an array element               ("regions_with_capacity_available[0].name")
//   ["any.key"]     a member whose name has dots    ("status.capacity[\"nvidia.com/gpu\"]")
//   [*]             every element or member value; the result is an array ("containers[*].image")
//   $key            the item's name when the list is an object keyed by name (Lambda's types)
//   $parent         the enclosing item of an expanded list (Hetzner's prices per location)
// "" and "$" are the value itself. A missing member or index gives an undefined value, never an error.
class JsonPath
{
public:
    static Result<JsonPath> parse(const QString &text);

    // The value at this path in ROOT; KEY and PARENT stand for $key and $parent.
    QJsonValue evaluate(const QJsonValue &root, const QString &key = QString(), const QJsonValue &parent = QJsonValue()) const;
    const QString &text() const { return m_text; }
    bool isRoot() const { return m_steps.isEmpty(); }

private:
    struct Step {
        enum class Kind { Member, Index, Wildcard, Key, Parent };
        Kind kind = Kind::Member;
        QString name;
        qsizetype index = 0;
    };
    QJsonValue walk(const QJsonValue &value, qsizetype from, const QString &key, const QJsonValue &parent) const;

    QString m_text;
    QList<Step> m_steps;
};

} // namespace fleetscope::generic
