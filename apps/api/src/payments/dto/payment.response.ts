import type { Payment } from '#database';
import { ApiProperty } from '@nestjs/swagger';

export class PaymentResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  contractId!: string;

  @ApiProperty({ format: 'uuid' })
  payeeVendorId!: string;

  @ApiProperty({ description: "Paid to the contract's own vendor (false: a subcontractor)" })
  toPrime!: boolean;

  @ApiProperty({ type: Number, example: 1200.5 })
  amount!: number;

  @ApiProperty({ format: 'date' })
  paidOn!: string;

  @ApiProperty()
  invoiceNumber!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
}

export const toPaymentResponse = (payment: Payment, primeVendorId: string): PaymentResponse => ({
  id: payment.id,
  contractId: payment.contractId,
  payeeVendorId: payment.payeeVendorId,
  toPrime: payment.payeeVendorId === primeVendorId,
  amount: payment.amount,
  paidOn: payment.paidOn,
  invoiceNumber: payment.invoiceNumber,
  createdAt: payment.createdAt,
});
