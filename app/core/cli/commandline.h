// Parsing of the global command line shared by the GUI and the headless commands.
#pragma once

#include "error.h"

#include <QStringList>

namespace fleetscope {

struct CommandLine {
    QString dataDir;          // --data-dir, or the platform's data location
    QString store;            // --store, empty: DATA_DIR/fleetscope.sqlite
    bool demo = false;        // --demo
    bool help = false;
    bool version = false;
    QString command;          // empty: the GUI
    QStringList commandArgs;  // everything after the command, for its own parser
};

// Exit codes of every command.
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

struct UsageError {
    QString message;
};

// ARGS includes the program name first. Unknown global options are usage errors.
std::expected<CommandLine, UsageError> parseCommandLine(const QStringList &args);

QString globalUsage();

// Where data lives when --data-dir is not given (XDG data location).
QString defaultDataDir();

// The folders and files of one run: everything under --data-dir when given, else the
// platform's data, config and cache locations (QStandardPaths).
struct AppPaths {
    QString dataDir;
    QString configDir;         // DATA_DIR with --data-dir, else the platform's config location
    QString providersDir;      // CONFIG_DIR/providers: the user's provider descriptors
    QString settingsFile;
    QString logDir;
    QString cacheDir;
};
AppPaths appPaths(const CommandLine &line);

} // namespace fleetscope
