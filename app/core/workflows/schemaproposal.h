// Proposing a metric schema from a sample result file that no built-in recognizer knows: by its
// shape (always available), for the user to review, edit and confirm before it is used.
#pragma once

#include "metricschema.h"

namespace fleetscope {

struct SchemaProposal {
    MetricSchema schema;     // source "heuristic" or "ai", not stored yet
    QStringList notes;       // what was left out and why, or why an AI proposal was not used
};

// The heuristic proposal: the largest array of objects holds the records (none: the file is one
// record); within a record numbers become metrics (unit and direction inferred from the name),
// strings, booleans and whole-number parameters (batch_size, threads, input_len) dimensions;
// strings and booleans outside the records become dimensions of every record. Timestamps and
// arrays of plain values are left out. A BadData error naming the file when it is not JSON or
// holds no number at all.
Result<SchemaProposal> proposeSchemaHeuristically(const ResultFile &sample);

// The sample parsed as proposals read it (lenient JSON); a BadData error naming its path otherwise.
Result<QJsonDocument> parseSample(const ResultFile &sample);

} // namespace fleetscope
