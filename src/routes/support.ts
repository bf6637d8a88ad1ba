// Support chat (route-inventory.md rows 108-110, legacy supportRoutes.js): the rule-based bot,
// chats kept in Postgres. No login, as legacy (the widget shows on public pages).
// An unknown chat id answers 200 {"error":"not_found"} (legacy). Escalations are emailed.
import { Elysia } from 'elysia';
import type { AppDeps } from '../deps';
import { badRequest } from '../http/errors';
import { supportRepo } from '../repo/support';
import { objectBody } from '../http/body';

const MAX_TEXT_LENGTH = 4000;

/** who opened the chat: the few identifying strings of the widget's stored user, else a guest */
function chatContext(user: unknown): Record<string, unknown> {
  const u = objectBody(user);
  const pick = (k: string) => (typeof u[k] === 'string' ? u[k] : undefined);
  return { user: { id: pick('id') ?? 'guest', name: pick('name') ?? 'Guest', role: pick('role') ?? 'owner', email: pick('email') } };
}

export const supportRoutes = (deps: AppDeps) => {
  // the escalation mail is queued with the turn that escalated; the outbox worker sends it
  const support = supportRepo(deps.db, (q, chat) => {
    deps.log.warn('support chat escalated', { chatId: chat.id, reason: chat.reason, messages: chat.messages.length });
    return deps.email.queueSupportEscalation(q, { chatId: chat.id, reason: chat.reason });
  });

  return new Elysia({ name: 'support', prefix: '/api/support/chat' })
    .post('', async ({ body }) => ({ ok: true, chatId: await support.openChat(chatContext(objectBody(body).user)) }))
    .post('/:chatId/message', async ({ params, body }) => {
      const text = objectBody(body).text || '';
      if (typeof text !== 'string') throw badRequest('text must be a string');
      if (text.length > MAX_TEXT_LENGTH) throw badRequest(`text must be at most ${MAX_TEXT_LENGTH} characters`);
      const result = await support.postMessage(params.chatId, text.trim());
      if (!result) return { error: 'not_found' };
      const { turn } = result;
      return turn.escalationReason ? { ok: true, escalated: true, messages: turn.reply } : { ok: true, messages: turn.reply };
    })
    .post('/:chatId/csat', async ({ params, body }) => {
      const result = await support.vote(params.chatId, objectBody(body).vote);
      if (!result) return { error: 'not_found' };
      return { ok: true, metrics: result.metrics };
    });
};
