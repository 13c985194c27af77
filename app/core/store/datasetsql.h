// The SQL behind each export dataset, shared by both dialects; columns follow export/datasets.cpp exactly.
#pragma once

#include <QString>

namespace fleetscope {

// The select for dataset NAME, or nullptr. ?1/?2 bound the time column, half-open; the text is
// plain SQL both dialects read alike (PostgreSQL takes it through toPgPlaceholders()).
const char *datasetSelect(const QString &name);
// Datasets whose SQL differs by dialect (the JSON functions): each dialect's select, or nullptr;
// the same columns, rows and order from both.
const char *sqliteDatasetSelect(const QString &name);
const char *postgresDatasetSelect(const QString &name);

} // namespace fleetscope
