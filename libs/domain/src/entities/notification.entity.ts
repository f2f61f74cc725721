import {
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
import type { Language } from './vendor.entity.js';

export const NOTIFICATION_KINDS = ['off_track', 'missing_data', 'escalation'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed', 'suppressed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * One email, written in the same transaction as the evaluation that calls for it (a transactional outbox).
 * The unique key makes a second insert for the same contract, period and kind a no-op: at most one email each.
 */
@Entity('notifications')
@Unique('uq_notifications_contract_period_kind', ['contractId', 'period', 'kind'])
@Index('ix_notifications_status', ['status', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) contractId!: string;
  @ManyToOne(() => Contract, { onDelete: 'CASCADE' }) contract!: Relation<Contract>;
  @Column({ type: 'varchar', length: 7 }) period!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: NotificationKind;
  @Column({ type: 'varchar', length: 16 }) status!: NotificationStatus;
  @Column({ type: 'text', array: true }) toAddresses!: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) ccAddresses!: string[];
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
