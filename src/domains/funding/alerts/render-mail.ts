import type { MailMessage } from '../../../infra/mail/mailer.js';
import type { DigestItem } from './compose.js';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const sections: { kind: DigestItem['kind']; title: string }[] = [
  { kind: 'pointer', title: 'Hinweise der Geschäftsstelle' },
  { kind: 'reminder', title: 'Fristen' },
  { kind: 'change', title: 'Änderungen an beobachteten Aufrufen' },
  { kind: 'new', title: 'Neue passende Aufrufe' },
];

export interface RenderOptions {
  name: string;
  to: string;
  baseUrl: string;
  unsubscribeToken: string;
  subject: string;
}

/** "Sie erhalten diese Nachricht, weil …": the real reasons of this mail's items, each named once. */
export function footerReason(items: DigestItem[]): string {
  const order = sections.map((x) => x.kind);
  const sorted = [...items].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const reasons = [...new Set(sorted.map((i) => i.reason))];
  const joined =
    reasons.length <= 1
      ? (reasons[0] ?? 'Sie Benachrichtigungen aus dem Förderradar eingestellt haben')
      : `${reasons.slice(0, -1).join(', ')} und ${reasons[reasons.length - 1]}`;
  return `Sie erhalten diese Nachricht, weil ${joined}.`;
}

/** The German alert mail as plain text and HTML, with one-click unsubscribe (RFC 8058) headers. */
export function renderAlertMail(items: DigestItem[], opts: RenderOptions): MailMessage {
  const unsubscribeUrl = `${opts.baseUrl}/api/unsubscribe?token=${encodeURIComponent(opts.unsubscribeToken)}`;
  const callUrl = (i: DigestItem) => `${opts.baseUrl}/funding/calls/${i.callId}`;
  const text: string[] = [`Guten Tag ${opts.name},`, '', 'hier ist Ihre Übersicht aus dem Förderradar.', ''];
  const html: string[] = [
    '<!doctype html><html lang="de"><body style="font-family:sans-serif">',
    `<p>Guten Tag ${esc(opts.name)},</p><p>hier ist Ihre Übersicht aus dem Förderradar.</p>`,
  ];
  for (const s of sections) {
    const list = items.filter((i) => i.kind === s.kind);
    if (!list.length) continue;
    text.push(s.title, '-'.repeat(s.title.length));
    html.push(`<h2>${esc(s.title)}</h2><ul>`);
    for (const i of list) {
      text.push(`* ${i.callTitle}`, `  ${i.line}`, `  ${callUrl(i)}`, '');
      html.push(`<li><a href="${esc(callUrl(i))}">${esc(i.callTitle)}</a><br>${esc(i.line)}</li>`);
    }
    html.push('</ul>');
  }
  const why = footerReason(items);
  text.push('--', why, `Abbestellen: ${unsubscribeUrl}`);
  html.push(
    `<hr><p style="font-size:small">${esc(why)} <a href="${esc(unsubscribeUrl)}">Benachrichtigungen abbestellen</a></p></body></html>`,
  );
  return {
    to: opts.to,
    subject: opts.subject,
    text: text.join('\n'),
    html: html.join('\n'),
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
