'use client';

import { INPUT, LABEL } from '@/components/ui/form-styles';
import { REFRESH_OPTIONS, type RefreshOption } from '@/lib/dashboards/dashboard-url';

/** Auto-refresh interval (kept in the URL as `refresh=` by the caller). */
export function RefreshPicker({ value, onChange }: { value: RefreshOption; onChange: (next: RefreshOption) => void }) {
  return (
    <label className={LABEL}>
      Auto-refresh
      <select className={INPUT} value={value} onChange={(e) => onChange(e.target.value as RefreshOption)}>
        {REFRESH_OPTIONS.map((o) => <option key={o} value={o}>{o === 'off' ? 'Off' : `Every ${o}`}</option>)}
      </select>
    </label>
  );
}
