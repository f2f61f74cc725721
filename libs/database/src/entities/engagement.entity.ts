import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Contract } from './contract.entity.js';
import type { EngagementAction, EngagementKind } from '#domain';

/** A meeting, site visit or call about a contract: the record of its active management (the product design, §10). */
@Entity('engagements')
@Index('ix_engagements_contract_date', ['contractId', 'date'])
export class Engagement {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_engagements' }) id!: string;
  @Column({ type: 'uuid' }) contractId!: string;
  @ManyToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ foreignKeyConstraintName: 'fk_engagements_contract' })
  contract!: Relation<Contract>;
  /** The calendar day it took place, in the city's time zone. */
  @Column({ type: 'date' }) date!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: EngagementKind;
  /** Names or email addresses, as written. */
  @Column({ type: 'jsonb' }) attendees!: string[];
  @Column({ type: 'text', nullable: true }) notes!: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) actions!: EngagementAction[];
  /** The API key (by name) that recorded it. */
  @Column({ type: 'varchar', length: 200 }) recordedBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
