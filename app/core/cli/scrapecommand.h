// `fleetscope scrape URL|FILE`: one scrape of a /metrics endpoint or file, as DCGM GPU readings.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace fleetscope {

// ARGS are the words after "scrape". Readings go to OUT; a failure is one line on ERR.
// Returns an ExitCode: 1 when the scrape or the parse failed, 2 on a usage error.
int runScrape(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace fleetscope
