// GuardrailDialog: the form, the preview read on a reader thread, the policy written as a batch.
#include "guardraildialog.h"

#include "guardrails/guardrailplan.h"
#include "store/storeservice.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace fleetscope {

GuardrailDialog::GuardrailDialog(StoreService &store, const ConnectionRecord &connection, const GuardrailPolicy &policy, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_connection(connection)
    , m_stored(policy)
{
    setWindowTitle(tr("Guardrails — %1").arg(connection.name));
    setWindowModality(Qt::WindowModal);
    m_confirmAct = [this] {
        return QMessageBox::question(this, tr("Let Fleetscope stop pods?"),
                                     tr("Fleetscope will STOP pods of %1 by these rules, after each sync, "
                                        "without asking again. Pods are stopped, never terminated: their volumes are kept, and "
                                        "every stop is in the audit log and on the Timeline.").arg(m_connection.name),
                                     QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes;
    };

    auto *intro = new QLabel(tr("Stop pods whose GPUs sit idle while you pay for them, or every pod once a budget's daily "
                                "cap is spent. Off unless enabled; a dry run only records what it would stop."), this);
    intro->setWordWrap(true);
    m_enabled = new QCheckBox(tr("&Stop idle pods"), this);
    m_enabled->setChecked(policy.stopIdleEnabled);
    m_minutes = new QSpinBox(this);
    m_minutes->setRange(1, GuardrailPolicy::kMaxIdleMinutes);
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setValue(policy.idleMinutes);
    m_util = new QDoubleSpinBox(this);
    m_util->setRange(0, 100);
    m_util->setDecimals(1);
    m_util->setSuffix(tr(" %"));
    m_util->setValue(policy.idleUtilPercent);
    m_atDailyCap = new QCheckBox(tr("Stop &all running pods when a budget covering %1 has spent its daily cap").arg(connection.name), this);
    m_atDailyCap->setChecked(policy.stopAtDailyCap);
    m_dryRun = new QRadioButton(tr("&Dry run: only record what would be stopped"), this);
    m_act = new QRadioButton(tr("&Act: stop the pods (never terminate)"), this);
    (policy.dryRun ? m_dryRun : m_act)->setChecked(true);
    auto *form = new QFormLayout;
    form->addRow(m_enabled);
    form->addRow(tr("Idle for at least"), m_minutes);
    form->addRow(tr("GPU util under"), m_util);
    form->addRow(m_atDailyCap);
    form->addRow(m_dryRun);
    form->addRow(m_act);

    m_preview = new QPushButton(tr("&Preview"), this);
    m_preview->setToolTip(tr("What these thresholds would stop now; nothing is changed"));
    m_previewText = new QLabel(this);
    m_previewText->setWordWrap(true);
    m_previewText->setTextFormat(Qt::PlainText);
    m_previewText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_previewText->setAccessibleName(tr("Preview"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->addButton(m_preview, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &GuardrailDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_preview, &QPushButton::clicked, this, &GuardrailDialog::preview);
    auto sync = [this] {
        for (QWidget *w : std::initializer_list<QWidget *>{m_minutes, m_util})
            w->setEnabled(m_enabled->isChecked());
        for (QWidget *w : std::initializer_list<QWidget *>{m_dryRun, m_act})
            w->setEnabled(m_enabled->isChecked() || m_atDailyCap->isChecked());
    };
    connect(m_enabled, &QCheckBox::toggled, this, sync);
    connect(m_atDailyCap, &QCheckBox::toggled, this, sync);
    sync();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_previewText);
    layout->addWidget(buttons);
    resize(560, 0);
    fitHeight();
}

void GuardrailDialog::fitHeight()
{
    // Word-wrapped labels: the height the layout needs depends on the width.
    layout()->activate();
    const int needed = std::max(layout()->totalHeightForWidth(width()), layout()->totalMinimumSize().height());
    if (needed > height())
        resize(width(), needed);
}

GuardrailPolicy GuardrailDialog::policy() const
{
    GuardrailPolicy p = m_stored;
    p.connectionId = m_connection.id;
    p.stopIdleEnabled = m_enabled->isChecked();
    p.idleMinutes = m_minutes->value();
    p.idleUtilPercent = m_util->value();
    p.stopAtDailyCap = m_atDailyCap->isChecked();
    p.dryRun = !m_act->isChecked();
    return p;
}

void GuardrailDialog::preview()
{
    m_previewText->setText(tr("Looking at the stored snapshots…"));
    const GuardrailPolicy edited = policy();
    const qint64 id = m_connection.id;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    readLatest<GuardrailPreview>(m_store, this, m_request, [id, now, edited](Store &store) { return previewGuardrail(store, id, now, edited); },
                                 [this](Result<GuardrailPreview> plan) {
        if (!plan) {
            m_previewText->setText(tr("No preview: %1").arg(describe(plan.error())));
            fitHeight();
            return;
        }
        if (plan->candidates.isEmpty()) {
            m_previewText->setText(tr("Nothing to stop now: no pod has been idle under %1 % for %2 min, and no budget covering "
                                      "this connection has spent its daily cap.")
                                       .arg(plan->policy.idleUtilPercent).arg(plan->policy.idleMinutes));
            fitHeight();
            return;
        }
        QStringList lines{tr("%n pod(s) would be stopped now:", nullptr, int(plan->candidates.size()))};
        for (const GuardrailCandidate &c : std::as_const(plan->candidates))
            lines << QStringLiteral("• %1 — %2").arg(c.pod.name.isEmpty() ? c.pod.instanceId : c.pod.name, c.reason);
        m_previewText->setText(lines.join(QLatin1Char('\n')));
        fitHeight();
    });
}

void GuardrailDialog::accept()
{
    const GuardrailPolicy edited = policy();
    if (edited.acts() && !m_stored.acts() && !m_confirmAct())
        return;   // stays open: the user may choose a dry run instead
    WriteBatch batch;
    batch.source = QStringLiteral("providers page: guardrails %1").arg(m_connection.name);
    batch.guardrailPolicies << edited;
    m_store.submit(batch);
    QDialog::accept();
}

} // namespace fleetscope
