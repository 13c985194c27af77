// Lenient JSON: one pass over the bytes that tracks strings, so a "NaN" inside a name is never touched.
#include "lenientjson.h"

namespace fleetscope {

QByteArray replaceNonFiniteTokens(const QByteArray &bytes)
{
    // Most files have neither token: they are passed on without a copy.
    if (!bytes.contains("NaN") && !bytes.contains("Infinity"))
        return bytes;
    // The text between replacements is copied in one piece each, not a character at a time.
    QByteArray out;
    const QByteArrayView in(bytes);
    qsizetype copied = 0;   // in[0, copied) is in OUT
    bool inString = false;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (inString) {
            if (c == '\\')
                ++i;   // whatever is escaped, it does not end the string
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            continue;
        }
        const qsizetype sign = (c == '-' || c == '+') ? 1 : 0;
        if (!sign && c != 'N' && c != 'I')
            continue;
        const QByteArrayView rest = in.sliced(i + sign);
        const qsizetype length = rest.startsWith("Infinity") ? sign + 8 : (!sign && rest.startsWith("NaN")) ? 3 : 0;
        if (length == 0)
            continue;
        if (out.isEmpty())
            out.reserve(bytes.size() + 16);
        out.append(in.sliced(copied, i - copied));
        out.append("null");
        i += length - 1;
        copied = i + 1;
    }
    if (copied == 0)
        return bytes;   // the tokens were inside strings only
    out.append(in.sliced(copied));
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
