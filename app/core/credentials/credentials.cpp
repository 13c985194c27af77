// The keychain thread and one KeychainOperation per call: a QtKeychain job raced against a timer,
// its outcome mapped to an Error on the caller's thread.
#include "credentials.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QMetaObject>
#include <QMutex>
#include <QPointer>
#include <QSemaphore>
#include <QStringDecoder>
#include <QThread>
#include <QTimer>

#include <memory>
#include <optional>
#include <utility>

Q_LOGGING_CATEGORY(lcCredentials, "fleetscope.credentials")

namespace fleetscope {
namespace {

const QString kNoSecretStored = QStringLiteral("no secret stored for ");

enum class Operation { Store, Read, Remove, Probe };

// What the keychain said, written on the keychain thread before finished() and read after it.
struct Outcome {
    QKeychain::Error code = QKeychain::NoError;
    QString detail;          // QtKeychain's or libsecret's own words, redacted, one line
    Secret secret;           // Read only
    bool timedOut = false;
    bool noThread = false;   // asked after the application began shutting down
};

// The keychain thread lives until QCoreApplication is destroyed and is never restarted: QtKeychain's
// job executor stays bound to the thread that first used it and would wait forever on a new one.
struct KeychainThread {
    QMutex mutex;
    QThread *thread = nullptr;
    bool stopped = false;
};

KeychainThread &keychainThreadState()
{
    static auto *state = new KeychainThread;   // never destroyed: post routines run late
    return *state;
}

void stopKeychainThread()
{
    KeychainThread &state = keychainThreadState();
    QThread *thread = nullptr;
    {
        const QMutexLocker lock(&state.mutex);
        thread = std::exchange(state.thread, nullptr);
        state.stopped = true;
    }
    if (!thread)
        return;
    thread->quit();
    // Jobs are asynchronous, so the loop quits at once; if it does not, exit must not wait on it.
    if (thread->wait(2000))
        delete thread;
    else
        qCWarning(lcCredentials, "keychain thread did not stop within 2 s; leaving it to process exit");
}

QThread *keychainThread()
{
    KeychainThread &state = keychainThreadState();
    const QMutexLocker lock(&state.mutex);
    if (!state.thread && !state.stopped && QCoreApplication::instance()) {
        state.thread = new QThread;
        state.thread->setObjectName(QStringLiteral("fleetscope-keychain"));
        state.thread->start();
        qAddPostRoutine(stopKeychainThread);
    }
    return state.thread;
}

// Volatile writes: the buffer is freed right after, and the wipe must not be optimised away.
void wipe(QString &text)
{
    if (!text.isEmpty() && text.isDetached()) {
        volatile char16_t *p = reinterpret_cast<char16_t *>(text.data());
        for (qsizetype i = 0, n = text.size(); i < n; ++i)
            p[i] = 0;
    }
    text.clear();
}

QString oneLine(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' '));
    return text.simplified();
}

// One keychain call on the keychain thread; deletes itself after finished().
class KeychainOperation : public QObject
{
    Q_OBJECT
public:
    KeychainOperation(Operation operation, QString key, Secret secret, int timeoutMs,
                      std::shared_ptr<Outcome> outcome)
        : m_operation(operation)
        , m_key(std::move(key))
        , m_secret(std::move(secret))
        , m_timeoutMs(timeoutMs)
        , m_outcome(std::move(outcome))
    {
    }

