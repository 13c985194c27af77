// Schema proposals for unknown result files: the heuristic on real fixtures and an unknown shape,
// extraction with a confirmed schema, validation, and the AI path against a loopback server that
// answers in the OpenAI chat-completions wire format (good, malformed, hallucinated, 401).
#include "http/localhttp.h"
#include "fixtures.h"
#include "simulator/loopbackserver.h"
#include "workflows/aischema.h"
#include "workflows/runimport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace fleetscope;

namespace {

// A result file in a shape no recognizer knows: per-run records, file-level context, a key with a dot.
const char *kUnknownShape = R"({
  "suite": "llm-serving", "gpu": "H100", "started": "2026-11-20T10:00:00Z", "total_time_s": 42.5,
  "runs": [
    {"model": "llama-8b", "batch_size": 8, "ok": true, "tokens_per_s": 1500.5,
     "latency": {"p50_ms": 12.5, "p99.9": 30.25}, "samples": [1, 2, 3]},
    {"model": "llama-70b", "batch_size": 16, "ok": false, "tokens_per_s": 410.0,
     "latency": {"p50_ms": 48.0, "p99.9": 95.5}, "samples": [4, 5]}
  ]
})";

ResultFile unknownShape()
{
    return ResultFile{QStringLiteral("results/serving.json"), QByteArray(kUnknownShape)};
}

const SchemaField *field(const MetricSchema &schema, const QString &name)
{
    for (const SchemaField &f : schema.fields) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

QByteArray chatCompletion(const QString &content)
{
    const QJsonObject reply{
        {QStringLiteral("id"), QStringLiteral("chatcmpl-9abc")},
        {QStringLiteral("object"), QStringLiteral("chat.completion")},
        {QStringLiteral("created"), 1763640000},
        {QStringLiteral("model"), QStringLiteral("gpt-4o-mini-2024-07-18")},
        {QStringLiteral("choices"), QJsonArray{QJsonObject{
                                        {QStringLiteral("index"), 0},
                                        {QStringLiteral("message"), QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                                                                {QStringLiteral("content"), content},
                                                                                {QStringLiteral("refusal"), QJsonValue()}}},
                                        {QStringLiteral("logprobs"), QJsonValue()},
                                        {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}},
        {QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), 412}, {QStringLiteral("completion_tokens"), 96},
                                              {QStringLiteral("total_tokens"), 508}}},
    };
    return QJsonDocument(reply).toJson(QJsonDocument::Compact);
}

const char *kAiSchema =
    "{\"name\": \"serving runs\", \"fields\": ["
    "{\"role\": \"dimension\", \"name\": \"model\", \"path\": \"$.runs[*].model\"},"
    "{\"role\": \"dimension\", \"name\": \"gpu\", \"path\": \"$.gpu\"},"
    "{\"role\": \"metric\", \"name\": \"throughput\", \"path\": \"$.runs[*].tokens_per_s\", \"unit\": \"tok/s\", \"direction\": \"higher\"},"
    "{\"role\": \"metric\", \"name\": \"p999\", \"path\": \"$.runs[*].latency[\\\"p99.9\\\"]\", \"unit\": \"ms\", \"direction\": \"lower\"}]}";

} // namespace

class TestWorkflowSchema : public QObject
{
    Q_OBJECT

private:
    LoopbackRequest m_lastRequest;
    LoopbackResponse m_answer;
    LoopbackServer m_server{[this](const LoopbackRequest &request) {
        m_lastRequest = request;
        return m_answer;
    }};

