// SyncStatusBar: one short label per connection, full detail in its tooltip.
#include "syncstatusbar.h"

#include "connectionsmodel.h"
#include "snapshotformat.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace fleetscope {
namespace {

constexpr int kMaxShown = 4;          // more would crowd the status bar; the rest go in one tooltip
constexpr int kErrorPreview = 60;

QString shortText(const ConnectionRecord &c)
{
    if (!c.enabled)
        return SyncStatusBar::tr("%1: disabled").arg(c.name);
    if (c.lastStatus.isEmpty() || !c.lastSyncAt.isValid())
        return SyncStatusBar::tr("%1: never synced").arg(c.name);
    if (c.lastStatus == QLatin1String("ok"))
        return SyncStatusBar::tr("%1: synced %2").arg(c.name, SnapshotFormat::clockTime(c.lastSyncAt));
    QString error = c.lastError;
    if (error.size() > kErrorPreview)
        error = error.left(kErrorPreview - 1) + QChar(0x2026);
    return SyncStatusBar::tr("%1: %2 %3 — %4").arg(c.name, ConnectionsModel::statusText(c).toLower(),
                                                   SnapshotFormat::clockTime(c.lastSyncAt), error);
}

QString detailText(const ConnectionRecord &c)
{
    QString text = SyncStatusBar::tr("%1 (%2): %3").arg(c.name, c.kind, ConnectionsModel::statusText(c));
    if (c.lastSyncAt.isValid())
        text += SyncStatusBar::tr(", last sync %1").arg(QLocale().toString(c.lastSyncAt.toLocalTime(), QLocale::LongFormat));
    if (c.lastStatus == QLatin1String("failed") && c.lastSuccessAt.isValid())
        text += SyncStatusBar::tr(", last successful sync %1").arg(QLocale().toString(c.lastSuccessAt.toLocalTime(), QLocale::LongFormat));
    if (!c.lastError.isEmpty())
        text += QLatin1Char('\n') + c.lastError;
    return text;
}

} // namespace

SyncStatusBar::SyncStatusBar(QWidget *parent)
    : QWidget(parent)
{
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(16);
    setAccessibleName(tr("Connection sync status"));
    showConnections({});
}

QStringList SyncStatusBar::texts() const
{
    QStringList texts;
    for (const QLabel *label : m_labels)
        texts.append(label->text());
    return texts;
}

void SyncStatusBar::showConnections(const QList<ConnectionRecord> &connections)
{
    qDeleteAll(m_labels);
    m_labels.clear();
    auto addLabel = [this](const QString &text, const QString &detail) {
        auto *label = new QLabel(text, this);
        label->setTextFormat(Qt::PlainText);
        label->setToolTip(detail);
        label->setAccessibleName(text);
        m_layout->addWidget(label);
        m_labels.append(label);
    };
    if (connections.isEmpty()) {
        addLabel(tr("No providers configured"), tr("Add a provider to start collecting."));
        return;
    }
    for (qsizetype i = 0; i < connections.size() && i < kMaxShown; ++i)
        addLabel(shortText(connections[i]), detailText(connections[i]));
    if (connections.size() > kMaxShown) {
        QStringList rest;
        for (qsizetype i = kMaxShown; i < connections.size(); ++i)
            rest.append(detailText(connections[i]));
        addLabel(tr("+%n more", nullptr, int(connections.size() - kMaxShown)), rest.join(QLatin1Char('\n')));
    }
}

} // namespace fleetscope
