// A warning strip above a page's content: which connections failed their last sync and how old the data shown is.
#pragma once

#include "stalenotice.h"

#include <QFrame>

class QLabel;

namespace fleetscope {

class StaleBanner : public QFrame
{
    Q_OBJECT
public:
    explicit StaleBanner(QWidget *parent = nullptr);

    // One line per notice; hidden when there is none.
    void showNotices(const QList<StaleNotice> &notices);
    QString text() const;   // what a user reads now, for tests and accessibility

private:
    QLabel *m_text = nullptr;
};

} // namespace fleetscope
