import type { Language, RecordNotificationKind } from '#domain';
import type { EntityManager } from 'typeorm';

/** An email about one record, to be written into the outbox. */
export type RecordNotice = {
  kind: RecordNotificationKind;
  recordId: string;
  /** Tells apart the record's emails of this kind (`accepted-2`, `120-days`); empty when there is one. */
  occasion?: string;
  /** The contract it concerns, if any: it scopes the email in the notifications list. */
  contractId: string | null;
  to: string[];
  cc?: string[];
  language: Language;
};

/**
 * Writes record emails into the outbox, pending, in one statement within the caller's transaction. An email
 * already there for the same record, kind and occasion is left as it is, so a repeated duty or a retried request
 * writes nothing twice. Answers the ids of the rows it wrote, to be queued once the transaction has committed
 * (the outbox sweep queues them if that never happens).
 */
export async function addRecordNotices(manager: EntityManager, notices: readonly RecordNotice[]): Promise<string[]> {
  if (notices.length === 0) return [];
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO notifications (kind, record_id, occasion, contract_id, to_addresses, cc_addresses, language, status)
     SELECT n.kind, n.record_id, n.occasion, n.contract_id,
            ARRAY(SELECT jsonb_array_elements_text(n.to_addresses)),
            ARRAY(SELECT jsonb_array_elements_text(n.cc_addresses)),
            n.language, 'pending'
       FROM jsonb_to_recordset($1::jsonb)
         AS n(kind text, record_id uuid, occasion text, contract_id uuid, to_addresses jsonb, cc_addresses jsonb, language text)
     ON CONFLICT (record_id, kind, occasion) WHERE record_id IS NOT NULL DO NOTHING
     RETURNING id`,
    [
      JSON.stringify(
        notices.map((notice) => ({
          kind: notice.kind,
          record_id: notice.recordId,
          occasion: notice.occasion ?? '',
          contract_id: notice.contractId,
          to_addresses: notice.to,
          cc_addresses: notice.cc ?? [],
          language: notice.language,
        })),
      ),
    ],
  );
  return rows.map((row) => row.id);
}
