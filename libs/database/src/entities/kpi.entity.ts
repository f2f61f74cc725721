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
import { LibraryKpi } from './library-kpi.entity.js';
import { type Frequency, type KpiDirection } from '#domain';

/**
 * A measurable result a contract is held to. Names are unique within a contract: imports find KPIs by name.
 * (id, contract) is unique too, for the foreign key that ties an evaluation to its KPI and that KPI's contract.
 */
@Entity('kpis')
@Unique('uq_kpis_contract_name', ['contractId', 'name'])
@Unique('uq_kpis_id_contract', ['id', 'contractId'])
@Index('ix_kpis_library_kpi', ['libraryKpiId'])
export class Kpi {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) contractId!: string;
  @ManyToOne(() => Contract, { onDelete: 'CASCADE' }) contract!: Relation<Contract>;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'varchar', length: 40 }) unit!: string;
  @Column({ type: 'varchar', length: 20 }) direction!: KpiDirection;
  @Column({ type: 'numeric', precision: 18, scale: 4 }) target!: number;
  @Column({ type: 'numeric', precision: 18, scale: 4 }) offTrackThreshold!: number;
  @Column({ type: 'varchar', length: 16 }) frequency!: Frequency;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  /** The library version the KPI's definition came from, if any; later versions of the entry never change it. */
  @Column({ type: 'uuid', nullable: true }) libraryKpiId!: string | null;
  @ManyToOne(() => LibraryKpi, { onDelete: 'RESTRICT' }) libraryKpi!: Relation<LibraryKpi> | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
