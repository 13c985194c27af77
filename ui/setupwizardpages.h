// The setup wizard's four pages: choose a provider, its settings, a live test, cadence and save.
#pragma once

#include "domain.h"
#include "providers/catalog.h"

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace fleetscope {

class ConnectionController;
class ProviderForm;

class ChooseProviderPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ChooseProviderPage(QWidget *parent = nullptr);
    bool isComplete() const override;
    const ProviderKind *chosenKind() const;

    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *categoryFilter() const { return m_category; }
    QListWidget *list() const { return m_list; }

private:
    void applyFilter();

    QLineEdit *m_search = nullptr;
    QComboBox *m_category = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_noMatch = nullptr;
};

class SettingsPage : public QWizardPage
{
    Q_OBJECT
public:
    SettingsPage(const ChooseProviderPage &choose, const ConnectionController &controller, QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    ProviderForm *form() const { return m_form; }
    // The connection as the form describes it (not stored yet).
    ConnectionRecord draft() const;

private:
    const ChooseProviderPage &m_choose;
    const ConnectionController &m_controller;
    QVBoxLayout *m_layout = nullptr;
    ProviderForm *m_form = nullptr;
};

class TestPage : public QWizardPage
{
    Q_OBJECT
public:
    TestPage(const SettingsPage &settings, ConnectionController &controller, QWidget *parent = nullptr);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool passed() const { return m_passed; }
    QLabel *resultLabel() const { return m_result; }
    QCheckBox *saveUntestedBox() const { return m_saveUntested; }

private:
    void runTest();

    const SettingsPage &m_settings;
    ConnectionController &m_controller;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_result = nullptr;
    QLabel *m_hint = nullptr;
    QPushButton *m_retry = nullptr;
    QCheckBox *m_saveUntested = nullptr;
    QObject *m_attempt = nullptr;   // receiver of the running test; deleting it drops the answer
    bool m_running = false;
    bool m_passed = false;
};

class SummaryPage : public QWizardPage
{
    Q_OBJECT
public:
    SummaryPage(const SettingsPage &settings, ConnectionController &controller, QWidget *parent = nullptr);
    void initializePage() override;
    bool validatePage() override;
    bool isComplete() const override { return !m_saving; }
    const std::optional<ConnectionRecord> &saved() const { return m_saved; }
    QLabel *errorLabel() const { return m_error; }
    QSpinBox *cadenceBox() const { return m_cadence; }

Q_SIGNALS:
    void connectionSaved(const fleetscope::ConnectionRecord &connection);

private:
    ConnectionRecord finalDraft() const;

    const SettingsPage &m_settings;
    ConnectionController &m_controller;
    QLabel *m_summary = nullptr;
    QSpinBox *m_cadence = nullptr;
    QLabel *m_cadenceNote = nullptr;
    QLabel *m_error = nullptr;
    bool m_saving = false;
    std::optional<ConnectionRecord> m_saved;
};

} // namespace fleetscope
