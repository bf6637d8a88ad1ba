// A support chat escalated to a human: the transcript goes to the support address.
import { formatWhen } from './format';
import { renderEmail, type Brand, type RenderedEmail } from './layout';

export interface TranscriptLine {
  role: string;
  text: string;
}

export interface SupportEscalationMailData {
  brand: Brand;
  chatId: string;
  reason: string;
  createdAt: Date;
  /** the business the chat came from, if the chat knows it */
  businessName: string | null;
  transcript: readonly TranscriptLine[];
}

export function supportEscalationEmail(chat: SupportEscalationMailData): RenderedEmail {
  const rows: [string, string][] = [
    ['Reason', chat.reason],
    ['Chat', chat.chatId],
    ['Started', formatWhen(chat.createdAt, null)],
  ];
  if (chat.businessName) rows.push(['Business', chat.businessName]);
  return renderEmail(chat.brand, {
    subject: `Support escalation (${chat.reason}): ${chat.chatId}`,
    heading: 'A support chat needs a human',
    blocks: [
      { kind: 'details', rows },
      { kind: 'paragraph', text: 'Transcript:' },
      { kind: 'lines', lines: chat.transcript.length ? chat.transcript.map((m) => `[${m.role}] ${m.text}`) : ['(empty)'] },
    ],
  });
}
