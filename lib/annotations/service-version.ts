/**
 * Deploy detection: a resource's `service.version`, and whether it is a new version of its service.
 * The first version ever seen of a service is not a change (nothing was deployed "over" it), and a
 * resource without a version never is.
 */
interface KeyValue { key?: string; value?: { stringValue?: string } }

/** `service.version` of a resource's canonical OTLP/JSON attribute list, or null. */
export function serviceVersionOf(attributesJson: string): string | null {
  if (!attributesJson.includes('"service.version"')) return null; // the common case: no JSON.parse
  try {
    const list = JSON.parse(attributesJson) as KeyValue[];
    const kv = Array.isArray(list) ? list.find((a) => a?.key === 'service.version') : undefined;
    const v = kv?.value?.stringValue;
    return typeof v === 'string' && v !== '' ? v : null;
  } catch {
    return null;
  }
}

/**
 * True when `next` is a version never seen before for the service while some other version was:
 * a rolling deploy's late instance of an old version is not a new deploy.
 */
export function isNewServiceVersion(seenVersions: readonly string[], next: string | null): boolean {
  return next !== null && seenVersions.length > 0 && !seenVersions.includes(next);
}

export function versionAnnotationText(serviceName: string, previous: string, next: string): string {
  return `${serviceName} ${next} (was ${previous})`;
}
