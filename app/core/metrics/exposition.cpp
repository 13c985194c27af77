// Exposition parsing: a byte scanner per line, interned names, and errors that name the line.
#include "exposition.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

namespace fleetscope {
namespace {

// Character classes, one table lookup per byte instead of a chain of comparisons.
enum : quint8 { NameStart = 1, NameChar = 2, LabelStart = 4, LabelChar = 8 };

constexpr std::array<quint8, 256> makeClasses()
{
    std::array<quint8, 256> table{};
    for (int c = 0; c < 256; ++c) {
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool digit = c >= '0' && c <= '9';
        quint8 bits = 0;
        if (alpha || c == '_' || c == ':')
            bits |= NameStart | NameChar;
        if (digit)
            bits |= NameChar | LabelChar;
        if (alpha || c == '_')
            bits |= LabelStart | LabelChar;
        table[std::size_t(c)] = bits;
    }
    return table;
}
constexpr std::array<quint8, 256> kClasses = makeClasses();

inline bool is(char c, quint8 bits)
{
    return kClasses[static_cast<unsigned char>(c)] & bits;
}

inline bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

inline quint64 hashBytes(std::string_view text)
{
    // Word-at-a-time multiply-xorshift: names and UUIDs are 10–60 bytes, so bytewise FNV would
    // dominate the parse.
    const char *p = text.data();
    std::size_t n = text.size();
    quint64 h = 0x9e3779b97f4a7c15ull ^ (quint64(n) * 0xff51afd7ed558ccdull);
    while (n >= 8) {
        quint64 word;
        std::memcpy(&word, p, 8);
        h = (h ^ word) * 0xff51afd7ed558ccdull;
        h ^= h >> 32;
        p += 8;
        n -= 8;
    }
    quint64 tail = 0;
    std::memcpy(&tail, p, n);
    h = (h ^ tail) * 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 29);
}

// Go's ParseFloat grammar as Prometheus uses it: decimal or exponent forms, NaN, [+-]Inf.
bool parseDouble(std::string_view token, double &value)
{
    if (token.empty())
        return false;
    const char *begin = token.data();
    const char *end = begin + token.size();
    auto [ptr, ec] = std::from_chars(begin, end, value, std::chars_format::general);
    if (ec == std::errc() && ptr == end)
        return true;
    if (ec == std::errc::result_out_of_range && ptr == end) {
        // Go rounds overflow to +-Inf and underflow to 0 rather than failing.
        const std::size_t e = token.find_first_of("eE");
        const bool tiny = e != std::string_view::npos && e + 1 < token.size() && token[e + 1] == '-';
        const double magnitude = tiny ? 0.0 : HUGE_VAL;
        value = token.front() == '-' ? -magnitude : magnitude;
        return true;
    }
    if (token.front() == '+' && token.size() > 1 && token[1] != '+' && token[1] != '-')
        return parseDouble(token.substr(1), value);
    return false;
}

// OpenMetrics timestamps are seconds with an optional fraction; milliseconds are exact from
// the decimal digits, not from a double, so 1520430000.123 stays 1520430000123.
bool parseSecondsToMs(std::string_view token, qint64 &ms)
{
    std::string_view digits = token;
    bool negative = false;
    if (!digits.empty() && (digits.front() == '-' || digits.front() == '+')) {
        negative = digits.front() == '-';
        digits.remove_prefix(1);
    }
    const std::size_t dot = digits.find('.');
    const std::string_view whole = digits.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : digits.substr(dot + 1);
    auto allDigits = [](std::string_view s) { return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); };
    if (!whole.empty() && allDigits(whole) && allDigits(fraction) && whole.size() <= 12) {
        qint64 seconds = 0;
        std::from_chars(whole.data(), whole.data() + whole.size(), seconds);
        qint64 millis = 0;
        for (std::size_t i = 0; i < 3; ++i)
            millis = millis * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
        if (fraction.size() > 3 && fraction[3] >= '5')
            ++millis;
        ms = seconds * 1000 + millis;
        if (negative)
            ms = -ms;
        return true;
    }
    double seconds = 0;
    if (!parseDouble(token, seconds) || !std::isfinite(seconds) || std::fabs(seconds) > 9.0e15)
        return false;
    ms = std::llround(seconds * 1000.0);
    return true;
}

