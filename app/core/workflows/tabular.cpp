// Tables as results: CSV files and Markdown tables. Numeric columns are metrics, text columns and
// numeric columns named like a parameter (batch_size, concurrency, ...) are dimensions.
#include "formats.h"
#include "metricdirection.h"

#include <QRegularExpression>

#include <algorithm>
#include <charconv>
#include <tuple>

namespace fleetscope::formats {
namespace {

// A table's cells as views of the file's text (or of OWNED, for cells that had to be unescaped):
// no string per cell.
struct Table {
    QList<QStringView> header;
    QList<QStringView> cells;   // row after row, header.size() cells each
    QString label;              // dimension "table" when set

    qsizetype rowCount() const { return header.isEmpty() ? 0 : cells.size() / header.size(); }
};

struct Number {
    double value = 0;
    QStringView text;   // the number's own characters
    QStringView unit;
};

bool isMissing(QStringView cell)
{
    static const QStringList kMissing{QString(), QStringLiteral("-"), QStringLiteral("—"), QStringLiteral("n/a"),
                                      QStringLiteral("na"), QStringLiteral("null"), QStringLiteral("none")};
    return cell.size() <= 4 && std::any_of(kMissing.cbegin(), kMissing.cend(), [&cell](const QString &missing) {
               return cell.compare(missing, Qt::CaseInsensitive) == 0;
           });
}

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool isAsciiLetter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

bool isUnitChar(QChar c)
{
    return isAsciiLetter(c) || c == QLatin1Char('%') || c == QChar(0x00b5) || c == QChar(0x03bc);   // µ (micro sign), μ (mu)
}

// "12.5", "12.5 ms", "85%", "1e3 tok/s": a number with an optional unit after it, read by hand
// (every cell of every table passes here). Grammar: [-+]? (digits [. digits*] | . digits) [e [-+] digits]
// whitespace* [unit-chars+ [/ ASCII letters+]].
std::optional<Number> parseNumber(QStringView cell)
{
    const qsizetype n = cell.size();
    qsizetype i = 0;
    auto digitsFrom = [&](qsizetype at) {
        qsizetype end = at;
        while (end < n && isAsciiDigit(cell.at(end)))
            ++end;
        return end;
    };
    if (i < n && (cell.at(i) == QLatin1Char('-') || cell.at(i) == QLatin1Char('+')))
        ++i;
    const qsizetype integerEnd = digitsFrom(i);
    bool hasDigits = integerEnd > i;
    i = integerEnd;
    if (i < n && cell.at(i) == QLatin1Char('.')) {
        const qsizetype fractionEnd = digitsFrom(i + 1);
        hasDigits = hasDigits || fractionEnd > i + 1;
        i = fractionEnd;
    }
    if (!hasDigits)
        return std::nullopt;
    if (i < n && (cell.at(i) == QLatin1Char('e') || cell.at(i) == QLatin1Char('E'))) {
        qsizetype at = i + 1;
        if (at < n && (cell.at(at) == QLatin1Char('-') || cell.at(at) == QLatin1Char('+')))
            ++at;
        const qsizetype exponentEnd = digitsFrom(at);
        if (exponentEnd > at)
            i = exponentEnd;   // else the 'e' starts a unit
    }
    const qsizetype numberEnd = i;
    while (i < n && (cell.at(i) == QLatin1Char(' ') || (cell.at(i) >= QLatin1Char('\t') && cell.at(i) <= QLatin1Char('\r'))))
        ++i;
    const qsizetype unitStart = i;
    while (i < n && isUnitChar(cell.at(i)))
        ++i;
    if (i > unitStart && i < n && cell.at(i) == QLatin1Char('/')) {
        const qsizetype letters = i + 1;
        qsizetype end = letters;
        while (end < n && isAsciiLetter(cell.at(end)))
            ++end;
        if (end == letters)
            return std::nullopt;
        i = end;
    }
    if (i != n)
        return std::nullopt;
    const std::optional<double> value = decimal(cell.first(numberEnd));
    if (!value)
        return std::nullopt;
    return Number{*value, cell.first(numberEnd), cell.sliced(unitStart)};
}

// "Latency (ms)" → {"Latency", "ms"}; "throughput [tok/s]" → {"throughput", "tok/s"}.
std::pair<QString, QString> splitHeader(QStringView header)
{
    static const QRegularExpression kUnit(QStringLiteral("^(.*\\S)\\s*[\\(\\[]([^\\)\\]]+)[\\)\\]]$"));
    const QRegularExpressionMatch match = kUnit.match(header.trimmed());
    if (match.hasMatch())
        return {match.captured(1), match.captured(2).trimmed()};
    return {header.trimmed().toString(), QString()};
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
    static const QRegularExpression kSeparators(QStringLiteral("[^a-z0-9]+"));
    const QStringList parts = name.toLower().split(kSeparators, Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (kWords.contains(part))
            return true;
    }
    return false;
}

QStringView clean(QStringView cell)
{
    QStringView text = cell.trimmed();
    // Markdown emphasis and code spans around a value.
    while (text.size() >= 2 && (text.startsWith(QLatin1Char('*')) || text.startsWith(QLatin1Char('`')) || text.startsWith(QLatin1Char('_')))
           && text.back() == text.front())
        text = text.sliced(1).chopped(1).trimmed();
    return text;
}

// TABLE's rows into RESULT: records, or with ExtractionForm::StoredRows rows of source file PATH.
void addRecords(const Table &table, FileExtraction &result, ExtractionForm form, const QString &path)
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
    // Every cell cleaned and read once; the second pass below takes them from here.
    const qsizetype rows = table.rowCount();
    QList<TableCell> cells(rows * columns);
    for (qsizetype r = 0; r < rows; ++r) {
        for (qsizetype c = 0; c < columns; ++c) {
            TableCell &cell = cells[r * columns + c];
            cell.text = clean(table.cells.at(r * columns + c));
            cell.missing = isMissing(cell.text);
            if (cell.missing)
                continue;
            const std::optional<Number> number = parseNumber(cell.text);
            if (!number) {
                numeric[c] = false;
                continue;
            }
            cell.value = number->value;
            cell.number = number->text;
            if (!seen[c] && headerUnits[c].isEmpty())
                units[c] = number->unit.toString();
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
    // A numeric column's metric (name, unit, direction) is the same in every row; neutral ones named
    // like a parameter are dimensions.
    QList<TableLayout::Column> layout(columns);
    for (qsizetype c = 0; c < columns; ++c) {
        TableLayout::Column &column = layout[c];
        column.name = names[c];
        if (names[c].isEmpty())
            continue;
        if (!numeric[c]) {
            column.kind = TableLayout::Kind::Text;
            continue;
        }
        column.metric = makeMetric(names[c], 0, units[c]);
        const bool parameter = column.metric.direction == MetricDirection::Neutral && isParameterName(names[c]);
        column.kind = parameter ? TableLayout::Kind::Number : TableLayout::Kind::Metric;
    }
    const TableLayout tableLayout(table.label, layout);
    for (qsizetype r = 0; r < rows; ++r)
        addTableRow(result, form, tableLayout, cells.constData() + r * columns, path);
}

} // namespace

std::optional<double> decimal(QStringView text)
{
    text = text.trimmed();
    if (text.startsWith(QLatin1Char('+')))
        text = text.sliced(1);   // std::from_chars takes no plus sign
    if (text.isEmpty())
        return std::nullopt;
    char ascii[64];
    if (text.size() > qsizetype(sizeof ascii)) {   // more digits than a double holds: rare, read as Qt reads it
        bool ok = false;
        const double value = text.toDouble(&ok);
        return ok ? std::optional<double>(value) : std::nullopt;
    }
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c >= 0x80)
            return std::nullopt;
        ascii[i] = char(c);
    }
    double value = 0;
    const std::from_chars_result read = std::from_chars(ascii, ascii + text.size(), value);
    if (read.ec == std::errc::result_out_of_range)
        return text.toDouble();   // beyond a double's range: rare; Qt's infinity or zero, as before
    if (read.ec != std::errc() || read.ptr != ascii + text.size())
        return std::nullopt;
    return value;
}

