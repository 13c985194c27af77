// Provider descriptors: a catalog entry (what the setup wizard renders) plus an optional `api`
// section that the generic adapter executes. See README.md, "Adding a provider descriptor".
#pragma once

#include "http/httpclient.h"
#include "mapping.h"
#include "providers/catalog.h"
#include "providers/podaction.h"

#include <QMap>
#include <QRegularExpression>

#include <memory>
#include <optional>

namespace fleetscope::generic {

enum class AuthScheme { None, Bearer, Basic, Header, Query };

struct AuthSpec {
    AuthScheme scheme = AuthScheme::None;
    QString name;            // header: the header name; query: the parameter name
    QString prefix;          // header: put before the secret ("Token ")
    QString usernameField;   // basic: the setting holding the user name (empty: none)
};

// Signers compute per-request headers from several secrets; the only one today is OVH's.
struct SignerSpec {
    QString name;                               // "ovh"
    QString timePath = QStringLiteral("/auth/time");   // unauthenticated server time, epoch seconds
};

enum class PageStyle { None, Cursor, Page, NextUrl, LinkHeader };

struct PaginationSpec {
    PageStyle style = PageStyle::None;
    QString param;                    // cursor: the cursor parameter; page: the page-number parameter
    std::optional<JsonPath> next;     // cursor: next cursor; page: next page number; next-url: next URL
    std::optional<JsonPath> totalPages;   // page: the page count, when the API gives one
    int start = 1;                    // page: the first page's number
    QString sizeParam;                // the page-size parameter, sent with `size`
    int size = 0;
    int maxPages = 50;                // the page cap; reaching it with more pages left fails the list
};

enum class ListTarget { Instances, Offers, Billing };

struct ListSpec {
    QString name;
    ListTarget target = ListTarget::Instances;
    QString path;                                    // may hold {setting} placeholders
    QList<std::pair<QString, QString>> query;        // values may hold {setting} placeholders
    JsonPath items;
    bool keyed = false;                              // items is an object keyed by name ($key)
    std::optional<JsonPath> expand;                  // each element of this array becomes an item ($parent)
    PaginationSpec pagination;
    QMap<QString, ValueSpec> fields;                 // normalized field → value
    QMap<QString, ValueSpec> extra;                  // metadata (instances, offers) or spendBreakdown (billing)
    QStringList requireFields;                       // items where one of these is missing, 0 or empty are skipped
    // A cycle within this long of the list's last fetch adds nothing for it ("Sync now" fetches anyway):
    // 300 s for offers and billing, which change slowly, 0 (every cycle) for instances unless given.
    int cacheSeconds = 0;
};

// One lifecycle call on an instance. Placeholders in path, query and body strings: {id}, an
// instance field an instances list maps ({name}, {region}), {metadata.KEY} for a metadata key of an
// instances list, or a setting ({project_id}).
struct ActionSpec {
    QByteArray method;                               // POST, PUT, PATCH or DELETE
    QString path;
    QList<std::pair<QString, QString>> query;
    std::optional<QJsonValue> body;                  // sent as JSON when given
    QList<int> success;                              // the statuses that mean "accepted"
};

// Creating an instance: a request like an action's whose placeholders are the launch values
// ({name}, {region}, {plan}, {image}, {gpu_count}, {ssh_key}) and settings, and where the reply
// names the new instance.
struct LaunchSpec {
    ActionSpec request;
    std::optional<JsonPath> instanceId;              // in the reply: "instance.id", "data.instance_ids[0]"
    QStringList optional;                            // may have no value: a body member that uses one without a value is left out
    QStringList numbers;                             // sent as JSON numbers where a body string is just that placeholder
    QString defaultImage;                            // the image when none is given; empty: one must be given
};

struct ApiSpec {
    QString baseUrl;                                 // the default; setting "base_url" overrides it
    QString caCertificateField;                      // setting naming a PEM file of extra trusted CAs
    QString localSocketField;                        // setting naming a Unix socket used instead of TCP (Docker)
    AuthSpec auth;
    std::optional<SignerSpec> signer;
    HttpHeaders headers;                             // sent with every request (Accept, API versions)
    double requestsPerSecond = 0;                    // 0: no pacing beyond the HTTP client's retries
    QMap<QString, QString> gpuTypes;                 // lowercased provider name → canonical GPU name
    QMap<QString, QString> regions;                  // lowercased provider region → region shown
    QList<ListSpec> lists;                           // by name (JSON objects keep no order)
    QString testList;                                // what a connection test fetches (first page only)
    QMap<PodAction, ActionSpec> actions;             // only those the provider's API offers
    std::optional<LaunchSpec> launch;                // the actions section's "launch", when the API can create instances

    const ListSpec *list(const QString &name) const;
};

struct Descriptor {
    ProviderKind kind;
    std::shared_ptr<const ApiSpec> api;              // null for kinds with code of their own
};

// The normalized fields a list of TARGET may map, for validation and the README.
QStringList mappableFields(ListTarget target);

// A descriptor text's {name} placeholders (capture 1: the name), for paths, queries and body templates alike.
const QRegularExpression &placeholderPattern();

// Parses and validates JSON; errors read "FILENAME: /json/pointer: what is wrong".
Result<Descriptor> parseDescriptor(const QByteArray &json, const QString &fileName);

} // namespace fleetscope::generic
