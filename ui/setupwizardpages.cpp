// Setup wizard pages: driven by the provider field lists; tests and saves go through the controller.
#include "setupwizardpages.h"

#include "connectioncontroller.h"
#include "credentials/secretref.h"
#include "engine/collectors.h"
#include "providerform.h"
#include "testhint.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <memory>

namespace fleetscope {
namespace {

constexpr int kKindRole = Qt::UserRole;
constexpr int kCategoryRole = Qt::UserRole + 1;

QIcon logoFor(const QString &kind)
{
    const QString path = QStringLiteral(":/logos/%1.svg").arg(kind);
    return QIcon(QFile::exists(path) ? path : QStringLiteral(":/icons/providers.svg"));
}

QString describeCadence(int seconds)
{
    if (seconds % 60 == 0)
        return QCoreApplication::translate("setupwizard", "every %n min", nullptr, seconds / 60);
    return QCoreApplication::translate("setupwizard", "every %n s", nullptr, seconds);
}

} // namespace

// ---- 1. choose ------------------------------------------------------------------------------

ChooseProviderPage::ChooseProviderPage(QWidget *parent)
    : QWizardPage(parent)
{
    setTitle(tr("Choose a provider"));
    setSubTitle(tr("What should Fleetscope watch? Each account you add becomes one connection."));
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search providers"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search providers"));
    m_category = new QComboBox(this);
    m_category->setAccessibleName(tr("Category"));
    m_category->addItem(tr("All categories"), QString());
    static const char *const kCategories[] = {QT_TR_NOOP("GPU clouds"), QT_TR_NOOP("Serverless"), QT_TR_NOOP("Kubernetes"),
                                              QT_TR_NOOP("Monitoring"), QT_TR_NOOP("CI")};
    for (const char *category : kCategories)
        m_category->addItem(tr(category), QString::fromLatin1(category));
    m_list = new QListWidget(this);
    m_list->setIconSize(QSize(40, 40));
    m_list->setWordWrap(true);   // descriptions are a sentence or two, never cut off
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setSpacing(4);
    m_list->setAccessibleName(tr("Providers"));
    for (const ProviderKind &kind : providerKinds()) {
        auto *item = new QListWidgetItem(logoFor(kind.kind), kind.displayName + QLatin1Char('\n') + kind.description, m_list);
        item->setData(kKindRole, kind.kind);
        item->setData(kCategoryRole, kind.category);
        item->setToolTip(kind.description);
    }
    m_noMatch = new QLabel(this);
    m_noMatch->setWordWrap(true);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    filters->addWidget(m_category, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_list);
    layout->addWidget(m_noMatch);
    connect(m_search, &QLineEdit::textChanged, this, &ChooseProviderPage::applyFilter);
    connect(m_category, &QComboBox::currentIndexChanged, this, &ChooseProviderPage::applyFilter);
    connect(m_list, &QListWidget::currentItemChanged, this, &QWizardPage::completeChanged);
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this] { wizard()->next(); });
    applyFilter();
}

void ChooseProviderPage::applyFilter()
{
    const QString text = m_search->text().trimmed();
    const QString category = m_category->currentData().toString();
    int visible = 0;
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        // Categories in descriptors may be "GPU clouds" or "gpu clouds": compare as words.
        const bool inCategory = category.isEmpty() || item->data(kCategoryRole).toString().compare(category, Qt::CaseInsensitive) == 0;
        const bool matches = text.isEmpty() || item->text().contains(text, Qt::CaseInsensitive)
            || item->data(kKindRole).toString().contains(text, Qt::CaseInsensitive);
        item->setHidden(!(inCategory && matches));
        visible += item->isHidden() ? 0 : 1;
    }
    if (m_list->currentItem() && m_list->currentItem()->isHidden())
        m_list->setCurrentItem(nullptr);
    if (!m_list->currentItem() && visible == 1) {
        for (int row = 0; row < m_list->count(); ++row) {
            if (!m_list->item(row)->isHidden())
                m_list->setCurrentRow(row);
        }
    }
    m_noMatch->setText(visible == 0 ? tr("No provider matches “%1” in %2.").arg(text, m_category->currentText()) : QString());
    m_noMatch->setVisible(visible == 0);
    Q_EMIT completeChanged();
}

