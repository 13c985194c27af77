// The heuristic schema proposer: leaves of the sample's JSON classified by type and name.
#include "schemaproposal.h"

#include "formats.h"
#include "lenientjson.h"
#include "metricdirection.h"

#include <QFileInfo>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <cmath>
#include <functional>
#include <tuple>

namespace fleetscope {
namespace {

constexpr qsizetype kMaxFields = 200;
constexpr qsizetype kElementsLooked = 200;

// What one leaf path held across the elements looked at.
struct Leaf {
    QStringList keys;
    bool number = false;
    bool text = false;
    bool boolean = false;
    bool fractional = false;
    bool timestamp = false;
};

bool looksLikeTimestamp(const QString &text)
{
    static const QRegularExpression iso(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2})?|\\d{8}[-T]\\d{6})"));
    return iso.match(text).hasMatch();
}

// Whole-number settings of a benchmark (batch size, threads, lengths) group results; they are not results.
bool isParameterName(const QString &name)
{
    static const QSet<QString> kWords{QStringLiteral("batch"), QStringLiteral("bs"), QStringLiteral("size"), QStringLiteral("threads"),
                                      QStringLiteral("thread"), QStringLiteral("concurrency"), QStringLiteral("workers"),
                                      QStringLiteral("gpus"), QStringLiteral("nodes"), QStringLiteral("tp"), QStringLiteral("pp"),
                                      QStringLiteral("dp"), QStringLiteral("seq"), QStringLiteral("len"), QStringLiteral("length"),
                                      QStringLiteral("rank"), QStringLiteral("world"), QStringLiteral("seed"), QStringLiteral("id"),
                                      QStringLiteral("version"), QStringLiteral("dim"), QStringLiteral("shape")};
    const QStringList parts = name.toLower().split(QRegularExpression(QStringLiteral("[^a-z0-9]+")), Qt::SkipEmptyParts);
    return std::any_of(parts.cbegin(), parts.cend(), [](const QString &part) { return kWords.contains(part); });
}

// Collects the leaves below VALUE (objects only; arrays are counted in SKIPPEDARRAYS, except SKIP).
void collectLeaves(const QJsonValue &value, const QStringList &keys, QMap<QStringList, Leaf> &leaves, qsizetype &skippedArrays,
                   const QStringList &skip = {})
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QStringList child = keys + QStringList{it.key()};
            if (child != skip)
                collectLeaves(it.value(), child, leaves, skippedArrays, skip);
        }
        return;
    }
    if (value.isArray()) {
        ++skippedArrays;
        return;
    }
    if (value.isNull() || value.isUndefined() || keys.isEmpty())
        return;
    Leaf &leaf = leaves[keys];
    leaf.keys = keys;
    if (value.isDouble()) {
        leaf.number = true;
        leaf.fractional = leaf.fractional || std::floor(value.toDouble()) != value.toDouble();
    } else if (value.isBool()) {
        leaf.boolean = true;
    } else {
        leaf.text = true;
        leaf.timestamp = leaf.timestamp || looksLikeTimestamp(value.toString());
    }
}

// The key path of the array of objects that most likely holds the records; nullopt: none. Preferred:
// a name that says so ("results", "benchmarks"), then the shallowest, then the longest — so that
// Google Benchmark's benchmarks win over its context.caches.
std::optional<QStringList> recordsArray(const QJsonValue &root)
{
    static const QSet<QString> kRecordWords{QStringLiteral("results"), QStringLiteral("benchmarks"), QStringLiteral("runs"),
                                            QStringLiteral("records"), QStringLiteral("rows"), QStringLiteral("data"),
                                            QStringLiteral("items"), QStringLiteral("tests"), QStringLiteral("cases"),
                                            QStringLiteral("entries"), QStringLiteral("measurements")};
    std::optional<QStringList> best;
    std::tuple<bool, qsizetype, qsizetype> bestRank{true, 0, 0};   // (not named, depth, -size): smaller is better
    std::function<void(const QJsonValue &, const QStringList &)> walk = [&](const QJsonValue &value, const QStringList &keys) {
        if (value.isArray()) {
            const QJsonArray array = value.toArray();
            if (array.isEmpty() || !std::all_of(array.begin(), array.end(), [](const QJsonValue &v) { return v.isObject(); }))
                return;
            const std::tuple<bool, qsizetype, qsizetype> rank{keys.isEmpty() || !kRecordWords.contains(keys.last().toLower()), keys.size(), -array.size()};
            if (!best || rank < bestRank) {
                best = keys;
                bestRank = rank;
            }
            return;
        }
        if (value.isObject()) {
            const QJsonObject object = value.toObject();
            for (auto it = object.constBegin(); it != object.constEnd(); ++it)
                walk(it.value(), keys + QStringList{it.key()});
        }
    };
    walk(root, {});
    return best;
}

