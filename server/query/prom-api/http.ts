import { ERROR_STATUS, toApiError } from './errors';
import { readPromParams, type PromParams } from './params';

/** What a verb returns: the `data` of a success envelope, plus optional annotations. */
export interface PromSuccess {
  data: unknown;
  warnings?: string[];
  infos?: string[];
}

export type PromVerb<P = Record<string, string>> = (params: PromParams, path: P) => PromSuccess;

/** The success envelope, `{"status":"success","data":…}` (+ warnings / infos when any). */
export function successBody(result: PromSuccess): Record<string, unknown> {
  const body: Record<string, unknown> = { status: 'success', data: result.data };
  if (result.warnings?.length) body.warnings = result.warnings;
  if (result.infos?.length) body.infos = result.infos;
  return body;
}

/** Runs a verb on a request (GET query or POST form) and answers with Prometheus's JSON envelope. */
export async function handlePromRequest<P = Record<string, string>>(request: Request, verb: PromVerb<P>, path?: P): Promise<Response> {
  try {
    const params = await readPromParams(request);
    return Response.json(successBody(verb(params, path ?? ({} as P))));
  } catch (err) {
    const { errorType, message } = toApiError(err);
    return Response.json({ status: 'error', errorType, error: message }, { status: ERROR_STATUS[errorType] });
  }
}
