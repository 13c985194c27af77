// Finding a run's result files: glob patterns over relative paths, size limits, files read into memory.
#pragma once

#include "recognizers.h"

#include <QRegularExpression>

namespace fleetscope {

// GLOB over '/'-separated relative paths: "**/" any number of folders (none too), "*" and "?" within
// one name, "[abc]" a class. Anchored at both ends.
QRegularExpression globToRegularExpression(const QString &glob);

// Whether RELATIVEPATH matches one of PATTERNS; with no patterns, whether a recognizer reads its extension.
bool matchesFilePatterns(const QString &relativePath, const QStringList &patterns);

struct SkippedFile {
    QString path;
    QString reason;    // one line: "6.0 MB, over the 5.0 MB limit"
};

struct CollectedFiles {
    QList<ResultFile> files;       // sorted by path
    QList<SkippedFile> skipped;    // matched, but not read
    qsizetype found() const { return files.size() + skipped.size(); }
};

// PATHS are files (taken as given, named by their file name) or folders (walked; files named
// relative to the folder and kept when they match PATTERNS). Files over MAXFILEBYTES are skipped
// unread. A path that does not exist is a Config error: nothing is imported.
Result<CollectedFiles> collectLocalFiles(const QStringList &paths, const QStringList &patterns, qint64 maxFileBytes);

// "5.0 MB", "812.5 KB", "17 B".
QString byteSize(qint64 bytes);

} // namespace fleetscope