void addTableRow(FileExtraction &result, ExtractionForm form, const TableLayout &layout, const TableCell *cells, const QString &path)
{
    if (form == ExtractionForm::StoredRows)
        result.rows.appendTableRow(layout, cells, path);
    else if (std::optional<MetricRecord> record = layout.record(cells))
        result.records << std::move(*record);
}

// ---- CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks) ------------------------

Result<FileExtraction> csv(const QByteArray &content, const QString &path, ExtractionForm form)
{
    QString text = QString::fromUtf8(content);
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    if (text.trimmed().isEmpty())
        return fileError(path, 0, QStringLiteral("empty file"));

    // A field is a view of TEXT while it is one run of characters; one in pieces (quotes doubled,
    // text after a closing quote) is joined into OWNED, whose strings outlive the table.
    QStringList owned;
    Table table;
    QList<QStringView> fields;
    QStringView fieldView;
    QString joined;
    int pieces = 0;
    const auto addPiece = [&](QStringView piece) {
        if (piece.isEmpty())
            return;
        if (pieces == 1)
            joined = fieldView.toString();
        if (pieces == 0)
            fieldView = piece;
        else
            joined += piece;
        ++pieces;
    };
    const auto takeField = [&]() {
        if (pieces > 1) {
            owned << std::exchange(joined, QString());
            fields << QStringView(owned.constLast());
        } else {
            fields << (pieces == 1 ? fieldView : QStringView());
        }
        fieldView = QStringView();
        pieces = 0;
    };
    bool quoted = false;
    bool fieldWasQuoted = false;
    int line = 1;
    int rowLine = 1;
    int quoteLine = 1;
    auto endRow = [&]() -> Result<void> {
        takeField();
        const bool blank = fields.size() == 1 && fields.first().isEmpty() && !fieldWasQuoted;
        if (!blank) {
            if (table.header.isEmpty())
                table.header = fields;
            else if (fields.size() != table.header.size())
                return fileError(path, rowLine, QStringLiteral("row has %1 fields, the header has %2").arg(fields.size()).arg(table.header.size()));
            else
                table.cells += fields;
        }
        fields.clear();
        fieldWasQuoted = false;
        return {};
    };
    // Runs of ordinary characters are taken at once; only quotes, commas and line ends are looked at.
    const auto isSpecial = [](QChar c) {
        return c == QLatin1Char('"') || c == QLatin1Char(',') || c == QLatin1Char('\n') || c == QLatin1Char('\r');
    };
    const QStringView view(text);
    qsizetype i = 0;
    while (i < view.size()) {
        if (quoted) {
            qsizetype end = view.indexOf(QLatin1Char('"'), i);
            if (end < 0)
                end = view.size();
            const QStringView chunk = view.sliced(i, end - i);
            line += int(chunk.count(QLatin1Char('\n')));
            addPiece(chunk);
            if (end + 1 < view.size() && view.at(end + 1) == QLatin1Char('"')) {
                addPiece(view.sliced(end, 1));
                i = end + 2;
            } else {
                quoted = end == view.size();   // still open at the end: an error below
                i = end + 1;
            }
            continue;
        }
        qsizetype end = i;
        while (end < view.size() && !isSpecial(view.at(end)))
            ++end;
        if (end > i) {
            addPiece(view.sliced(i, end - i));
            i = end;
            continue;
        }
        const QChar c = view.at(i++);
        if (c == QLatin1Char('"') && pieces == 0) {
            quoted = fieldWasQuoted = true;
            quoteLine = line;
        } else if (c == QLatin1Char(',')) {
            takeField();
        } else if (c == QLatin1Char('\n')) {
            if (Result<void> ended = endRow(); !ended)
                return std::unexpected(ended.error());
            rowLine = ++line;
        } else if (c != QLatin1Char('\r')) {
            addPiece(view.sliced(i - 1, 1));
        }
    }
    if (quoted)
        return fileError(path, quoteLine, QStringLiteral("a quoted field is never closed"));
    if (pieces > 0 || !fields.isEmpty()) {
        if (Result<void> ended = endRow(); !ended)
            return std::unexpected(ended.error());
    }
    FileExtraction result;
    result.format = QStringLiteral("csv");
    addRecords(table, result, form, path);
    if (table.cells.isEmpty())
        result.notes << QStringLiteral("a header without rows");
    return result;
}

