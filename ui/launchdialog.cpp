// LaunchDialog: the form, the price that follows count and spot, and the confirmation.
#include "launchdialog.h"

#include "offersmodel.h"
#include "snapshotformat.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace fleetscope {

LaunchDialog::LaunchDialog(const GpuOffer &offer, const ConnectionRecord &connection, QWidget *parent)
    : QDialog(parent)
    , m_offer(offer)
    , m_connection(connection)
    , m_request(launchRequestFor(offer, false))
    , m_preview(launchPreview(connection, m_request.value_or(LaunchRequest())))
{
    setWindowTitle(tr("Launch %1").arg(offer.gpuType.isEmpty() ? offer.providerGpuId : offer.gpuType));
    setMinimumWidth(520);
    const QString gpu = offer.gpuType.isEmpty() ? offer.providerGpuId : offer.gpuType;
    QString where = tr("%1 on %2 (%3)").arg(gpu, connection.name, OffersModel::providerText(offer.provider));
    if (offer.providerGpuId != gpu)
        where += tr(", plan %1").arg(offer.providerGpuId);
    if (!offer.region.isEmpty())
        where += tr(", region %1").arg(offer.region);
    auto *what = new QLabel(where, this);
    what->setWordWrap(true);
    what->setTextFormat(Qt::PlainText);

    m_image = new QLineEdit(defaultLaunchImage(offer.provider), this);
    m_image->setAccessibleName(tr("Image"));
    m_image->setPlaceholderText(tr("The provider's default"));
    m_name = new QLineEdit(QStringLiteral("fleetscope-") + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmm")), this);
    m_name->setAccessibleName(tr("Name"));
    m_sshKey = new QLineEdit(this);
    m_sshKey->setAccessibleName(tr("SSH key name"));
    m_sshKey->setPlaceholderText(tr("An SSH key's name in the account (Lambda requires one)"));
    m_count = new QSpinBox(this);
    m_count->setAccessibleName(tr("GPU count"));
    m_count->setRange(1, 8);
    m_count->setValue(m_request ? m_request->gpuCount : 1);
    const bool takesCount = launchTakesCount(offer.provider);
    m_count->setEnabled(takesCount);
    m_count->setToolTip(takesCount ? QString() : tr("This plan comes with a fixed number of GPUs; pick another offer for more."));
    m_spot = new QCheckBox(takesCount ? tr("Spot (interruptible) at %1 per GPU").arg(SnapshotFormat::moneyPerHour(offer.spotPricePerHour))
                                      : tr("Spot (interruptible) at %1").arg(SnapshotFormat::moneyPerHour(offer.spotPricePerHour)),
                           this);
    m_spot->setVisible(offer.spotPricePerHour.has_value());

    auto *form = new QFormLayout;
    form->addRow(tr("Image:"), m_image);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("SSH key:"), m_sshKey);
    form->addRow(tr("GPUs:"), m_count);
    form->addRow(QString(), m_spot);

    m_price = new QLabel(this);
    m_price->setAccessibleName(tr("Price"));
    m_price->setTextFormat(Qt::PlainText);
    m_price->setWordWrap(true);
    QFont priceFont = m_price->font();
    priceFont.setBold(true);
    m_price->setFont(priceFont);
    m_problem = new QLabel(this);
    m_problem->setAccessibleName(tr("Problem"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_confirm = new QCheckBox(this);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_launch = m_buttons->addButton(tr("Launch"), QDialogButtonBox::AcceptRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addLayout(form);
    layout->addWidget(m_price);
    layout->addWidget(m_problem);
    layout->addWidget(m_confirm);
    layout->addWidget(m_buttons);

    for (QLineEdit *edit : {m_image, m_name, m_sshKey})
        connect(edit, &QLineEdit::textChanged, this, &LaunchDialog::refreshState);
    connect(m_count, &QSpinBox::valueChanged, this, &LaunchDialog::refreshState);
    connect(m_spot, &QCheckBox::toggled, this, &LaunchDialog::refreshState);
    connect(m_confirm, &QCheckBox::toggled, this, &LaunchDialog::refreshState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canLaunch())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    refreshState();
}

void LaunchDialog::refreshState()
{
    m_request = launchRequestFor(m_offer, m_spot->isChecked(), m_count->value());
    const QString price = m_request ? SnapshotFormat::moneyPerHour(m_request->pricePerHour) : QString();
    if (m_request && m_request->pricePerHour) {
        m_price->setText(tr("Price: %1 (about $%2 a day) while it runs; billed by the provider until you stop or terminate it.")
                             .arg(price, QString::number(*m_request->pricePerHour * 24, 'f', 2)));
    } else {
        m_price->setText(m_request ? tr("Price: unknown — the offer has none stored.") : m_request.error().message);
    }
    m_confirm->setText(tr("I understand this starts a paid instance at %1").arg(price.isEmpty() ? tr("an unknown price") : price));
    if (!m_request)
        m_confirm->setChecked(false);
    m_confirm->setEnabled(m_request.has_value());
    // What would be sent, checked without sending: a missing SSH key or a bad image says so here.
    m_preview = m_request ? launchPreview(m_connection, request()) : Result<LaunchPreview>(std::unexpected(m_request.error()));
    m_problem->setText(m_preview || !m_request ? QString() : m_preview.error().message);
    m_problem->setVisible(!m_problem->text().isEmpty());
    m_launch->setEnabled(canLaunch());
}

bool LaunchDialog::canLaunch() const
{
    return m_request && m_preview && m_confirm->isChecked();
}

LaunchRequest LaunchDialog::request() const
{
    LaunchRequest request = m_request.value_or(LaunchRequest());
    request.image = m_image->text().trimmed();
    request.name = m_name->text().trimmed();
    request.sshKey = m_sshKey->text().trimmed();
    return request;
}

} // namespace fleetscope
