// What every command gets: the parsed global options, its output streams, and the store.
#pragma once

#include "commandline.h"
#include "credentials/secret.h"
#include "store/storeservice.h"

#include <QTextStream>

#include <memory>

namespace fleetscope {

struct CommandContext {
    const CommandLine &line;
    QTextStream &out;
    QTextStream &err;

    // One line on stderr naming the cause; exit 1.
    int failure(const QString &message) const;
    // The reason and the command's usage on stderr; exit 2.
    int usage(const QString &message, const QString &help) const;
};

// An ISO-8601 time from the command line, in UTC; a time without a zone is UTC, as exports write it.
std::optional<QDateTime> parseCliTime(const QString &text);

// A secret piped on standard input, trailing line breaks removed; OPTION names the flag in errors.
Result<Secret> readSecretFromStdin(const QString &option);

// Opens (creating and migrating when needed) the store the global options name.
Result<std::unique_ptr<StoreService>> openService(const CommandLine &line);

} // namespace fleetscope