    void start()
    {
        const QString service = Credentials::serviceName();
        QKeychain::Job *job = nullptr;
        switch (m_operation) {
        case Operation::Store: {
            auto *write = new QKeychain::WritePasswordJob(service);
            // Text, not binary: the entry then reads back in secret-tool and other clients as typed.
            QString text = m_secret.toString();
            write->setTextData(text);
            wipe(text);
            job = write;
            break;
        }
        case Operation::Read:
        case Operation::Probe:
            job = new QKeychain::ReadPasswordJob(service);
            break;
        case Operation::Remove:
            job = new QKeychain::DeletePasswordJob(service);
            break;
        }
        // A job that outlives its timeout deletes itself whenever the keychain finally answers.
        job->setAutoDelete(true);
        job->setInsecureFallback(false);   // never a plaintext file in place of the keychain
        job->setKey(m_key);
        m_job = job;
        connect(job, &QKeychain::Job::finished, this, &KeychainOperation::handleJobFinished);
        QTimer::singleShot(m_timeoutMs, this, &KeychainOperation::handleTimeout);
        job->start();
    }

    void finishWithoutThread()
    {
        m_outcome->noThread = true;
        finish();
    }

Q_SIGNALS:
    void finished();

private:
    void handleJobFinished(QKeychain::Job *job)
    {
        if (m_done)
            return;
        m_outcome->code = job->error();
        if (job->error() != QKeychain::NoError) {
            QString detail = oneLine(job->errorString());
            if (!m_secret.isEmpty())
                detail.replace(m_secret.toString(), QStringLiteral("<redacted>"));
            m_outcome->detail = detail;
        } else if (m_operation == Operation::Read) {
            if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job))
                m_outcome->secret = Secret::fromUtf8(read->binaryData());
        }
        finish();
    }

    void handleTimeout()
    {
        if (m_done)
            return;
        // Stop listening; the job itself cannot be cancelled (libsecret holds a pointer to it).
        if (m_job)
            m_job->disconnect(this);
        m_outcome->timedOut = true;
        finish();
    }

    void finish()
    {
        m_done = true;
        m_secret.clear();
        Q_EMIT finished();
        deleteLater();
    }

    Operation m_operation;
    QString m_key;
    Secret m_secret;
    int m_timeoutMs;
    std::shared_ptr<Outcome> m_outcome;
    QPointer<QKeychain::Job> m_job;
    bool m_done = false;
};

const QString &envHint()
{
    static const QString hint = QStringLiteral(
        "put the secret in an environment variable and name it with --secret-env VAR instead");
    return hint;
}

QString verb(Operation operation)
{
    switch (operation) {
    case Operation::Store: return QStringLiteral("storing");
    case Operation::Read: return QStringLiteral("reading");
    case Operation::Remove: return QStringLiteral("removing");
    case Operation::Probe: return QStringLiteral("looking up");
    }
    return {};
}

Error unavailable(Operation operation, const QString &subject, const QString &why)
{
    return Error::make(ErrorClass::Unavailable,
                       QStringLiteral("keychain unavailable: %1 while %2 the secret of %3; %4")
                           .arg(why, verb(operation), subject, envHint()));
}

