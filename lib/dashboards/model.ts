/**
 * The dashboard model: versioned JSON, validated with zod wherever it enters (API, import, provisioning,
 * the database). Positions are on a 12-column grid; `h` counts rows of GRID_ROW_PX (see layout.ts).
 * Time-series, stat, bar gauge and table panels run PromQL `targets`; logs and traces panels run a
 * `search` (its strings may use `$variables` too).
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 1;
export const GRID_COLUMNS = 12;

export const PANEL_TYPES = ['timeseries', 'stat', 'bargauge', 'table', 'logs', 'traces'] as const;
export type PanelType = (typeof PANEL_TYPES)[number];

export const REFRESH_OPTIONS = ['off', '5s', '10s', '30s', '1m'] as const;
export type RefreshOption = (typeof REFRESH_OPTIONS)[number];

/** Letters, digits, `-` and `_`: a uid is part of the dashboard's URL. */
export const UID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

const variableSchema = z.object({
  name: z.string().regex(VARIABLE_NAME, 'a variable name is letters, digits and _, not starting with a digit'),
  label: z.string().max(100).optional(),
  type: z.enum(['query', 'custom']),
  /** For `query`: `label_values(metric, label)` or `label_values(label)`. */
  query: z.string().max(2000).optional(),
  /** For `custom`: the fixed values. */
  options: z.array(z.string().max(500)).max(500).optional(),
  multi: z.boolean().default(false),
  includeAll: z.boolean().optional(),
}).superRefine((v, ctx) => {
  if (v.type === 'query' && !v.query) ctx.addIssue({ code: 'custom', path: ['query'], message: 'a query variable needs label_values(metric, label)' });
  if (v.type === 'custom' && !v.options?.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a custom variable needs options' });
});

const gridPosSchema = z.object({
  x: z.number().int().min(0).max(GRID_COLUMNS - 1),
  y: z.number().int().min(0).max(1000),
  w: z.number().int().min(1).max(GRID_COLUMNS),
  h: z.number().int().min(1).max(40),
}).refine((g) => g.x + g.w <= GRID_COLUMNS, { message: `x + w must be at most ${GRID_COLUMNS}` });

const targetSchema = z.object({
  expr: z.string().min(1).max(10_000),
  /** Legend template: `{{label}}` is replaced by the series' label value. */
  legend: z.string().max(500).optional(),
});

const searchSchema = z.object({
  service: z.string().max(256).optional(),
  severity: z.string().max(32).optional(),
  query: z.string().max(1000).optional(),
  operation: z.string().max(1024).optional(),
  minDuration: z.string().max(32).optional(),
  errorsOnly: z.boolean().optional(),
  sort: z.enum(['newest', 'slowest', 'errors']).optional(),
  limit: z.number().int().min(1).max(200).optional(),
});

const thresholdSchema = z.object({ value: z.number(), color: z.string().max(32) });

const optionsSchema = z.object({
  unit: z.enum(['auto', 'seconds', 'milliseconds', 'bytes', 'bytesPerSecond', 'ratio', 'percent', 'none']).default('auto'),
  stacked: z.boolean().default(false),
  thresholds: z.array(thresholdSchema).max(20).default([]),
  /** Draw exemplar markers (time series only). */
  exemplars: z.boolean().default(true),
});

const panelSchema = z.object({
  id: z.number().int().min(1),
  type: z.enum(PANEL_TYPES),
  title: z.string().max(200),
  description: z.string().max(2000).optional(),
  gridPos: gridPosSchema,
  targets: z.array(targetSchema).max(10).default([]),
  search: searchSchema.optional(),
  options: optionsSchema.default({ unit: 'auto', stacked: false, thresholds: [], exemplars: true }),
}).superRefine((p, ctx) => {
  const searches = p.type === 'logs' || p.type === 'traces';
  if (!searches && p.targets.length === 0) ctx.addIssue({ code: 'custom', path: ['targets'], message: `a ${p.type} panel needs at least one query` });
});

export const dashboardModelSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  uid: z.string().regex(UID_PATTERN, 'uid: 1–64 letters, digits, - or _'),
  title: z.string().trim().min(1).max(200),
  description: z.string().max(2000).optional(),
  tags: z.array(z.string().max(64)).max(50).default([]),
  variables: z.array(variableSchema).max(20).default([]),
  panels: z.array(panelSchema).max(100).default([]),
  time: z.object({ from: z.string().max(32), to: z.string().max(32) }).optional(),
  refresh: z.enum(REFRESH_OPTIONS).optional(),
}).superRefine((d, ctx) => {
  const ids = new Set<number>();
  d.panels.forEach((p, i) => {
    if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: ['panels', i, 'id'], message: `panel id ${p.id} is used twice` });
    ids.add(p.id);
  });
  const names = new Set<string>();
  d.variables.forEach((v, i) => {
    if (names.has(v.name)) ctx.addIssue({ code: 'custom', path: ['variables', i, 'name'], message: `variable ${v.name} is defined twice` });
    names.add(v.name);
  });
});

export type DashboardModel = z.infer<typeof dashboardModelSchema>;
export type DashboardVariable = DashboardModel['variables'][number];
export type DashboardPanel = DashboardModel['panels'][number];
export type PanelTarget = DashboardPanel['targets'][number];
export type PanelSearch = z.infer<typeof searchSchema>;
export type PanelOptions = DashboardPanel['options'];
export type Threshold = z.infer<typeof thresholdSchema>;

export type ParseResult = { ok: true; model: DashboardModel } | { ok: false; message: string };

/** One readable line per issue: `panels.2.gridPos: x + w must be at most 12`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/** Validates an already parsed value. */
export function parseDashboardModel(value: unknown): ParseResult {
  const parsed = dashboardModelSchema.safeParse(value);
  return parsed.success ? { ok: true, model: parsed.data } : { ok: false, message: describeIssues(parsed.error) };
}

/** Parses and validates JSON text (import, provisioning files). */
export function parseDashboardJson(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  return parseDashboardModel(value);
}

/** A new, empty dashboard. */
export function emptyDashboard(uid: string, title: string): DashboardModel {
  return { schemaVersion: SCHEMA_VERSION, uid, title, tags: [], variables: [], panels: [] };
}

/** A uid from a title: lowercase words joined by `-`, with a random suffix so two "Untitled" never clash. */
export function uidFromTitle(title: string, random: () => number = Math.random): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48) || 'dashboard';
  const suffix = Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0');
  return `${slug}-${suffix}`;
}
