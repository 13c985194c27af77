// PgServer: initdb + pg_ctl in a temporary folder, for tests that need a real PostgreSQL.
#include "pgserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>

#include <pqxx/pqxx>

#include <pwd.h>
#include <unistd.h>

namespace fleetscope::test {
namespace {

// The newest installed server's bin folder (Debian keeps them apart from PATH), or PATH's.
QString findBinDir()
{
    if (const QByteArray env = qgetenv("FLEETSCOPE_PG_BIN"); !env.isEmpty())
        return QString::fromLocal8Bit(env);
    QDir versions(QStringLiteral("/usr/lib/postgresql"));
    QStringList found = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(found.begin(), found.end(), [](const QString &a, const QString &b) { return a.toInt() < b.toInt(); });
    for (auto it = found.crbegin(); it != found.crend(); ++it) {
        const QString bin = versions.filePath(*it + QStringLiteral("/bin"));
        if (QFile::exists(bin + QStringLiteral("/initdb")))
            return bin;
    }
    return {};
}

int freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

PgServer::PgServer() = default;

PgServer::~PgServer()
{
    stop();
}

bool PgServer::run(const QString &program, const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    const QString path = m_binDir.isEmpty() ? program : m_binDir + QLatin1Char('/') + program;
    if (m_asPostgresUser)
        process.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), path} + arguments);
    else
        process.start(path, arguments);
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = QStringLiteral("%1 failed: %2 %3").arg(program, process.errorString(),
                                                       QString::fromLocal8Bit(process.readAll()).simplified());
        return false;
    }
    return true;
}

bool PgServer::start()
{
    QElapsedTimer timer;
    timer.start();
    m_binDir = findBinDir();   // empty: initdb and pg_ctl from PATH
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/fleetscope-pg-XXXXXX"));
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("cannot create a temporary folder");
        return false;
    }
    const QString superPassword = QString::number(QRandomGenerator::global()->generate64(), 36);
    m_passwords.insert(QStringLiteral("postgres"), superPassword);
    const QString pwFile = m_dir->filePath(QStringLiteral("superuser-password"));
    {
        QFile file(pwFile);
        if (!file.open(QIODevice::WriteOnly)) {
            m_error = QStringLiteral("cannot write %1").arg(pwFile);
            return false;
        }
        file.write(superPassword.toUtf8() + '\n');
    }
    m_asPostgresUser = geteuid() == 0;
    if (m_asPostgresUser) {
        // initdb refuses to run as root: the server's folder belongs to postgres.
        const passwd *pg = getpwnam("postgres");
        if (!pg) {
            m_error = QStringLiteral("running as root, but there is no user postgres to run the server as");
            return false;
        }
        for (const QString &path : {m_dir->path(), pwFile}) {
            if (chown(QFile::encodeName(path).constData(), pg->pw_uid, pg->pw_gid) != 0) {
                m_error = QStringLiteral("cannot hand %1 to user postgres").arg(path);
                return false;
            }
        }
    }
    const QString data = m_dir->filePath(QStringLiteral("data"));
    if (!run(QStringLiteral("initdb"), {QStringLiteral("-D"), data, QStringLiteral("-U"), QStringLiteral("postgres"),
                                        QStringLiteral("--pwfile=") + pwFile, QStringLiteral("--auth-local=trust"),
                                        QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                                        QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--no-sync"), QStringLiteral("--no-instructions")}))
        return false;
    // A port that was free a moment ago may be taken by the time the server binds it: try a few.
    for (int attempt = 0; attempt < 3 && !m_running; ++attempt) {
        m_port = freeLoopbackPort();
        m_running = launch(data);
    }
    if (!m_running)
        return false;
    if (!writePasswordFile())
        return false;
    qInfo("PostgreSQL started on port %d in %lld ms", m_port, qint64(timer.elapsed()));
    return true;
}

bool PgServer::launch(const QString &data)
{
    const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
                                           " -c synchronous_commit=off -c max_connections=60")
                                .arg(m_port).arg(m_dir->path());
    return run(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), data, QStringLiteral("-l"), m_dir->filePath(QStringLiteral("server.log")),
                                          QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30"),
                                          QStringLiteral("-o"), options, QStringLiteral("start")});
}

bool PgServer::pause()
{
    if (!m_running)
        return false;
    // Fast, not immediate: with synchronous_commit off an immediate stop could lose the last commits.
    m_running = !run(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")), QStringLiteral("-m"),
                                                 QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop")});
    return !m_running;
}

bool PgServer::resume()
{
    if (!m_running)
        m_running = launch(m_dir->filePath(QStringLiteral("data")));
    return m_running;
}

void PgServer::stop()
{
    if (m_running) {
        run(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")), QStringLiteral("-m"),
                                       QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")});
        m_running = false;
    }
    m_dir.reset();   // deletes the cluster
}

bool PgServer::writePasswordFile()
{
    // libpq ignores a password file that others can read, so it is the test process's own, 0600.
    const QString path = m_dir->filePath(QStringLiteral("pgpass"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = QStringLiteral("cannot write %1").arg(path);
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    for (auto it = m_passwords.cbegin(); it != m_passwords.cend(); ++it)
        file.write(QStringLiteral("127.0.0.1:%1:*:%2:%3\n").arg(m_port).arg(it.key(), it.value()).toUtf8());
    file.close();
    qputenv("PGPASSFILE", QFile::encodeName(path));
    return true;
}

std::string PgServer::adminConnection(const QString &database) const
{
    return QStringLiteral("host=%1 port=%2 user=postgres dbname=%3").arg(m_dir->path()).arg(m_port).arg(database).toStdString();
}

bool PgServer::exec(const QString &database, const QString &sql)
{
    try {
        pqxx::connection admin(adminConnection(database));
        pqxx::nontransaction tx(admin);
        tx.exec(sql.toStdString());
        return true;
    } catch (const std::exception &e) {
        m_error = QString::fromUtf8(e.what()).trimmed();
        return false;
    }
}

QStringList PgServer::rows(const QString &database, const QString &sql)
{
    QStringList lines;
    try {
        pqxx::connection admin(adminConnection(database));
        pqxx::nontransaction tx(admin);
        for (const pqxx::row &row : tx.exec(sql.toStdString())) {
            QStringList fields;
            for (const pqxx::field &field : row)
                fields << (field.is_null() ? QStringLiteral("NULL") : QString::fromUtf8(field.c_str()));
            lines << fields.join(QLatin1Char(' '));
        }
    } catch (const std::exception &e) {
        m_error = QString::fromUtf8(e.what()).trimmed();
        qWarning("%s", qPrintable(m_error));
    }
    return lines;
}

qint64 PgServer::scalar(const QString &database, const QString &sql)
{
    const QStringList result = rows(database, sql);
    bool ok = false;
    const qint64 value = result.isEmpty() ? -1 : result.first().section(QLatin1Char(' '), 0, 0).toLongLong(&ok);
    return ok ? value : -1;
}

QString PgServer::createDatabase()
{
    const QString name = QStringLiteral("fleetscope_test_%1").arg(++m_databases);
    if (!exec(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1").arg(name)))
        return {};
    return name;
}

QString PgServer::uri(const QString &database, const QString &user) const
{
    return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3").arg(user).arg(m_port).arg(database);
}

bool PgServer::createRole(const QString &name, const QString &password, bool inPasswordFile)
{
    if (!exec(QStringLiteral("postgres"), QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(name, password)))
        return false;
    if (!inPasswordFile)
        return true;
    m_passwords.insert(name, password);
    return writePasswordFile();
}

} // namespace fleetscope::test
