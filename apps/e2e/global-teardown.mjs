// Stops the server gracefully (it stops its embedded PostgreSQL on SIGTERM).
export default async function globalTeardown() {
  const server = globalThis.__E2E_SERVER__;
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (server.exitCode === null) server.kill('SIGKILL');
}
