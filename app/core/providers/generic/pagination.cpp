// The page loop of descriptor lists.
#include "pagination.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

namespace fleetscope::generic {
namespace {

QUrl withParam(QUrl url, const QString &name, const QString &value)
{
    QUrlQuery query(url);
    query.removeAllQueryItems(name);
    query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    url.setQuery(query);
    return url;
}

// The rel="next" target of a Link header: <https://api.example.com/items?page=2>; rel="next", ...
QString linkNext(const QByteArray &header)
{
    static const QRegularExpression link(QStringLiteral("<([^>]*)>\\s*;([^,]*)"));
    static const QRegularExpression relNext(QStringLiteral("rel\\s*=\\s*\"?([^\";]*\\s)?next(\\s[^\";]*)?\"?"));
    for (const QRegularExpressionMatch &match : link.globalMatch(QString::fromLatin1(header))) {
        if (relNext.match(match.captured(2)).hasMatch())
            return match.captured(1);
    }
    return {};
}

struct PageLoop {
    std::shared_ptr<Session> session;
    const ListSpec *list = nullptr;
    int pageLimit = 0;
    QObject *context = nullptr;
    std::function<void(Result<FetchedList>)> done;
    QString source;
    FetchedList fetched;
    qint64 pageNumber = 1;

    // The next page's URL after the answer to CURRENT, or an empty URL when this was the last.
    Result<QUrl> nextUrl(const QUrl &current, const HttpResponse &response, const QJsonValue &body, qsizetype itemsOnPage) const
    {
        const PaginationSpec &p = list->pagination;
        QString next;
        switch (p.style) {
        case PageStyle::None:
            return QUrl();
        case PageStyle::Cursor:
            next = textOf(p.next->evaluate(body)).value_or(QString());
            return next.isEmpty() ? QUrl() : withParam(current, p.param, next);
        case PageStyle::Page: {
            if (itemsOnPage == 0)
                return QUrl();
            qint64 following = pageNumber + 1;
            if (p.totalPages) {
                const std::optional<qint64> total = integerOf(p.totalPages->evaluate(body));
                if (!total || pageNumber >= *total - (p.start == 0 ? 1 : 0))
                    return QUrl();
            }
            if (p.next) {
                const std::optional<qint64> given = integerOf(p.next->evaluate(body));
                if (!given)
                    return QUrl();
                following = *given;
            }
            return withParam(current, p.param, QString::number(following));
        }
        case PageStyle::NextUrl:
            next = textOf(p.next->evaluate(body)).value_or(QString());
            break;
        case PageStyle::LinkHeader:
            next = linkNext(response.header("Link"));
            break;
        }
        if (next.isEmpty())
            return QUrl();
        const QUrl url = current.resolved(QUrl(next));
        // A next link is the server's word; the credential goes only where the base URL points.
        if (!session->sameOrigin(url))
            return fail(ErrorClass::BadData, QStringLiteral("%1: the next page is on another host (%2); not followed").arg(source, redactedTarget(url)));
        return url;
    }
};

void fetchPage(std::shared_ptr<PageLoop> loop, QUrl url)
{
    HttpRequest request = loop->session->request(url, loop->source);
    loop->session->send(std::move(request), loop->context, [loop, url](Result<HttpResponse> response) {
        if (!response)
            return loop->done(std::unexpected(response.error()));
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(response->body, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return loop->done(fail(ErrorClass::BadData, QStringLiteral("%1: page %2 is not JSON: %3 at offset %4")
                                                            .arg(loop->source).arg(loop->fetched.pages + 1)
                                                            .arg(parseError.errorString()).arg(parseError.offset)));
        const QJsonValue body = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
        Result<QList<FetchedItem>> items = pageItems(body, *loop->list, loop->source);
        if (!items)
            return loop->done(std::unexpected(items.error()));
        loop->fetched.items << *items;
        ++loop->fetched.pages;
        Result<QUrl> next = loop->nextUrl(url, *response, body, items->size());
        if (!next)
            return loop->done(std::unexpected(next.error()));
        if (next->isEmpty())
            return loop->done(std::move(loop->fetched));
        if (loop->pageLimit > 0 && loop->fetched.pages >= loop->pageLimit) {
            loop->fetched.more = true;
            return loop->done(std::move(loop->fetched));
        }
        const int cap = loop->list->pagination.maxPages;
        if (loop->pageLimit <= 0 && loop->fetched.pages >= cap)
            return loop->done(fail(ErrorClass::BadData, QStringLiteral("%1: more than %2 pages; stopped at the page cap "
                                                                       "(raise /api/lists/%3/pagination/maxPages)")
                                                            .arg(loop->source).arg(cap).arg(loop->list->name)));
        if (loop->list->pagination.style == PageStyle::Page)
            loop->pageNumber = QUrlQuery(*next).queryItemValue(loop->list->pagination.param).toLongLong();
        fetchPage(loop, *next);
    });
}

} // namespace

Result<QList<FetchedItem>> pageItems(const QJsonValue &body, const ListSpec &list, const QString &source)
{
    const QJsonValue items = list.items.evaluate(body);
    QList<FetchedItem> result;
    if (items.isNull())
        return result;   // Kubernetes answers "items": null for an empty list
    if (items.isUndefined())
        return fail(ErrorClass::BadData, QStringLiteral("%1: no '%2' in the answer").arg(source, list.items.text()));
    if (list.keyed) {
        if (!items.isObject())
            return fail(ErrorClass::BadData, QStringLiteral("%1: '%2' is not an object keyed by name").arg(source, list.items.text()));
        const QJsonObject object = items.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            result << FetchedItem{it.value(), it.key(), {}};
    } else if (items.isArray()) {
        for (const QJsonValue item : items.toArray())
            result << FetchedItem{item, {}, {}};
    } else if (items.isObject()) {
        result << FetchedItem{items, {}, {}};   // one object: an account, a balance
    } else {
        return fail(ErrorClass::BadData, QStringLiteral("%1: '%2' is neither a list nor an object").arg(source, list.items.text()));
    }
    if (!list.expand)
        return result;
    QList<FetchedItem> expanded;
    for (const FetchedItem &item : std::as_const(result)) {
        for (const QJsonValue element : list.expand->evaluate(item.value).toArray())
            expanded << FetchedItem{element, item.key, item.value};
    }
    return expanded;
}

void fetchList(std::shared_ptr<Session> session, const ListSpec &list, int pageLimit, QObject *context,
               std::function<void(Result<FetchedList>)> done)
{
    auto loop = std::make_shared<PageLoop>();
    loop->session = session;
    loop->list = &list;
    loop->pageLimit = pageLimit;
    loop->context = context;
    loop->done = std::move(done);
    loop->source = QStringLiteral("%1 %2").arg(session->name, list.name);
    Result<QUrl> url = session->listUrl(list);
    if (!url) {
        const Error error = Error::make(ErrorClass::Config, QStringLiteral("%1: %2").arg(loop->source, url.error().message));
        QMetaObject::invokeMethod(context, [loop, error] { loop->done(std::unexpected(error)); }, Qt::QueuedConnection);
        return;
    }
    const PaginationSpec &p = list.pagination;
    QUrl first = *url;
    if (!p.sizeParam.isEmpty())
        first = withParam(first, p.sizeParam, QString::number(p.size));
    if (p.style == PageStyle::Page) {
        loop->pageNumber = p.start;
        first = withParam(first, p.param, QString::number(p.start));
    }
    fetchPage(loop, first);
}

} // namespace fleetscope::generic
