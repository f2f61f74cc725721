import type { Bid } from '#domain';

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