bool ChooseProviderPage::isComplete() const
{
    return chosenKind() != nullptr;
}

const ProviderKind *ChooseProviderPage::chosenKind() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item && !item->isHidden() ? findProviderKind(item->data(kKindRole).toString()) : nullptr;
}

// ---- 2. settings ----------------------------------------------------------------------------

SettingsPage::SettingsPage(const ChooseProviderPage &choose, const ConnectionController &controller, QWidget *parent)
    : QWizardPage(parent)
    , m_choose(choose)
    , m_controller(controller)
{
    m_layout = new QVBoxLayout(this);
}

void SettingsPage::initializePage()
{
    const ProviderKind *kind = m_choose.chosenKind();
    if (m_form && kind && m_form->kind().kind == kind->kind)
        return;   // back and forth keeps what was typed
    delete m_form;
    m_form = nullptr;
    if (!kind)
        return;
    setTitle(tr("%1 settings").arg(kind->displayName));
    setSubTitle(kind->secretRequired ? tr("The %1 is kept in the system keychain, or read from an environment variable you name; "
                                          "it is never written to a file.").arg(kind->secretLabel)
                                     : kind->description);
    QStringList taken;
    for (const ConnectionRecord &c : m_controller.connections())
        taken << c.name;
    m_form = new ProviderForm(*kind, ProviderForm::Mode::New, taken, this);
    m_layout->addWidget(m_form);
    connect(m_form, &ProviderForm::changed, this, &QWizardPage::completeChanged);
    m_form->nameEdit()->setFocus();
}

bool SettingsPage::isComplete() const
{
    return m_form && m_form->isComplete();
}

ConnectionRecord SettingsPage::draft() const
{
    ConnectionRecord draft;
    if (!m_form)
        return draft;
    draft.kind = m_form->kind().kind;
    draft.name = m_form->name();
    if (Result<QJsonObject> settings = m_form->settings())
        draft.settings = *settings;
    return draft;
}

// ---- 3. test --------------------------------------------------------------------------------