// The one place that turns what the keychain said into the Error every caller sees.
std::optional<Error> errorFor(Operation operation, const QString &subject, int timeoutMs, const Outcome &outcome)
{
    if (outcome.noThread)
        return Error::make(ErrorClass::Cancelled,
                           QStringLiteral("keychain closed: the application is shutting down (%1 the secret of %2)")
                               .arg(verb(operation), subject));
    if (outcome.timedOut)
        return unavailable(operation, subject,
                           QStringLiteral("no answer from the Secret Service within %1 ms").arg(timeoutMs));
    switch (outcome.code) {
    case QKeychain::NoError:
        return std::nullopt;
    case QKeychain::EntryNotFound:
        if (operation == Operation::Remove || operation == Operation::Probe)
            return std::nullopt;
        return Error::make(ErrorClass::Auth, kNoSecretStored + subject);
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error::make(ErrorClass::Auth,
                           QStringLiteral("the keychain refused access (%1) while %2 the secret of %3; "
                                          "unlock the keyring, or %4")
                               .arg(outcome.detail, verb(operation), subject, envHint()));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return unavailable(operation, subject,
                           QStringLiteral("no keychain backend on this system (%1)").arg(outcome.detail));
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    // On Linux every failure to reach the Secret Service (no session bus, no service, a broken
    // daemon) arrives as OtherError with the D-Bus message as its text.
    return unavailable(operation, subject,
                       QStringLiteral("the Secret Service could not be reached or failed (%1)").arg(outcome.detail));
}

void logFailure(const Error &error)
{
    if (isMissingSecret(error))
        qCDebug(lcCredentials).noquote() << describe(error);
    else
        qCWarning(lcCredentials).noquote() << describe(error);
}

// Answers later on CONTEXT's thread, like a keychain answer would, so callers see one behaviour.
template<typename Done, typename Value>
void answerLater(QObject *context, Done done, Value value)
{
    Q_ASSERT(context);
    QMetaObject::invokeMethod(
        context, [done = std::move(done), value = std::move(value)]() mutable { done(std::move(value)); },
        Qt::QueuedConnection);
}

std::optional<Error> checkConnectionId(qint64 connectionId)
{
    if (connectionId > 0)
        return std::nullopt;
    return Error::make(ErrorClass::Config,
                       QStringLiteral("invalid connection id %1: a connection gets a keychain entry only once it is stored")
                           .arg(connectionId));
}

std::optional<Error> checkSecret(const QString &subject, const Secret &secret)
{
    if (secret.isEmpty())
        return Error::make(ErrorClass::Config, QStringLiteral("refusing to store an empty secret for %1").arg(subject));
    if (secret.bytes().contains('\0'))
        return Error::make(ErrorClass::Config,
                           QStringLiteral("the secret for %1 contains a NUL byte, which the keychain cannot hold").arg(subject));
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString decoded = decoder(secret.bytes());
    wipe(decoded);
    if (decoder.hasError())
        return Error::make(ErrorClass::Config, QStringLiteral("the secret for %1 is not valid UTF-8 text").arg(subject));
    return std::nullopt;
}

// Starts OPERATION on the keychain thread; DELIVER runs on CONTEXT's thread with the outcome.
void launch(Operation operation, const Credentials::Entry &entry, Secret secret, int timeoutMs, QObject *context,
            std::function<void(const Outcome &)> deliver)
{
    Q_ASSERT(context);
    auto outcome = std::make_shared<Outcome>();
    auto *op = new KeychainOperation(operation, entry.key, std::move(secret), timeoutMs, outcome);
    // Queued always, so DELIVER never runs inside the call; the connection dies with CONTEXT.
    QObject::connect(op, &KeychainOperation::finished, context,
                     [outcome, deliver = std::move(deliver)] { deliver(*outcome); },
                     Qt::ConnectionType(Qt::QueuedConnection | Qt::SingleShotConnection));
    qCDebug(lcCredentials).noquote() << verb(operation) << "the secret of" << entry.subject;
    QThread *thread = keychainThread();
    if (!thread) {
        QMetaObject::invokeMethod(op, &KeychainOperation::finishWithoutThread, Qt::QueuedConnection);
        return;
    }
    op->moveToThread(thread);
    QMetaObject::invokeMethod(op, &KeychainOperation::start, Qt::QueuedConnection);
}

// Runs START's asynchronous call to completion. The answer is delivered on the keychain thread and
// the caller waits on a semaphore, so no event loop spins on the caller's thread: a store thread that
// reads its database password must not run its queued writes in the middle of opening. Without a
// keychain thread (no application object) a local event loop waits instead.
template<typename T, typename Start>
Result<T> waitFor(int timeoutMs, const QString &what, Start start)
{
    if (QThread *thread = keychainThread(); thread && thread != QThread::currentThread()) {
        struct Answer {
            QMutex mutex;
            std::optional<Result<T>> result;
            QSemaphore ready;
        };
        auto answer = std::make_shared<Answer>();
        auto *context = new QObject;   // lives on the keychain thread: the answer is delivered there
        context->moveToThread(thread);
        start(context, [answer](Result<T> r) {
            const QMutexLocker lock(&answer->mutex);
            answer->result = std::move(r);
            answer->ready.release();
        });
        const bool answered = answer->ready.tryAcquire(1, timeoutMs + 2000);   // the keychain thread's own timer normally answers first
        context->deleteLater();   // a late answer dies with it
        if (!answered)
            return fail(ErrorClass::Unavailable,
                        QStringLiteral("keychain unavailable: no answer within %1 ms while %2; %3").arg(timeoutMs).arg(what, envHint()));
        const QMutexLocker lock(&answer->mutex);
        return std::move(*answer->result);
    }
    std::optional<Result<T>> result;
    QEventLoop loop;
    QObject context;
    start(&context, [&result, &loop](Result<T> r) {
        result = std::move(r);
        loop.quit();
    });
    if (!result) {
        QTimer guard;
        guard.setSingleShot(true);
        QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
        guard.start(timeoutMs + 2000);   // the keychain thread's own timer normally answers first
        loop.exec();
    }
    if (!result)
        return fail(ErrorClass::Unavailable,
                    QStringLiteral("keychain unavailable: no answer within %1 ms while %2; %3").arg(timeoutMs).arg(what, envHint()));
    return std::move(*result);
}

} // namespace

