// Headless commands: the same core functions the GUI calls, with text or JSON output.
#pragma once

#include "commandline.h"

#include <QTextStream>

namespace fleetscope {

// Runs LINE.command. Writes results to OUT and one-line failures to ERR; returns an ExitCode.
int runCommand(const CommandLine &line, QTextStream &out, QTextStream &err);

} // namespace fleetscope
