/**
 * The Resource* → Scope* → item nesting shared by all three signals, walked once for both encodings.
 * Structural problems in the containers (not an array / not an object) are body-level errors; a bad
 * resource or scope rejects the items beneath it; item problems are handled by the signal converter.
 */
import type { DecodedExport, ResourceRow, ScopedRows, ScopeRow } from '@/server/store/rows';
import { OtlpDecodeError, Rejections } from './errors';
import { convertResource, convertScope } from './resource-scope';
import { containerList, isObject } from './scalars';
import type { OtlpObject } from './schema';

/** Field names of one signal's nesting, e.g. resourceSpans / scopeSpans / spans. */
export interface ExportShape {
  resources: string;
  scopes: string;
  items: string;
}

export interface ItemConverter<T> {
  /** Converts one item into zero or more rows, recording its own rejections. */
  convert(item: unknown, out: T[], rejections: Rejections): void;
  /** How many countable items (spans, records, data points) `item` holds, for bulk rejection. */
  count(item: unknown): number;
}

function countItems<T>(items: readonly unknown[], converter: ItemConverter<T>): number {
  let n = 0;
  for (const item of items) n += converter.count(item);
  return n;
}

function countScopes<T>(scopes: readonly unknown[], shape: ExportShape, converter: ItemConverter<T>): number {
  let n = 0;
  for (const scope of scopes) {
    const items = isObject(scope) ? scope[shape.items] : null;
    if (Array.isArray(items)) n += countItems(items, converter);
  }
  return n;
}

function walkScopes<T>(
  scopes: readonly unknown[],
  resource: ResourceRow,
  ctx: { shape: ExportShape; converter: ItemConverter<T>; rejections: Rejections; path: string },
  groups: ScopedRows<T>[],
): void {
  for (let s = 0; s < scopes.length; s++) {
    const scopeItems = scopes[s];
    const path = `${ctx.path}[${s}]`;
    if (!isObject(scopeItems)) throw new OtlpDecodeError(`${path} must be an object`);
    const items = containerList(scopeItems[ctx.shape.items], `${path}.${ctx.shape.items}`);
    let scope: ScopeRow;
    try {
      scope = convertScope(scopeItems.scope, scopeItems.schemaUrl);
    } catch (error) {
      ctx.rejections.addError(countItems(items, ctx.converter), error, 'scope');
      continue;
    }
    const rows: T[] = [];
    for (let i = 0; i < items.length; i++) ctx.converter.convert(items[i], rows, ctx.rejections);
    if (rows.length > 0) groups.push({ resource, scope, rows });
  }
}

/** Walks a decoded export request (protobuf message or JSON object) into grouped rows. */
export function walkExport<T>(request: OtlpObject, shape: ExportShape, converter: ItemConverter<T>): DecodedExport<T> {
  const rejections = new Rejections();
  const groups: ScopedRows<T>[] = [];
  const resources = containerList(request[shape.resources], shape.resources);
  for (let r = 0; r < resources.length; r++) {
    const resourceItems = resources[r];
    const path = `${shape.resources}[${r}]`;
    if (!isObject(resourceItems)) throw new OtlpDecodeError(`${path} must be an object`);
    const scopes = containerList(resourceItems[shape.scopes], `${path}.${shape.scopes}`);
    let resource: ResourceRow;
    try {
      resource = convertResource(resourceItems.resource, resourceItems.schemaUrl);
    } catch (error) {
      rejections.addError(countScopes(scopes, shape, converter), error, 'resource');
      continue;
    }
    const ctx = { shape, converter, rejections, path: `${path}.${shape.scopes}` };
    walkScopes(scopes, resource, ctx, groups);
  }
  return { groups, rejected: rejections.rejected, rejectionReasons: rejections.reasons };
}

/** Adapts a one-item-one-row converter (spans, log records): each failure rejects exactly one item. */
export function singleRowConverter<T>(convert: (item: unknown) => T, what: string): ItemConverter<T> {
  return {
    convert(item, out, rejections) {
      try {
        out.push(convert(item));
      } catch (error) {
        rejections.addError(1, error, what);
      }
    },
    count: () => 1,
  };
}
