// Local result files for `fleetscope workflows import`; an artifact reader will produce the same CollectedFiles.
#include "resultfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace fleetscope {

QRegularExpression globToRegularExpression(const QString &glob)
{
    QString pattern;
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        if (c == QLatin1Char('*') && glob.mid(i, 3) == QLatin1String("**/")) {
            pattern += QStringLiteral("(?:[^/]*/)*");
            i += 2;
        } else if (c == QLatin1Char('*') && glob.mid(i, 2) == QLatin1String("**")) {
            pattern += QStringLiteral(".*");
            ++i;
        } else if (c == QLatin1Char('*')) {
            pattern += QStringLiteral("[^/]*");
        } else if (c == QLatin1Char('?')) {
            pattern += QStringLiteral("[^/]");
        } else if (c == QLatin1Char('[') && glob.indexOf(QLatin1Char(']'), i + 1) > i + 1) {
            const qsizetype end = glob.indexOf(QLatin1Char(']'), i + 1);
            QString set = glob.mid(i + 1, end - i - 1);
            if (set.startsWith(QLatin1Char('!')))
                set[0] = QLatin1Char('^');
            pattern += QLatin1Char('[') + set.replace(QLatin1String("\\"), QLatin1String("\\\\")) + QLatin1Char(']');
            i = end;
        } else {
            pattern += QRegularExpression::escape(QString(c));
        }
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern));
}

bool matchesFilePatterns(const QString &relativePath, const QStringList &patterns)
{
    if (patterns.isEmpty())
        return hasRecognizedExtension(relativePath);
    return std::any_of(patterns.cbegin(), patterns.cend(), [&relativePath](const QString &glob) {
        return globToRegularExpression(glob).match(relativePath).hasMatch();
    });
}

QString byteSize(qint64 bytes)
{
    if (bytes >= 1024 * 1024)
        return QStringLiteral("%1 MB").arg(double(bytes) / (1024 * 1024), 0, 'f', 1);
    if (bytes >= 1024)
        return QStringLiteral("%1 KB").arg(double(bytes) / 1024, 0, 'f', 1);
    return QStringLiteral("%1 B").arg(bytes);
}

Result<CollectedFiles> collectLocalFiles(const QStringList &paths, const QStringList &patterns, qint64 maxFileBytes)
{
    struct Candidate {
        QString name;
        QString absolutePath;
    };
    QList<Candidate> candidates;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists())
            return fail(ErrorClass::Config, QStringLiteral("%1: no such file or folder").arg(path));
        if (info.isFile()) {
            candidates << Candidate{info.fileName(), info.absoluteFilePath()};
            continue;
        }
        const QDir root(info.absoluteFilePath());
        QDirIterator it(root.path(), QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            const QString relative = root.relativeFilePath(file);
            if (matchesFilePatterns(relative, patterns))
                candidates << Candidate{relative, file};
        }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) { return a.name < b.name; });

    CollectedFiles collected;
    for (const Candidate &candidate : std::as_const(candidates)) {
        QFile file(candidate.absolutePath);
        if (file.size() > maxFileBytes) {
            collected.skipped << SkippedFile{candidate.name, QStringLiteral("%1, over the %2 limit").arg(byteSize(file.size()), byteSize(maxFileBytes))};
            continue;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            collected.skipped << SkippedFile{candidate.name, QStringLiteral("cannot read: %1").arg(file.errorString())};
            continue;
        }
        // read() with the limit: a file that grew after the size check is still bounded.
        QByteArray content = file.read(maxFileBytes + 1);
        if (content.size() > maxFileBytes) {
            collected.skipped << SkippedFile{candidate.name, QStringLiteral("over the %1 limit").arg(byteSize(maxFileBytes))};
            continue;
        }
        collected.files << ResultFile{candidate.name, std::move(content)};
    }
    return collected;
}

} // namespace fleetscope
