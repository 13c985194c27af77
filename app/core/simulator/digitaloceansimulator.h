// A simulated DigitalOcean account for --demo and tests: GPU Droplets, the Droplet sizes with their
// prices and the month-to-date balance, in the shapes of the DigitalOcean API v2 (the fixtures in
// tests/fixtures/providers/digitalocean-*.json). Its state is a function of time: Droplets exist
// from the world's start, one is powered off for the last two hours, and the month's usage is what
// DigitalOcean bills — every hour a Droplet exists, started hours counted whole, powered off or not.
// Power actions and deletion from the Pods page change a Droplet until the simulator ends.
#pragma once

#include "simulator/loopbackserver.h"
#include "simulator/runpodworld.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <optional>

namespace fleetscope {

struct SimDroplet {
    qint64 id = 0;
    QString name;
    QString sizeSlug;
    QString region;
    int memoryMb = 0;
    int vcpus = 0;
    double priceHourly = 0;
    QString gpuModel;                // DigitalOcean's model name ("nvidia_l40s"); empty: no GPU
    int gpuCount = 0;
    int vramGib = 0;                 // the size's total
    qint64 offAfterMs = -1;          // powered off this long after the world's start; -1: never
    qint64 createdAtMs = 0;          // launched while the world runs; 0: there from its start
};

// The answer to POST /v2/droplets/{id}/actions: {"action": {…}} for action ID of TYPE ("power_off")
// on DROPLET_ID in REGION_SLUG, started now.
QJsonObject digitalOceanAction(qint64 id, const QString &type, qint64 dropletId, const QString &regionSlug);
// The answer to POST /v2/droplets (202): {"droplet": DROPLET, "links": {"actions": [create action ACTION_ID]}}.
QJsonObject digitalOceanCreated(const QJsonObject &droplet, qint64 actionId);
// Whether a Droplet is powered on after a power action of TYPE ("power_on", "power_off", "shutdown",
// "reboot"); nullopt for a type DigitalOcean does not allow (its 422).
std::optional<bool> digitalOceanPoweredOnAfter(const QString &type);

class DigitalOceanSimulator : public QObject
{
    Q_OBJECT
public:
    // WORLD_START_MS: when the Droplets were created; NOW: the clock the answers are for.
    DigitalOceanSimulator(qint64 worldStartMs, NowFn now = {}, QObject *parent = nullptr);

    // Binds 127.0.0.1:PORT (0 picks a free port). Call on the thread the simulator lives on.
    Result<quint16> start(quint16 port = 0);
    void stop();
    quint16 port() const { return m_server->port(); }
    QString baseUrl() const;   // http://127.0.0.1:PORT/v2, as the descriptor's base_url field takes it

    const QList<SimDroplet> &droplets() const { return m_droplets; }
    // What /v2/customers/my/balance reports as month_to_date_usage at NOW_MS.
    double monthToDateUsage(qint64 nowMs) const;

    // Answers one request as the server does, without sockets.
    LoopbackResponse handle(const LoopbackRequest &request);

private:
    LoopbackResponse page(const LoopbackRequest &request, const QString &key, const QJsonArray &items) const;
    LoopbackResponse act(const LoopbackRequest &request, qint64 dropletId, bool isAction);
    // POST /v2/droplets: a Droplet of a size the catalog lists, in that size's region.
    LoopbackResponse create(const LoopbackRequest &request);
    // The sizes /v2/sizes lists: those of the Droplets, then two H100 sizes no Droplet uses.
    QList<SimDroplet> catalog() const;
    QJsonObject droplet(const SimDroplet &d, qint64 nowMs) const;

    qint64 m_worldStartMs;
    NowFn m_now;
    QList<SimDroplet> m_droplets;
    QHash<qint64, bool> m_poweredOn;   // set by power actions; otherwise the time decides
    QSet<qint64> m_deleted;
    qint64 m_nextActionId = 2'000'000'000;
    LoopbackServer *m_server;   // a child, so that moveToThread() takes it along
};

} // namespace fleetscope
