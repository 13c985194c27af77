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

// Turns this thread's event loop while the child runs, so loopback servers of the test answer it.
inline CliRun runFleetscope(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(FLEETSCOPE_BINARY), args);
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

} // namespace fleetscope::test
