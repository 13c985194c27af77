// The provider descriptors of this run: the built-in ones (resources/providers) and those in the
// user's config folder (CONFIG/providers/*.json), which add kinds or replace built-ins by kind.
#pragma once

#include "descriptor.h"

namespace fleetscope::generic {

struct DescriptorEntry {
    Descriptor descriptor;
    QString source;   // "built-in", or the user file's path
    bool isBuiltIn() const { return source == QLatin1String("built-in"); }
};

struct DescriptorSet {
    QList<DescriptorEntry> entries;   // by kind
    QList<ProviderKind> kinds;        // the catalog part of each entry, in the same order
    QStringList problems;             // one line per invalid user file: "FILE: /pointer: message"
};

// Reads the built-ins and then every *.json in USERDIR (none when empty or missing). An invalid
// file is reported in problems and skipped; the others still load.
DescriptorSet loadDescriptors(const QString &userDir);

// Makes SET the one the catalog, the collectors and the connection tests use. Call at startup,
// before other threads look; until then the built-ins alone are used.
void installDescriptors(DescriptorSet set);
const DescriptorSet &installedDescriptors();
// Loads and installs the built-ins and USERDIR's descriptors, logging each problem as a warning.
void installUserDescriptors(const QString &userDir);
const DescriptorEntry *findDescriptor(const QString &kind);

} // namespace fleetscope::generic
