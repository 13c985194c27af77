// CustomRangeDialog: two date-time editors that must describe a non-empty span.
#include "customrangedialog.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace fleetscope {
namespace {

QDateTimeEdit *dateTimeEdit(const QDateTime &value, const QString &name, QWidget *parent)
{
    auto *edit = new QDateTimeEdit(value.toLocalTime(), parent);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    edit->setAccessibleName(name);
    return edit;
}

} // namespace

CustomRangeDialog::CustomRangeDialog(const QDateTime &from, const QDateTime &to, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Custom time range"));
    m_from = dateTimeEdit(from, tr("From"), this);
    m_to = dateTimeEdit(to, tr("To"), this);
    m_problem = new QLabel(this);
    m_problem->setTextFormat(Qt::PlainText);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &CustomRangeDialog::validate);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &CustomRangeDialog::validate);

    auto *form = new QFormLayout;
    form->addRow(tr("From:"), m_from);
    form->addRow(tr("To:"), m_to);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    validate();
}

TimeRange CustomRangeDialog::range() const
{
    return TimeRange::custom(m_from->dateTime(), m_to->dateTime());
}

void CustomRangeDialog::validate()
{
    const bool valid = m_from->dateTime() < m_to->dateTime();
    m_problem->setText(valid ? QString() : tr("“From” must be earlier than “To”."));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
}

} // namespace fleetscope
