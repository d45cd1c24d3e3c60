import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";

/** Only one sequencer runs at a time, across every instance on the database. */
const SEQUENCER_LOCK = 727275;

/**
 * Gives committed events their `seq`, in insertion order, and fans each out to the webhook
 * endpoints that want its type, in one transaction.
 *
 * Why after commit: a sequence number taken inside the writing transaction would let a reader
 * see seq 8 (committed) before seq 7 (still in flight) and skip 7 for ever. Here only committed
 * events are numbered, by one sequencer at a time, so `seq > cursor` never misses one. Two changes
 * to one resource are serialised by its row lock, so their events are inserted, and numbered, in
 * the order they happened.
 */
export async function sequenceEvents(db: Db, batch = 500): Promise<number> {
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${SEQUENCER_LOCK}) as ok`));
    if (!lock?.ok) return 0;
    const numbered = rowsOf<{ seq: string | number }>(
      await tx.execute(sql`
        with next as (
          select id, pos from event where seq is null order by pos limit ${batch}
        ), base as (
          select coalesce(max(seq), 0) as top from event
        )
        update event e set seq = base.top + n.rank
        from (select id, row_number() over (order by pos) as rank from next) n, base
        where e.id = n.id
        returning e.seq`),
    );
    if (!numbered.length) return 0;
    const seqs = numbered.map((r) => Number(r.seq));
    await tx.execute(sql`
      insert into webhook_delivery (endpoint_id, event_id, seq, resource_id)
      select w.id, e.id, e.seq, e.resource_id
      from event e
      join webhook_endpoint w on w.disabled_at is null and (w.event_types is null or e.type = any(w.event_types))
      where e.seq between ${Math.min(...seqs)} and ${Math.max(...seqs)}
      on conflict do nothing`);
    return numbered.length;
  });
}
