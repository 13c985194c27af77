// JUnit XML (pytest --junitxml, ctest --output-junit, surefire): test case durations and suite totals.
#include "formats.h"
#include "metricdirection.h"

#include <QXmlStreamReader>

#include <cmath>
#include <iterator>

namespace fleetscope::formats {
namespace {

constexpr const char *kSuiteTotals[] = {"time", "tests", "failures", "errors", "skipped"};

std::optional<double> number(const QXmlStreamAttributes &attributes, const char *name)
{
    const std::optional<double> value = decimal(attributes.value(QLatin1String(name)));
    return value && std::isfinite(*value) ? value : std::nullopt;
}

// A suite's totals and a test case's duration, as rows of two tables.
const TableLayout &suiteLayout()
{
    static const TableLayout layout(QString(), [] {
        QList<TableLayout::Column> columns{{QStringLiteral("suite"), TableLayout::Kind::Text, {}}};
        for (const char *key : kSuiteTotals) {
            const QString name = QString::fromLatin1(key);
            columns << TableLayout::Column{name, TableLayout::Kind::Metric, makeMetric(name, 0, qstrcmp(key, "time") == 0 ? QStringLiteral("s") : QString())};
        }
        return columns;
    }());
    return layout;
}

const TableLayout &caseLayout()
{
    static const TableLayout layout(QString(), {{QStringLiteral("suite"), TableLayout::Kind::Text, {}},
                                                {QStringLiteral("classname"), TableLayout::Kind::Text, {}},
                                                {QStringLiteral("test"), TableLayout::Kind::Text, {}},
                                                {QStringLiteral("time"), TableLayout::Kind::Metric, makeMetric(QStringLiteral("time"), 0, QStringLiteral("s"))}});
    return layout;
}

} // namespace

Result<FileExtraction> junitXml(const QByteArray &content, const QString &path, ExtractionForm form)
{
    FileExtraction result;
    result.format = QStringLiteral("junit");
    QXmlStreamReader xml(content);
    QString suite;
    bool sawTestElement = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QXmlStreamAttributes attributes = xml.attributes();
        if (xml.name() == QLatin1String("testsuite")) {
            sawTestElement = true;
            suite = attributes.value(QLatin1String("name")).toString();
            TableCell cells[1 + std::size(kSuiteTotals)] = {{suite, 0, false, {}}};
            for (std::size_t i = 0; i < std::size(kSuiteTotals); ++i) {
                if (const std::optional<double> value = number(attributes, kSuiteTotals[i]))
                    cells[1 + i] = TableCell{{}, *value, false, {}};
            }
            addTableRow(result, form, suiteLayout(), cells, path);
        } else if (xml.name() == QLatin1String("testcase")) {
            sawTestElement = true;
            const std::optional<double> time = number(attributes, "time");
            if (!time)
                continue;
            const TableCell cells[] = {{suite, 0, false, {}},
                                       {attributes.value(QLatin1String("classname")), 0, false, {}},
                                       {attributes.value(QLatin1String("name")), 0, false, {}},
                                       {{}, *time, false, attributes.value(QLatin1String("time"))}};
            addTableRow(result, form, caseLayout(), cells, path);
        }
    }
    if (xml.hasError())
        return fileError(path, int(xml.lineNumber()), QStringLiteral("not valid XML (%1)").arg(xml.errorString()));
    if (!sawTestElement)
        return fileError(path, 0, QStringLiteral("XML without <testsuite> or <testcase>: not a JUnit report"));
    return result;
}

} // namespace fleetscope::formats
