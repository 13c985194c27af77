#include "plurals.h"

#include <QCoreApplication>
#include <QTranslator>

namespace fleetscope {

bool installEnglishPlurals(QCoreApplication &app)
{
    auto *plurals = new QTranslator(&app);
    if (!plurals->load(QStringLiteral(":/i18n/fleetscope_en.qm"))) {
        delete plurals;
        return false;
    }
    return QCoreApplication::installTranslator(plurals);
}

} // namespace fleetscope
