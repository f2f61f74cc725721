import type { Bid } from '#database';
import { ApiProperty } from '@nestjs/swagger';

export class BidResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  solicitationId!: string;

  @ApiProperty({ format: 'uuid' })
  vendorId!: string;

  @ApiProperty({ type: Number, example: 98000 })
  amount!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  submittedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
}

export const toBidResponse = (bid: Bid): BidResponse => ({
  id: bid.id,
  solicitationId: bid.solicitationId,
  vendorId: bid.vendorId,
  amount: bid.amount,
  submittedAt: bid.submittedAt,
  createdAt: bid.createdAt,
});
