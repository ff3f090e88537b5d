import type { OtlpEncoding, OtlpSignal } from '../otlp/decode';
import type { DecodedExport } from '@/server/store/rows';

/** Main thread → decode worker: one request body (its bytes transferred, not copied). */
export interface DecodeRequest {
  id: number;
  signal: OtlpSignal;
  encoding: OtlpEncoding;
  body: Uint8Array;
}

/**
 * Decode worker → main thread. `invalid` carries an OtlpDecodeError's message (the client's fault:
 * 400); `failed` anything else (a bug: 500).
 */
export type DecodeReply =
  | { id: number; ok: true; decoded: DecodedExport<unknown> }
  | { id: number; ok: false; invalid: boolean; message: string };
