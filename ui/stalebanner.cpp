// StaleBanner: fixed warning colours with their own text colour, so the strip reads the same on any palette.
#include "stalebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace fleetscope {

StaleBanner::StaleBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("staleBanner"));
    setStyleSheet(QStringLiteral("#staleBanner { background: #fff3cd; border: 1px solid #e0b94f; border-radius: 4px; }"
                                 "#staleBanner QLabel { color: #4a3800; background: transparent; }"));
    setAccessibleName(tr("Stale data warning"));
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(QSize(20, 20), devicePixelRatioF()));
    icon->setAlignment(Qt::AlignTop);
    m_text = new QLabel(this);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setAccessibleName(tr("Stale data warning"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    setVisible(false);
}

void StaleBanner::showNotices(const QList<StaleNotice> &notices)
{
    QStringList lines;
    QStringList details;
    for (const StaleNotice &notice : notices) {
        lines.append(StaleNotices::text(notice));
        details.append(tr("%1: %2").arg(notice.connection.name, notice.connection.lastError));
    }
    m_text->setText(lines.join(QLatin1Char('\n')));
    setToolTip(details.join(QLatin1Char('\n')));   // the line elides a long error; the tooltip has all of it
    setVisible(!notices.isEmpty());
}

QString StaleBanner::text() const
{
    return isHidden() ? QString() : m_text->text();
}

} // namespace fleetscope
