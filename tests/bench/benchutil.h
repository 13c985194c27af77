// Shared bits of the benchmarks: the BENCH line format and medians.
#pragma once

#include <QList>
#include <QString>

#include <algorithm>
#include <cstdio>

namespace fleetscope::bench {

inline double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// "BENCH <name> <value> <unit> [ratio vs baseline]", the line ./build.sh bench shows.
inline void report(const char *name, double value, const char *unit, const QString &comparison = QString())
{
    std::printf("BENCH %s %.1f %s%s%s\n", name, value, unit, comparison.isEmpty() ? "" : " ", qPrintable(comparison));
    std::fflush(stdout);
}

} // namespace fleetscope::bench
