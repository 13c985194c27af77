// Base of every sidebar page: a heading, a PageState, the global time range, and store reads that drop stale answers.
#pragma once

#include "pagestate.h"
#include "storeread.h"
#include "timerange.h"

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace fleetscope {

class Page : public QWidget
{
    Q_OBJECT
public:
    Page(const QString &title, StoreService &store, QWidget *parent = nullptr);

    QString title() const { return m_title; }
    PageState *pageState() const { return m_state; }
    const TimeRange &timeRange() const { return m_range; }

    // Always reloads, even for the same preset: "last hour" means the hour before now.
    void setTimeRange(const TimeRange &range);
    // Sets the range without reading: at start-up, before the store is open.
    void restoreTimeRange(const TimeRange &range) { m_range = range; }
    // Reads what the page shows from the store, asynchronously; the GUI thread never waits.
    virtual void reload() = 0;

    // The words for a change refused because this PostgreSQL role can only read the store.
    static QString readOnlyMessage();

Q_SIGNALS:
    void addProviderRequested();
    // An action that writes was refused (the store is read-only); MESSAGE says so, for the window to show.
    void writeRefused(const QString &message);

protected:
    StoreService &store() const { return m_store; }
    // Call first in every action that writes: true (and writeRefused) when the store cannot be written.
    bool refuseWhenReadOnly();
    // Places WIDGET between the heading and the page's state, where it stays whatever the state.
    void addBanner(QWidget *widget);

    // Reads through the store for this page; see readLatest in storeread.h.
    template<typename T, typename Handler>
    void readLatest(LatestRequest &request, std::function<Result<T>(Store &)> query, Handler handler)
    {
        fleetscope::readLatest<T>(m_store, this, request, std::move(query), std::move(handler));
    }

private:
    QString m_title;
    StoreService &m_store;
    QVBoxLayout *m_layout = nullptr;
    PageState *m_state = nullptr;
    TimeRange m_range;
};

} // namespace fleetscope
