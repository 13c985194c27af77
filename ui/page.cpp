// Page: heading and state wiring shared by all pages.
#include "page.h"

#include "store/storeservice.h"

#include <QLabel>
#include <QVBoxLayout>

namespace fleetscope {

Page::Page(const QString &title, StoreService &store, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
    , m_store(store)
{
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(16, 12, 16, 8);
    auto *heading = new QLabel(title, this);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.5);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    heading->setAccessibleName(tr("Page title"));
    m_state = new PageState(this);
    m_state->setAccessibleName(title);
    m_layout->addWidget(heading);
    m_layout->addWidget(m_state, 1);

    connect(m_state, &PageState::retryRequested, this, &Page::reload);
    connect(m_state, &PageState::actionRequested, this, &Page::addProviderRequested);
}

void Page::addBanner(QWidget *widget)
{
    m_layout->insertWidget(m_layout->indexOf(m_state), widget);
}

QString Page::readOnlyMessage()
{
    return tr("Read-only: your PostgreSQL role can only read this store, so changes cannot be saved from here. "
              "Ask for a role that may write, or make the change where one is used.");
}

bool Page::refuseWhenReadOnly()
{
    if (m_store.writable())
        return false;
    Q_EMIT writeRefused(readOnlyMessage());
    return true;
}

void Page::setTimeRange(const TimeRange &range)
{
    m_range = range;
    reload();
}

} // namespace fleetscope