    Result<SchemaProposal> askAi(const ResultFile &sample, const Secret &key = Secret::fromUtf8("sk-test-0123456789"))
    {
        const AiEndpoint endpoint{QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server.port())), QStringLiteral("gpt-4o-mini")};
        return runWithLocalHttp<SchemaProposal>([&](HttpClient &http, QObject *context, std::function<void(Result<SchemaProposal>)> done) {
            proposeSchemaWithAi(http, endpoint, key, sample, context, std::move(done));
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
    }

    void heuristicReadsAnUnknownShape()
    {
        Result<SchemaProposal> proposal = proposeSchemaHeuristically(unknownShape());
        QVERIFY2(proposal, qPrintable(proposal ? QString() : proposal.error().message));
        const MetricSchema &schema = proposal->schema;
        QCOMPARE(schema.source, QStringLiteral("heuristic"));
        QCOMPARE(schema.fields.size(), 8);
        QCOMPARE(field(schema, QStringLiteral("model"))->path, QStringLiteral("$.runs[*].model"));
        QCOMPARE(field(schema, QStringLiteral("model"))->role, SchemaFieldRole::Dimension);
        QCOMPARE(field(schema, QStringLiteral("batch_size"))->role, SchemaFieldRole::Dimension);   // a whole-number parameter
        QCOMPARE(field(schema, QStringLiteral("ok"))->role, SchemaFieldRole::Dimension);
        QCOMPARE(field(schema, QStringLiteral("suite"))->path, QStringLiteral("$.suite"));         // file-level context
        QCOMPARE(field(schema, QStringLiteral("gpu"))->role, SchemaFieldRole::Dimension);
        const SchemaField *rate = field(schema, QStringLiteral("tokens_per_s"));
        QCOMPARE(rate->role, SchemaFieldRole::Metric);
        QCOMPARE(rate->unit, QStringLiteral("tok/s"));
        QCOMPARE(rate->direction, MetricDirection::HigherIsBetter);
        const SchemaField *p50 = field(schema, QStringLiteral("latency.p50_ms"));
        QCOMPARE(p50->unit, QStringLiteral("ms"));
        QCOMPARE(p50->direction, MetricDirection::LowerIsBetter);
        QCOMPARE(field(schema, QStringLiteral("latency.p99.9"))->path, QStringLiteral("$.runs[*].latency[\"p99.9\"]"));
        QVERIFY(!field(schema, QStringLiteral("started")));        // a timestamp
        QVERIFY(!field(schema, QStringLiteral("total_time_s")));   // a number outside the records
        const QString notes = proposal->notes.join(QLatin1Char('\n'));
        QVERIFY2(notes.contains(QLatin1String("1 numbers outside the $.runs[*] records left out")), qPrintable(notes));
        QVERIFY2(notes.contains(QLatin1String("timestamps left out: started")), qPrintable(notes));
        QVERIFY2(notes.contains(QLatin1String("2 arrays")), qPrintable(notes));
    }

    void heuristicOnRealFixtures_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("dimension");
        QTest::addColumn<int>("direction");
        QTest::addColumn<int>("records");
        QTest::newRow("vllm flat object") << "bench/vllm-bench-sweep-run0.json" << "mean_ttft_ms" << "$.mean_ttft_ms" << "model_id"
                                          << int(MetricDirection::LowerIsBetter) << 1;
        QTest::newRow("hyperfine results") << "bench/hyperfine-two.json" << "mean" << "$.results[*].mean" << "command"
                                           << int(MetricDirection::Neutral) << 2;
        QTest::newRow("pytest-benchmark") << "bench/pytest-benchmark-output.json" << "stats.ops" << "$.benchmarks[*].stats.ops" << "name"
                                          << int(MetricDirection::HigherIsBetter) << 2;
        QTest::newRow("google benchmark") << "bench/gbench-googlecpp_output.json" << "real_time" << "$.benchmarks[*].real_time" << "name"
                                          << int(MetricDirection::LowerIsBetter) << -1;
    }

    void heuristicOnRealFixtures()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, metric);
        QFETCH(QString, path);
        QFETCH(QString, dimension);
        QFETCH(int, direction);
        QFETCH(int, records);
        const ResultFile sample{fixture, test::fixtureBytes(fixture)};
        Result<SchemaProposal> proposal = proposeSchemaHeuristically(sample);
        QVERIFY2(proposal, qPrintable(proposal ? QString() : proposal.error().message));
        const SchemaField *m = field(proposal->schema, metric);
        QVERIFY2(m, qPrintable(metric));
        QCOMPARE(m->role, SchemaFieldRole::Metric);
        QCOMPARE(m->path, path);
        QCOMPARE(int(m->direction), direction);
        QVERIFY(field(proposal->schema, dimension));
        QCOMPARE(field(proposal->schema, dimension)->role, SchemaFieldRole::Dimension);

        // Every proposal is valid against its own sample and extracts rows from it.
        Result<QJsonDocument> document = parseSample(sample);
        QVERIFY(document);
        QVERIFY(validateSchemaAgainst(proposal->schema.fields, *document, fixture));
        MetricSchema confirmed = proposal->schema;
        confirmed.version = 2;
        Result<FileExtraction> extraction = extractWithSchema(confirmed, sample);
        QVERIFY(extraction);
        QCOMPARE(extraction->format, QStringLiteral("schema v2"));
        if (records >= 0)
            QCOMPARE(extraction->records.size(), records);
        QVERIFY(!extraction->records.isEmpty());
        QCOMPARE(extraction->records.first().sourceFile, fixture);
    }

    void proposalsRefuseWhatTheyCannotRead_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("csv") << "r.csv" << QByteArray("a,b\n1,2\n") << "r.csv: schemas are proposed for JSON files; .csv files are read by the built-in recognizers";
        QTest::newRow("malformed") << "r.json" << QByteArray("{\"a\": [1, 2}") << "r.json:1:";
        QTest::newRow("empty") << "r.json" << QByteArray("  \n") << "r.json: empty file";
        QTest::newRow("no numbers") << "r.json" << QByteArray("{\"a\": \"x\"}") << "r.json: no numbers to propose as metrics";
    }

    void proposalsRefuseWhatTheyCannotRead()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        Result<SchemaProposal> proposal = proposeSchemaHeuristically(ResultFile{path, content});
        QVERIFY(!proposal);
        QVERIFY2(proposal.error().message.startsWith(message), qPrintable(proposal.error().message));
    }

    void extractionAppliesPathsAndContext()
    {
        Result<MetricSchema> schema = schemaFromJson(QJsonDocument::fromJson(kAiSchema).object(), QStringLiteral("s.json"));
        QVERIFY2(schema, qPrintable(schema ? QString() : schema.error().message));
        schema->version = 3;
        Result<FileExtraction> extraction = extractWithSchema(*schema, unknownShape());
        QVERIFY(extraction);
        QCOMPARE(extraction->records.size(), 2);
        const MetricRecord &second = extraction->records.at(1);
        QCOMPARE(second.dimensions, (QJsonObject{{QStringLiteral("model"), QStringLiteral("llama-70b")}, {QStringLiteral("gpu"), QStringLiteral("H100")}}));
        QCOMPARE(second.metrics.size(), 2);
        QCOMPARE(second.metrics.at(0).name, QStringLiteral("throughput"));
        QCOMPARE(second.metrics.at(0).value, 410.0);
        QCOMPARE(second.metrics.at(1).value, 95.5);
        QCOMPARE(second.metrics.at(1).unit, QStringLiteral("ms"));
        QCOMPARE(second.metrics.at(1).direction, MetricDirection::LowerIsBetter);

        // An import with the confirmed schema uses it for JSON no specific recognizer knows, and
        // leaves the files the built-in recognizers know (hyperfine here) to them.
        schema->id = 41;
        RunOptions options;
        options.schema = *schema;
        options.collectedAt = QDateTime::currentDateTimeUtc();
        CollectedFiles files;
        files.files << unknownShape()
                    << ResultFile{QStringLiteral("hyperfine.json"), test::fixtureBytes(QStringLiteral("bench/hyperfine-one.json"))};
        const BuiltRun built = buildRun(WorkflowConfig{}, files, options);
        QCOMPARE(built.files.size(), 2);
        QCOMPARE(built.files.at(0).format, QStringLiteral("hyperfine"));
        QCOMPARE(built.files.at(1).format, QStringLiteral("schema v3"));
        qsizetype bySchema = 0;
        for (qsizetype i = 0; i < built.write.rows.size(); ++i)
            bySchema += built.write.rows.schemaId(i) == 41 ? 1 : 0;
        QCOMPARE(bySchema, 2);
    }

    void badSchemasAreRefusedWithTheirSource_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("no fields") << QByteArray("{}") << "s.json: no \"fields\" array";
        QTest::newRow("bad role") << QByteArray(R"({"fields": [{"role": "x", "name": "a", "path": "$.a"}]})") << "s.json: field 1: \"role\" must be dimension or metric";
        QTest::newRow("no metric") << QByteArray(R"({"fields": [{"role": "dimension", "name": "a", "path": "$.a"}]})") << "s.json: no metric field";
        QTest::newRow("bad path") << QByteArray(R"({"fields": [{"role": "metric", "name": "a", "path": "a.b"}]})") << "s.json: metric 'a': path 'a.b' does not start with '$'";
        QTest::newRow("two arrays") << QByteArray(R"({"fields": [{"role": "metric", "name": "a", "path": "$.x[*].a"}, {"role": "metric", "name": "b", "path": "$.y[*].b"}]})")
                                    << "s.json: metric 'b': records come from $.x[*], not $.y[*]";
        QTest::newRow("duplicate") << QByteArray(R"({"fields": [{"role": "metric", "name": "a", "path": "$.a"}, {"role": "metric", "name": "a", "path": "$.b"}]})")
                                   << "s.json: two metrics named 'a'";
    }

    void badSchemasAreRefusedWithTheirSource()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        Result<MetricSchema> schema = schemaFromJson(QJsonDocument::fromJson(json).object(), QStringLiteral("s.json"));
        QVERIFY(!schema);
        QCOMPARE(schema.error().message, message);
    }

    void aiProposalIsParsedAndChecked()
    {
        m_answer = LoopbackResponse::withBody(200, "application/json", chatCompletion(QStringLiteral("```json\n%1\n```").arg(QString::fromUtf8(kAiSchema))));
        Result<SchemaProposal> proposal = askAi(unknownShape());
        QVERIFY2(proposal, qPrintable(proposal ? QString() : proposal.error().message));
        QCOMPARE(proposal->schema.source, QStringLiteral("ai"));
        QCOMPARE(proposal->schema.name, QStringLiteral("serving runs"));
        QCOMPARE(proposal->schema.fields.size(), 4);
        QVERIFY(proposal->notes.isEmpty());

        // The request in the wire format: POST BASE/chat/completions, the key as a bearer token, the sample in the prompt.
        QCOMPARE(m_lastRequest.method, QByteArray("POST"));
        QCOMPARE(m_lastRequest.path, QStringLiteral("/v1/chat/completions"));
        QCOMPARE(m_lastRequest.header("Authorization"), QByteArray("Bearer sk-test-0123456789"));
        const QJsonObject body = QJsonDocument::fromJson(m_lastRequest.body).object();
        QCOMPARE(body.value(QLatin1String("model")).toString(), QStringLiteral("gpt-4o-mini"));
        const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0)[QLatin1String("role")].toString(), QStringLiteral("system"));
        QVERIFY(messages.at(1)[QLatin1String("content")].toString().contains(QLatin1String("\"tokens_per_s\": 1500.5")));
    }

    void aiSampleIsTruncated()
    {
        m_answer = LoopbackResponse::withBody(200, "application/json", chatCompletion(QString::fromUtf8(kAiSchema)));
        QByteArray big(kUnknownShape);
        big.insert(big.indexOf("\"runs\""), "\"padding\": \"" + QByteArray(40000, 'x') + "\", ");
        QVERIFY(askAi(ResultFile{QStringLiteral("big.json"), big}));
        const QString prompt = QJsonDocument::fromJson(m_lastRequest.body).object().value(QLatin1String("messages")).toArray().at(1)[QLatin1String("content")].toString();
        QVERIFY(prompt.size() < kAiSampleBytes + 200);
        QVERIFY(prompt.contains(QStringLiteral("(first %1 bytes of %2)").arg(kAiSampleBytes).arg(big.size())));
    }

    void aiFailuresFallBackToTheHeuristic_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("reason");
        QTest::newRow("malformed reply") << 200 << QByteArray("{\"choices\": [{\"message\": {\"role\": \"assistant\"") << "reply is not a chat completion";
        QTest::newRow("content not json") << 200 << chatCompletion(QStringLiteral("Here is your schema: model, throughput."))
                                          << "the proposed schema is not a JSON object";
        QTest::newRow("hallucinated path") << 200
                                           << chatCompletion(QStringLiteral(R"({"fields": [{"role": "metric", "name": "ttft", "path": "$.runs[*].ttft_ms"}]})"))
                                           << "paths not in the sample: $.runs[*].ttft_ms";
        QTest::newRow("text as metric") << 200
                                        << chatCompletion(QStringLiteral(R"({"fields": [{"role": "metric", "name": "m", "path": "$.runs[*].model"}]})"))
                                        << "metric paths without a number in the sample: $.runs[*].model";
        QTest::newRow("401") << 401 << QByteArray(R"({"error": {"message": "Incorrect API key provided", "type": "invalid_request_error", "code": "invalid_api_key"}})")
                             << "401";
    }

    void aiFailuresFallBackToTheHeuristic()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, reason);
        m_answer = LoopbackResponse::withBody(status, "application/json", body);
        Result<SchemaProposal> proposal = askAi(unknownShape());
        QVERIFY2(proposal, qPrintable(proposal ? QString() : proposal.error().message));
        QCOMPARE(proposal->schema.source, QStringLiteral("heuristic"));
        QCOMPARE(proposal->schema.fields, proposeSchemaHeuristically(unknownShape())->schema.fields);
        const QString first = proposal->notes.value(0);
        QVERIFY2(first.startsWith(QStringLiteral("AI endpoint 127.0.0.1:%1").arg(m_server.port())), qPrintable(first));
        QVERIFY2(first.contains(reason), qPrintable(first));
        QVERIFY2(first.endsWith(QLatin1String("; the heuristic proposal instead")), qPrintable(first));
        QVERIFY(!proposal->notes.join(QLatin1Char(' ')).contains(QLatin1String("sk-test")));
    }

    void aiKeyNeverGoesOverPlainHttpToARemoteHost()
    {
        const AiEndpoint endpoint{QUrl(QStringLiteral("http://ai.example.com/v1")), QStringLiteral("m")};
        const HttpRequest request = aiSchemaRequest(endpoint, Secret::fromUtf8("sk-x"), unknownShape());
        QVERIFY(request.carriesCredential);   // HttpClient refuses it over plain http to anything but loopback
        QCOMPARE(aiKeyEntry(endpoint.baseUrl).key, QStringLiteral("ai/ai.example.com"));
        QVERIFY(!aiBaseUrl(QStringLiteral("ftp://x")));
        QVERIFY(!aiBaseUrl(QStringLiteral("https://user:pw@x/v1")));
    }
};

QTEST_GUILESS_MAIN(TestWorkflowSchema)
#include "test_workflowschema.moc"
