// JSON as benchmark tools write it: bare NaN and Infinity tokens (not JSON) are read as null.
#pragma once

#include "error.h"

#include <QJsonDocument>

namespace fleetscope {

// BYTES with every NaN, Infinity, +Infinity and -Infinity token outside strings replaced by null;
// line breaks and strings are left exactly as they are.
QByteArray replaceNonFiniteTokens(const QByteArray &bytes);

// Parses BYTES leniently (above). A BadData error names PATH and the line of the first problem.
Result<QJsonDocument> parseLenientJson(const QByteArray &bytes, const QString &path);

// 1-based line of byte OFFSET in BYTES.
int lineAt(const QByteArray &bytes, qsizetype offset);

} // namespace fleetscope
