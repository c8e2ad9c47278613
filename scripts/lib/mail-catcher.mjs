// A local SMTP server that accepts every mail and keeps it as an .eml file, so development and
// demo use exercise the real SMTP path and the mail can be read. Used when SMTP_URL is not set.
import { SMTPServer } from 'smtp-server';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export async function startMailCatcher({ dir, port = 0, host = '127.0.0.1', onMail = () => {} }) {
  mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${++count}.eml`);
        // written whole under another name first, so a reader never sees half a mail
        writeFileSync(`${file}.part`, Buffer.concat(chunks));
        renameSync(`${file}.part`, file);
        onMail({ file, to: session.envelope.rcptTo.map((r) => r.address) });
        callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actualPort = server.server.address().port;
  return {
    port: actualPort,
    url: `smtp://${host}:${actualPort}`,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}
