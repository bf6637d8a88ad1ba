// Support chats (legacy in-memory supportRoutes chats and supportMetrics), kept in Postgres.
// Each turn runs under a row lock so two messages to one chat cannot lose each other.
import type { Db } from '../db/client';
import type { Queries } from '../db/queries';
import type { SupportChatRow, SupportMetrics } from '../db/queries/support';
import { negativeFeedback, takeTurn, type ChatMessage, type ChatState, type TurnResult } from '../domain/support-bot';
import { nid } from '../ids';

export interface EscalatedChat {
  id: string;
  createdAt: Date;
  messages: ChatMessage[];
  reason: string;
}

const stateOf = (row: SupportChatRow): ChatState => ({
  messages: row.transcript as ChatMessage[],
  escalated: row.escalated,
  handledByBot: row.handledByBot,
});

/** onEscalation runs inside the turn's transaction, so the notice is stored with the turn or not at all */
export function supportRepo(db: Db, onEscalation: (q: Queries, chat: EscalatedChat) => Promise<unknown>) {
  return {
    async openChat(context: Record<string, unknown>): Promise<string> {
      const id = `chat_${nid(8)}`;
      await db.q.support.create(id, context, new Date());
      return id;
    },

    /** the bot's turn; null for an unknown chat */
    async postMessage(chatId: string, text: string): Promise<{ turn: TurnResult; escalation: EscalatedChat | null } | null> {
      return db.tx(async (q) => {
        const row = await q.support.lock(chatId);
        if (!row) return null;
        const now = new Date();
        const turn = takeTurn(stateOf(row), text, now.getTime());
        await q.support.save(chatId, turn.messages, turn.escalated, turn.handledByBot, now);
        const escalation = turn.escalationReason
          ? { id: row.id, createdAt: row.createdAt, messages: turn.messages, reason: turn.escalationReason }
          : null;
        if (escalation) await onEscalation(q, escalation);
        return { turn, escalation };
      });
    },

    /** records a vote (a down vote may escalate); null for an unknown chat */
    async vote(chatId: string, vote: unknown): Promise<{ metrics: SupportMetrics; escalation: EscalatedChat | null } | null> {
      return db.tx(async (q) => {
        const row = await q.support.lock(chatId);
        if (!row) return null;
        const now = new Date();
        let escalation: EscalatedChat | null = null;
        if (vote === 'up' || vote === 'down') await q.support.vote(chatId, vote, now);
        const escalated = vote === 'down' ? negativeFeedback(stateOf(row), now.getTime()) : null;
        if (escalated) {
          await q.support.save(chatId, escalated.messages, true, false, now);
          escalation = { id: row.id, createdAt: row.createdAt, messages: escalated.messages, reason: escalated.escalationReason };
          await onEscalation(q, escalation);
        }
        return { metrics: (await q.support.metrics())!, escalation };
      });
    },
  };
}
