// Tables as results: CSV files and Markdown tables. Numeric columns are metrics, text columns and
// numeric columns named like a parameter (batch_size, concurrency, ...) are dimensions.
#include "formats.h"
#include "metricdirection.h"

#include <QRegularExpression>

#include <tuple>

namespace fleetscope::formats {
namespace {

struct Table {
    QStringList header;
    QList<QStringList> rows;
    QString label;   // dimension "table" when set
};

struct Number {
    double value = 0;
    QString unit;
};

bool isMissing(const QString &cell)
{
    static const QStringList kMissing{QString(), QStringLiteral("-"), QStringLiteral("—"), QStringLiteral("n/a"),
                                      QStringLiteral("na"), QStringLiteral("null"), QStringLiteral("none")};
    return kMissing.contains(cell.toLower());
}

// "12.5", "12.5 ms", "85%", "**3.1**": a number with an optional unit after it.
std::optional<Number> parseNumber(const QString &cell)
{
    static const QRegularExpression kNumber(QStringLiteral(
        "^([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*([A-Za-z%µμ]+(?:/[A-Za-z]+)?)?$"));
    const QRegularExpressionMatch match = kNumber.match(cell);
    if (!match.hasMatch())
        return std::nullopt;
    return Number{match.captured(1).toDouble(), match.captured(2)};
}

// "Latency (ms)" → {"Latency", "ms"}; "throughput [tok/s]" → {"throughput", "tok/s"}.
std::pair<QString, QString> splitHeader(const QString &header)
{
    static const QRegularExpression kUnit(QStringLiteral("^(.*\\S)\\s*[\\(\\[]([^\\)\\]]+)[\\)\\]]$"));
    const QRegularExpressionMatch match = kUnit.match(header.trimmed());
    if (match.hasMatch())
        return {match.captured(1), match.captured(2).trimmed()};
    return {header.trimmed(), QString()};
}

bool isParameterName(const QString &name)
{
    static const QStringList kWords{QStringLiteral("batch"), QStringLiteral("bs"), QStringLiteral("concurrency"),
                                    QStringLiteral("seq"), QStringLiteral("seqlen"), QStringLiteral("sequence"),
                                    QStringLiteral("len"), QStringLiteral("length"), QStringLiteral("size"),
                                    QStringLiteral("threads"), QStringLiteral("workers"), QStringLiteral("nodes"),
                                    QStringLiteral("gpus"), QStringLiteral("tp"), QStringLiteral("pp"), QStringLiteral("dp"),
                                    QStringLiteral("world"), QStringLiteral("dim"), QStringLiteral("hidden"),
                                    QStringLiteral("heads"), QStringLiteral("layers"), QStringLiteral("prompts")};
    const QStringList parts = name.toLower().split(QRegularExpression(QStringLiteral("[^a-z0-9]+")), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (kWords.contains(part))
            return true;
    }
    return false;
}

QString clean(const QString &cell)
{
    QString text = cell.trimmed();
    // Markdown emphasis and code spans around a value.
    while (text.size() >= 2 && (text.startsWith(QLatin1Char('*')) || text.startsWith(QLatin1Char('`')) || text.startsWith(QLatin1Char('_')))
           && text.back() == text.front())
        text = text.mid(1).chopped(1).trimmed();
    return text;
}

void addRecords(const Table &table, FileExtraction &result)
{
    const qsizetype columns = table.header.size();
    QList<bool> numeric(columns, true);
    QList<bool> seen(columns, false);
    QStringList units(columns);
    QList<bool> unitAgrees(columns, true);
    QStringList names(columns);
    for (qsizetype c = 0; c < columns; ++c)
        std::tie(names[c], units[c]) = splitHeader(table.header.at(c));
    const QStringList headerUnits = units;
    for (const QStringList &row : table.rows) {
        for (qsizetype c = 0; c < columns; ++c) {
            const QString cell = clean(row.value(c));
            if (isMissing(cell))
                continue;
            const std::optional<Number> number = parseNumber(cell);
            if (!number) {
                numeric[c] = false;
                continue;
            }
            if (!seen[c] && headerUnits[c].isEmpty())
                units[c] = number->unit;
            else if (headerUnits[c].isEmpty() && units[c] != number->unit)
                unitAgrees[c] = false;
            seen[c] = true;
        }
    }
    for (qsizetype c = 0; c < columns; ++c) {
        numeric[c] = numeric[c] && seen[c];
        if (!unitAgrees[c])
            units[c].clear();
    }
    for (const QStringList &row : table.rows) {
        MetricRecord record;
        if (!table.label.isEmpty())
            record.dimensions.insert(QStringLiteral("table"), table.label);
        for (qsizetype c = 0; c < columns; ++c) {
            const QString cell = clean(row.value(c));
            if (names[c].isEmpty() || isMissing(cell))
                continue;
            if (!numeric[c]) {
                record.dimensions.insert(names[c], cell);
                continue;
            }
            const double value = parseNumber(cell)->value;
            const MetricValue metric = makeMetric(names[c], value, units[c]);
            if (metric.direction == MetricDirection::Neutral && isParameterName(names[c]))
                record.dimensions.insert(names[c], value);
            else
                record.metrics << metric;
        }
        if (!record.metrics.isEmpty())
            result.records << record;
    }
}

} // namespace

// ---- CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks) ------------------------

Result<FileExtraction> csv(const QByteArray &content, const QString &path)
{
    QString text = QString::fromUtf8(content);
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    if (text.trimmed().isEmpty())
        return fileError(path, 0, QStringLiteral("empty file"));

    Table table;
    QStringList fields;
    QString field;
    bool quoted = false;
    bool fieldWasQuoted = false;
    int line = 1;
    int rowLine = 1;
    int quoteLine = 1;
    auto endRow = [&]() -> Result<void> {
        fields << field;
        field.clear();
        const bool blank = fields.size() == 1 && fields.first().isEmpty() && !fieldWasQuoted;
        if (!blank) {
            if (table.header.isEmpty())
                table.header = fields;
            else if (fields.size() != table.header.size())
                return fileError(path, rowLine, QStringLiteral("row has %1 fields, the header has %2").arg(fields.size()).arg(table.header.size()));
            else
                table.rows << fields;
        }
        fields.clear();
        fieldWasQuoted = false;
        return {};
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && field.isEmpty()) {
            quoted = fieldWasQuoted = true;
            quoteLine = line;
        } else if (c == QLatin1Char(',')) {
            fields << field;
            field.clear();
        } else if (c == QLatin1Char('\n')) {
            if (Result<void> ended = endRow(); !ended)
                return std::unexpected(ended.error());
            rowLine = ++line;
        } else if (c != QLatin1Char('\r')) {
            field += c;
        }
    }
    if (quoted)
        return fileError(path, quoteLine, QStringLiteral("a quoted field is never closed"));
    if (!field.isEmpty() || !fields.isEmpty()) {
        if (Result<void> ended = endRow(); !ended)
            return std::unexpected(ended.error());
    }
    FileExtraction result;
    result.format = QStringLiteral("csv");
    addRecords(table, result);
    if (table.rows.isEmpty())
        result.notes << QStringLiteral("a header without rows");
    return result;
}

