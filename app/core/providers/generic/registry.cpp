// Loading and installing the descriptor set.
#include "registry.h"

#include "logging.h"

#include <QDir>
#include <QFile>

#include <memory>

namespace fleetscope::generic {
namespace {

std::unique_ptr<DescriptorSet> &installed()
{
    static std::unique_ptr<DescriptorSet> set;
    return set;
}

void put(QList<DescriptorEntry> &entries, DescriptorEntry entry)
{
    for (DescriptorEntry &existing : entries) {
        if (existing.descriptor.kind.kind == entry.descriptor.kind.kind) {
            existing = std::move(entry);
            return;
        }
    }
    entries << std::move(entry);
}

} // namespace

DescriptorSet loadDescriptors(const QString &userDir)
{
    DescriptorSet set;
    const QDir builtIn(QStringLiteral(":/providers"));
    for (const QString &name : builtIn.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile file(builtIn.filePath(name));
        Result<Descriptor> descriptor = file.open(QIODevice::ReadOnly) ? parseDescriptor(file.readAll(), name)
                                                                       : fail(ErrorClass::Config, name + QStringLiteral(": unreadable"));
        // A broken built-in is a build defect the descriptor tests catch; it must not take the rest down.
        if (!descriptor)
            set.problems << descriptor.error().message;
        else
            put(set.entries, DescriptorEntry{std::move(*descriptor), QStringLiteral("built-in")});
    }
    if (!userDir.isEmpty()) {
        const QDir user(userDir);
        for (const QString &name : user.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            const QString path = user.filePath(name);
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                set.problems << QStringLiteral("%1: %2").arg(path, file.errorString());
                continue;
            }
            Result<Descriptor> descriptor = parseDescriptor(file.readAll(), path);
            if (!descriptor)
                set.problems << descriptor.error().message;
            else
                put(set.entries, DescriptorEntry{std::move(*descriptor), path});
        }
    }
    std::sort(set.entries.begin(), set.entries.end(),
              [](const DescriptorEntry &a, const DescriptorEntry &b) { return a.descriptor.kind.kind < b.descriptor.kind.kind; });
    for (const DescriptorEntry &entry : std::as_const(set.entries))
        set.kinds << entry.descriptor.kind;
    return set;
}

void installDescriptors(DescriptorSet set)
{
    installed() = std::make_unique<DescriptorSet>(std::move(set));
}

void installUserDescriptors(const QString &userDir)
{
    DescriptorSet set = loadDescriptors(userDir);
    for (const QString &problem : std::as_const(set.problems))
        qCWarning(lcEngine).noquote() << "provider descriptor skipped:" << problem;
    installDescriptors(std::move(set));
}

const DescriptorSet &installedDescriptors()
{
    if (!installed())
        installDescriptors(loadDescriptors(QString()));
    return *installed();
}

const DescriptorEntry *findDescriptor(const QString &kind)
{
    for (const DescriptorEntry &entry : installedDescriptors().entries) {
        if (entry.descriptor.kind.kind == kind)
            return &entry;
    }
    return nullptr;
}

} // namespace fleetscope::generic
