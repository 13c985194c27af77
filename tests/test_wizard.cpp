// The setup wizard and the Providers page's actions, driven as a user would (offscreen), against the
// in-process RunPod simulator and a throwaway keyring: the key ends up in the keychain only.
#include "clirun.h"
#include "connectioncontroller.h"
#include "connectionsmodel.h"
#include "credentials/credentials.h"
#include "editconnectiondialog.h"
#include "engine/collectors.h"
#include "engine/engine.h"
#include "engine/storelink.h"
#include "export/datasets.h"
#include "faultserver.h"
#include "treesearch.h"
#include "logging.h"
#include "mainwindow.h"
#include "providerform.h"
#include "providerspage.h"
#include "setupwizard.h"
#include "setupwizardpages.h"
#include "simulator/runpodsimulator.h"
#include "store/storeservice.h"
#include "tableview.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

namespace {

constexpr char kKey[] = "rp_WIZARD_CANARY_5e4d3c2b1a";

void saveShot(QWidget *widget, const QString &name)
{
    QTest::qWait(100);   // layout settles before the grab
    QVERIFY(widget->grab().toImage().save(QStringLiteral(FLEETSCOPE_BUILD_DIR "/screenshots/%1.png").arg(name)));
}


void setText(QWidget *editor, const QString &text)
{
    auto *line = qobject_cast<QLineEdit *>(editor);
    QVERIFY(line);
    line->selectAll();
    QTest::keyClicks(line, text);
    QCOMPARE(line->text(), text);
}

} // namespace

