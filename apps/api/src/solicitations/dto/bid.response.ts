import type { Bid } from '#database';

export type BidResponse = {
  id: string;
  solicitationId: string;
  vendorId: string;
  amount: number;
  submittedAt: Date;
  createdAt: Date;
};

export const toBidResponse = (bid: Bid): BidResponse => ({
  id: bid.id,
  solicitationId: bid.solicitationId,
  vendorId: bid.vendorId,
  amount: bid.amount,
  submittedAt: bid.submittedAt,
  createdAt: bid.createdAt,
});
