// TimeSeriesChart: coalesced redraws, palette-following theme, hover readout and exports.
#include "timeserieschart.h"

#include "bucketbands.h"
#include "exportfile.h"

#include <QAction>
#include <QAreaSeries>
#include <QBuffer>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QRegularExpression>
#include <QScatterSeries>
#include <QSvgGenerator>
#include <QToolButton>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace fleetscope {
namespace {

constexpr int kRedrawIntervalMs = 40;   // ~25 redraws a second at most

QString formatValue(double value)
{
    if (std::abs(value) >= 10000)
        return QLocale().toString(value, 'f', 0);
    return QLocale().toString(value, 'g', 4);
}

// Tick labels that stay readable for the span shown: times within a day, dates beyond a week.
QString axisFormat(qint64 spanMs)
{
    constexpr qint64 day = 24 * 3600 * 1000LL;
    if (spanMs <= day)
        return QStringLiteral("HH:mm");
    if (spanMs <= 7 * day)
        return QStringLiteral("ddd HH:mm");
    return QStringLiteral("MMM d");
}

} // namespace

TimeSeriesChart::TimeSeriesChart(QWidget *parent)
    : QWidget(parent)
{
    m_chart = new QChart();
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_xAxis = new QDateTimeAxis(m_chart);
    m_xAxis->setTickCount(7);
    m_yAxis = new QValueAxis(m_chart);
    m_yAxis->setLabelFormat(QStringLiteral("%.4g"));
    m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);

    m_view = new QChartView(m_chart, this);   // the view owns the chart
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setAccessibleName(tr("Time series chart"));
    m_view->setMinimumHeight(220);
    m_view->viewport()->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);

    auto *exportPng = new QAction(tr("Export as PNG…"), this);
    auto *exportSvg = new QAction(tr("Export as SVG…"), this);
    connect(exportPng, &QAction::triggered, this, [this] { promptExport(false); });
    connect(exportSvg, &QAction::triggered, this, [this] { promptExport(true); });
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(exportPng);
    m_view->addAction(exportSvg);

    m_readout = new QLabel(this);
    m_readout->setTextFormat(Qt::PlainText);
    m_readout->setAccessibleName(tr("Bucket under the pointer"));
    m_exportButton = new QToolButton(this);
    m_exportButton->setText(tr("Export"));
    m_exportButton->setAccessibleName(tr("Export chart"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_exportButton);
    menu->addAction(exportPng);
    menu->addAction(exportSvg);
    m_exportButton->setMenu(menu);

    auto *header = new QHBoxLayout;
    header->addWidget(m_readout, 1);
    header->addWidget(m_exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);

    m_redrawTimer.setSingleShot(true);
    m_redrawTimer.setInterval(kRedrawIntervalMs);
    connect(&m_redrawTimer, &QTimer::timeout, this, &TimeSeriesChart::redraw);

    applyPalette();
    showIdleReadout();
}

void TimeSeriesChart::setData(const BucketSeries &series, const QDateTime &from, const QDateTime &to, const QString &title)
{
    m_pending = series;
    m_pendingFrom = from;
    m_pendingTo = to;
    m_pendingTitle = title;
    if (!m_redrawTimer.isActive())
        m_redrawTimer.start();
}

void TimeSeriesChart::flushPendingRedraw()
{
    if (m_redrawTimer.isActive()) {
        m_redrawTimer.stop();
        redraw();
    }
}

