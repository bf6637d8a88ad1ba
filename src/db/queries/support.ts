import { exec, one } from '../statement';

export interface SupportChatRow {
  id: string;
  transcript: unknown[];
  escalated: boolean;
  handledByBot: boolean;
  createdAt: Date;
}

export interface SupportMetrics {
  totalChats: number;
  handledByBot: number;
  escalated: number;
  csatUp: number;
  csatDown: number;
}

export const supportQueries = {
  create: exec<[id: string, context: Record<string, unknown>, now: Date]>('support/create'),
  lock: one<[chatId: string], SupportChatRow>('support/lock'),
  save: exec<[chatId: string, transcript: unknown[], escalated: boolean, handledByBot: boolean, now: Date]>('support/save'),
  vote: exec<[chatId: string, vote: 'up' | 'down', now: Date]>('support/vote'),
  metrics: one<[], SupportMetrics>('support/metrics'),
};
