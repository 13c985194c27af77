// The SQL behind each export dataset, shared by both dialects; columns follow export/datasets.cpp exactly.
#pragma once

#include <QString>

namespace fleetscope {

// The select for dataset NAME, or nullptr. ?1/?2 bound the time column, half-open; the text is
// plain SQL both dialects read alike (PostgreSQL takes it through toPgPlaceholders()).
const char *datasetSelect(const QString &name);
// Datasets whose SQL is SQLite's own so far (JSON functions differ); PostgreSQL refuses them.
const char *sqliteOnlyDatasetSelect(const QString &name);

} // namespace fleetscope
