// A simulated account at each descriptor provider that has lifecycle actions (Vultr, DigitalOcean,
// Linode, Hetzner, Lambda, Paperspace, Kubernetes, CoreWeave, Docker, OVH): its instance list in the
// provider's list shape and its action and launch endpoints with the provider's answers (status
// codes, bodies, errors). An action changes the instance as the provider does, so the next list shows it. Each
// provider sits under its own prefix, so one server holds them all: baseUrl("vultr") is what the
// descriptor's base_url setting takes.
#pragma once

#include "simulator/loopbackserver.h"

#include <QJsonArray>
#include <QMap>
#include <QObject>

namespace fleetscope {

class DescriptorSimulator : public QObject
{
    Q_OBJECT
public:
    explicit DescriptorSimulator(QObject *parent = nullptr);

    // The kinds it simulates.
    static QStringList kinds();

    // Binds 127.0.0.1:PORT (0 picks a free port). Call on the thread the simulator lives on.
    Result<quint16> start(quint16 port = 0);
    void stop();
    // http://127.0.0.1:PORT/KIND plus the path of the provider's API base ("/v2" for Vultr).
    QString baseUrl(const QString &kind) const;

    // KIND's instances, objects as the provider's list returns them (the fixtures' items).
    void setInstances(const QString &kind, const QJsonArray &items);
    QJsonArray instances(const QString &kind) const;

    // What KIND's launch accepts: its regions and plans (instance types); others are refused as the
    // provider refuses them. Each kind starts with a few of its real ones.
    void setLaunchCatalog(const QString &kind, const QStringList &regions, const QStringList &plans);

    // From now on every call but Docker's (auth none) and OVH's clock must carry SECRET as the
    // descriptors send it: "Authorization: Bearer SECRET", "X-Api-Key: SECRET", or OVH's signature
    // headers with SECRET's application key (SECRET is then the JSON of the three OVH keys). Else 401.
    void requireSecret(const QByteArray &secret) { m_secret = secret; }

    // Answers one request as the server does, without sockets.
    LoopbackResponse handle(const LoopbackRequest &request);

private:
    LoopbackResponse list(const QString &kind, const LoopbackRequest &request, const QString &path) const;
    std::optional<LoopbackResponse> act(const QString &kind, const LoopbackRequest &request, const QString &path);
    // Vultr, DigitalOcean, Hetzner and Lambda's create call: the new instance joins the list.
    std::optional<LoopbackResponse> launch(const QString &kind, const LoopbackRequest &request, const QString &path);
    bool authorized(const QString &kind, const LoopbackRequest &request, const QString &path) const;

    QMap<QString, QJsonArray> m_instances;
    QMap<QString, std::pair<QStringList, QStringList>> m_launchCatalogs;   // kind → (regions, plans)
    qint64 m_nextActionId = 1000;
    QByteArray m_secret;   // empty: any call is let in
    LoopbackServer *m_server;   // a child, so that moveToThread() takes it along
};

} // namespace fleetscope
