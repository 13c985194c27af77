// JUnit XML (pytest --junitxml, ctest --output-junit, surefire): test case durations and suite totals.
#include "formats.h"
#include "metricdirection.h"

#include <QXmlStreamReader>

#include <cmath>

namespace fleetscope::formats {
namespace {

std::optional<double> number(const QXmlStreamAttributes &attributes, const char *name)
{
    bool ok = false;
    const double value = attributes.value(QLatin1String(name)).toDouble(&ok);
    return ok && std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

} // namespace

Result<FileExtraction> junitXml(const QByteArray &content, const QString &path)
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
            MetricRecord record;
            record.dimensions.insert(QStringLiteral("suite"), suite);
            for (const char *key : {"time", "tests", "failures", "errors", "skipped"}) {
                if (const std::optional<double> value = number(attributes, key))
                    record.metrics << makeMetric(QString::fromLatin1(key), *value, qstrcmp(key, "time") == 0 ? QStringLiteral("s") : QString());
            }
            if (!record.metrics.isEmpty())
                result.records << record;
        } else if (xml.name() == QLatin1String("testcase")) {
            sawTestElement = true;
            const std::optional<double> time = number(attributes, "time");
            if (!time)
                continue;
            MetricRecord record;
            record.dimensions.insert(QStringLiteral("suite"), suite);
            record.dimensions.insert(QStringLiteral("classname"), attributes.value(QLatin1String("classname")).toString());
            record.dimensions.insert(QStringLiteral("test"), attributes.value(QLatin1String("name")).toString());
            record.metrics << makeMetric(QStringLiteral("time"), *time, QStringLiteral("s"));
            result.records << record;
        }
    }
    if (xml.hasError())
        return fileError(path, int(xml.lineNumber()), QStringLiteral("not valid XML (%1)").arg(xml.errorString()));
    if (!sawTestElement)
        return fileError(path, 0, QStringLiteral("XML without <testsuite> or <testcase>: not a JUnit report"));
    return result;
}

} // namespace fleetscope::formats