TestPage::TestPage(const SettingsPage &settings, ConnectionController &controller, QWidget *parent)
    : QWizardPage(parent)
    , m_settings(settings)
    , m_controller(controller)
{
    setTitle(tr("Test the connection"));
    setSubTitle(tr("One real request with these settings, made before anything is saved."));
    m_status = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);   // busy: the request has no known length
    m_progress->setTextVisible(false);
    m_result = new QLabel(this);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setAccessibleName(tr("Test result"));
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_hint->setOpenExternalLinks(false);
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry = new QPushButton(tr("Test &again"), this);
    m_saveUntested = new QCheckBox(tr("Save without a passing test (Fleetscope keeps trying on its cadence)"), this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(m_hint);
    layout->addWidget(m_retry, 0, Qt::AlignLeft);
    layout->addStretch();
    layout->addWidget(m_saveUntested);
    connect(m_retry, &QPushButton::clicked, this, &TestPage::runTest);
    connect(m_saveUntested, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
}

void TestPage::initializePage()
{
    runTest();
}

void TestPage::cleanupPage()
{
    delete m_attempt;   // going back: an answer still on its way is for settings that may change
    m_attempt = nullptr;
    m_running = false;
}

void TestPage::runTest()
{
    const ConnectionRecord draft = m_settings.draft();
    const ProviderKind *kind = findProviderKind(draft.kind);
    if (!kind)
        return;
    delete m_attempt;
    m_attempt = new QObject(this);
    m_running = true;
    m_passed = false;
    m_status->setText(tr("Testing %1 “%2”…").arg(kind->displayName, draft.name));
    m_progress->show();
    m_result->clear();
    m_hint->clear();
    m_retry->setEnabled(false);
    m_saveUntested->setChecked(false);
    m_saveUntested->hide();
    Q_EMIT completeChanged();

    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    // An environment secret is read where the test runs; a typed one goes with the request.
    std::optional<Secret> secret = m_settings.form()->secret();
    if (!secret && !draft.settings.contains(SecretRef::secretEnvSetting()))
        secret = Secret();
    if (!secret) {
        Result<Secret> fromEnv = SecretRef::forConnection(draft).resolveEnvironment();
        if (fromEnv)
            secret = *fromEnv;
    }
    m_controller.test(draft, secret, m_attempt, [this, timer, kind](Result<QString> result) {
        m_running = false;
        m_progress->hide();
        m_retry->setEnabled(true);
        m_passed = bool(result);
        const QString elapsed = tr("%1 ms").arg(timer->elapsed());
        if (result) {
            m_status->setText(tr("Test passed in %1.").arg(elapsed));
            m_result->setText(QStringLiteral("✓ ") + *result);
            m_result->setStyleSheet(QStringLiteral("color: #2e7d32; font-weight: bold;"));
        } else {
            m_status->setText(tr("Test failed after %1.").arg(elapsed));
            m_result->setText(QStringLiteral("✗ ") + describe(result.error()));
            m_result->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold;"));
            m_hint->setText(testHint(result.error(), *kind));
            m_saveUntested->show();
        }
        Q_EMIT completeChanged();
    });
}

bool TestPage::isComplete() const
{
    return !m_running && (m_passed || m_saveUntested->isChecked());
}

// ---- 4. summary and save --------------------------------------------------------------------

SummaryPage::SummaryPage(const SettingsPage &settings, ConnectionController &controller, QWidget *parent)
    : QWizardPage(parent)
    , m_settings(settings)
    , m_controller(controller)
{
    setTitle(tr("Cadence and summary"));
    setSubTitle(tr("Finish saves the connection and starts collecting."));
    setFinalPage(true);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_cadence = new QSpinBox(this);
    m_cadence->setRange(10, 86'400);
    m_cadence->setSuffix(tr(" s"));
    m_cadence->setAccessibleName(tr("Cadence"));
    m_cadenceNote = new QLabel(this);
    m_cadenceNote->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setAccessibleName(tr("Save error"));
    auto *form = new QFormLayout;
    form->addRow(tr("Sync &every:"), m_cadence);
    form->addRow(QString(), m_cadenceNote);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(m_error);
}

void SummaryPage::initializePage()
{
    const ConnectionRecord draft = m_settings.draft();
    const ProviderKind *kind = findProviderKind(draft.kind);
    if (!kind)
        return;
    // Kinds whose collectors have their own intervals derive the cadence from them.
    const int derived = schedulerCadenceSeconds(draft.kind, draft.settings, -1);
    m_cadence->setValue(derived > 0 ? derived : 300);
    m_cadence->setEnabled(derived <= 0);
    m_cadenceNote->setText(derived > 0 ? tr("Set by the intervals on the settings page (%1).").arg(describeCadence(derived))
                                       : tr("How often Fleetscope asks %1.").arg(kind->displayName));
    QString rows = QStringLiteral("<table cellspacing='4'>");
    auto row = [&rows](const QString &label, const QString &value) {
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    row(tr("Provider"), kind->displayName);
    row(tr("Name"), draft.name);
    for (const ProviderField &field : kind->fields) {
        if (draft.settings.contains(field.key))
            row(field.label, draft.settings.value(field.key).toVariant().toString());
    }
    const SecretRef ref = SecretRef::forConnection(draft);
    if (!kind->secretLabel.isEmpty()) {
        row(kind->secretLabel, ref.source() == SecretRef::Source::Environment ? tr("read from $%1 at use").arg(ref.variable())
                               : m_settings.form()->secret() ? tr("to the system keychain (masked)")
                                                              : tr("none"));
    }
    m_summary->setText(rows + QStringLiteral("</table>"));
    m_error->clear();
}

ConnectionRecord SummaryPage::finalDraft() const
{
    ConnectionRecord draft = m_settings.draft();
    draft.cadenceSeconds = schedulerCadenceSeconds(draft.kind, draft.settings, m_cadence->value());
    return draft;
}

bool SummaryPage::validatePage()
{
    if (m_saved)
        return true;
    if (m_saving)
        return false;
    m_saving = true;
    m_error->clear();
    Q_EMIT completeChanged();
    m_controller.add(finalDraft(), m_settings.form()->secret(), this, [this](Result<ConnectionRecord> added) {
        m_saving = false;
        Q_EMIT completeChanged();
        if (!added) {
            m_error->setText(tr("Nothing was saved: %1").arg(describe(added.error())));
            return;
        }
        m_saved = *added;
        Q_EMIT connectionSaved(*added);
        wizard()->accept();
    });
    return false;
}

} // namespace fleetscope
