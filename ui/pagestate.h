// Loading / empty / error / content for one page or panel, so every view states honestly what it has.
#pragma once

#include "error.h"

#include <QIcon>
#include <QStackedWidget>

class QLabel;
class QPushButton;

namespace fleetscope {

class PageState : public QStackedWidget
{
    Q_OBJECT
public:
    enum class State { Loading, Empty, Error, Content };
    Q_ENUM(State)

    explicit PageState(QWidget *parent = nullptr);

    void setContent(QWidget *content);
    // The line length of the messages (420–560 px by default, for a page); a panel beside another takes less.
    void setMessageWidth(int minimum, int maximum);
    // Shown large above empty-state messages, so an empty page still says where the user is.
    void setEmptyIcon(const QIcon &icon);

    // Keeps content or an empty state on screen: a refresh after every stored batch must not flicker.
    // From an error (Retry) it does show progress, so the click visibly does something.
    void showLoading();
    // ACTION_TEXT, when given, labels a button that emits actionRequested().
    void showEmpty(const QString &message, const QString &actionText = {});
    void showError(const Error &error);
    void showContent();

    State state() const { return m_state; }
    QString message() const;   // the text a user currently reads, for tests and accessibility

Q_SIGNALS:
    void actionRequested();
    void retryRequested();

private:
    QWidget *m_loading = nullptr;
    QWidget *m_empty = nullptr;
    QLabel *m_emptyIcon = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QPushButton *m_emptyAction = nullptr;
    QWidget *m_error = nullptr;
    QLabel *m_errorTitle = nullptr;
    QLabel *m_errorLabel = nullptr;
    QWidget *m_content = nullptr;
    State m_state = State::Loading;
};

} // namespace fleetscope
