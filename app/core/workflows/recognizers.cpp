// Choosing a recognizer: by extension first, then by the shape of the JSON.
#include "recognizers.h"

#include "formats.h"
#include "lenientjson.h"

#include <QFileInfo>

namespace fleetscope {

namespace formats {

std::unexpected<Error> fileError(const QString &path, int line, const QString &message)
{
    return fail(ErrorClass::BadData, line > 0 ? QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(message)
                                              : QStringLiteral("%1: %2").arg(path, message));
}

} // namespace formats

namespace {

QString extensionOf(const QString &path)
{
    return QFileInfo(path).suffix().toLower();
}

Result<FileExtraction> extractJson(const ResultFile &file)
{
    if (file.content.trimmed().isEmpty())
        return formats::fileError(file.path, 0, QStringLiteral("empty file"));
    Result<QJsonDocument> document = parseLenientJson(file.content, file.path);
    if (!document)
        return std::unexpected(document.error());
    if (document->isObject()) {
        const QJsonObject root = document->object();
        if (formats::looksLikePytestBenchmark(root))
            return formats::pytestBenchmark(root);
        if (formats::looksLikeGoogleBenchmark(root))
            return formats::googleBenchmark(root);
        if (formats::looksLikeHyperfine(root))
            return formats::hyperfine(root);
        if (formats::looksLikeVllmBench(root))
            return formats::vllmBench(root);
    }
    return formats::genericJson(*document);
}

} // namespace

bool hasRecognizedExtension(const QString &path)
{
    static const QStringList kExtensions{QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("md"),
                                         QStringLiteral("markdown"), QStringLiteral("xml")};
    return kExtensions.contains(extensionOf(path));
}

Result<FileExtraction> extractMetrics(const ResultFile &file, ExtractionForm form)
{
    const QString extension = extensionOf(file.path);
    Result<FileExtraction> result = fail(ErrorClass::BadData, QStringLiteral("%1: not a recognized result file (want .json, .csv, .md or .xml)").arg(file.path));
    if (extension == QLatin1String("json"))
        result = extractJson(file);
    else if (extension == QLatin1String("csv"))
        result = formats::csv(file.content, file.path, form);
    else if (extension == QLatin1String("md") || extension == QLatin1String("markdown"))
        result = formats::markdownTables(file.content, file.path, form);
    else if (extension == QLatin1String("xml"))
        result = file.content.trimmed().isEmpty() ? formats::fileError(file.path, 0, QStringLiteral("empty file"))
                                                  : formats::junitXml(file.content, file.path, form);
    if (result) {
        for (MetricRecord &record : result->records)
            record.sourceFile = file.path;
    }
    return result;
}

} // namespace fleetscope
