import { createRequire } from 'node:module';
import type Nodemailer from 'nodemailer';
import type { Config } from '../config.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
  close(): void;
}

/**
 * SMTP delivery through nodemailer, configured by SMTP_URL (smtp://user:pass@host:587 or
 * smtps://…). Returns null when no SMTP_URL is set, so callers can say "mail is not configured"
 * instead of pretending to send.
 */
export function createMailer(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>): Mailer | null {
  if (!config.SMTP_URL) return null;
  const url = new URL(config.SMTP_URL);
  // Required on first use so that processes that never mail do not pay for loading nodemailer.
  const nodemailer = createRequire(import.meta.url)('nodemailer') as typeof Nodemailer;
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    pool: true,
    maxConnections: 32,
    // Loopback servers (tests, a local relay) often speak plain SMTP; anything else negotiates TLS.
    ignoreTLS: ['127.0.0.1', 'localhost', '::1'].includes(url.hostname),
  });
  return {
    async send(message) {
      const info = await transport.sendMail({
        from: config.MAIL_FROM,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: message.headers,
      });
      return { messageId: info.messageId };
    },
    close() {
      transport.close();
    },
  };
}
