import protobuf from 'protobufjs';

/** google.rpc.Status, declared with protobufjs reflection to read error bodies independently of the server's code. */
const Status = new protobuf.Type('Status')
  .add(new protobuf.Field('code', 1, 'int32'))
  .add(new protobuf.Field('message', 2, 'string'));

export function decodeStatus(bytes: Uint8Array): { code: number; message: string } {
  const msg = Status.decode(bytes);
  return Status.toObject(msg, { defaults: true }) as { code: number; message: string };
}