void TimeSeriesChart::redraw()
{
    m_shown = m_pending;
    m_shownFrom = m_pendingFrom;
    m_shownTo = m_pendingTo;
    m_shownTitle = m_pendingTitle;
    m_shownMarkers = m_pendingMarkers;
    m_shownLines = m_pendingLines;

    m_chart->removeAllSeries();
    m_chart->setTitle(m_shownTitle);
    const QColor accent = palette().color(QPalette::Highlight);
    QColor bandColour = accent;
    bandColour.setAlphaF(0.25f);

    for (const Line &named : std::as_const(m_shownLines)) {
        auto *line = new QLineSeries();
        line->replace(named.points);
        line->setName(named.name);
        line->setPointsVisible(true);
        m_chart->addSeries(line);   // the theme gives each line its colour
        QPen pen = line->pen();
        pen.setWidthF(2);
        line->setPen(pen);
        line->attachAxis(m_xAxis);
        line->attachAxis(m_yAxis);
    }
    const bool valueMode = !m_valueName.isEmpty();
    bool first = true;
    for (const BucketBand &band : m_shownLines.isEmpty() ? bucketBands(m_shown) : QList<BucketBand>()) {
        if (valueMode) {
            auto *line = new QLineSeries();
            line->replace(band.avg);
            line->setName(m_valueName);
            if (band.avg.size() == 1) {   // a lone observation is a dot, not nothing
                line->setPointsVisible(true);
                line->setMarkerSize(10);
            }
            QPen pen(accent);
            pen.setWidthF(2);
            line->setPen(pen);
            m_chart->addSeries(line);
            line->attachAxis(m_xAxis);
            line->attachAxis(m_yAxis);
            if (!first) {
                for (QLegendMarker *marker : m_chart->legend()->markers(line))
                    marker->setVisible(false);
            }
            first = false;
            continue;
        }
        auto *area = new QAreaSeries();
        auto *upper = new QLineSeries(area);
        auto *lower = new QLineSeries(area);
        upper->replace(band.max);
        lower->replace(band.min);
        area->setUpperSeries(upper);
        area->setLowerSeries(lower);
        area->setName(tr("Min – max"));
        area->setBrush(bandColour);
        area->setPen(Qt::NoPen);

        auto *average = new QLineSeries();
        average->replace(band.avg);
        average->setName(tr("Average"));
        QPen pen(accent);
        pen.setWidthF(2);
        average->setPen(pen);

        for (QAbstractSeries *series : {static_cast<QAbstractSeries *>(area), static_cast<QAbstractSeries *>(average)}) {
            m_chart->addSeries(series);
            series->attachAxis(m_xAxis);
            series->attachAxis(m_yAxis);
            // One legend entry per kind, not one per unbroken stretch.
            if (!first) {
                for (QLegendMarker *marker : m_chart->legend()->markers(series))
                    marker->setVisible(false);
            }
        }
        first = false;
    }
    addMarkers(Marker::Kind::Bad);
    addMarkers(Marker::Kind::Good);
    m_chart->legend()->setVisible(!m_shown.buckets.isEmpty());

    double low = 0;
    double high = 1;
    if (!m_shown.buckets.isEmpty()) {
        low = m_shown.buckets.first().min;
        high = m_shown.buckets.first().max;
        for (const Bucket &bucket : m_shown.buckets) {
            low = std::min(low, bucket.min);
            high = std::max(high, bucket.max);
        }
        for (const Line &line : std::as_const(m_shownLines)) {
            for (const QPointF &point : line.points) {
                low = std::min(low, point.y());
                high = std::max(high, point.y());
            }
        }
        for (const Marker &marker : std::as_const(m_shownMarkers)) {
            low = std::min(low, marker.value);
            high = std::max(high, marker.value);
        }
    }
    if (valueMode)
        low = std::min(low, 0.0);   // counts, percentages and money read against zero
    if (high <= low)
        high = low + 1;   // a flat line still needs a visible y span
    m_yAxis->setRange(low, high);
    m_yAxis->applyNiceNumbers();
    if (m_shownFrom.isValid() && m_shownTo.isValid()) {
        m_xAxis->setFormat(axisFormat(m_shownFrom.msecsTo(m_shownTo)));
        m_xAxis->setRange(m_shownFrom.toLocalTime(), m_shownTo.toLocalTime());
    }
    showIdleReadout();
}

void TimeSeriesChart::addMarkers(Marker::Kind kind)
{
    QList<Marker> markers;
    for (const Marker &marker : std::as_const(m_shownMarkers)) {
        if (marker.kind == kind)
            markers << marker;
    }
    if (markers.isEmpty())
        return;
    auto *points = new QScatterSeries();
    points->setName(kind == Marker::Kind::Bad ? tr("Regression") : tr("Improvement"));
    // Red and green read on light and dark palettes alike; the outline keeps them apart from the line.
    points->setColor(kind == Marker::Kind::Bad ? QColor(0xd6, 0x27, 0x28) : QColor(0x2c, 0xa0, 0x2c));
    points->setBorderColor(palette().color(QPalette::Base));
    points->setMarkerSize(13);
    for (const Marker &marker : std::as_const(markers))
        points->append(qreal(marker.tMs), marker.value);
    m_chart->addSeries(points);
    points->attachAxis(m_xAxis);
    points->attachAxis(m_yAxis);
    connect(points, &QScatterSeries::hovered, this, [this, markers](const QPointF &point, bool state) {
        if (!state) {
            QToolTip::hideText();
            return;
        }
        QStringList texts;
        for (const Marker &marker : markers) {
            if (qreal(marker.tMs) == point.x())
                texts << marker.text;
        }
        QToolTip::showText(QCursor::pos(), texts.join(QLatin1Char('\n')), m_view);
    });
}

void TimeSeriesChart::applyPalette()
{
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    m_chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    // The themes bring their own backgrounds; the window's own colours make the chart sit in the page.
    m_chart->setBackgroundBrush(pal.brush(QPalette::Base));
    m_chart->setTitleBrush(pal.brush(QPalette::Text));
    m_chart->legend()->setLabelColor(pal.color(QPalette::Text));
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_xAxis), static_cast<QAbstractAxis *>(m_yAxis)}) {
        axis->setLabelsBrush(pal.brush(QPalette::Text));
        axis->setGridLineColor(pal.color(QPalette::Mid));
        axis->setLinePenColor(pal.color(QPalette::Mid));
    }
    QFont titleFont = font();
    titleFont.setBold(true);
    m_chart->setTitleFont(titleFont);
}

void TimeSeriesChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
        m_pending = m_shown;   // series colours come from the palette too
        m_pendingFrom = m_shownFrom;
        m_pendingTo = m_shownTo;
        m_pendingTitle = m_shownTitle;
        m_pendingMarkers = m_shownMarkers;
        m_pendingLines = m_shownLines;
        redraw();
    }
    QWidget::changeEvent(event);
}

QString TimeSeriesChart::formatTime(qint64 ms) const
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms).toLocalTime();
    return QLocale().toString(local, QLocale::ShortFormat);
}

QString TimeSeriesChart::describeBucketAt(qint64 tMs) const
{
    const Bucket *bucket = bucketAt(m_shown, tMs);
    if (!bucket)
        return {};
    QStringList lineValues;   // each line's point in the bucket
    for (const Line &line : m_shownLines) {
        for (const QPointF &point : line.points) {
            if (point.x() >= qreal(bucket->startMs) && point.x() < qreal(bucket->startMs + std::max<qint64>(m_shown.widthMs, 1)))
                lineValues << tr("%1: %2").arg(line.name, formatValue(point.y()));
        }
    }
    QString text = !lineValues.isEmpty()
        ? tr("%1  –  %2").arg(formatTime(bucket->startMs + m_shown.widthMs / 2), lineValues.join(QStringLiteral(" · ")))
        : !m_valueName.isEmpty()
        ? tr("%1  –  %2: %3").arg(formatTime(bucket->startMs + m_shown.widthMs / 2), m_valueName, formatValue(bucket->last))
        : tr("%1  –  min %2 · avg %3 · max %4 · last %5")
              .arg(formatTime(bucket->startMs), formatValue(bucket->min), formatValue(bucket->avg),
                   formatValue(bucket->max), formatValue(bucket->last));
    for (const Marker &marker : m_shownMarkers) {
        if (marker.tMs >= bucket->startMs && marker.tMs < bucket->startMs + std::max<qint64>(m_shown.widthMs, 1))
            text += tr("  ·  %1").arg(marker.text);
    }
    return text;
}

void TimeSeriesChart::showIdleReadout()
{
    if (m_shown.buckets.isEmpty() && m_shownFrom.isValid())
        m_readout->setText(tr("No samples between %1 and %2.").arg(formatTime(m_shownFrom.toMSecsSinceEpoch()),
                                                                    formatTime(m_shownTo.toMSecsSinceEpoch())));
    else if (m_shown.buckets.isEmpty())
        m_readout->clear();
    else if (!m_valueName.isEmpty() || !m_shownLines.isEmpty())
        m_readout->setText(tr("Point at the chart to read a value."));
    else
        m_readout->setText(tr("Point at the chart to read a bucket's min, average, max and last value."));
}

bool TimeSeriesChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport()) {
        if (event->type() == QEvent::MouseMove) {
            const QPointF scenePos = m_view->mapToScene(static_cast<QMouseEvent *>(event)->position().toPoint());
            const QPointF chartPos = m_chart->mapFromScene(scenePos);
            const QString text = m_chart->plotArea().contains(chartPos)
                ? describeBucketAt(qint64(m_chart->mapToValue(chartPos).x())) : QString();
            if (text.isEmpty())
                showIdleReadout();
            else
                m_readout->setText(text);
        } else if (event->type() == QEvent::Leave) {
            showIdleReadout();
        }
    }
    return QWidget::eventFilter(watched, event);
}

Result<void> TimeSeriesChart::exportPng(const QString &path)
{
    flushPendingRedraw();
    return writePngFile(path, m_view->grab().toImage());
}

Result<void> TimeSeriesChart::exportSvg(const QString &path)
{
    flushPendingRedraw();
    QByteArray svg;
    QBuffer buffer(&svg);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(m_view->size());
    generator.setViewBox(QRect(QPoint(0, 0), m_view->size()));
    generator.setTitle(m_shownTitle);
    generator.setDescription(tr("Exported from Fleetscope"));
    QPainter painter;
    if (!painter.begin(&generator))
        return fail(ErrorClass::BadData, tr("%1: could not render the chart as SVG").arg(path));
    m_view->render(&painter);
    painter.end();
    return writeExportFile(path, svg);
}

void TimeSeriesChart::promptExport(bool svg)
{
    const QString filter = svg ? tr("SVG images (*.svg)") : tr("PNG images (*.png)");
    const QString suffix = svg ? QStringLiteral(".svg") : QStringLiteral(".png");
    QString name = m_shownTitle.isEmpty() ? tr("chart") : m_shownTitle;
    name.replace(QRegularExpression(QStringLiteral("[^\\w.-]+")), QStringLiteral("_"));
    const QString path = QFileDialog::getSaveFileName(this, svg ? tr("Export chart as SVG") : tr("Export chart as PNG"),
                                                      name + suffix, filter);
    if (path.isEmpty())
        return;
    const Result<void> result = svg ? exportSvg(path) : exportPng(path);
    if (!result)
        QMessageBox::warning(this, tr("Export failed"), describe(result.error()));
}

} // namespace fleetscope
