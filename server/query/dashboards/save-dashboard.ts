import { parseDashboardJson, parseDashboardModel, type DashboardModel } from '@/lib/dashboards/model';
import { insertDashboardRow, updateDashboardRow } from '@/server/store/dashboards';
import { DashboardConflictError, DashboardInvalidError, DashboardNotFoundError } from './errors';

function validated(value: unknown): DashboardModel {
  const parsed = parseDashboardModel(value);
  if (!parsed.ok) throw new DashboardInvalidError(parsed.message);
  return parsed.model;
}

/** Stores a new dashboard at version 1; DashboardConflictError when its uid is taken. */
export function createDashboard(value: unknown, nowMs: number = Date.now()): { uid: string; version: number } {
  const model = validated(value);
  const inserted = insertDashboardRow({ uid: model.uid, title: model.title, modelJson: JSON.stringify(model), nowMs });
  if (!inserted) throw new DashboardConflictError(`A dashboard with uid "${model.uid}" already exists`);
  return { uid: model.uid, version: 1 };
}

/** Imports exported JSON text (validated) as a new dashboard. */
export function importDashboard(jsonText: string, nowMs: number = Date.now()): { uid: string; version: number } {
  const parsed = parseDashboardJson(jsonText);
  if (!parsed.ok) throw new DashboardInvalidError(parsed.message);
  return createDashboard(parsed.model, nowMs);
}

/**
 * Saves over version `expectedVersion`: fails with DashboardConflictError when someone saved since,
 * so a stale editor never silently overwrites newer work. The uid cannot change on save.
 */
export function updateDashboard(uid: string, expectedVersion: number, value: unknown, nowMs: number = Date.now()): { uid: string; version: number } {
  const model = validated(value);
  if (model.uid !== uid) throw new DashboardInvalidError(`uid "${model.uid}" does not match the dashboard being saved ("${uid}")`);
  const outcome = updateDashboardRow(uid, expectedVersion, model.title, JSON.stringify(model), nowMs);
  if (outcome.kind === 'not-found') throw new DashboardNotFoundError(uid);
  if (outcome.kind === 'conflict') {
    throw new DashboardConflictError(`The dashboard was saved by someone else (version ${outcome.currentVersion}, you edited ${expectedVersion}); reload it`, outcome.currentVersion);
  }
  return { uid, version: outcome.version };
}
