import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import { Contract } from './contract.entity.js';
import { Vendor } from './vendor.entity.js';

/** Money paid under a contract, to the prime vendor or a subcontractor. */
@Entity('payments')
@Check('ck_payments_amount_positive', '"amount" > 0')
@Unique('uq_payments_invoice', ['contractId', 'payeeVendorId', 'invoiceNumber'])
@Index('ix_payments_paid_on', ['paidOn'])
@Index('ix_payments_payee', ['payeeVendorId'])
export class Payment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) contractId!: string;
  @ManyToOne(() => Contract, { onDelete: 'CASCADE' }) contract!: Relation<Contract>;
  @Column({ type: 'uuid' }) payeeVendorId!: string;
  @ManyToOne(() => Vendor, { onDelete: 'RESTRICT' }) payeeVendor!: Relation<Vendor>;
  @Column({ type: 'numeric', precision: 16, scale: 2 }) amount!: number;
  @Column({ type: 'date' }) paidOn!: string;
  @Column({ type: 'varchar', length: 64 }) invoiceNumber!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
