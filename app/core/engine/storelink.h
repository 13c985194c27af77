// Wires an engine to a store: collected batches go to the writer, sync outcomes onto the connection rows.
#pragma once

namespace fleetscope {

class Engine;
class StoreService;

void linkEngineToStore(Engine &engine, StoreService &store);

} // namespace fleetscope
