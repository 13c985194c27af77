// Reading the recorded real-format fixtures under tests/fixtures; a missing one stops the suite.
#pragma once

#include <QFile>
#include <QString>

namespace fleetscope::test {

// The bytes of tests/fixtures/RELATIVEPATH ("dcgm/datadog-dcgm-metrics.txt").
inline QByteArray fixtureBytes(const QString &relativePath)
{
    QFile file(QStringLiteral(FLEETSCOPE_FIXTURES "/") + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(relativePath));
    return file.readAll();
}

} // namespace fleetscope::test