bool suffixAllowed(MetricType type, std::string_view suffix)
{
    switch (type) {
    case MetricType::Counter:
        return suffix.empty() || suffix == "_total" || suffix == "_created";
    case MetricType::Histogram:
        return suffix == "_bucket" || suffix == "_sum" || suffix == "_count" || suffix == "_created";
    case MetricType::GaugeHistogram:
        return suffix == "_bucket" || suffix == "_gsum" || suffix == "_gcount";
    case MetricType::Summary:
        return suffix.empty() || suffix == "_sum" || suffix == "_count" || suffix == "_created";
    case MetricType::Info:
        return suffix == "_info";
    case MetricType::Gauge:
    case MetricType::StateSet:
    case MetricType::Unknown:
        return suffix.empty();
    }
    return false;
}

constexpr std::array<std::string_view, 8> kSuffixes{"_bucket", "_count", "_sum", "_total", "_created", "_gsum", "_gcount", "_info"};

std::optional<MetricType> typeFromName(std::string_view word, ExpositionFormat format)
{
    if (word == "counter")
        return MetricType::Counter;
    if (word == "gauge")
        return MetricType::Gauge;
    if (word == "histogram")
        return MetricType::Histogram;
    if (word == "summary")
        return MetricType::Summary;
    if (format == ExpositionFormat::Prometheus) {
        if (word == "untyped")
            return MetricType::Unknown;
        return std::nullopt;
    }
    if (word == "gaugehistogram")
        return MetricType::GaugeHistogram;
    if (word == "stateset")
        return MetricType::StateSet;
    if (word == "info")
        return MetricType::Info;
    if (word == "unknown")
        return MetricType::Unknown;
    return std::nullopt;
}

// HELP text: \\ and \n in both formats, \" as well in OpenMetrics; others are kept as written.
QString unescapeHelp(std::string_view text)
{
    if (text.find('\\') == std::string_view::npos)
        return QString::fromUtf8(text.data(), qsizetype(text.size()));
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
            const char next = text[i + 1];
            if (next == '\\' || next == '"' || next == 'n') {
                out.push_back(next == 'n' ? '\n' : next);
                ++i;
                continue;
            }
        }
        out.push_back(text[i]);
    }
    return QString::fromStdString(out);
}

std::string_view nextToken(std::string_view line, std::size_t &pos)
{
    const std::size_t start = pos;
    while (pos < line.size() && !isBlank(line[pos]))
        ++pos;
    return line.substr(start, pos - start);
}

void skipBlanks(std::string_view line, std::size_t &pos)
{
    while (pos < line.size() && isBlank(line[pos]))
        ++pos;
}

std::string clip(std::string_view text)
{
    return std::string(text.substr(0, 40));
}

} // namespace

ExpositionFormat formatForContentType(QByteArrayView contentType)
{
    const QByteArray lower = contentType.toByteArray().trimmed().toLower();
    return lower.startsWith("application/openmetrics-text") ? ExpositionFormat::OpenMetrics : ExpositionFormat::Prometheus;
}

ExpositionFormat formatForFile(const QString &fileName, QByteArrayView content)
{
    const QString base = fileName.section(QLatin1Char('/'), -1);
    if (base.endsWith(QLatin1String(".om")) || base.contains(QLatin1String(".om.")))
        return ExpositionFormat::OpenMetrics;
    // Prometheus' own test data ends .prom files with "# EOF", a plain comment in 0.0.4.
    if (base.endsWith(QLatin1String(".prom")) || base.contains(QLatin1String(".prom.")))
        return ExpositionFormat::Prometheus;
    QByteArrayView tail = content;
    while (!tail.isEmpty() && (tail.back() == '\n' || tail.back() == '\r'))
        tail.chop(1);
    const qsizetype lastBreak = tail.lastIndexOf('\n');
    const QByteArrayView lastLine = lastBreak < 0 ? tail : tail.sliced(lastBreak + 1);
    return lastLine == QByteArrayView("# EOF") ? ExpositionFormat::OpenMetrics : ExpositionFormat::Prometheus;
}

