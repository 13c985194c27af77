// Connection secrets in the OS keychain (QtKeychain, service "fleetscope"): asynchronous calls for the
// engine and GUI threads, blocking ones for the CLI, a timeout on every call, never a plaintext fallback.
#pragma once

#include "error.h"
#include "secret.h"

#include <QLoggingCategory>
#include <QString>

#include <functional>

class QObject;

Q_DECLARE_LOGGING_CATEGORY(lcCredentials)

namespace fleetscope {

// Whether ERROR (from a read) says the keychain has no secret for the entry, rather than that the
// keychain failed or refused.
bool isMissingSecret(const Error &error);

// Every keychain call runs on one process-wide keychain thread (QtKeychain queues its jobs in a
// single unsynchronised executor), so a Credentials object is a cheap, thread-safe handle that any
// thread may create and use; it needs a QCoreApplication.
class Credentials
{
public:
    using Done = std::function<void(Result<void>)>;
    using SecretDone = std::function<void(Result<Secret>)>;
    using PresenceDone = std::function<void(Result<bool>)>;

    static constexpr int DefaultTimeoutMs = 10'000;

    static QString serviceName();                  // "fleetscope"
    static QString keyFor(qint64 connectionId);    // "connection/<id>"

    // A keychain entry: KEY under the service, SUBJECT naming it in messages ("connection 3").
    // Secrets that belong to no connection (a GitHub token per host) use their own keys.
    struct Entry {
        QString key;
        QString subject;
    };
    static Entry connectionEntry(qint64 connectionId);

    explicit Credentials(int timeoutMs = DefaultTimeoutMs);

    // How long one keychain call may take before it fails as Unavailable; a hung D-Bus must not
    // hang the caller. A timed-out call may still complete inside the keychain later.
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }
    int timeoutMs() const { return m_timeoutMs; }

    // Each call answers exactly once, on CONTEXT's thread and never from inside the call, unless
    // CONTEXT is destroyed first: then DONE is dropped. Errors: Config for a bad id or secret,
    // Auth for a missing entry or a refused access, Unavailable when no keychain answers (the
    // message names --secret-env as the way out). No message ever contains the secret.
    void store(qint64 connectionId, const Secret &secret, QObject *context, Done done) const;
    void read(qint64 connectionId, QObject *context, SecretDone done) const;
    // Removing an entry that does not exist succeeds: the goal, no secret stored, holds.
    void remove(qint64 connectionId, QObject *context, Done done) const;
    // False when no entry exists; an error only when the keychain itself cannot answer.
    void hasSecret(qint64 connectionId, QObject *context, PresenceDone done) const;

    // For the CLI: the same calls, waited for in a local event loop on the calling thread.
    // Not for the GUI thread, which must stay responsive.
    Result<void> storeBlocking(qint64 connectionId, const Secret &secret) const;
    Result<Secret> readBlocking(qint64 connectionId) const;
    Result<void> removeBlocking(qint64 connectionId) const;
    Result<bool> hasSecretBlocking(qint64 connectionId) const;

    // The same calls for any entry.
    void store(const Entry &entry, const Secret &secret, QObject *context, Done done) const;
    void read(const Entry &entry, QObject *context, SecretDone done) const;
    void remove(const Entry &entry, QObject *context, Done done) const;
    void hasSecret(const Entry &entry, QObject *context, PresenceDone done) const;
    Result<void> storeBlocking(const Entry &entry, const Secret &secret) const;
    Result<Secret> readBlocking(const Entry &entry) const;
    Result<void> removeBlocking(const Entry &entry) const;
    Result<bool> hasSecretBlocking(const Entry &entry) const;

private:
    int m_timeoutMs;
};

} // namespace fleetscope