QString Credentials::serviceName()
{
    return QStringLiteral("fleetscope");
}

QString Credentials::keyFor(qint64 connectionId)
{
    return QStringLiteral("connection/%1").arg(connectionId);
}

Credentials::Entry Credentials::connectionEntry(qint64 connectionId)
{
    return Entry{keyFor(connectionId), QStringLiteral("connection %1").arg(connectionId)};
}

Credentials::Credentials(int timeoutMs)
    : m_timeoutMs(timeoutMs)
{
}

void Credentials::store(const Entry &entry, const Secret &secret, QObject *context, Done done) const
{
    if (auto invalid = checkSecret(entry.subject, secret)) {
        answerLater(context, std::move(done), Result<void>(std::unexpected(*invalid)));
        return;
    }
    const int timeoutMs = m_timeoutMs;
    launch(Operation::Store, entry, secret, timeoutMs, context,
           [subject = entry.subject, timeoutMs, done = std::move(done)](const Outcome &outcome) {
               if (auto error = errorFor(Operation::Store, subject, timeoutMs, outcome)) {
                   logFailure(*error);
                   done(std::unexpected(*error));
                   return;
               }
               done({});
           });
}

bool isMissingSecret(const Error &error)
{
    return error.kind == ErrorClass::Auth && error.message.startsWith(kNoSecretStored);
}

void Credentials::read(const Entry &entry, QObject *context, SecretDone done) const
{
    const int timeoutMs = m_timeoutMs;
    launch(Operation::Read, entry, Secret(), timeoutMs, context,
           [subject = entry.subject, timeoutMs, done = std::move(done)](const Outcome &outcome) {
               if (auto error = errorFor(Operation::Read, subject, timeoutMs, outcome)) {
                   logFailure(*error);
                   done(std::unexpected(*error));
                   return;
               }
               done(outcome.secret);
           });
}

void Credentials::remove(const Entry &entry, QObject *context, Done done) const
{
    const int timeoutMs = m_timeoutMs;
    launch(Operation::Remove, entry, Secret(), timeoutMs, context,
           [subject = entry.subject, timeoutMs, done = std::move(done)](const Outcome &outcome) {
               if (auto error = errorFor(Operation::Remove, subject, timeoutMs, outcome)) {
                   logFailure(*error);
                   done(std::unexpected(*error));
                   return;
               }
               done({});
           });
}

void Credentials::hasSecret(const Entry &entry, QObject *context, PresenceDone done) const
{
    const int timeoutMs = m_timeoutMs;
    launch(Operation::Probe, entry, Secret(), timeoutMs, context,
           [subject = entry.subject, timeoutMs, done = std::move(done)](const Outcome &outcome) {
               if (auto error = errorFor(Operation::Probe, subject, timeoutMs, outcome)) {
                   logFailure(*error);
                   done(std::unexpected(*error));
                   return;
               }
               done(outcome.code == QKeychain::NoError);
           });
}

