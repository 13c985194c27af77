// Deep copies and wiping for Secret, and its redacted debug form.
#include "secret.h"

#include <QDebug>

namespace fleetscope {
namespace {

// Volatile writes so the compiler cannot drop the wipe of a buffer that is about to be freed.
void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty() && bytes.isDetached()) {
        volatile char *p = bytes.data();
        for (qsizetype i = 0, n = bytes.size(); i < n; ++i)
            p[i] = 0;
    }
    bytes.clear();
}

QByteArray deepCopy(QByteArrayView bytes)
{
    return QByteArray(bytes.data(), bytes.size());
}

} // namespace

Secret Secret::fromUtf8(QByteArrayView bytes)
{
    Secret secret;
    secret.m_bytes = deepCopy(bytes);
    return secret;
}

Secret Secret::fromString(const QString &text)
{
    Secret secret;
    secret.m_bytes = text.toUtf8();
    return secret;
}

Secret::Secret(const Secret &other)
    : m_bytes(deepCopy(other.m_bytes))
{
}

Secret::Secret(Secret &&other) noexcept
    : m_bytes(std::move(other.m_bytes))
{
    other.m_bytes = QByteArray();
}

Secret &Secret::operator=(const Secret &other)
{
    if (this != &other) {
        wipe(m_bytes);
        m_bytes = deepCopy(other.m_bytes);
    }
    return *this;
}

Secret &Secret::operator=(Secret &&other) noexcept
{
    if (this != &other) {
        wipe(m_bytes);
        m_bytes = std::move(other.m_bytes);
        other.m_bytes = QByteArray();
    }
    return *this;
}

Secret::~Secret()
{
    wipe(m_bytes);
}

void Secret::clear()
{
    wipe(m_bytes);
}

QDebug operator<<(QDebug debug, const Secret &secret)
{
    const QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "Secret(<redacted>, " << secret.size() << " bytes)";
    return debug;
}

} // namespace fleetscope
