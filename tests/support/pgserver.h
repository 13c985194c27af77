// A throwaway PostgreSQL server for tests: initdb into a temporary folder, started on a free
// loopback port (fsync off), stopped and deleted at the end. Runs the server as user postgres
// when the tests run as root (initdb refuses root), as the current user otherwise.
#pragma once

#include <QHash>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace fleetscope::test {

class PgServer
{
public:
    PgServer();
    ~PgServer();
    PgServer(const PgServer &) = delete;
    PgServer &operator=(const PgServer &) = delete;

    // Starts the server; on failure false, with the reason in error(). Sets PGPASSFILE for this
    // process to a password file of its own, so URIs carry no passwords (as users are told to do).
    bool start();
    QString error() const { return m_error; }
    // An outage: the server stops (its clients' connections cut) and later starts again on the same
    // port with the same data.
    bool pause();
    bool resume();
    int port() const { return m_port; }

    // A new empty database owned by the superuser "postgres"; returns its name.
    QString createDatabase();
    // postgresql://USER@127.0.0.1:PORT/DATABASE (the password comes from the password file).
    QString uri(const QString &database, const QString &user = QStringLiteral("postgres")) const;
    // A login role with PASSWORD, entered in the password file unless IN_PASSWORD_FILE is false
    // (then libpq has no password for it: the keychain's is tried).
    bool createRole(const QString &name, const QString &password, bool inPasswordFile = true);
    // Runs SQL as the superuser in DATABASE over the Unix socket; false (and error()) on failure.
    bool exec(const QString &database, const QString &sql);
    // Every row of SQL (as the superuser in DATABASE), each row's fields joined by " ".
    QStringList rows(const QString &database, const QString &sql);
    // The first field of SQL's first row as a number; -1 on failure.
    qint64 scalar(const QString &database, const QString &sql);

private:
    std::string adminConnection(const QString &database) const;
    bool launch(const QString &data);
    bool run(const QString &program, const QStringList &arguments, int timeoutMs = 60'000);
    bool writePasswordFile();
    void stop();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_binDir;
    QString m_error;
    int m_port = 0;
    int m_databases = 0;
    bool m_running = false;
    bool m_asPostgresUser = false;
    QHash<QString, QString> m_passwords;   // role -> password
};

} // namespace fleetscope::test