SchemaField fieldFor(const Leaf &leaf, const QStringList &pathKeys)
{
    SchemaField field;
    field.name = leaf.keys.join(QLatin1Char('.'));
    field.path = jsonPathOf(pathKeys);
    field.role = SchemaFieldRole::Dimension;
    if (!leaf.number || leaf.text || leaf.boolean)
        return field;
    const QString unit = unitFromName(field.name);
    const MetricDirection direction = inferDirection(field.name, unit);
    if (!leaf.fractional && unit.isEmpty() && direction == MetricDirection::Neutral && isParameterName(field.name))
        return field;
    field.role = SchemaFieldRole::Metric;
    field.unit = unit;
    field.direction = direction;
    return field;
}

} // namespace

Result<QJsonDocument> parseSample(const ResultFile &sample)
{
    const QString extension = QFileInfo(sample.path).suffix().toLower();
    if (extension == QLatin1String("csv") || extension == QLatin1String("md") || extension == QLatin1String("markdown") || extension == QLatin1String("xml"))
        return formats::fileError(sample.path, 0, QStringLiteral("schemas are proposed for JSON files; .%1 files are read by the built-in recognizers").arg(extension));
    if (sample.content.trimmed().isEmpty())
        return formats::fileError(sample.path, 0, QStringLiteral("empty file"));
    return parseLenientJson(sample.content, sample.path);
}

Result<SchemaProposal> proposeSchemaHeuristically(const ResultFile &sample)
{
    Result<QJsonDocument> document = parseSample(sample);
    if (!document)
        return std::unexpected(document.error());
    const QJsonValue root = document->isArray() ? QJsonValue(document->array()) : QJsonValue(document->object());
    SchemaProposal proposal;
    proposal.schema.name = QStringLiteral("proposed from %1").arg(QFileInfo(sample.path).fileName());
    proposal.schema.source = QStringLiteral("heuristic");

    const std::optional<QStringList> records = recordsArray(root);
    qsizetype skippedArrays = 0;
    QList<SchemaField> fields;
    QStringList timestamps;
    QSet<QString> names;
    qsizetype leftOutNumbers = 0;
    auto add = [&](const Leaf &leaf, const QStringList &pathKeys, bool inRecord) {
        if (leaf.timestamp) {
            timestamps << leaf.keys.join(QLatin1Char('.'));
            return;
        }
        SchemaField field = fieldFor(leaf, pathKeys);
        // Outside the records, only what describes all of them: text, flags, parameters.
        if (records && !inRecord && field.role == SchemaFieldRole::Metric) {
            ++leftOutNumbers;
            return;
        }
        if (names.contains(roleName(field.role) + field.name))
            return;
        names.insert(roleName(field.role) + field.name);
        fields << field;
    };

    if (records) {
        QJsonValue array = root;
        for (const QString &key : *records)
            array = array.toObject().value(key);
        QMap<QStringList, Leaf> leaves;
        const QJsonArray items = array.toArray();
        for (qsizetype i = 0; i < std::min(items.size(), kElementsLooked); ++i)
            collectLeaves(items.at(i), {}, leaves, skippedArrays);
        for (const Leaf &leaf : std::as_const(leaves))
            add(leaf, *records + QStringList{QStringLiteral("[*]")} + leaf.keys, true);
        QMap<QStringList, Leaf> context;
        qsizetype contextArrays = 0;
        collectLeaves(root, {}, context, contextArrays, *records);
        for (const Leaf &leaf : std::as_const(context))
            add(leaf, leaf.keys, false);
        if (leftOutNumbers > 0)
            proposal.notes << QStringLiteral("%1 numbers outside the %2 records left out (add them as fields to repeat them on every record)")
                                  .arg(leftOutNumbers).arg(jsonPathOf(*records) + QStringLiteral("[*]"));
    } else {
        QMap<QStringList, Leaf> leaves;
        collectLeaves(root, {}, leaves, skippedArrays);
        for (const Leaf &leaf : std::as_const(leaves))
            add(leaf, leaf.keys, true);
    }
    if (skippedArrays)
        proposal.notes << QStringLiteral("%1 arrays of plain values or nested arrays left out").arg(skippedArrays);
    if (!timestamps.isEmpty())
        proposal.notes << QStringLiteral("timestamps left out: %1").arg(timestamps.mid(0, 5).join(QStringLiteral(", ")));
    if (fields.size() > kMaxFields) {
        proposal.notes << QStringLiteral("%1 fields beyond the first %2 left out").arg(fields.size() - kMaxFields).arg(kMaxFields);
        fields.resize(kMaxFields);
    }
    // Dimensions first, then metrics, each in the file's order of keys (sorted within objects).
    std::stable_sort(fields.begin(), fields.end(), [](const SchemaField &a, const SchemaField &b) { return a.role < b.role; });
    if (std::none_of(fields.cbegin(), fields.cend(), [](const SchemaField &f) { return f.role == SchemaFieldRole::Metric; }))
        return formats::fileError(sample.path, 0, QStringLiteral("no numbers to propose as metrics"));
    proposal.schema.fields = fields;
    return proposal;
}

} // namespace fleetscope
