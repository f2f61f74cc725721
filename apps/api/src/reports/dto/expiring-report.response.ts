import { EXPIRY_NOTICES, NOTIFICATION_STATUSES, type NotificationStatus } from '#domain';
import { ApiProperty } from '@nestjs/swagger';

/** An expiry email recorded for the contract. */
export class ExpiryEmailResponse {
  @ApiProperty({ enum: EXPIRY_NOTICES.map((notice) => notice.occasion), example: '120-days' })
  occasion!: string;

  @ApiProperty({ enum: NOTIFICATION_STATUSES })
  status!: NotificationStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt!: Date | null;
}

export class ExpiringContractResponse {
  @ApiProperty({ format: 'uuid' })
  contractId!: string;

  @ApiProperty()
  contractNumber!: string;

  @ApiProperty()
  contractTitle!: string;

  @ApiProperty({ format: 'uuid' })
  departmentId!: string;

  @ApiProperty({ description: "The department's code" })
  department!: string;

  @ApiProperty({ format: 'uuid' })
  vendorId!: string;

  @ApiProperty({ description: "The vendor's legal name" })
  vendor!: string;

  @ApiProperty({ format: 'email' })
  managerEmail!: string;

  @ApiProperty({ type: Number })
  value!: number;

  @ApiProperty({ type: String, format: 'date' })
  endDate!: string;

  @ApiProperty({ description: "Calendar days from the city's today to the end date (0: it ends today)" })
  daysLeft!: number;

  @ApiProperty({ type: () => [ExpiryEmailResponse], description: 'The expiry emails recorded, earliest first' })
  emails!: ExpiryEmailResponse[];
}

export class ExpiringReportResponse {
  @ApiProperty({ type: String, format: 'date', description: "The city's today (CITY_TIMEZONE)" })
  asOf!: string;

  @ApiProperty()
  withinDays!: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  departmentId!: string | null;

  @ApiProperty({ type: () => [ExpiringContractResponse], description: 'By end date, then contract number' })
  rows!: ExpiringContractResponse[];
}
