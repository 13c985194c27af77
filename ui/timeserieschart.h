// A bucketed time series on Qt Charts: min–max band plus average line (or one value line, or one line per group), hover readout, PNG/SVG export.
#pragma once

#include "domain.h"
#include "error.h"

#include <QDateTime>
#include <QPointF>
#include <QTimer>
#include <QWidget>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QToolButton;
class QValueAxis;

namespace fleetscope {

class TimeSeriesChart : public QWidget
{
    Q_OBJECT
public:
    explicit TimeSeriesChart(QWidget *parent = nullptr);

    // A point to call out on the line: a regression (red) or an improvement (green), with what to
    // say about it in the tooltip and the readout.
    struct Marker {
        enum class Kind { Bad, Good };
        qint64 tMs = 0;
        double value = 0;
        Kind kind = Kind::Bad;
        QString text;
    };

    // Marks the chart dirty; the redraw follows within ~40 ms, so bursts of updates cost one
    // redraw and the chart never repaints more than ~25 times a second. FROM/TO is the x range.
    void setData(const BucketSeries &series, const QDateTime &from, const QDateTime &to, const QString &title);
    // For series of single readings (snapshots, see pointSeries): draws one line named NAME from
    // a zero-based axis instead of the min–max band and average. Empty NAME: bucket mode.
    void setValueName(const QString &name) { m_valueName = name; }
    // Markers drawn from the next redraw on, until replaced; set them before setData.
    void setMarkers(const QList<Marker> &markers) { m_pendingMarkers = markers; }

    // A named line of its own (x: ms since the epoch), for one line per group.
    struct Line {
        QString name;
        QList<QPointF> points;
    };
    // Lines drawn from the next redraw on instead of the band, until replaced; set them before setData, whose
    // series then only sets the y range and the readout's buckets. Empty: the band (or value line) again.
    void setLines(const QList<Line> &lines) { m_pendingLines = lines; }

    // What is on screen now (after the coalesced redraw), for tests and exports.
    qsizetype bucketCount() const { return m_shown.buckets.size(); }
    const QList<Marker> &markers() const { return m_shownMarkers; }
    const QList<Line> &lines() const { return m_shownLines; }
    QDateTime shownFrom() const { return m_shownFrom; }
    QDateTime shownTo() const { return m_shownTo; }
    QString title() const { return m_shownTitle; }

    // "14:05 – min 12 · avg 40.2 · max 88 · last 51" for the bucket under T_MS, and the text of
    // the markers in it; empty when none.
    QString describeBucketAt(qint64 tMs) const;

    Result<void> exportPng(const QString &path);
    Result<void> exportSvg(const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void redraw();
    void addMarkers(Marker::Kind kind);
    void applyPalette();
    void flushPendingRedraw();
    void showIdleReadout();
    void promptExport(bool svg);
    QString formatTime(qint64 ms) const;

    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QDateTimeAxis *m_xAxis = nullptr;
    QValueAxis *m_yAxis = nullptr;
    QLabel *m_readout = nullptr;
    QToolButton *m_exportButton = nullptr;
    QTimer m_redrawTimer;

    BucketSeries m_pending;
    QDateTime m_pendingFrom;
    QDateTime m_pendingTo;
    QString m_pendingTitle;
    QList<Marker> m_pendingMarkers;
    QList<Line> m_pendingLines;

    BucketSeries m_shown;
    QDateTime m_shownFrom;
    QDateTime m_shownTo;
    QString m_shownTitle;
    QList<Marker> m_shownMarkers;
    QList<Line> m_shownLines;
    QString m_valueName;
};

} // namespace fleetscope