// ---- Markdown tables (GitHub flavour: short rows are padded, long rows cut) -----------------------

Result<FileExtraction> markdownTables(const QByteArray &content, const QString &path, ExtractionForm form)
{
    static const QRegularExpression kDelimiter(QStringLiteral("^\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)*\\|?\\s*$"));
    static const QRegularExpression kHeading(QStringLiteral("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$"));
    const QString text = QString::fromUtf8(content);
    if (text.trimmed().isEmpty())
        return fileError(path, 0, QStringLiteral("empty file"));
    QStringList owned;   // cells with an escaped '|', unescaped
    // A row's cells, split at every '|' that is not escaped as "\\|"; by hand, as this runs for every row.
    const auto cellsOf = [&owned](QStringView line, QList<QStringView> &cells) {
        line = line.trimmed();
        if (line.startsWith(QLatin1Char('|')))
            line = line.sliced(1);
        if (line.endsWith(QLatin1Char('|')) && !line.endsWith(QLatin1String("\\|")))
            line.chop(1);
        qsizetype start = 0;
        bool escaped = false;
        for (qsizetype i = 0; i <= line.size(); ++i) {
            if (i < line.size() && line.at(i) != QLatin1Char('|'))
                continue;
            if (i < line.size() && i > 0 && line.at(i - 1) == QLatin1Char('\\')) {
                escaped = true;
                continue;
            }
            const QStringView cell = line.sliced(start, i - start);
            if (escaped) {
                owned << cell.toString().replace(QLatin1String("\\|"), QLatin1String("|")).trimmed();
                cells << QStringView(owned.constLast());
            } else {
                cells << cell.trimmed();
            }
            escaped = false;
            start = i + 1;
        }
    };
    const auto isHeading = [](QStringView line) { return line.trimmed().startsWith(QLatin1Char('#')); };
    const QList<QStringView> lines = QStringView(text).split(QLatin1Char('\n'));
    QList<Table> tables;
    QString heading;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (isHeading(lines.at(i))) {
            if (const QRegularExpressionMatch match = kHeading.match(lines.at(i)); match.hasMatch()) {
                heading = match.captured(1);
                continue;
            }
        }
        if (!lines.at(i).contains(QLatin1Char('|')) || i + 1 >= lines.size() || !kDelimiter.match(lines.at(i + 1)).hasMatch())
            continue;
        Table table;
        cellsOf(lines.at(i), table.header);
        table.label = heading;
        QList<QStringView> row;
        for (i += 2; i < lines.size() && lines.at(i).contains(QLatin1Char('|')) && !lines.at(i).trimmed().isEmpty(); ++i) {
            row.clear();
            cellsOf(lines.at(i), row);
            row.resize(table.header.size());   // short rows padded, long rows cut
            table.cells += row;
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
        addRecords(tables.at(t), result, form, path);
    }
    return result;
}

} // namespace fleetscope::formats
