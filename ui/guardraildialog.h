// A connection's guardrail policy: stop pods idle for N minutes under P % GPU util, as a dry run
// (audited only) or acting (after an explicit confirmation), with a preview of what it would stop now.
#pragma once

#include "domain.h"
#include "storeread.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace fleetscope {

class StoreService;

class GuardrailDialog : public QDialog
{
    Q_OBJECT
public:
    // POLICY as stored (or the defaults); accepting writes the edited one to STORE.
    GuardrailDialog(StoreService &store, const ConnectionRecord &connection, const GuardrailPolicy &policy, QWidget *parent = nullptr);

    GuardrailPolicy policy() const;
    // Asked before a policy that acts is saved; tests replace the question.
    void setConfirmAct(std::function<bool()> confirm) { m_confirmAct = std::move(confirm); }

    QCheckBox *enableBox() const { return m_enabled; }
    QCheckBox *dailyCapBox() const { return m_atDailyCap; }
    QSpinBox *minutesBox() const { return m_minutes; }
    QDoubleSpinBox *utilBox() const { return m_util; }
    QRadioButton *actButton() const { return m_act; }
    QPushButton *previewButton() const { return m_preview; }
    QLabel *previewLabel() const { return m_previewText; }

public Q_SLOTS:
    void preview();
    void accept() override;

private:
    void fitHeight();

    StoreService &m_store;
    ConnectionRecord m_connection;
    GuardrailPolicy m_stored;
    std::function<bool()> m_confirmAct;
    QCheckBox *m_enabled = nullptr;
    QCheckBox *m_atDailyCap = nullptr;
    QSpinBox *m_minutes = nullptr;
    QDoubleSpinBox *m_util = nullptr;
    QRadioButton *m_dryRun = nullptr;
    QRadioButton *m_act = nullptr;
    QPushButton *m_preview = nullptr;
    QLabel *m_previewText = nullptr;
    LatestRequest m_request;
};

} // namespace fleetscope
