import { z } from 'zod';
import { AttributeFilterError, parseAttributeFilter } from '@/lib/attribute-filter';

/** An attribute filter as typed (`key=value`, `key!=value`, `key exists`, `key>n`, `key<n`), parsed. */
export const attributeFilterSchema = z.string().max(500).transform((text, ctx) => {
  try {
    return parseAttributeFilter(text);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: e instanceof AttributeFilterError ? e.message : 'invalid filter' });
    return z.NEVER;
  }
});
