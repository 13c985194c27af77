// A captioned headline figure in a frame ("Burn rate  $4.37/hr") with an optional line of detail below.
#pragma once

#include <QFrame>

class QLabel;

namespace fleetscope {

class FigureCard : public QFrame
{
    Q_OBJECT
public:
    explicit FigureCard(const QString &caption, QWidget *parent = nullptr);

    void setValue(const QString &value, const QString &detail = {});
    QLabel *valueLabel() const { return m_value; }
    QString detail() const;

private:
    QLabel *m_value = nullptr;
    QLabel *m_detail = nullptr;
};

} // namespace fleetscope