class TestWizard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<StoreService> m_store;
    std::unique_ptr<RunPodSimulator> m_simulator;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<ConnectionController> m_controller;
    std::unique_ptr<MainWindow> m_window;

    ProvidersPage *providers() const { return m_window->providersPage(); }

    SetupWizard *openWizard()
    {
        providers()->addConnection();
        SetupWizard *wizard = providers()->findChild<SetupWizard *>();
        if (wizard && !QTest::qWaitFor([wizard] { return wizard->isVisible(); }, 2000))
            return nullptr;
        return wizard;
    }

    // Walks the wizard to its test page with KEY, filling the RunPod form for the simulator.
    void fillRunPod(SetupWizard *wizard, const QString &name, const QString &key)
    {
        ChooseProviderPage *choose = wizard->choosePage();
        QTest::keyClicks(choose->searchEdit(), QStringLiteral("run"));
        QVERIFY(choose->chosenKind());   // the only match is picked
        QCOMPARE(choose->chosenKind()->kind, QStringLiteral("runpod"));
        wizard->next();
        ProviderForm *form = wizard->settingsPage()->form();
        QVERIFY(form);
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());   // name and key missing
        QTest::keyClicks(form->nameEdit(), name);
        QTest::keyClicks(form->secretEdit(), key);
        QCOMPARE(form->secretEdit()->echoMode(), QLineEdit::Password);
        setText(form->fieldEditor(QStringLiteral("graphql_url")), QStringLiteral("http://example.com/graphql"));
        QVERIFY(!form->isComplete());   // plain http to another machine: refused inline
        QVERIFY2(form->problem().contains(QLatin1String("plain http is allowed only to this machine")), qPrintable(form->problem()));
        setText(form->fieldEditor(QStringLiteral("graphql_url")), m_simulator->graphqlUrl().toString());
        setText(form->fieldEditor(QStringLiteral("rest_url")), m_simulator->restUrl().toString());
        setText(form->fieldEditor(QStringLiteral("serverless_url")), m_simulator->serverlessUrl().toString());
        QVERIFY2(form->isComplete(), qPrintable(form->problem()));
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("FLEETSCOPE_TEST_KEYRING"), "run through run-with-keyring.sh");
        QDir().mkpath(QStringLiteral(FLEETSCOPE_BUILD_DIR "/screenshots"));
        QVERIFY(installFileLog(m_dir.filePath(QStringLiteral("logs")), false));
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("fleetscope.ini")), QSettings::IniFormat);
        m_store = std::make_unique<StoreService>(*StoreLocation::parse(QString(), m_dir.filePath(QStringLiteral("data"))));
        QVERIFY(m_store->startBlocking());
        m_simulator = std::make_unique<RunPodSimulator>();
        QVERIFY(m_simulator->start());
        m_engine = std::make_unique<Engine>(builtinCollectors());
        linkEngineToStore(*m_engine, *m_store);
        m_engine->start();
        m_controller = std::make_unique<ConnectionController>(*m_store, *m_engine);
        m_window = std::make_unique<MainWindow>(*m_store, *m_settings, m_dir.path());
        m_window->setConnectionController(m_controller.get());
        m_window->resize(1280, 800);
        m_window->show();
        m_window->refresh();
        m_controller->reload();
        m_window->showPage(int(m_window->pages().indexOf(providers())));
        QTRY_VERIFY(providers()->pageState()->state() == PageState::State::Empty);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_controller.reset();
        m_engine.reset();
        m_simulator.reset();
        m_store.reset();
    }

    void chooseFiltersBySearchAndCategory()
    {
        SetupWizard *wizard = openWizard();
        QVERIFY(wizard);
        ChooseProviderPage *choose = wizard->choosePage();
        saveShot(wizard, QStringLiteral("wizard-1-choose"));
        QTest::keyClicks(choose->searchEdit(), QStringLiteral("teleport"));
        QVERIFY(!choose->chosenKind());
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        choose->searchEdit()->clear();
        choose->categoryFilter()->setCurrentIndex(choose->categoryFilter()->findData(QStringLiteral("CI")));
        for (int row = 0; row < choose->list()->count(); ++row)
            QVERIFY(choose->list()->item(row)->isHidden() || choose->list()->item(row)->data(Qt::UserRole + 1).toString() == QLatin1String("CI"));
        wizard->reject();
    }

    void rejectedKeyShowsTheClassAndAHint()
    {
        SetupWizard *wizard = openWizard();
        QVERIFY(wizard);
        fillRunPod(wizard, QStringLiteral("wrong"), QString::fromLatin1(simulatorkeys::kRejected));
        wizard->next();
        TestPage *test = wizard->testPage();
        QTRY_VERIFY_WITH_TIMEOUT(!test->resultLabel()->text().isEmpty(), 10'000);
        QVERIFY2(test->resultLabel()->text().startsWith(QStringLiteral("✗ auth")), qPrintable(test->resultLabel()->text()));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(test->saveUntestedBox()->isVisible());
        bool hinted = false;
        for (const QLabel *label : test->findChildren<QLabel *>())
            hinted = hinted || label->text().contains(QLatin1String("https://www.runpod.io/console/user/settings"));
        QVERIFY(hinted);
        saveShot(wizard, QStringLiteral("wizard-3-test-failed"));
        wizard->reject();
        QTRY_COMPARE(m_controller->connections().size(), 0);
    }

    void wizardTestsThenSavesTheKeyInTheKeychain()
    {
        SetupWizard *wizard = openWizard();
        QVERIFY(wizard);
        fillRunPod(wizard, QStringLiteral("prod"), QString::fromLatin1(kKey));
        saveShot(wizard, QStringLiteral("wizard-2-settings"));
        wizard->next();
        TestPage *test = wizard->testPage();
        QTRY_VERIFY_WITH_TIMEOUT(test->passed(), 10'000);
        QVERIFY2(test->resultLabel()->text().startsWith(QStringLiteral("✓ RunPod account")), qPrintable(test->resultLabel()->text()));
        saveShot(wizard, QStringLiteral("wizard-3-test"));
        wizard->next();
        SummaryPage *summary = wizard->summaryPage();
        QVERIFY(!summary->cadenceBox()->isEnabled());   // RunPod's intervals set it
        QCOMPARE(summary->cadenceBox()->value(), 120);
        saveShot(wizard, QStringLiteral("wizard-4-summary"));
        // The wizard deletes itself once the save succeeded; the error label would say why not.
        QPointer<SetupWizard> open = wizard;
        QPointer<QLabel> error = summary->errorLabel();
        wizard->button(QWizard::FinishButton)->click();
        QTRY_VERIFY2_WITH_TIMEOUT(open.isNull(), qPrintable(error ? error->text() : QString()), 10'000);

        QCOMPARE(m_controller->connections().size(), 1);
        const ConnectionRecord added = m_controller->connections().first();
        QCOMPARE(added.name, QStringLiteral("prod"));
        QCOMPARE(added.settings.value(QStringLiteral("graphql_url")).toString(), m_simulator->graphqlUrl().toString());
        QCOMPARE(Credentials().readBlocking(added.id)->bytes(), QByteArray(kKey));
        QVERIFY(!test::treeContains(m_dir.path(), kKey));

        // Listed on the Providers page, and the engine collects it: the first sync comes out OK.
        QTRY_COMPARE(providers()->model()->rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(providers()->model()->data(providers()->model()->index(0, ConnectionsModel::Status)).toString(),
                                  QStringLiteral("OK"), 20'000);
        providers()->tableView()->table()->selectRow(0);
        saveShot(m_window.get(), QStringLiteral("providers-after-wizard"));
    }

    // The canary: the key went through the wizard, a collection cycle, every page, every export and
    // failed requests; it is in the keychain and in no file, log or message anywhere.
    void canaryKeyAppearsNowhere()
    {
        const ConnectionRecord prod = m_controller->connections().value(0);
        FaultServer refusing;
        QVERIFY(refusing.listen());
        refusing.enqueue(ScriptedResponse::withStatus(401, R"({"errors":[{"message":"Unauthorized"}]})"));
        refusing.setFallback(ScriptedResponse::withStatus(500, "upstream exploded"));
        for (int attempt = 0; attempt < 2; ++attempt) {
            ConnectionRecord draft = prod;
            draft.settings.insert(QStringLiteral("graphql_url"), refusing.url(QStringLiteral("/graphql")).toString());
            std::optional<Result<QString>> outcome;
            m_controller->test(draft, Secret(QByteArray(kKey)), this, [&outcome](Result<QString> r) { outcome = std::move(r); });
            QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 20'000);
            QVERIFY(!*outcome);
            QVERIFY2(!outcome->error().message.contains(QLatin1String(kKey)), qPrintable(outcome->error().message));
        }
        QVERIFY(refusing.requests().size() >= 2);
        QCOMPARE(refusing.requests().first().header("Authorization"), QByteArray("Bearer ") + kKey);   // it was really sent

        for (int page = 0; page < m_window->pages().size(); ++page) {
            m_window->showPage(page);
            QTRY_VERIFY(m_window->currentPage()->pageState()->state() != PageState::State::Loading);
        }
        for (const QString &dataset : datasetNames()) {
            const QString file = m_dir.filePath(QStringLiteral("exports/%1.json").arg(dataset));
            QDir().mkpath(m_dir.filePath(QStringLiteral("exports")));
            const test::CliRun run = test::runFleetscope({QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data")),
                                                          QStringLiteral("export"), dataset, QStringLiteral("--format"),
                                                          QStringLiteral("json"), QStringLiteral("--output"), file});
            QVERIFY2(run.exitCode == 0, qPrintable(dataset + QLatin1String(": ") + run.err));
            QVERIFY(QFileInfo(file).size() > 0);
        }
        const test::CliRun listed = test::runFleetscope({QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data")),
                                                         QStringLiteral("connections"), QStringLiteral("list")});
        QVERIFY2(listed.out.contains(QLatin1String("keychain")), qPrintable(listed.out));
        QVERIFY(!listed.out.contains(QLatin1String(kKey)) && !listed.err.contains(QLatin1String(kKey)));

        m_store->flush();
        for (const QString &dir : {m_dir.path(), qEnvironmentVariable("HOME"), qEnvironmentVariable("XDG_CONFIG_HOME"),
                                   qEnvironmentVariable("XDG_CACHE_HOME"), qEnvironmentVariable("XDG_DATA_HOME")}) {
            QVERIFY(!dir.isEmpty());
            QVERIFY2(!test::treeContains(dir, kKey), qPrintable(dir));
        }
        QVERIFY(QDir(m_dir.filePath(QStringLiteral("logs"))).entryList(QDir::Files).size() > 0);   // the logs were searched
        QCOMPARE(Credentials().readBlocking(prod.id)->bytes(), QByteArray(kKey));
    }

    void duplicateNameIsRefusedOnTheSettingsPage()
    {
        SetupWizard *wizard = openWizard();
        QVERIFY(wizard);
        QTest::keyClicks(wizard->choosePage()->searchEdit(), QStringLiteral("runpod"));
        wizard->next();
        ProviderForm *form = wizard->settingsPage()->form();
        QTest::keyClicks(form->nameEdit(), QStringLiteral("prod"));
        QTest::keyClicks(form->secretEdit(), QStringLiteral("x"));
        QVERIFY(form->problem().contains(QLatin1String("exists already")));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        wizard->reject();
    }

    void editTestToggleAndRemove()
    {
        providers()->tableView()->table()->selectRow(0);
        QVERIFY(providers()->button(QStringLiteral("edit"))->isEnabled());

        // Test: one request with the stored key.
        providers()->testSelected();
        QTRY_VERIFY_WITH_TIMEOUT(providers()->messageLabel()->text().contains(QLatin1String("test passed")), 10'000);

        // Edit: a new health interval; the key stays.
        providers()->editSelected();
        auto *dialog = providers()->findChild<EditConnectionDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->form()->nameEdit()->isReadOnly());
        QCOMPARE(dialog->form()->secretEdit()->text(), QString());   // the stored key is never shown
        qobject_cast<QSpinBox *>(dialog->form()->fieldEditor(QStringLiteral("health_poll_seconds")))->setValue(60);
        saveShot(dialog, QStringLiteral("providers-edit"));
        dialog->accept();
        QTRY_COMPARE(m_controller->connections().value(0).settings.value(QStringLiteral("health_poll_seconds")).toInt(), 60);
        QCOMPARE(m_controller->connections().value(0).cadenceSeconds, 60);
        const qint64 id = m_controller->connections().value(0).id;
        QCOMPARE(Credentials().readBlocking(id)->bytes(), QByteArray(kKey));

        // Disable, then enable again.
        QTRY_VERIFY(providers()->tableView()->table()->selectionModel()->hasSelection());
        providers()->toggleSelected();
        QTRY_COMPARE(m_controller->connections().value(0).enabled, false);
        QTRY_COMPARE(providers()->button(QStringLiteral("toggle"))->text(), QStringLiteral("&Enable"));
        providers()->toggleSelected();
        QTRY_COMPARE(m_controller->connections().value(0).enabled, true);

        // Remove: the keychain entry goes, the row goes.
        providers()->removeSelected(false);
        QTRY_COMPARE(m_controller->connections().size(), 0);
        QTRY_COMPARE(providers()->model()->rowCount(), 0);
        QCOMPARE(*Credentials().hasSecretBlocking(id), false);
        QVERIFY(providers()->messageLabel()->text().contains(QLatin1String("its history stays")));
    }
};

QTEST_MAIN(TestWizard)
#include "test_wizard.moc"
