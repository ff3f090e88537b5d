/**
 * Resource and InstrumentationScope → ResourceRow / ScopeRow. A problem here (e.g. an attribute with
 * a wrong type) throws `ItemRejection`; the walker then rejects every item under that resource/scope.
 */
import type { ResourceRow, ScopeRow } from '@/server/store/rows';
import { findStringAttribute, keyValuesJson } from './any-value';
import { ItemRejection } from './errors';
import { isObject, str, u32 } from './scalars';

/** What the OTel SDKs report when no service.name is configured. */
export const UNKNOWN_SERVICE = 'unknown_service';

/** `resource` is Resource | null; `schemaUrl` comes from the enclosing Resource* message. */
export function convertResource(resource: unknown, schemaUrl: unknown): ResourceRow {
  const url = str(schemaUrl, 'resource schemaUrl');
  if (resource == null) {
    return { serviceName: UNKNOWN_SERVICE, attributesJson: '[]', droppedAttributesCount: 0, schemaUrl: url };
  }
  if (!isObject(resource)) throw new ItemRejection('resource must be an object');
  const serviceName = findStringAttribute(resource.attributes, 'service.name');
  return {
    serviceName: serviceName ? serviceName : UNKNOWN_SERVICE,
    attributesJson: keyValuesJson(resource.attributes),
    droppedAttributesCount: u32(resource.droppedAttributesCount, 'resource droppedAttributesCount'),
    schemaUrl: url,
  };
}

/** `scope` is InstrumentationScope | null; `schemaUrl` comes from the enclosing Scope* message. */
export function convertScope(scope: unknown, schemaUrl: unknown): ScopeRow {
  const url = str(schemaUrl, 'scope schemaUrl');
  if (scope == null) return { name: '', version: '', attributesJson: '[]', droppedAttributesCount: 0, schemaUrl: url };
  if (!isObject(scope)) throw new ItemRejection('scope must be an object');
  return {
    name: str(scope.name, 'scope name'),
    version: str(scope.version, 'scope version'),
    attributesJson: keyValuesJson(scope.attributes),
    droppedAttributesCount: u32(scope.droppedAttributesCount, 'scope droppedAttributesCount'),
    schemaUrl: url,
  };
}
