// The landing page: how much is stored (connections, series, samples) and a chart of one chosen series.
#pragma once

#include "page.h"

class QComboBox;
class QLabel;

namespace fleetscope {

class PageState;
class SeriesListModel;
class TimeSeriesChart;

class OverviewPage : public Page
{
    Q_OBJECT
public:
    OverviewPage(StoreService &store, QWidget *parent = nullptr);

    void reload() override;

    TimeSeriesChart *chart() const { return m_chart; }
    PageState *chartState() const { return m_chartState; }
    QComboBox *seriesPicker() const { return m_seriesPicker; }

private:
    struct Totals {
        QList<ConnectionRecord> connections;
        QList<SeriesInfo> series;
        qint64 samples = 0;
    };

    void showTotals(const Totals &totals);
    void loadChart();

    SeriesListModel *m_seriesModel = nullptr;
    QLabel *m_connectionsCount = nullptr;
    QLabel *m_seriesCount = nullptr;
    QLabel *m_samplesCount = nullptr;
    QComboBox *m_seriesPicker = nullptr;
    PageState *m_chartState = nullptr;
    TimeSeriesChart *m_chart = nullptr;
    LatestRequest m_totalsRequest;
    LatestRequest m_chartRequest;
};

} // namespace fleetscope
