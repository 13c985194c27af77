// The workflow configuration checks the CLI and the configuration dialog share: repository forms, sizes,
// GPU counts and types, and the whole-configuration rules, each refusal one line naming its field.
#include "workflows/configcheck.h"

#include <QTest>

using namespace fleetscope;

class TestWorkflowConfigCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void repository_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("owner");   // empty: refused
        QTest::addColumn<QString>("repo");
        QTest::newRow("owner/repo") << "acme/llm" << "acme" << "llm";
        QTest::newRow("spaces") << "  AMD-AGI / Primus-SaFE " << "AMD-AGI" << "Primus-SaFE";
        QTest::newRow("https") << "https://github.com/acme/llm" << "acme" << "llm";
        QTest::newRow(".git") << "https://github.com/acme/llm.serving.git" << "acme" << "llm.serving";
        QTest::newRow("deeper path") << "https://github.com/acme/llm/tree/main/bench" << "acme" << "llm";
        QTest::newRow("no scheme") << "github.com/acme/llm" << "acme" << "llm";
        QTest::newRow("www") << "http://www.github.com/acme/llm/" << "acme" << "llm";
        QTest::newRow("one part") << "acme" << "" << "";
        QTest::newRow("three parts") << "acme/llm/x" << "" << "";
        QTest::newRow("empty repo") << "acme/" << "" << "";
        QTest::newRow("other host") << "https://gitlab.com/acme/llm" << "" << "";
        QTest::newRow("owner only url") << "https://github.com/acme" << "" << "";
        QTest::newRow("bad owner") << "ac.me/llm" << "" << "";
        QTest::newRow("managed user owner") << "octo_acme/llm" << "octo_acme" << "llm";
        QTest::newRow("bad repo") << "acme/l lm" << "" << "";
        QTest::newRow("dot dot") << "acme/.." << "" << "";
    }

    void repository()
    {
        QFETCH(QString, text);
        QFETCH(QString, owner);
        QFETCH(QString, repo);
        const Result<GitHubRepoName> parsed = parseGitHubRepo(text, QStringLiteral("--repo"));
        if (owner.isEmpty()) {
            QVERIFY(!parsed);
            QVERIFY2(parsed.error().message.startsWith(QLatin1String("--repo ")), qPrintable(parsed.error().message));
            QVERIFY(!parsed.error().message.contains(QLatin1Char('\n')));
            return;
        }
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        QCOMPARE(parsed->owner, owner);
        QCOMPARE(parsed->repo, repo);
    }

    void numbersAndGpuTypes()
    {
        QCOMPARE(*parseMaxFileMb(QStringLiteral("2.5"), QStringLiteral("--max-file-mb")), qint64(2.5 * 1024 * 1024));
        QCOMPARE(*parseMaxFileMb(QStringLiteral("1024"), QStringLiteral("--max-file-mb")), qint64(1024) * 1024 * 1024);
        for (const char *bad : {"0", "-1", "1025", "nan", "five"})
            QCOMPARE(parseMaxFileMb(QString::fromLatin1(bad), QStringLiteral("Max file size")).error().message,
                     QStringLiteral("Max file size wants a size in MB between 0 and 1024"));
        QCOMPARE(*parseCostGpuCount(QStringLiteral(" 8 "), QStringLiteral("--gpu-count")), qint64(8));
        for (const char *bad : {"0", "1025", "1.5", ""})
            QVERIFY(!parseCostGpuCount(QString::fromLatin1(bad), QStringLiteral("--gpu-count")));
        QCOMPARE(*parseCostGpuType(QStringLiteral("h100 sxm"), QStringLiteral("--cost-gpu-type")), QStringLiteral("NVIDIA H100 80GB HBM3"));
        QCOMPARE(*parseCostGpuType(QStringLiteral("Mystery 9000"), QStringLiteral("--cost-gpu-type")), QStringLiteral("Mystery 9000"));
        QCOMPARE(parseCostGpuType(QStringLiteral("  "), QStringLiteral("GPU type")).error().message, QStringLiteral("GPU type wants a GPU type such as H100"));
    }

    void wholeConfiguration_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("problem");   // empty: passes
        QTest::newRow("valid") << "" << "";
        QTest::newRow("no name") << "name" << "name is empty; give the configuration a name";
        QTest::newRow("no repo") << "repo" << "GitHub repository wants OWNER/REPO or a github.com address, got 'acme/'";
        QTest::newRow("absolute pattern") << "absolute" << "file pattern '/etc/*.json' must be relative to the run's files, not start with /";
        QTest::newRow("bad glob") << "glob" << "file pattern 'a/[z-a]' is not a glob such as bench/**/*.json";
        QTest::newRow("size") << "size" << "max file size wants a size in MB between 0 and 1024";
        QTest::newRow("half a runner set") << "runner" << "AutoscalingRunnerSet wants both its namespace and its name, or neither";
        QTest::newRow("two prices") << "cost" << "cost is priced by a connection or by a GPU type, not both";
        QTest::newRow("gpus") << "gpus" << "GPU count wants a whole number from 1 to 1024";
    }

    void wholeConfiguration()
    {
        QFETCH(QString, change);
        QFETCH(QString, problem);
        WorkflowConfig c;
        c.name = QStringLiteral("bench");
        c.githubOwner = QStringLiteral("acme");
        c.githubRepo = QStringLiteral("llm");
        c.filePatterns = {QStringLiteral("bench/**/*.json")};
        c.runnerSetNamespace = QStringLiteral("arc");
        c.runnerSetName = QStringLiteral("gpu");
        c.gpuType = QStringLiteral("NVIDIA H200");
        if (change == QLatin1String("name"))
            c.name.clear();
        else if (change == QLatin1String("repo"))
            c.githubRepo.clear();
        else if (change == QLatin1String("absolute"))
            c.filePatterns << QStringLiteral("/etc/*.json");
        else if (change == QLatin1String("glob"))
            c.filePatterns << QStringLiteral("a/[z-a]");
        else if (change == QLatin1String("size"))
            c.maxFileBytes = 0;
        else if (change == QLatin1String("runner"))
            c.runnerSetName.clear();
        else if (change == QLatin1String("cost"))
            c.costConnectionId = 3;
        else if (change == QLatin1String("gpus"))
            c.gpuCount = 0;
        const Result<void> checked = checkWorkflowConfig(c);
        if (problem.isEmpty())
            QVERIFY2(checked, qPrintable(checked ? QString() : checked.error().message));
        else
            QCOMPARE(checked.error().message, problem);
    }
};

QTEST_MAIN(TestWorkflowConfigCheck)
#include "test_workflowconfigcheck.moc"
