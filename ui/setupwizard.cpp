// SetupWizard: wires the four pages; each page reads what the one before it holds.
#include "setupwizard.h"

#include "setupwizardpages.h"

namespace fleetscope {

SetupWizard::SetupWizard(ConnectionController &controller, QWidget *parent)
    : QWizard(parent)
{
    setWindowTitle(tr("Add a provider"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, false);
    setMinimumSize(640, 520);
    m_choose = new ChooseProviderPage(this);
    m_settings = new SettingsPage(*m_choose, controller, this);
    m_test = new TestPage(*m_settings, controller, this);
    m_summary = new SummaryPage(*m_settings, controller, this);
    setPage(ChoosePage, m_choose);
    setPage(SettingsPageId, m_settings);
    setPage(TestPageId, m_test);
    setPage(SummaryPageId, m_summary);
}

} // namespace fleetscope