QByteArray expositionAcceptHeader()
{
    return QByteArrayLiteral("application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
}

QString metricTypeName(MetricType type)
{
    switch (type) {
    case MetricType::Counter:
        return QStringLiteral("counter");
    case MetricType::Gauge:
        return QStringLiteral("gauge");
    case MetricType::Histogram:
        return QStringLiteral("histogram");
    case MetricType::GaugeHistogram:
        return QStringLiteral("gaugehistogram");
    case MetricType::Summary:
        return QStringLiteral("summary");
    case MetricType::StateSet:
        return QStringLiteral("stateset");
    case MetricType::Info:
        return QStringLiteral("info");
    case MetricType::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

// --- StringPool ---

StringPool::StringPool()
    : m_slots(1024, 0)
{
}

quint32 StringPool::find(std::string_view text) const
{
    const quint64 hash = hashBytes(text);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const quint32 slot = m_slots[i];
        if (slot == 0)
            return npos;
        if (m_hashes[slot - 1] == hash && m_strings[slot - 1] == text)
            return slot - 1;
    }
}

quint32 StringPool::intern(std::string_view text)
{
    const quint64 hash = hashBytes(text);
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = hash & mask;
    for (;; i = (i + 1) & mask) {
        const quint32 slot = m_slots[i];
        if (slot == 0)
            break;
        if (m_hashes[slot - 1] == hash && m_strings[slot - 1] == text)
            return slot - 1;
    }
    const quint32 id = quint32(m_strings.size());
    m_strings.push_back(store(text));
    m_hashes.push_back(hash);
    m_slots[i] = id + 1;
    if (m_strings.size() * 2 > m_slots.size())
        grow();
    return id;
}

QString StringPool::string(quint32 id) const
{
    const std::string_view text = m_strings[id];
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

std::string_view StringPool::store(std::string_view text)
{
    constexpr std::size_t kBlock = 64 * 1024;
    if (text.empty())
        return {};
    if (text.size() > kBlock / 4) {
        // A long string gets a block of its own, placed before the block still being filled.
        auto block = std::make_unique<char[]>(text.size());
        std::memcpy(block.get(), text.data(), text.size());
        const char *data = block.get();
        m_blocks.insert(m_blocks.empty() ? m_blocks.end() : m_blocks.end() - 1, std::move(block));
        return {data, text.size()};
    }
    if (m_blocks.empty() || m_blockUsed + text.size() > m_blockSize) {
        m_blocks.push_back(std::make_unique<char[]>(kBlock));
        m_blockUsed = 0;
        m_blockSize = kBlock;
    }
    char *dest = m_blocks.back().get() + m_blockUsed;
    std::memcpy(dest, text.data(), text.size());
    m_blockUsed += text.size();
    return {dest, text.size()};
}

void StringPool::grow()
{
    std::vector<quint32> table(m_slots.size() * 2, 0);
    const std::size_t mask = table.size() - 1;
    for (quint32 id = 0; id < m_strings.size(); ++id) {
        std::size_t i = m_hashes[id] & mask;
        while (table[i] != 0)
            i = (i + 1) & mask;
        table[i] = id + 1;
    }
    m_slots = std::move(table);
}

// --- Exposition ---

std::optional<std::string_view> Exposition::label(const MetricSample &sample, std::string_view name) const
{
    for (quint32 i = 0; i < sample.labelCount; ++i) {
        const LabelRef &ref = m_labels[sample.firstLabel + i];
        if (m_strings.view(ref.name) == name)
            return m_strings.view(ref.value);
    }
    return std::nullopt;
}

QString Exposition::labelsJson(const MetricSample &sample) const
{
    QJsonObject object;   // keeps its keys sorted, which is what makes the text canonical
    for (quint32 i = 0; i < sample.labelCount; ++i) {
        const LabelRef &ref = m_labels[sample.firstLabel + i];
        object.insert(m_strings.string(ref.name), m_strings.string(ref.value));
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QList<SeriesSamples> Exposition::toSeries(qint64 connectionId, qint64 defaultTsMs) const
{
    QList<SeriesSamples> series;
    series.reserve(qsizetype(m_samples.size()));
    for (const MetricSample &sample : m_samples) {
        series.append(SeriesSamples{SeriesKey{connectionId, name(sample), labelsJson(sample)},
                                    {Sample{sample.timestampMs.value_or(defaultTsMs), sample.value}}});
    }
    return series;
}

// --- ExpositionParser ---

ExpositionParser::ExpositionParser(ExpositionFormat format, QString sourceName)
    : m_format(format)
    , m_source(std::move(sourceName))
{
    m_scratch.reserve(256);
}

Result<void> ExpositionParser::failAt(qint64 line, const LineError &error) const
{
    QString message = QString::fromLatin1(error.message);
    if (!error.detail.empty())
        message = message.arg(QString::fromUtf8(error.detail.data(), qsizetype(error.detail.size())));
    return fail(ErrorClass::BadData, QStringLiteral("%1:%2: %3").arg(m_source).arg(line).arg(message));
}

Result<void> ExpositionParser::feed(QByteArrayView chunk)
{
    if (m_error)
        return std::unexpected(*m_error);
    const char *p = chunk.data();
    const char *const end = p + chunk.size();
    auto process = [this](std::string_view line) -> bool {
        ++m_lineNumber;
        if (std::optional<LineError> error = parseLine(line)) {
            m_error = failAt(m_lineNumber, *error).error();
            return false;
        }
        return true;
    };
    if (!m_pending.empty()) {
        const char *newline = static_cast<const char *>(std::memchr(p, '\n', std::size_t(end - p)));
        if (!newline) {
            m_pending.append(p, end);
            return {};
        }
        m_pending.append(p, newline);
        const bool ok = process(m_pending);
        m_pending.clear();
        if (!ok)
            return std::unexpected(*m_error);
        p = newline + 1;
    }
    while (p < end) {
        const char *newline = static_cast<const char *>(std::memchr(p, '\n', std::size_t(end - p)));
        if (!newline) {
            m_pending.assign(p, end);
            break;
        }
        if (!process(std::string_view(p, std::size_t(newline - p))))
            return std::unexpected(*m_error);
        p = newline + 1;
    }
    return {};
}

Result<void> ExpositionParser::finish()
{
    if (m_error)
        return std::unexpected(*m_error);
    if (m_finished)
        return {};
    m_finished = true;
    if (!m_pending.empty()) {
        ++m_lineNumber;
        const std::optional<LineError> error = parseLine(m_pending);
        m_pending.clear();
        if (error) {
            m_error = failAt(m_lineNumber, *error).error();
            return std::unexpected(*m_error);
        }
    }
    if (m_format == ExpositionFormat::OpenMetrics && !m_sawEof) {
        m_error = failAt(m_lineNumber + 1, LineError{"missing '# EOF' at the end of OpenMetrics input", {}}).error();
        return std::unexpected(*m_error);
    }
    return {};
}

std::optional<ExpositionParser::LineError> ExpositionParser::parseLine(std::string_view line)
{
    if (m_format == ExpositionFormat::OpenMetrics) {
        if (m_sawEof)
            return LineError{"content after '# EOF'", {}};
        if (line.empty())
            return LineError{"blank line (OpenMetrics allows none)", {}};
        return line.front() == '#' ? parseComment(line) : parseSample(line);
    }
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    std::size_t pos = 0;
    skipBlanks(line, pos);
    if (pos == line.size())
        return std::nullopt;
    line.remove_prefix(pos);
    return line.front() == '#' ? parseComment(line) : parseSample(line);
}

std::optional<ExpositionParser::LineError> ExpositionParser::parseComment(std::string_view line)
{
    const bool om = m_format == ExpositionFormat::OpenMetrics;
    std::size_t pos = 1;
    if (om) {
        if (line == "# EOF") {
            m_sawEof = true;
            return std::nullopt;
        }
        if (line.size() < 2 || line[1] != ' ')
            return LineError{"invalid comment line (OpenMetrics allows only HELP, TYPE, UNIT and EOF)", {}};
        pos = 2;
    } else {
        skipBlanks(line, pos);
    }
    const std::string_view keyword = nextToken(line, pos);
    const bool help = keyword == "HELP";
    const bool type = keyword == "TYPE";
    const bool unit = om && keyword == "UNIT";
    if (!help && !type && !unit) {
        if (om)
            return LineError{"invalid comment line (OpenMetrics allows only HELP, TYPE, UNIT and EOF)", {}};
        return std::nullopt;   // a plain comment
    }
    skipBlanks(line, pos);
    const std::string_view name = nextToken(line, pos);
    if (name.empty() || !is(name.front(), NameStart)
        || !std::all_of(name.begin(), name.end(), [](char c) { return is(c, NameChar); }))
        return LineError{"invalid metric name in %1 line", std::string(keyword)};
    if (pos < line.size())
        ++pos;   // the one separator; HELP text keeps any further leading blanks
    const std::string_view rest = line.substr(std::min(pos, line.size()));

    const quint32 family = familyNamed(m_out.m_strings.intern(name), true);
    MetricFamily &f = m_out.m_families[family];
    m_currentFamily = family;
    if (help) {
        if (m_helpSeen[family])
            return LineError{"second HELP line for '%1'", clip(name)};
        m_helpSeen[family] = true;
        f.help = unescapeHelp(rest);
    } else if (type) {
        if (m_typeSeen[family])
            return LineError{"second TYPE line for '%1'", clip(name)};
        m_typeSeen[family] = true;
        std::string_view word = rest;
        while (!word.empty() && isBlank(word.front()))
            word.remove_prefix(1);
        while (!word.empty() && isBlank(word.back()))
            word.remove_suffix(1);
        const std::optional<MetricType> parsed = typeFromName(word, m_format);
        if (!parsed)
            return LineError{"unknown metric type '%1'", clip(word)};
        f.type = *parsed;
    } else {
        f.unit = QString::fromUtf8(rest.data(), qsizetype(rest.size()));
    }
    return std::nullopt;
}

quint32 ExpositionParser::familyNamed(quint32 nameId, bool create)
{
    if (m_familyByName.size() <= nameId)
        m_familyByName.resize(std::max<std::size_t>(nameId + 1, m_familyByName.size() * 2), -1);
    if (m_familyByName[nameId] >= 0 || !create)
        return m_familyByName[nameId] >= 0 ? quint32(m_familyByName[nameId]) : StringPool::npos;
    m_familyByName[nameId] = qint32(m_out.m_families.size());
    m_out.m_families.push_back(MetricFamily{nameId, MetricType::Unknown, {}, {}, 0});
    m_helpSeen.push_back(false);
    m_typeSeen.push_back(false);
    return quint32(m_familyByName[nameId]);
}

quint32 ExpositionParser::familyForSample(std::string_view name, quint32 nameId)
{
    if (m_currentFamily >= 0) {
        const MetricFamily &current = m_out.m_families[std::size_t(m_currentFamily)];
        const std::string_view familyName = m_out.m_strings.view(current.name);
        if (name.starts_with(familyName) && suffixAllowed(current.type, name.substr(familyName.size())))
            return quint32(m_currentFamily);
    }
    quint32 family = familyNamed(nameId, false);
    if (family == StringPool::npos) {
        for (std::string_view suffix : kSuffixes) {
            if (!name.ends_with(suffix))
                continue;
            const quint32 baseId = m_out.m_strings.find(name.substr(0, name.size() - suffix.size()));
            if (baseId == StringPool::npos)
                continue;
            const quint32 base = familyNamed(baseId, false);
            if (base != StringPool::npos && suffixAllowed(m_out.m_families[base].type, suffix)) {
                family = base;
                break;
            }
        }
    }
    if (family == StringPool::npos)
        family = familyNamed(nameId, true);
    m_currentFamily = family;
    return family;
}

std::optional<ExpositionParser::LineError> ExpositionParser::parseLabels(std::string_view line, std::size_t &pos, quint32 &count)
{
    const bool om = m_format == ExpositionFormat::OpenMetrics;
    const std::size_t n = line.size();
    const std::size_t first = m_out.m_labels.size();
    ++pos;   // '{'
    bool afterComma = false;
    for (;;) {
        if (!om)
            skipBlanks(line, pos);
        if (pos >= n)
            return LineError{"unterminated label set", {}};
        if (line[pos] == '}') {
            if (om && afterComma)
                return LineError{"trailing ',' in label set", {}};
            ++pos;
            return std::nullopt;
        }
        if (!is(line[pos], LabelStart))
            return LineError{"invalid label name", {}};
        const std::size_t nameStart = pos;
        while (pos < n && is(line[pos], LabelChar))
            ++pos;
        const std::string_view name = line.substr(nameStart, pos - nameStart);
        if (!om)
            skipBlanks(line, pos);
        if (pos >= n || line[pos] != '=')
            return LineError{"expected '=' after label name '%1'", clip(name)};
        ++pos;
        if (!om)
            skipBlanks(line, pos);
        if (pos >= n || line[pos] != '"')
            return LineError{"expected '\"' to open the value of label '%1'", clip(name)};
        ++pos;

        std::string_view value;
        const char *start = line.data() + pos;
        const char *quote = static_cast<const char *>(std::memchr(start, '"', n - pos));
        const char *backslash = static_cast<const char *>(std::memchr(start, '\\', quote ? std::size_t(quote - start) : n - pos));
        if (quote && !backslash) {
            value = std::string_view(start, std::size_t(quote - start));
            pos = std::size_t(quote - line.data()) + 1;
        } else {
            // Escapes are rare; unescape into a reused buffer that interning then copies.
            m_scratch.clear();
            bool closed = false;
            while (pos < n) {
                const char c = line[pos++];
                if (c == '"') {
                    closed = true;
                    break;
                }
                if (c != '\\') {
                    m_scratch.push_back(c);
                    continue;
                }
                if (pos >= n)
                    break;
                const char next = line[pos++];
                if (next == '\\' || next == '"')
                    m_scratch.push_back(next);
                else if (next == 'n')
                    m_scratch.push_back('\n');
                else if (om) {
                    // The OpenMetrics conformance suite accepts unknown escapes and keeps them as written.
                    m_scratch.push_back('\\');
                    m_scratch.push_back(next);
                } else {
                    return LineError{"invalid escape sequence '%1' in label value", std::string{'\\', next}};
                }
            }
            if (!closed)
                return LineError{"unterminated label value", {}};
            value = m_scratch;
        }

        const quint32 nameId = m_out.m_strings.intern(name);
        for (std::size_t i = first; i < m_out.m_labels.size(); ++i) {
            if (m_out.m_labels[i].name == nameId)
                return LineError{"duplicate label '%1'", clip(name)};
        }
        m_out.m_labels.push_back(LabelRef{nameId, m_out.m_strings.intern(value)});
        ++count;

        if (!om)
            skipBlanks(line, pos);
        if (pos >= n)
            return LineError{"unterminated label set", {}};
        if (line[pos] == ',') {
            ++pos;
            afterComma = true;
            continue;
        }
        if (line[pos] != '}')
            return LineError{"expected ',' or '}' after the value of label '%1'", clip(name)};
        afterComma = false;
    }
}

std::optional<ExpositionParser::LineError> ExpositionParser::parseSample(std::string_view line)
{
    const bool om = m_format == ExpositionFormat::OpenMetrics;
    const std::size_t n = line.size();
    std::size_t pos = 0;
    if (!is(line[0], NameStart))
        return LineError{"invalid metric name '%1'", clip(nextToken(line, pos))};
    while (pos < n && is(line[pos], NameChar))
        ++pos;
    const std::string_view name = line.substr(0, pos);
    // Consecutive samples of one family share a name: compare bytes before hashing.
    if (m_lastNameId == StringPool::npos || m_out.m_strings.view(m_lastNameId) != name)
        m_lastNameId = m_out.m_strings.intern(name);
    const quint32 nameId = m_lastNameId;

    // 0.0.4 allows blanks between the name and '{'; without labels they separate the value.
    std::size_t brace = pos;
    if (!om)
        skipBlanks(line, brace);
    const std::size_t firstLabel = m_out.m_labels.size();
    quint32 labelCount = 0;
    if (brace < n && line[brace] == '{') {
        pos = brace;
        if (std::optional<LineError> error = parseLabels(line, pos, labelCount))
            return error;
    }
    if (pos >= n)
        return LineError{"missing value", {}};
    if (!isBlank(line[pos]))
        return LineError{"expected a space before the value, found '%1'", clip(line.substr(pos, 1))};
    skipBlanks(line, pos);
    const std::string_view valueToken = nextToken(line, pos);
    if (valueToken.empty())
        return LineError{"missing value", {}};
    MetricSample sample;
    if (!parseDouble(valueToken, sample.value))
        return LineError{"invalid value '%1'", clip(valueToken)};
    skipBlanks(line, pos);
    if (pos < n && !(om && line[pos] == '#')) {
        const std::string_view tsToken = nextToken(line, pos);
        qint64 ts = 0;
        if (om) {
            if (!parseSecondsToMs(tsToken, ts))
                return LineError{"invalid timestamp '%1'", clip(tsToken)};
        } else {
            auto [ptr, ec] = std::from_chars(tsToken.data(), tsToken.data() + tsToken.size(), ts);
            if (ec != std::errc() || ptr != tsToken.data() + tsToken.size())
                return LineError{"invalid timestamp '%1'", clip(tsToken)};
        }
        sample.timestampMs = ts;
        skipBlanks(line, pos);
    }
    if (pos < n) {
        // Exemplars ("# {trace_id="..."} 1.0 [ts]") belong to OpenMetrics and are not kept.
        if (!om || line.substr(pos, 3) != "# {")
            return LineError{"unexpected text after the sample: '%1'", clip(line.substr(pos))};
    }

    const quint32 family = familyForSample(name, nameId);
    MetricFamily &f = m_out.m_families[family];
    const std::string_view suffix = name.substr(std::min(name.size(), m_out.m_strings.view(f.name).size()));
    if ((f.type == MetricType::Histogram || f.type == MetricType::GaugeHistogram) && suffix == "_bucket") {
        const MetricSample probe{family, nameId, quint32(firstLabel), labelCount, 0, std::nullopt};
        const std::optional<std::string_view> le = m_out.label(probe, "le");
        double bound = 0;
        if (!le)
            return LineError{"histogram bucket without an 'le' label", {}};
        if (!parseDouble(*le, bound))
            return LineError{"invalid 'le' value '%1'", clip(*le)};
    } else if (f.type == MetricType::Summary && suffix.empty()) {
        const MetricSample probe{family, nameId, quint32(firstLabel), labelCount, 0, std::nullopt};
        const std::optional<std::string_view> quantile = m_out.label(probe, "quantile");
        double q = 0;
        if (!quantile)
            return LineError{"summary sample without a 'quantile' label", {}};
        if (!parseDouble(*quantile, q))
            return LineError{"invalid 'quantile' value '%1'", clip(*quantile)};
    }
    ++f.sampleCount;
    sample.family = family;
    sample.name = nameId;
    sample.firstLabel = quint32(firstLabel);
    sample.labelCount = labelCount;
    m_out.m_samples.push_back(sample);
    return std::nullopt;
}

Result<Exposition> parseExposition(QByteArrayView text, ExpositionFormat format, const QString &sourceName)
{
    ExpositionParser parser(format, sourceName);
    if (Result<void> fed = parser.feed(text); !fed)
        return std::unexpected(fed.error());
    if (Result<void> finished = parser.finish(); !finished)
        return std::unexpected(finished.error());
    return parser.takeResult();
}

} // namespace fleetscope
