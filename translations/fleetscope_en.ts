<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>fleetscope::AlertsPage</name>
    <message numerus="yes">
        <source>%n alert(s) acknowledged.</source>
        <translation>
            <numerusform>%n alert acknowledged.</numerusform>
            <numerusform>%n alerts acknowledged.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetscope::ConnectionsModel</name>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetscope::EndpointTestDialog</name>
    <message numerus="yes">
        <source>Delay and execution as RunPod reports them; the round trip is measured here, from sending the job to this answer, over %n request(s).</source>
        <translation>
            <numerusform>Delay and execution as RunPod reports them; the round trip is measured here, from sending the job to this answer, over %n request.</numerusform>
            <numerusform>Delay and execution as RunPod reports them; the round trip is measured here, from sending the job to this answer, over %n requests.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetscope::FleetConnectionsModel</name>
    <message numerus="yes">
        <source>Mean over %n GPU(s)</source>
        <translation>
            <numerusform>Mean over %n GPU</numerusform>
            <numerusform>Mean over %n GPUs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetscope::GitHubFetchBar</name>
    <message numerus="yes">
        <source>Retrying %n failed run(s)…</source>
        <translation>
            <numerusform>Retrying %n failed run…</numerusform>
            <numerusform>Retrying %n failed runs…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n completed run(s) in the range</source>
        <translation>
            <numerusform>%n completed run in the range</numerusform>
            <numerusform>%n completed runs in the range</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n completed run(s) in the range, about %1 API calls. Runs already stored are skipped. Backfill now?</source>
        <translation>
            <numerusform>%n completed run in the range, about %1 API calls. Runs already stored are skipped. Backfill now?</numerusform>
            <numerusform>%n completed runs in the range, about %1 API calls. Runs already stored are skipped. Backfill now?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetscope::GitHubFetchJob</name>
    <message numerus="yes">
        <source>%n run(s) retried: %1 failed again</source>
        <translation>
            <numerusform>%n run retried: %1 failed again</numerusform>
            <numerusform>%n runs retried: %1 failed again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new run(s): %1 completed, %2 failed, %3 skipped</source>
        <translation>
            <numerusform>%n new run: %1 completed, %2 failed, %3 skipped</numerusform>
            <numerusform>%n new runs: %1 completed, %2 failed, %3 skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetscope::GpuTypesModel</name>
    <message numerus="yes">
        <source>%n instance(s)</source>
        <translation>
            <numerusform>%n instance</numerusform>
            <numerusform>%n instances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moving these %n GPU(s) to the cheapest offer would save this much per hour</source>
        <translation>
            <numerusform>Moving these %n GPU to the cheapest offer would save this much per hour</numerusform>
            <numerusform>Moving these %n GPUs to the cheapest offer would save this much per hour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Per GPU-hour: %1 for %n instance(s)</source>
        <translation>
            <numerusform>Per GPU-hour: %1 for %n instance</numerusform>
            <numerusform>Per GPU-hour: %1 for %n instances</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetscope::GuardrailDialog</name>
    <message numerus="yes">
        <source>%n pod(s) would be stopped now:</source>
        <translation>
            <numerusform>%n pod would be stopped now:</numerusform>
            <numerusform>%n pods would be stopped now:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetscope::MainWindow</name>
    <message numerus="yes">
        <source>%n open alert(s) not yet acknowledged</source>
        <translation>
            <numerusform>%n open alert not yet acknowledged</numerusform>
            <numerusform>%n open alerts not yet acknowledged</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetscope::OverviewPage</name>
    <message numerus="yes">
        <source>of %1 listed, across %n connection(s)</source>
        <translation>
            <numerusform>of %1 listed, across %n connection</numerusform>
            <numerusform>of %1 listed, across %n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disabled connection(s) not counted</source>
        <translation>
            <numerusform>%n disabled connection not counted</numerusform>
            <numerusform>%n disabled connections not counted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n GPU type(s)</source>
        <translation>
            <numerusform>%n GPU type</numerusform>
            <numerusform>%n GPU types</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running instance(s) report no GPU count</source>
        <translation>
            <numerusform>%n running instance report no GPU count</numerusform>
            <numerusform>%n running instances report no GPU count</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n DCGM GPU(s) report metrics</source>
        <translation>
            <numerusform>%n DCGM GPU report metrics</numerusform>
            <numerusform>%n DCGM GPUs report metrics</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running without a price</source>
        <translation>
            <numerusform>%n running without a price</numerusform>
            <numerusform>%n running without a price</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>reported by %1 of %n connection(s)</source>
        <translation>
            <numerusform>reported by %1 of %n connection</numerusform>
            <numerusform>reported by %1 of %n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>mean over %n GPU(s), now</source>
        <translation>
            <numerusform>mean over %n GPU, now</numerusform>
            <numerusform>mean over %n GPUs, now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fleet GPU util (%), mean and range over %n DCGM GPU(s)</source>
        <translation>
            <numerusform>Fleet GPU util (%), mean and range over %n DCGM GPU</numerusform>
            <numerusform>Fleet GPU util (%), mean and range over %n DCGM GPUs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetscope::PodsModel</name>
    <message numerus="yes">
        <source>%n GPU(s)</source>
        <translation>
            <numerusform>%n GPU</numerusform>
            <numerusform>%n GPUs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetscope::SchemaReviewDialog</name>
    <message numerus="yes">
        <source>%n row(s) extracted from the sample.</source>
        <translation>
            <numerusform>%n row extracted from the sample.</numerusform>
            <numerusform>%n rows extracted from the sample.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetscope::SyncStatusBar</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetscope::TableView</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>Exported %n row to %1</numerusform>
            <numerusform>Exported %n rows to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetscope::WorkflowSummaryModel</name>
    <message numerus="yes">
        <source>The median of the %n point(s) before the latest.</source>
        <translation>
            <numerusform>The median of the %n point before the latest.</numerusform>
            <numerusform>The median of the %n points before the latest.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetscope::WorkflowsPage</name>
    <message numerus="yes">
        <source>Exported %n metric value(s) of “%1” to %2</source>
        <translation>
            <numerusform>Exported %n metric value of “%1” to %2</numerusform>
            <numerusform>Exported %n metric values of “%1” to %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>its %n run(s) and their %1 metric value(s)</source>
        <translation>
            <numerusform>its %n run and their %1 metric value(s)</numerusform>
            <numerusform>its %n runs and their %1 metric value(s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) stored</source>
        <translation>
            <numerusform>%n run stored</numerusform>
            <numerusform>%n runs stored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %2, average and range of %n series — %3</source>
        <translation>
            <numerusform>%1 %2, average and range of %n series — %3</numerusform>
            <numerusform>%1 %2, average and range of %n series — %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %2, average and range of %n series with %3 — %4</source>
        <translation>
            <numerusform>%1 %2, average and range of %n series with %3 — %4</numerusform>
            <numerusform>%1 %2, average and range of %n series with %3 — %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Newest runs of %n series: %1 regressed, %2 improved, %3 with too little history to judge.</source>
        <translation>
            <numerusform>Newest runs of %n series: %1 regressed, %2 improved, %3 with too little history to judge.</numerusform>
            <numerusform>Newest runs of %n series: %1 regressed, %2 improved, %3 with too little history to judge.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>setupwizard</name>
    <message numerus="yes">
        <source>every %n s</source>
        <translation>
            <numerusform>every %n s</numerusform>
            <numerusform>every %n s</numerusform>
        </translation>
    </message>
</context>
</TS>
