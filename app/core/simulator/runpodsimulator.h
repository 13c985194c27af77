// RunPod on loopback: GraphQL, REST v2 and serverless on one port, answering from a simulated account.
#pragma once

#include "error.h"
#include "simulator/loopbackserver.h"
#include "simulator/runpodworld.h"

#include <QObject>
#include <QThread>
#include <QUrl>

namespace fleetscope {

struct SimulatorOptions {
    WorldOptions world;
    int latencyMs = 0;   // added to every answer, in real time
    FaultPlan faults;    // drawn per request from world.seed
    NowFn now;           // empty: the system clock
};

// Every API key is accepted except these, which stand for the failures clients must handle.
namespace simulatorkeys {
inline constexpr char kRejected[] = "bad";       // 401 problem on every surface
inline constexpr char kInvalid[] = "invalid";    // GraphQL: HTTP 200 with errors[]; elsewhere 401
inline constexpr char kDemo[] = "demo";          // what `fleetscope simulate` suggests
} // namespace simulatorkeys

class DigitalOceanSimulator;

class RunPodSimulator : public QObject
{
    Q_OBJECT
public:
    explicit RunPodSimulator(SimulatorOptions options = {}, QObject *parent = nullptr);
    ~RunPodSimulator() override;

    // Binds 127.0.0.1:PORT (0 picks a free port). Call on the thread the simulator lives on.
    Result<quint16> start(quint16 port = 0);
    void stop();
    bool isRunning() const { return m_server->isListening(); }
    quint16 port() const { return m_server->port(); }

    // Base URLs, as RUNPOD_GRAPHQL_URL / RUNPOD_REST_URL / RUNPOD_SERVERLESS_URL expect them:
    // http://127.0.0.1:PORT/graphql, http://127.0.0.1:PORT/v2 and http://127.0.0.1:PORT/v2.
    QUrl graphqlUrl() const;
    QUrl restUrl() const;
    QUrl serverlessUrl() const;

    RunPodWorld &world() { return m_world; }
    const LoopbackServer &server() const { return *m_server; }

    // Answers one request as the server does, without sockets, faults or latency.
    LoopbackResponse handle(const LoopbackRequest &request);

private:
    LoopbackResponse handleGraphql(const LoopbackRequest &request);
    LoopbackResponse createPod(const LoopbackRequest &request);
    LoopbackResponse handlePods(const LoopbackRequest &request, const QStringList &segments);
    LoopbackResponse handleRestList(const LoopbackRequest &request, const QStringList &segments);   // serverless, catalog/gpus
    LoopbackResponse handleServerless(const LoopbackRequest &request, const QStringList &segments);
    void addRateLimitHeaders(LoopbackResponse &response);

    RunPodWorld m_world;
    LoopbackServer *m_server;   // a child, so that moveToThread() takes it along
    qint64 m_windowStartMs = -1;
    int m_windowCount = 0;
};

// A simulator on a thread of its own, for the window's --demo mode: the GUI thread stays free and
// talks to it over loopback like to the real API.
class SimulatorThread
{
public:
    explicit SimulatorThread(SimulatorOptions options = {});
    ~SimulatorThread();   // stops the server and joins the thread
    SimulatorThread(const SimulatorThread &) = delete;
    SimulatorThread &operator=(const SimulatorThread &) = delete;

    // Blocks until the server listens (or failed to) on the simulator's thread.
    Result<quint16> start(quint16 port = 0);
    void stop();
    quint16 port() const { return m_port; }

    // A simulated DigitalOcean account beside it on the same thread and clock, its Droplets created
    // when this was constructed: a provider that reports billed month-to-date charges.
    Result<quint16> startDigitalOcean(quint16 port = 0);
    quint16 digitalOceanPort() const { return m_digitalOceanPort; }

private:
    QThread m_thread;
    RunPodSimulator *m_simulator;
    DigitalOceanSimulator *m_digitalOcean;
    quint16 m_port = 0;
    quint16 m_digitalOceanPort = 0;
};

} // namespace fleetscope
