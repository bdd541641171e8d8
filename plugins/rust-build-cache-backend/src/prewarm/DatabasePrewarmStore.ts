import { Knex } from 'knex';
import { DatabasePrewarmEffectReads } from './DatabasePrewarmEffectReads';
import { DatabasePrewarmRunStore } from './DatabasePrewarmRunStore';
import { DatabasePrewarmScheduleStore } from './DatabasePrewarmScheduleStore';
import { PrewarmStore } from './PrewarmStore';

/** {@link PrewarmStore} on the plugin's database (migrated by the plugin's main store). */
export class DatabasePrewarmStore implements PrewarmStore {
  private readonly schedules: DatabasePrewarmScheduleStore;
  private readonly runs: DatabasePrewarmRunStore;
  private readonly effect: DatabasePrewarmEffectReads;

  constructor(db: Knex) {
    this.schedules = new DatabasePrewarmScheduleStore(db);
    this.runs = new DatabasePrewarmRunStore(db);
    this.effect = new DatabasePrewarmEffectReads(db);
  }

  readonly createSchedule: DatabasePrewarmScheduleStore['createSchedule'] = (
    ...args
  ) => this.schedules.createSchedule(...args);
  readonly getSchedule: DatabasePrewarmScheduleStore['getSchedule'] = (
    ...args
  ) => this.schedules.getSchedule(...args);
  readonly listSchedules: DatabasePrewarmScheduleStore['listSchedules'] = (
    ...args
  ) => this.schedules.listSchedules(...args);
  readonly updateSchedule: DatabasePrewarmScheduleStore['updateSchedule'] = (
    ...args
  ) => this.schedules.updateSchedule(...args);
  readonly setPaused: DatabasePrewarmScheduleStore['setPaused'] = (...args) =>
    this.schedules.setPaused(...args);
  readonly pauseIfActive: DatabasePrewarmScheduleStore['pauseIfActive'] = (
    ...args
  ) => this.schedules.pauseIfActive(...args);
  readonly deleteSchedule: DatabasePrewarmScheduleStore['deleteSchedule'] = (
    ...args
  ) => this.schedules.deleteSchedule(...args);
  readonly insertRun: DatabasePrewarmRunStore['insertRun'] = (...args) =>
    this.runs.insertRun(...args);
  readonly getLastScheduledSlot: DatabasePrewarmRunStore['getLastScheduledSlot'] =
    (...args) => this.runs.getLastScheduledSlot(...args);
  readonly insertJobs: DatabasePrewarmRunStore['insertJobs'] = (...args) =>
    this.runs.insertJobs(...args);
  readonly getRun: DatabasePrewarmRunStore['getRun'] = (...args) =>
    this.runs.getRun(...args);
  readonly listRuns: DatabasePrewarmRunStore['listRuns'] = (...args) =>
    this.runs.listRuns(...args);
  readonly getLastRuns: DatabasePrewarmRunStore['getLastRuns'] = (...args) =>
    this.runs.getLastRuns(...args);
  readonly isJobUnfinished: DatabasePrewarmRunStore['isJobUnfinished'] = (
    ...args
  ) => this.runs.isJobUnfinished(...args);
  readonly getActiveGroupIds: DatabasePrewarmRunStore['getActiveGroupIds'] = (
    ...args
  ) => this.runs.getActiveGroupIds(...args);
  readonly updateJob: DatabasePrewarmRunStore['updateJob'] = (...args) =>
    this.runs.updateJob(...args);
  readonly updateRun: DatabasePrewarmRunStore['updateRun'] = (...args) =>
    this.runs.updateRun(...args);
  readonly requestCancel: DatabasePrewarmRunStore['requestCancel'] = (
    ...args
  ) => this.runs.requestCancel(...args);
  readonly heartbeat: DatabasePrewarmRunStore['heartbeat'] = (...args) =>
    this.runs.heartbeat(...args);
  readonly closeStaleRuns: DatabasePrewarmRunStore['closeStaleRuns'] = (
    ...args
  ) => this.runs.closeStaleRuns(...args);
  readonly findPrewarmReport: DatabasePrewarmEffectReads['findPrewarmReport'] =
    (...args) => this.effect.findPrewarmReport(...args);
  readonly getLatestSucceededJobs: DatabasePrewarmEffectReads['getLatestSucceededJobs'] =
    (...args) => this.effect.getLatestSucceededJobs(...args);
  readonly listConsumerRuns: DatabasePrewarmEffectReads['listConsumerRuns'] = (
    ...args
  ) => this.effect.listConsumerRuns(...args);
}
