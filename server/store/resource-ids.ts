import type Database from 'better-sqlite3';
import { hash } from 'node:crypto';
import { prepareVersionChangeDetector } from './detect-version-change';
import type { ResourceRow, ScopeRow } from './rows';

/**
 * Maps resources and scopes to their row ids, inserting unseen ones. A per-connection cache keyed by
 * the canonical text keeps the hot path to one Map lookup per OTLP group (not per span).
 * Must run inside the write transaction so a new id is never visible before its rows commit.
 */
export class ResourceScopeIds {
  private readonly resourceIds = new Map<string, number>();
  private readonly scopeIds = new Map<string, number>();
  private readonly insertResource: Database.Statement;
  private readonly selectResource: Database.Statement;
  private readonly insertScope: Database.Statement;
  private readonly selectScope: Database.Statement;
  private readonly onNewResource: ReturnType<typeof prepareVersionChangeDetector>;

  constructor(sqlite: Database.Database) {
    this.insertResource = sqlite.prepare(
      `INSERT INTO resources (fingerprint, service_name, attributes, dropped_attributes_count, schema_url, first_seen_unix_nano)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(fingerprint) DO NOTHING`,
    );
    this.selectResource = sqlite.prepare('SELECT id FROM resources WHERE fingerprint = ?').pluck();
    this.insertScope = sqlite.prepare(
      `INSERT INTO scopes (fingerprint, name, version, attributes, dropped_attributes_count, schema_url)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(fingerprint) DO NOTHING`,
    );
    this.selectScope = sqlite.prepare('SELECT id FROM scopes WHERE fingerprint = ?').pluck();
    this.onNewResource = prepareVersionChangeDetector(sqlite);
  }

  resourceId(r: ResourceRow): number {
    const key = `${r.schemaUrl}\u0000${r.droppedAttributesCount}\u0000${r.attributesJson}`;
    const cached = this.resourceIds.get(key);
    if (cached !== undefined) return cached;
    const fp = fingerprint(key);
    const nowNs = BigInt(Date.now()) * 1_000_000n;
    const inserted = this.insertResource.run(fp, r.serviceName, r.attributesJson, r.droppedAttributesCount, r.schemaUrl, nowNs).changes === 1;
    const id = Number(this.selectResource.get(fp));
    if (inserted) this.onNewResource(id, r.serviceName, r.attributesJson, Number(nowNs / 1_000_000n));
    this.resourceIds.set(key, id);
    return id;
  }

  scopeId(s: ScopeRow): number {
    const key = `${s.name}\u0000${s.version}\u0000${s.schemaUrl}\u0000${s.droppedAttributesCount}\u0000${s.attributesJson}`;
    const cached = this.scopeIds.get(key);
    if (cached !== undefined) return cached;
    const fp = fingerprint(key);
    this.insertScope.run(fp, s.name, s.version, s.attributesJson, s.droppedAttributesCount, s.schemaUrl);
    const id = Number(this.selectScope.get(fp));
    this.scopeIds.set(key, id);
    return id;
  }

  /** Forget cached ids (after a rolled-back transaction the inserted rows are gone). */
  clear(): void {
    this.resourceIds.clear();
    this.scopeIds.clear();
  }
}

/** SHA-1 hex of `text`: the stored identity of resources, scopes and series (so it must never change). */
export function fingerprint(text: string): string {
  return hash('sha1', text, 'hex'); // one-shot: ~2× cheaper than createHash().update().digest()
}
