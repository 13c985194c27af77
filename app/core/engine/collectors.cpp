// Collector lookup by kind. No provider adapters are compiled in yet, so every kind is refused
// with a Config error that the Providers page and the CLI show as is.
#include "collectors.h"

namespace fleetscope {

CollectorFactory builtinCollectors()
{
    return [](const ConnectionRecord &connection) -> Result<std::unique_ptr<Collector>> {
        return fail(ErrorClass::Config, QStringLiteral("%1: this build has no collector for provider kind '%2'")
                                            .arg(connection.name, connection.kind));
    };
}

} // namespace fleetscope
