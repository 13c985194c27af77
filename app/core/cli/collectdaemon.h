// The headless collector behind `fleetscope collect` without --once.
#pragma once

#include "alerts/alertwebhook.h"
#include "cli/commandcontext.h"

#include <optional>

namespace fleetscope {

// Collects every enabled connection in the store (and FROM_ENVIRONMENT, the RunPod account the
// RUNPOD_* variables describe, when set) on its cadence, picking up connections added, changed or
// removed meanwhile. Collectors sharing a PostgreSQL store split the connections: each connection is
// collected by one of them at a time (CollectorLease), and taken over when that one stops. On SIGTERM
// or SIGINT it cancels the cycles in flight, commits every batch already collected and returns
// ExitOk. Alert rules are evaluated after every batch of collected data. One line per event (stored
// batch, failure, new alert) on stderr, journald-friendly. Batches the store cannot take while its
// server is gone wait in the journal and are written, in order, once it is back.
// With WEBHOOK, new alerts are also POSTed there (retried; failures logged, never fatal).
// Through an outage of the store, batches wait in this journal (BatchJournal), one per store, so
// they are only ever written into the store they were collected for: DATA_DIR/collect-ID.journal.
QString collectJournalPath(const QString &dataDir, const StoreLocation &location);

int runCollectDaemon(const CommandContext &ctx, const std::optional<ConnectionRecord> &fromEnvironment,
                     const std::optional<AlertWebhook> &webhook);

} // namespace fleetscope
