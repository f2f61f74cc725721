import type { Payment } from '#database';

export type PaymentResponse = {
  id: string;
  contractId: string;
  payeeVendorId: string;
  /** Paid to the contract's own vendor (false: a subcontractor). */
  toPrime: boolean;
  amount: number;
  paidOn: string;
  invoiceNumber: string;
  createdAt: Date;
};

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
