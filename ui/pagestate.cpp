// PageState: the three non-content views and switching between them.
#include "pagestate.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace fleetscope {
namespace {

const QString kMessageName = QStringLiteral("stateMessage");

QLabel *messageLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(kMessageName);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A wrapped label centred in a layout shrinks to a narrow column; give it a readable line length.
    label->setMinimumWidth(420);
    label->setMaximumWidth(560);
    return label;
}

// Centres a column of widgets, which is how every state but content is laid out.
QVBoxLayout *centredColumn(QWidget *panel)
{
    auto *layout = new QVBoxLayout(panel);
    layout->addStretch(1);
    layout->setAlignment(Qt::AlignHCenter);
    return layout;
}

} // namespace

PageState::PageState(QWidget *parent)
    : QStackedWidget(parent)
{
    m_loading = new QWidget(this);
    auto *loadingLayout = centredColumn(m_loading);
    auto *loadingLabel = messageLabel(m_loading);
    loadingLabel->setText(tr("Loading…"));
    auto *busy = new QProgressBar(m_loading);
    busy->setRange(0, 0);
    busy->setMaximumWidth(240);
    busy->setTextVisible(false);
    busy->setAccessibleName(tr("Loading"));
    loadingLayout->addWidget(loadingLabel, 0, Qt::AlignHCenter);
    loadingLayout->addWidget(busy, 0, Qt::AlignHCenter);
    loadingLayout->addStretch(2);

    m_empty = new QWidget(this);
    auto *emptyLayout = centredColumn(m_empty);
    m_emptyIcon = new QLabel(m_empty);
    m_emptyIcon->setVisible(false);
    m_emptyLabel = messageLabel(m_empty);
    m_emptyLabel->setAccessibleName(tr("Empty state"));
    m_emptyAction = new QPushButton(m_empty);
    connect(m_emptyAction, &QPushButton::clicked, this, &PageState::actionRequested);
    emptyLayout->addWidget(m_emptyIcon, 0, Qt::AlignHCenter);
    emptyLayout->addSpacing(8);
    emptyLayout->addWidget(m_emptyLabel, 0, Qt::AlignHCenter);
    emptyLayout->addSpacing(8);
    emptyLayout->addWidget(m_emptyAction, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(2);

    m_error = new QWidget(this);
    auto *errorLayout = centredColumn(m_error);
    auto *errorIcon = new QLabel(m_error);
    errorIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(QSize(48, 48), devicePixelRatioF()));
    m_errorTitle = messageLabel(m_error);
    QFont titleFont = m_errorTitle->font();
    titleFont.setBold(true);
    m_errorTitle->setFont(titleFont);
    m_errorLabel = messageLabel(m_error);
    m_errorLabel->setAccessibleName(tr("Error message"));
    auto *retry = new QPushButton(tr("Retry"), m_error);
    retry->setAccessibleName(tr("Retry"));
    connect(retry, &QPushButton::clicked, this, &PageState::retryRequested);
    errorLayout->addWidget(errorIcon, 0, Qt::AlignHCenter);
    errorLayout->addWidget(m_errorTitle, 0, Qt::AlignHCenter);
    errorLayout->addWidget(m_errorLabel, 0, Qt::AlignHCenter);
    errorLayout->addSpacing(8);
    errorLayout->addWidget(retry, 0, Qt::AlignHCenter);
    errorLayout->addStretch(2);

    addWidget(m_loading);
    addWidget(m_empty);
    addWidget(m_error);
    setCurrentWidget(m_loading);
}

void PageState::setMessageWidth(int minimum, int maximum)
{
    for (QLabel *label : findChildren<QLabel *>(kMessageName)) {
        label->setMinimumWidth(minimum);
        label->setMaximumWidth(maximum);
    }
}

void PageState::setEmptyIcon(const QIcon &icon)
{
    m_emptyIcon->setPixmap(icon.pixmap(QSize(64, 64), devicePixelRatioF()));
    m_emptyIcon->setVisible(!icon.isNull());
}

void PageState::setContent(QWidget *content)
{
    if (m_content) {
        removeWidget(m_content);
        m_content->deleteLater();
    }
    m_content = content;
    addWidget(m_content);
    if (m_state == State::Content)
        setCurrentWidget(m_content);
}

void PageState::showLoading()
{
    if (m_state == State::Content || m_state == State::Empty)
        return;
    m_state = State::Loading;
    setCurrentWidget(m_loading);
}

void PageState::showEmpty(const QString &message, const QString &actionText)
{
    m_state = State::Empty;
    m_emptyLabel->setText(message);
    m_emptyAction->setText(actionText);
    m_emptyAction->setAccessibleName(actionText);
    m_emptyAction->setVisible(!actionText.isEmpty());
    setCurrentWidget(m_empty);
}

void PageState::showError(const Error &error)
{
    m_state = State::Error;
    m_errorTitle->setText(tr("Could not load this view (%1)").arg(errorClassName(error.kind)));
    m_errorLabel->setText(error.message);
    setCurrentWidget(m_error);
}

void PageState::showContent()
{
    m_state = State::Content;
    if (m_content)
        setCurrentWidget(m_content);
}

QString PageState::message() const
{
    switch (m_state) {
    case State::Loading: return tr("Loading…");
    case State::Empty: return m_emptyLabel->text();
    case State::Error: return m_errorTitle->text() + QLatin1Char('\n') + m_errorLabel->text();
    case State::Content: return {};
    }
    return {};
}

} // namespace fleetscope
