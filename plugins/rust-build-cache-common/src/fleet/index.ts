export {
  fleetCompileTime,
  FLEET_COMPILE_TIME_METHOD,
  type FleetTimingsInput,
} from './compileTime';
export {
  fleetToolchainDrift,
  FLEET_MAX_PIN_MISMATCHES,
  type FleetLatestReport,
} from './toolchainDrift';
export {
  fleetFragmentation,
  describeFragmentation,
  FLEET_KEY_DIMENSION_LABELS,
} from './fragmentation';
export {
  fleetTimeSaved,
  fleetTimeSavedFromDay,
  FLEET_TIME_SAVED_METHOD,
  type FleetSavingsDay,
} from './timeSaved';
