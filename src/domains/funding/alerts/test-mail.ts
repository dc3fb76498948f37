import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createMailer, type Mailer } from '../../../infra/mail/mailer.js';

/** A real SMTP server on a free port (smtp-server) and a mailer that sends to it, for alert tests. */
export async function startTestSmtp(): Promise<{
  inbox: { to: string[]; raw: string }[];
  mailer: Mailer;
  close: () => Promise<void>;
}> {
  const inbox: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const mailer = createMailer({
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    MAIL_FROM: 'Förderradar <radar@example.org>',
  })!;
  return {
    inbox,
    mailer,
    close: async () => {
      mailer.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Headers and decoded text/html parts of a MIME message (enough for nodemailer's output). */
export function parseMail(raw: string) {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).toLowerCase(), decodeWords(line.slice(i + 1).trim()));
  }
  const body = rest.join('\n\n');
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  const parts: Record<string, string> = {};
  for (const part of boundary ? body.split(`--${boundary}`) : [body]) {
    const [ph, ...pb] = part.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
    const type = /content-type:\s*([\w/]+)/i.exec(ph)?.[1];
    if (!type) continue;
    const content = pb.join('\n\n');
    const enc = /content-transfer-encoding:\s*([\w-]+)/i.exec(ph)?.[1]?.toLowerCase();
    parts[type] =
      enc === 'base64'
        ? Buffer.from(content, 'base64').toString('utf8')
        : enc === 'quoted-printable'
          ? qp(content)
          : content;
  }
  return { headers, text: parts['text/plain'] ?? '', html: parts['text/html'] ?? '' };
}

function qp(s: string): string {
  const bytes: number[] = [];
  const clean = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < clean.length; i++) {
    if (clean[i] === '=' && /^[0-9A-F]{2}$/i.test(clean.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(clean.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(clean[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeWords(v: string): string {
  return v.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')),
  );
}