void Credentials::store(qint64 connectionId, const Secret &secret, QObject *context, Done done) const
{
    if (auto invalid = checkConnectionId(connectionId))
        answerLater(context, std::move(done), Result<void>(std::unexpected(*invalid)));
    else
        store(connectionEntry(connectionId), secret, context, std::move(done));
}

void Credentials::read(qint64 connectionId, QObject *context, SecretDone done) const
{
    if (auto invalid = checkConnectionId(connectionId))
        answerLater(context, std::move(done), Result<Secret>(std::unexpected(*invalid)));
    else
        read(connectionEntry(connectionId), context, std::move(done));
}

void Credentials::remove(qint64 connectionId, QObject *context, Done done) const
{
    if (auto invalid = checkConnectionId(connectionId))
        answerLater(context, std::move(done), Result<void>(std::unexpected(*invalid)));
    else
        remove(connectionEntry(connectionId), context, std::move(done));
}

void Credentials::hasSecret(qint64 connectionId, QObject *context, PresenceDone done) const
{
    if (auto invalid = checkConnectionId(connectionId))
        answerLater(context, std::move(done), Result<bool>(std::unexpected(*invalid)));
    else
        hasSecret(connectionEntry(connectionId), context, std::move(done));
}

Result<void> Credentials::storeBlocking(const Entry &entry, const Secret &secret) const
{
    return waitFor<void>(m_timeoutMs, QStringLiteral("storing the secret of %1").arg(entry.subject),
                         [&](QObject *context, Done done) { store(entry, secret, context, std::move(done)); });
}

Result<Secret> Credentials::readBlocking(const Entry &entry) const
{
    return waitFor<Secret>(m_timeoutMs, QStringLiteral("reading the secret of %1").arg(entry.subject),
                           [&](QObject *context, SecretDone done) { read(entry, context, std::move(done)); });
}

Result<void> Credentials::removeBlocking(const Entry &entry) const
{
    return waitFor<void>(m_timeoutMs, QStringLiteral("removing the secret of %1").arg(entry.subject),
                         [&](QObject *context, Done done) { remove(entry, context, std::move(done)); });
}

Result<bool> Credentials::hasSecretBlocking(const Entry &entry) const
{
    return waitFor<bool>(m_timeoutMs, QStringLiteral("looking up the secret of %1").arg(entry.subject),
                         [&](QObject *context, PresenceDone done) { hasSecret(entry, context, std::move(done)); });
}

Result<void> Credentials::storeBlocking(qint64 connectionId, const Secret &secret) const
{
    return waitFor<void>(m_timeoutMs, QStringLiteral("storing the secret of connection %1").arg(connectionId),
                         [&](QObject *context, Done done) { store(connectionId, secret, context, std::move(done)); });
}

Result<Secret> Credentials::readBlocking(qint64 connectionId) const
{
    return waitFor<Secret>(m_timeoutMs, QStringLiteral("reading the secret of connection %1").arg(connectionId),
                           [&](QObject *context, SecretDone done) { read(connectionId, context, std::move(done)); });
}

Result<void> Credentials::removeBlocking(qint64 connectionId) const
{
    return waitFor<void>(m_timeoutMs, QStringLiteral("removing the secret of connection %1").arg(connectionId),
                         [&](QObject *context, Done done) { remove(connectionId, context, std::move(done)); });
}

Result<bool> Credentials::hasSecretBlocking(qint64 connectionId) const
{
    return waitFor<bool>(m_timeoutMs, QStringLiteral("looking up the secret of connection %1").arg(connectionId),
                         [&](QObject *context, PresenceDone done) { hasSecret(connectionId, context, std::move(done)); });
}

} // namespace fleetscope

#include "credentials.moc"
