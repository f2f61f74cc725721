import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Contract } from './contract.entity.js';
import { Department } from './department.entity.js';
import { type Language, type NotificationKind, type NotificationStatus } from '#domain';

/**
 * One email, written in the same transaction as the change that calls for it (a transactional outbox). The
 * unique keys make a second insert a no-op: at most one email per contract (or, for a meeting pack, department),
 * period and kind, and per record, kind and occasion. A meeting pack is about a department and a month, an
 * off-track, missing-data or escalation notice about a contract and one of its periods, every other kind about one
 * record (`recordId`: a corrective action plan, a dispute, a sign-in request, …), without a period.
 */
@Entity('notifications')
@Unique('uq_notifications_contract_period_kind', ['contractId', 'period', 'kind'])
@Index('uq_notifications_department_period_kind', ['departmentId', 'period', 'kind'], {
  unique: true,
  where: '"department_id" IS NOT NULL',
})
@Index('uq_notifications_record_kind_occasion', ['recordId', 'kind', 'occasion'], {
  unique: true,
  where: '"record_id" IS NOT NULL',
})
@Check(
  'ck_notifications_subject',
  `CASE WHEN "kind" = 'meeting_pack' THEN "department_id" IS NOT NULL AND "contract_id" IS NULL
        ELSE "department_id" IS NULL AND ("contract_id" IS NOT NULL OR "record_id" IS NOT NULL) END`,
)
@Check('ck_notifications_about', `("record_id" IS NULL) = ("period" IS NOT NULL)`)
@Index('ix_notifications_status', ['status', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Null for meeting packs. */
  @Column({ type: 'uuid', nullable: true }) contractId!: string | null;
  @ManyToOne(() => Contract, { onDelete: 'CASCADE', nullable: true }) contract!: Relation<Contract> | null;
  /** Only for meeting packs: the department whose pack it is. */
  @Column({ type: 'uuid', nullable: true }) departmentId!: string | null;
  @ManyToOne(() => Department, { onDelete: 'CASCADE', nullable: true }) department!: Relation<Department> | null;
  /** The contract's period key (`2026-03`, `2026-Q1`, `2026`); for a meeting pack, its month; null for a record's. */
  @Column({ type: 'varchar', length: 7, nullable: true }) period!: string | null;
  /** The record an email of a record kind is about (its table follows from the kind). */
  @Column({ type: 'uuid', nullable: true }) recordId!: string | null;
  /** Tells apart a record's emails of one kind (`accepted-1`, `120-days`); empty when a kind has one per record. */
  @Column({ type: 'varchar', length: 40, default: '' }) occasion!: string;
  @Column({ type: 'varchar', length: 32 }) kind!: NotificationKind;
  @Column({ type: 'varchar', length: 16 }) status!: NotificationStatus;
  @Column({ type: 'text', array: true }) toAddresses!: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) ccAddresses!: string[];
  /** The recipients the mail server has accepted so far: a later attempt goes only to the others. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) deliveredTo!: string[];
  @Column({ type: 'varchar', length: 2 }) language!: Language;
  /** Rendered when the mail is first sent, from the evaluation as it then stands. */
  @Column({ type: 'varchar', length: 300, nullable: true }) subject!: string | null;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ type: 'text', nullable: true }) lastError!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) firstAttemptAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) providerMessageId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
