import { startServer } from '../helpers/server';
async function main() {
  const server = await startServer();
  const body = new Uint8Array(200_000).fill(1);
  for (const ct of ['text/plain', 'application/x-protobuf']) {
    let n = 0;
    const t = performance.now();
    await Promise.all(Array.from({ length: 4 }, async () => { while (n < 400) { n++; const r = await fetch(`${server.url}/v1/traces`, { method: 'POST', body, headers: { 'content-type': ct } }); await r.arrayBuffer(); } }));
    console.log(ct, 'ms/request', ((performance.now() - t) / 400).toFixed(2));
  }
  await server.stop();
}
main();
