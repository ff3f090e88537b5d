import { serviceColor } from '@/lib/service-color';

/** A service name with its stable color dot; the dot is decorative, the name carries the meaning. */
export function ServiceName({ name }: { name: string }) {
  return (
    <span className="inline-flex items-center gap-2">
      <span aria-hidden="true" className="size-2.5 shrink-0 rounded-full" style={{ backgroundColor: serviceColor(name) }} />
      <span className="truncate">{name}</span>
    </span>
  );
}
