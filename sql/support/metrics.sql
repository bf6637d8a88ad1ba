-- metrics: the support counters (legacy supportMetrics) computed over every chat.
SELECT count(*)::int AS "totalChats",
       count(*) FILTER (WHERE handled_by_bot)::int AS "handledByBot",
       count(*) FILTER (WHERE escalated)::int AS escalated,
       COALESCE(sum(csat_up), 0)::int AS "csatUp",
       COALESCE(sum(csat_down), 0)::int AS "csatDown"
FROM support_chats
