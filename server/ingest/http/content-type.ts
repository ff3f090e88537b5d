import type { OtlpEncoding } from '../otlp/decode';

/** Maps a Content-Type header (parameters such as `; charset=utf-8` allowed) to an OTLP encoding. */
export function otlpEncodingOf(contentType: string | null): OtlpEncoding | null {
  const mediaType = (contentType ?? '').split(';', 1)[0].trim().toLowerCase();
  if (mediaType === 'application/x-protobuf' || mediaType === 'application/protobuf') return 'protobuf';
  if (mediaType === 'application/json') return 'json';
  return null;
}

export const CONTENT_TYPES: Record<OtlpEncoding, string> = {
  protobuf: 'application/x-protobuf',
  json: 'application/json',
};
