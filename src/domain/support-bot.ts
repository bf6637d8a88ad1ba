// The rule-based support bot (legacy supportRoutes.js + supportConfig.js): keyword replies,
// escalation on alarming keywords or too many unresolved turns, and what counts as handled.
// Pure: the route stores the transcript and sends the escalation notice.

export interface ChatMessage {
  role: 'user' | 'assistant' | 'system';
  text: string;
  ts: number;
  tags: string[];
}

export interface ChatState {
  messages: ChatMessage[];
  escalated: boolean;
  handledByBot: boolean;
}

export interface TurnResult extends ChatState {
  /** set when this turn escalates (the notice must go out, even if the chat was escalated before) */
  escalationReason: string | null;
  /** what the route answers with (the last five or six messages, as legacy) */
  reply: ChatMessage[];
}

const ESCALATION_KEYWORDS = [
  'complaint', 'danger', 'injury', 'lost dog', 'lost', 'emergency', 'refund', 'chargeback',
  'abuse', 'bitten', 'medical', 'vet', 'unsafe', 'fraud', 'scam', 'police', 'urgent',
];
const MAX_TURNS_WITHOUT_RESOLUTION = 4;
const HANDLED_TAGS = ['booking_help', 'policy', 'pricing'];

const INTENTS: { words: string[]; text: string; tag: string }[] = [
  {
    words: ['book', 'availability'],
    text: 'I can help with booking. Please share dates, your postcode, and service type (walk, home visit, or day care).',
    tag: 'booking_help',
  },
  {
    words: ['price', 'cost', 'fees'],
    text: 'Typical rates: Walk £25, Home visit £25/day, Day care £45. Companions may vary by location and experience.',
    tag: 'pricing',
  },
  {
    words: ['refund', 'cancel'],
    text: 'Our standard policy: full refund if you cancel before 12:00pm, 7 days prior. Do you want me to start a cancellation?',
    tag: 'policy',
  },
  {
    words: ['safety', 'insurance'],
    text: 'All Pros show their public insurance certificate on their profile. Trainees are supervised and can accept only low-risk jobs.',
    tag: 'safety',
  },
  {
    words: ['community', 'event'],
    text: 'Community Day runs monthly in Beaconsfield (HP9). RSVP opens 3 weeks before; it confirms at 5+ attendees.',
    tag: 'community',
  },
  {
    words: ['human', 'agent', 'support'],
    text: 'Happy to help. If this needs a human, I will escalate right away. Could you describe the issue in a sentence?',
    tag: 'handoff',
  },
];
const GENERIC_REPLY = { text: 'I can help with bookings, pricing, safety, or community events. Tell me what you need in a sentence.', tag: 'generic' };

export function botReply(userText: string): { text: string; tags: string[] } {
  const t = userText.toLowerCase();
  const intent = INTENTS.find((i) => i.words.some((w) => t.includes(w))) ?? GENERIC_REPLY;
  return { text: intent.text, tags: [intent.tag] };
}

function escalationReason(userText: string, messages: ChatMessage[]): string | null {
  const t = userText.toLowerCase();
  const keyword = ESCALATION_KEYWORDS.find((k) => t.includes(k));
  if (keyword) return `keyword:${keyword}`;
  const turns = messages.filter((m) => m.role === 'assistant' || m.role === 'user').length;
  const resolved = messages.some((m) => m.tags.includes('resolved'));
  return !resolved && turns >= MAX_TURNS_WITHOUT_RESOLUTION ? 'too_many_turns' : null;
}

const escalationNote = (reason: string, ts: number): ChatMessage => ({
  role: 'system',
  text: `Escalating to human support (${reason}).`,
  ts,
  tags: ['escalated'],
});

/** one user message: escalate before replying, or reply and maybe escalate after (too many turns) */
export function takeTurn(chat: ChatState, userText: string, now: number): TurnResult {
  const messages = [...chat.messages, { role: 'user' as const, text: userText, ts: now, tags: [] }];
  const escalate = (reason: string, replyLength: number): TurnResult => {
    messages.push(escalationNote(reason, now));
    return { messages, escalated: true, handledByBot: false, escalationReason: reason, reply: messages.slice(-replyLength) };
  };

  const before = escalationReason(userText, messages);
  if (before) return escalate(before, 5);

  const reply = botReply(userText);
  messages.push({ role: 'assistant', text: reply.text, ts: now, tags: reply.tags });
  const after = escalationReason(userText, messages);
  if (after) return escalate(after, 6);

  const handledByBot = chat.handledByBot || (!chat.escalated && reply.tags.some((t) => HANDLED_TAGS.includes(t)));
  return { messages, escalated: chat.escalated, handledByBot, escalationReason: null, reply: messages.slice(-5) };
}

/** a thumbs-down escalates a chat that is not escalated yet */
export function negativeFeedback(chat: ChatState, now: number): (ChatState & { escalationReason: string }) | null {
  if (chat.escalated) return null;
  const note: ChatMessage = { role: 'system', text: 'Escalated due to negative feedback.', ts: now, tags: ['escalated'] };
  return { messages: [...chat.messages, note], escalated: true, handledByBot: false, escalationReason: 'negative_csat' };
}
