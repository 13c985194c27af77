// Alert rules, what an evaluation finds, and stored alerts. Provider-neutral value types.
#pragma once

#include "error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace fleetscope {

// A rule as stored (alert_rules). KIND is one of alertKinds(); PARAMS hold its thresholds, with
// defaults for those left out. CONNECTION_ID 0: every connection (or the whole fleet, for burn_rate).
struct AlertRule {
    qint64 id = 0;
    QString name;
    QString kind;
    qint64 connectionId = 0;
    QJsonObject params;
    QString severity = QStringLiteral("warning");   // info, warning, critical
    bool enabled = true;
};

// One condition that holds now. KEY names rule and resource; while a finding with the same key keeps
// coming, it is one open alert.
struct AlertFinding {
    qint64 ruleId = 0;
    QString key;
    QString kind;
    QString severity;
    qint64 connectionId = 0;   // 0: not about one connection
    QString resourceId;        // pod, endpoint, GPU type ...
    QString message;
};

// What one evaluation at AT found for RULE_IDS: their open alerts without a finding are resolved.
struct AlertEvaluation {
    QDateTime at;
    QList<qint64> ruleIds;
    QList<AlertFinding> findings;
};

struct AlertRecord {
    qint64 id = 0;
    AlertFinding finding;
    QDateTime firedAt;
    QDateTime lastSeenAt;
    QDateTime resolvedAt;        // invalid: still open
    bool acknowledged = false;
    QDateTime acknowledgedAt;
    bool isOpen() const { return !resolvedAt.isValid(); }
};

struct AlertKindInfo {
    QString kind;
    QString description;
    QJsonObject defaults;   // every parameter the kind reads, with its default
};

const QList<AlertKindInfo> &alertKinds();
const AlertKindInfo *findAlertKind(const QString &kind);

// Checks RULE's kind, severity and parameters (known names, numbers where numbers are read);
// returns the rule with defaults filled in, or a Config error naming the parameter.
Result<AlertRule> validateAlertRule(AlertRule rule);

// The percent levels of a budget rule's thresholds ("50,80,100"), ascending; empty when malformed.
QList<double> budgetThresholds(const QJsonObject &params);

} // namespace fleetscope
