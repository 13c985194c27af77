// English plural forms for the %n messages ("%n row(s)" reads "1 row", "2 rows").
#pragma once

class QCoreApplication;

namespace fleetscope {

// Installs the English plural forms on APP, for a locale that has no Fleetscope translation of its
// own (a translation brings its own plural forms). False when they could not be loaded.
bool installEnglishPlurals(QCoreApplication &app);

} // namespace fleetscope
