// Lenient JSON: one pass over the bytes that tracks strings, so a "NaN" inside a name is never touched.
#include "lenientjson.h"

namespace fleetscope {

QByteArray replaceNonFiniteTokens(const QByteArray &bytes)
{
    // Most files have neither token: they are passed on without a copy.
    if (!bytes.contains("NaN") && !bytes.contains("Infinity"))
        return bytes;
    QByteArray out;
    out.reserve(bytes.size() + 16);
    const QByteArrayView in(bytes);
    bool inString = false;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (inString) {
            out.append(c);
            if (c == '\\' && i + 1 < in.size())
                out.append(in.at(++i));   // whatever is escaped, it does not end the string
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        const qsizetype sign = (c == '-' || c == '+') ? 1 : 0;
        if (sign || c == 'N' || c == 'I') {
            const QByteArrayView rest = in.sliced(i + sign);
            qsizetype length = 0;
            if (rest.startsWith("Infinity"))
                length = sign + 8;
            else if (!sign && rest.startsWith("NaN"))
                length = 3;
            if (length) {
                out.append("null");
                i += length - 1;
                continue;
            }
        }
        out.append(c);
    }
    return out;
}

int lineAt(const QByteArray &bytes, qsizetype offset)
{
    return int(QByteArrayView(bytes).first(std::clamp<qsizetype>(offset, 0, bytes.size())).count('\n')) + 1;
}

Result<QJsonDocument> parseLenientJson(const QByteArray &bytes, const QString &path)
{
    const QByteArray cleaned = replaceNonFiniteTokens(bytes);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(cleaned, &error);
    // Replacing tokens never adds or removes a line break, so lines in CLEANED are the file's lines.
    if (error.error != QJsonParseError::NoError)
        return fail(ErrorClass::BadData, QStringLiteral("%1:%2: not valid JSON (%3)").arg(path).arg(lineAt(cleaned, error.offset)).arg(error.errorString()));
    return document;
}

} // namespace fleetscope
