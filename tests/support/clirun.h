// Runs the built fleetscope binary as a user would, for the CLI tests.
#pragma once

#include <QProcess>
#include <QSignalSpy>

namespace fleetscope::test {

struct CliRun {
    int exitCode = -1;     // -1: did not finish in time, -2: crashed
    QByteArray rawOut;
    QString out;
    QString err;
};

// Waits for PROCESS, started after FINISHED began watching it, turning this thread's event loop so
// loopback servers of the test answer it; then its exit and output.
inline CliRun finishedRun(QProcess &process, QSignalSpy &finished)
{
    if (!finished.wait(60'000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    CliRun run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.rawOut = process.readAllStandardOutput();
    run.out = QString::fromUtf8(run.rawOut);
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

inline CliRun runFleetscope(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(FLEETSCOPE_BINARY), args);
    return finishedRun(process, finished);
}

// The same on a terminal: under util-linux's `script`, which gives the child a pseudo-terminal for its
// standard streams and copies TYPED to it as keystrokes. OUT then holds all the terminal showed
// (stdout, stderr and the echo of TYPED); ERR stays empty.
inline CliRun runFleetscopeOnTerminal(const QStringList &args, const QByteArray &typed,
                                      const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QStringList words{QStringLiteral(FLEETSCOPE_BINARY)};
    words += args;
    for (QString &word : words)
        word = QLatin1Char('\'') + word.replace(QLatin1Char('\''), QLatin1String("'\\''")) + QLatin1Char('\'');
    QProcess process;
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral("script"), {QStringLiteral("--quiet"), QStringLiteral("--return"), QStringLiteral("--command"),
                                             words.join(QLatin1Char(' ')), QStringLiteral("/dev/null")});
    process.write(typed);   // the input stays open: at its end `script` would end the session
    return finishedRun(process, finished);
}

} // namespace fleetscope::test
