'use client';

import { useState } from 'react';

/**
 * The "Attribute filter" box of a search form (trace and log search share it): what is typed, adding
 * it to the form's filters, and the filters a search submits, which include a typed filter not yet
 * added (pressing Search with text in the box means "with this filter too").
 */
export function useAttributeFilterInput(filters: string[], onChange: (filters: string[]) => void) {
  const [text, setText] = useState('');
  const pending = text.trim();
  return {
    text,
    setText,
    /** True when there is something to add. */
    canAdd: pending !== '',
    add: () => {
      if (pending === '') return;
      onChange([...filters, pending]);
      setText('');
    },
    /** The filters to search with (the typed one included); empties the box. */
    takeForSearch: (): string[] => {
      setText('');
      return pending ? [...filters, pending] : filters;
    },
  };
}
