// FigureCard: caption, large value, wrapped detail.
#include "figurecard.h"

#include <QLabel>
#include <QVBoxLayout>

namespace fleetscope {

FigureCard::FigureCard(const QString &caption, QWidget *parent)
    : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    auto *captionLabel = new QLabel(caption, this);
    m_value = new QLabel(this);
    m_value->setTextFormat(Qt::PlainText);
    QFont valueFont = m_value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.8);
    valueFont.setBold(true);
    m_value->setFont(valueFont);
    m_value->setAccessibleName(caption);
    m_detail = new QLabel(this);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);
    m_detail->setForegroundRole(QPalette::PlaceholderText);   // secondary, and still legible in dark mode
    m_detail->setAccessibleName(tr("%1 detail").arg(caption));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(captionLabel);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    layout->addStretch(1);
}

void FigureCard::setValue(const QString &value, const QString &detail)
{
    m_value->setText(value);
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
}

QString FigureCard::detail() const
{
    return m_detail->text();
}

} // namespace fleetscope
