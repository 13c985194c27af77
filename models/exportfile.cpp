// Export files: atomic writes with errors that name the path.
#include "exportfile.h"

#include <QBuffer>
#include <QSaveFile>

namespace fleetscope {

Result<void> writeExportFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorClass::Config, QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    if (file.write(bytes) != bytes.size() || !file.commit())
        return fail(ErrorClass::Storage, QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    return {};
}

Result<void> writePngFile(const QString &path, const QImage &image)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (image.isNull() || !image.save(&buffer, "PNG"))
        return fail(ErrorClass::BadData, QStringLiteral("%1: could not encode the image as PNG").arg(path));
    return writeExportFile(path, png);
}

} // namespace fleetscope
