/** Next.js calls register() once per server process, before serving requests. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServerLifecycle } = await import('./server/jobs/lifecycle');
  startServerLifecycle();
}
