// Stops the server gracefully (it stops its embedded PostgreSQL on SIGTERM). Nothing may be left
// holding Jest's event loop afterwards: the grace timer is cleared and the pipes are closed.
export default async function globalTeardown() {
  const mailbox = globalThis.__E2E_MAILBOX__;
  if (mailbox) await new Promise((resolve) => mailbox.close(resolve));
  const server = globalThis.__E2E_SERVER__;
  if (!server) return;
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    let timer;
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 15_000)))]);
    clearTimeout(timer);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  server.stdout?.destroy();
  server.stderr?.destroy();
}
