// Fetching every page of a descriptor list: cursor, page number, next URL or Link header, up to
// the list's page cap.
#pragma once

#include "session.h"

namespace fleetscope::generic {

struct FetchedItem {
    QJsonValue value;
    QString key;          // $key: the member name in a list keyed by name
    QJsonValue parent;    // $parent: the enclosing item of an expanded list
};

struct FetchedList {
    QList<FetchedItem> items;
    int pages = 0;
    bool more = false;    // PAGELIMIT stopped it with pages left
};

// The items of one page's BODY by LIST's items path (keyed, expanded); SOURCE names it in errors.
Result<QList<FetchedItem>> pageItems(const QJsonValue &body, const ListSpec &list, const QString &source);

// Follows LIST's pages. With PAGELIMIT > 0, stops after that many pages and says whether more
// were left (connection tests); otherwise reaching the list's maxPages with pages left is a
// BadData error naming the cap, and nothing of the list is used.
void fetchList(std::shared_ptr<Session> session, const ListSpec &list, int pageLimit, QObject *context,
               std::function<void(Result<FetchedList>)> done);

} // namespace fleetscope::generic
