// Adding a provider connection step by step: choose, settings, test, cadence and save (QWizard).
#pragma once

#include <QWizard>

namespace fleetscope {

class ChooseProviderPage;
class ConnectionController;
class SettingsPage;
class SummaryPage;
class TestPage;

class SetupWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { ChoosePage, SettingsPageId, TestPageId, SummaryPageId };

    explicit SetupWizard(ConnectionController &controller, QWidget *parent = nullptr);

    ChooseProviderPage *choosePage() const { return m_choose; }
    SettingsPage *settingsPage() const { return m_settings; }
    TestPage *testPage() const { return m_test; }
    SummaryPage *summaryPage() const { return m_summary; }

private:
    ChooseProviderPage *m_choose = nullptr;
    SettingsPage *m_settings = nullptr;
    TestPage *m_test = nullptr;
    SummaryPage *m_summary = nullptr;
};

} // namespace fleetscope
