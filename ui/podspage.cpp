// PodsPage: latest instances with filter and sort; util history of the selected one over the page's range.
#include "podspage.h"

#include "connectionnames.h"
#include "podsmodel.h"
#include "pointseries.h"
#include "providers/podlifecycle.h"
#include "snapshotformat.h"
#include "tableview.h"
#include "timeserieschart.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace fleetscope {
namespace {

struct PodsData {
    QList<ConnectionRecord> connections;
    QList<InstanceSnapshot> instances;
};

QString localTime(const QDateTime &ts)
{
    return QLocale().toString(ts.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

PodsPage::PodsPage(StoreService &store, QWidget *parent)
    : CollectedDataPage(Dataset::Pods, store, parent)
{
    // Above each other: the table needs the full width for its eight columns.
    auto *content = new QSplitter(Qt::Vertical, this);
    content->setChildrenCollapsible(false);

    auto *listPane = new QWidget(content);
    m_filter = new QLineEdit(listPane);
    m_filter->setPlaceholderText(tr("Filter by name, GPU, status, region…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter pods"));
    m_model = new PodsModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(PodsModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_table = new TableView(listPane);
    m_table->setModel(m_model);             // row count and CSV export: every pod, whatever the filter
    m_table->table()->setModel(m_proxy);    // what the user sees: filtered and sorted
    m_table->setExportName(QStringLiteral("pods"));
    m_table->table()->setAccessibleName(tr("Pods"));
    m_table->table()->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->table()->setSortingEnabled(true);
    m_table->table()->sortByColumn(PodsModel::Name, Qt::AscendingOrder);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_filter);
    listLayout->addWidget(m_table, 1);

    auto *detailPane = new QWidget(content);
    m_detailTitle = new QLabel(detailPane);
    m_detailTitle->setTextFormat(Qt::PlainText);
    m_detailTitle->setWordWrap(true);
    m_detailTitle->setAccessibleName(tr("Selected pod"));
    QFont titleFont = m_detailTitle->font();
    titleFont.setBold(true);
    m_detailTitle->setFont(titleFont);
    m_detailState = new PageState(detailPane);
    m_chart = new TimeSeriesChart(m_detailState);
    m_chart->setValueName(tr("GPU util %"));
    m_detailState->setContent(m_chart);
    auto *actions = new QHBoxLayout;
    m_stop = new QPushButton(tr("Stop…"), detailPane);
    m_resume = new QPushButton(tr("Resume…"), detailPane);
    m_reboot = new QPushButton(tr("Reboot…"), detailPane);
    m_terminate = new QPushButton(tr("Terminate…"), detailPane);
    m_actionResult = new QLabel(detailPane);
    m_actionResult->setTextFormat(Qt::PlainText);
    m_actionResult->setAccessibleName(tr("Result of the last pod action"));
    for (QPushButton *button : {m_stop, m_resume, m_reboot, m_terminate}) {
        button->setVisible(false);
        actions->addWidget(button);
    }
    actions->addWidget(m_actionResult, 1);
    connect(m_stop, &QPushButton::clicked, this, [this] { requestAction(PodAction::Stop); });
    connect(m_resume, &QPushButton::clicked, this, [this] { requestAction(PodAction::Resume); });
    connect(m_reboot, &QPushButton::clicked, this, [this] { requestAction(PodAction::Reboot); });
    connect(m_terminate, &QPushButton::clicked, this, [this] { requestAction(PodAction::Terminate); });
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detailTitle);
    detailLayout->addLayout(actions);
    detailLayout->addWidget(m_detailState, 1);

    content->addWidget(listPane);
    content->addWidget(detailPane);
    content->setStretchFactor(0, 1);
    content->setStretchFactor(1, 1);
    pageState()->setContent(content);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table->table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PodsPage::loadDetail);
    connect(m_detailState, &PageState::retryRequested, this, &PodsPage::loadDetail);
}

QString PodsPage::selectedInstanceId() const
{
    return m_table->table()->currentIndex().data(PodsModel::InstanceIdRole).toString();
}

void PodsPage::selectInstance(const QString &instanceId)
{
    const int row = m_model->rowOf(instanceId);
    QModelIndex index = m_proxy->mapFromSource(m_model->index(row, PodsModel::Name));
    if (row >= 0 && !index.isValid()) {
        m_filter->clear();   // the user's filter hides the pod the alert is about
        index = m_proxy->mapFromSource(m_model->index(row, PodsModel::Name));
    }
    if (!index.isValid()) {
        m_pendingSelection = instanceId;   // not read yet, or filtered out: the next read selects it
        return;
    }
    m_pendingSelection.clear();
    m_table->table()->setCurrentIndex(index);
    m_table->table()->scrollTo(index);
}

void PodsPage::reload()
{
    pageState()->showLoading();
    readLatest<PodsData>(m_request, [](Store &store) -> Result<PodsData> {
        auto connections = store.connections();
        if (!connections)
            return std::unexpected(connections.error());
        auto instances = store.latestInstances();
        if (!instances)
            return std::unexpected(instances.error());
        return PodsData{*std::move(connections), *std::move(instances)};
    }, [this](Result<PodsData> data) {
        if (!data) {
            pageState()->showError(data.error());
            return;
        }
        if (data->instances.isEmpty()) {
            m_detailRequest.begin();   // an answer on its way is for a pod no longer listed
            m_model->setInstances({}, {});
            showNothingStored(data->connections);
            return;
        }
        DataTimes times;
        for (const InstanceSnapshot &i : std::as_const(data->instances))
            times.note(i.connectionId, i.snapshotTs);
        showStaleness(data->connections, times);
        // Keep the user's pod selected across refreshes; the reset would otherwise drop it.
        const QString selected = m_pendingSelection.isEmpty() ? selectedInstanceId() : std::exchange(m_pendingSelection, QString());
        {
            // No detour through "nothing selected" while the model resets: one detail read below.
            const QSignalBlocker blocker(m_table->table()->selectionModel());
            m_model->setInstances(std::move(data->instances), connectionNames(data->connections));
            const int row = std::max(0, m_model->rowOf(selected));
            QModelIndex current = m_proxy->mapFromSource(m_model->index(row, PodsModel::Name));
            if (!current.isValid())
                current = m_proxy->index(0, PodsModel::Name);
            m_table->table()->setCurrentIndex(current);
        }
        m_table->table()->viewport()->update();   // the blocked signals would have repainted the selection
        pageState()->showContent();
        loadDetail();
    });
}

void PodsPage::setActionHandler(ActionHandler handler)
{
    m_actionHandler = std::move(handler);
    updateActions();
}

QPushButton *PodsPage::actionButton(PodAction action) const
{
    switch (action) {
    case PodAction::Stop: return m_stop;
    case PodAction::Resume: return m_resume;
    case PodAction::Reboot: return m_reboot;
    case PodAction::Terminate: return m_terminate;
    }
    return nullptr;
}

void PodsPage::updateActions()
{
    const QModelIndex current = m_table->table()->currentIndex();
    const InstanceSnapshot pod = current.isValid() ? m_model->instance(m_proxy->mapToSource(current).row()) : InstanceSnapshot();
    const bool shown = m_actionHandler && current.isValid() && hasPodLifecycle(pod.provider);
    const bool runpod = pod.provider == QLatin1String("runpod");
    m_resume->setText(runpod ? tr("Resume…") : tr("Start…"));
    for (PodAction action : {PodAction::Stop, PodAction::Resume, PodAction::Reboot, PodAction::Terminate}) {
        QPushButton *button = actionButton(action);
        button->setVisible(shown);
        const Result<void> offered = shown ? podActionAvailable(pod, action) : Result<void>();
        button->setToolTip(offered ? QString() : offered.error().message);
        button->setEnabled(shown && offered.has_value());
    }
    if (!shown)
        return;
    if (runpod) {
        // RunPod's desired status says which of them make sense now.
        m_stop->setEnabled(pod.status == QLatin1String("RUNNING"));
        m_resume->setEnabled(pod.status == QLatin1String("EXITED"));
    }
    if (pod.status.compare(QLatin1String("terminated"), Qt::CaseInsensitive) == 0) {
        for (QPushButton *button : {m_stop, m_resume, m_reboot, m_terminate})
            button->setEnabled(false);
    }
}

bool PodsPage::confirm(const InstanceSnapshot &pod, PodAction action)
{
    const QString name = pod.name.isEmpty() ? pod.instanceId : pod.name;
    const QString cost = SnapshotFormat::moneyPerHour(pod.costPerHour);
    switch (action) {
    case PodAction::Stop:
        return QMessageBox::question(this, tr("Stop pod"),
                   tr("Stop “%1” (%2, %3)? Its volume is kept and still billed for storage.").arg(name, PodsModel::gpuText(pod), cost))
            == QMessageBox::Yes;
    case PodAction::Resume: {
        const QString verb = m_resume->text().remove(QStringLiteral("…"));   // RunPod's "Resume", elsewhere "Start"
        return QMessageBox::question(this, verb, tr("%1 “%2” (%3)? It costs about %4 while it runs.").arg(verb, name, PodsModel::gpuText(pod), cost))
            == QMessageBox::Yes;
    }
    case PodAction::Reboot:
        return QMessageBox::question(this, tr("Reboot pod"),
                   tr("Reboot “%1” (%2)? Whatever runs on it now is interrupted.").arg(name, PodsModel::gpuText(pod)))
            == QMessageBox::Yes;
    case PodAction::Terminate: {
        // Terminating deletes the pod and its data: the user types the name, not just a click.
        bool ok = false;
        const QString typed = QInputDialog::getText(this, tr("Terminate pod"),
            tr("Terminating “%1” (%2) deletes the pod and everything on it. Type its name to confirm.").arg(name, cost),
            QLineEdit::Normal, QString(), &ok);
        return ok && typed.trimmed() == name;
    }
    }
    return false;
}

void PodsPage::requestAction(PodAction action)
{
    if (refuseWhenReadOnly())
        return;
    const QModelIndex current = m_table->table()->currentIndex();
    if (!current.isValid() || !m_actionHandler)
        return;
    const InstanceSnapshot pod = m_model->instance(m_proxy->mapToSource(current).row());
    if (!confirm(pod, action))
        return;
    const QString name = pod.name.isEmpty() ? pod.instanceId : pod.name;
    m_actionResult->setText(tr("%1: sending %2…").arg(name, podActionName(action)));
    for (QPushButton *button : {m_stop, m_resume, m_reboot, m_terminate})
        button->setEnabled(false);
    m_actionHandler(pod, action, this, [this, name, action](Result<QString> result) {
        m_actionResult->setText(result ? tr("%1: %2 accepted, now %3").arg(name, podActionName(action), result->isEmpty() ? tr("pending") : *result)
                                       : tr("%1: %2 failed — %3").arg(name, podActionName(action), describe(result.error())));
        updateActions();
    });
}

void PodsPage::loadDetail()
{
    updateActions();
    const QModelIndex current = m_table->table()->currentIndex();
    if (!current.isValid()) {
        m_detailRequest.begin();
        m_detailTitle->clear();
        m_detailState->showEmpty(tr("Select a pod to see its GPU utilisation over time."));
        return;
    }
    const InstanceSnapshot pod = m_model->instance(m_proxy->mapToSource(current).row());
    const QString name = pod.name.isEmpty() ? pod.instanceId : pod.name;
    m_detailTitle->setText(tr("%1 · %2 · %3 · %4").arg(name, PodsModel::gpuText(pod),
                                                       pod.status.isEmpty() ? SnapshotFormat::unknown() : pod.status,
                                                       SnapshotFormat::moneyPerHour(pod.costPerHour)));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime from = timeRange().from(now);
    const QDateTime to = timeRange().to(now);
    m_detailState->showLoading();
    readLatest<QList<InstanceSnapshot>>(m_detailRequest, [id = pod.instanceId, from, to](Store &store) {
        return store.instanceHistory(id, from, to);
    }, [this, pod, name, from, to](Result<QList<InstanceSnapshot>> history) {
        if (!history) {
            m_detailState->showError(history.error());
            return;
        }
        QList<TimedValue> points;
        for (const InstanceSnapshot &s : std::as_const(*history)) {
            // Instance ids are the provider's; another account could reuse one.
            if (s.connectionId == pod.connectionId && s.gpuUtilPercent)
                points.append({s.snapshotTs.toMSecsSinceEpoch(), *s.gpuUtilPercent});
        }
        if (points.isEmpty()) {
            m_detailState->showEmpty(tr("No GPU utilisation recorded for “%1” between %2 and %3. A pod that is not "
                                        "running reports none.").arg(name, localTime(from), localTime(to)));
            return;
        }
        m_chart->setData(pointSeries(points), from, to, tr("GPU utilisation — %1").arg(name));
        m_detailState->showContent();
    });
}

} // namespace fleetscope
