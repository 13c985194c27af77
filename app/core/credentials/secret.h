// Secret: the one type that carries a credential in memory; it never prints itself and wipes its buffer.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

class QDebug;

namespace fleetscope {

// Holds the UTF-8 bytes of a credential. Copies are deep so that every copy owns, and on
// destruction wipes, its own buffer; bytes() hands out a shared view that callers should not keep.
class Secret
{
public:
    Secret() = default;
    // Takes BYTES over without a copy; pass a buffer no one else shares, so the wipe reaches it.
    explicit Secret(QByteArray &&bytes) : m_bytes(std::move(bytes)) {}
    static Secret fromUtf8(QByteArrayView bytes);
    static Secret fromString(const QString &text);

    Secret(const Secret &other);
    Secret(Secret &&other) noexcept;
    Secret &operator=(const Secret &other);
    Secret &operator=(Secret &&other) noexcept;
    ~Secret();

    bool isEmpty() const { return m_bytes.isEmpty(); }
    qsizetype size() const { return m_bytes.size(); }
    // The credential itself: for the request header or keychain call that needs it, nothing else.
    const QByteArray &bytes() const { return m_bytes; }
    QString toString() const { return QString::fromUtf8(m_bytes); }

    // Overwrites the buffer (when no one else shares it) and empties the secret.
    void clear();

private:
    QByteArray m_bytes;
};

// "Secret(<redacted>, N bytes)": a secret that reaches a log by mistake still shows nothing.
QDebug operator<<(QDebug debug, const Secret &secret);

} // namespace fleetscope
