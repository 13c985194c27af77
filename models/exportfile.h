// Writes an export the UI has rendered (PNG, SVG) to disk, so widgets never open files themselves.
#pragma once

#include "error.h"

#include <QByteArray>
#include <QImage>

namespace fleetscope {

// Atomic (QSaveFile): a failed export leaves an existing file as it was.
Result<void> writeExportFile(const QString &path, const QByteArray &bytes);

// PNG-encodes IMAGE and writes it to PATH.
Result<void> writePngFile(const QString &path, const QImage &image);

} // namespace fleetscope