// ---- Markdown tables (GitHub flavour: short rows are padded, long rows cut) -----------------------

Result<FileExtraction> markdownTables(const QByteArray &content, const QString &path)
{
    static const QRegularExpression kDelimiter(QStringLiteral("^\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*$"));
    static const QRegularExpression kHeading(QStringLiteral("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$"));
    auto cells = [](QString line) {
        line = line.trimmed();
        if (line.startsWith(QLatin1Char('|')))
            line.remove(0, 1);
        if (line.endsWith(QLatin1Char('|')) && !line.endsWith(QLatin1String("\\|")))
            line.chop(1);
        QStringList result = line.split(QRegularExpression(QStringLiteral("(?<!\\\\)\\|")));
        for (QString &cell : result)
            cell = cell.replace(QLatin1String("\\|"), QLatin1String("|")).trimmed();
        return result;
    };
    const QStringList lines = QString::fromUtf8(content).split(QLatin1Char('\n'));
    if (QString::fromUtf8(content).trimmed().isEmpty())
        return fileError(path, 0, QStringLiteral("empty file"));
    QList<Table> tables;
    QString heading;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (const QRegularExpressionMatch match = kHeading.match(lines.at(i)); match.hasMatch()) {
            heading = match.captured(1);
            continue;
        }
        if (!lines.at(i).contains(QLatin1Char('|')) || i + 1 >= lines.size() || !kDelimiter.match(lines.at(i + 1)).hasMatch())
            continue;
        Table table;
        table.header = cells(lines.at(i));
        table.label = heading;
        for (i += 2; i < lines.size() && lines.at(i).contains(QLatin1Char('|')) && !lines.at(i).trimmed().isEmpty(); ++i) {
            QStringList row = cells(lines.at(i));
            row.resize(table.header.size());
            table.rows << row;
        }
        --i;   // the line that ended the table may be the next heading
        tables << table;
    }
    if (tables.isEmpty())
        return fileError(path, 0, QStringLiteral("no Markdown table (a header row, then a |---| delimiter row)"));
    FileExtraction result;
    result.format = QStringLiteral("markdown");
    for (qsizetype t = 0; t < tables.size(); ++t) {
        if (tables[t].label.isEmpty() && tables.size() > 1)
            tables[t].label = QString::number(t + 1);
        addRecords(tables.at(t), result);
    }
    return result;
}

} // namespace fleetscope::formats
