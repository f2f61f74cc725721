import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_KEY_SCHEME, ApiErrors, ApiPageResponse } from '../common/openapi.js';
import type { Actor } from '#domain';
import { CurrentActor, CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { PaginationQuery, toPage, type Page } from '../common/pagination.js';
import { UuidParam } from '../common/uuid-param.js';
import { CreatePaymentDto } from './dto/create-payment.dto.js';
import { toPaymentResponse, PaymentResponse } from './dto/payment.response.js';
import { PaymentsService } from './payments.service.js';

@ApiTags('payments')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller('contracts/:id/payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Post()
  @ApiOperation({ summary: 'Record a payment on a contract' })
  @ApiCreatedResponse({ type: PaymentResponse })
  @ApiErrors(409)
  @Roles('procurement_officer')
  async create(
    @UuidParam() contractId: string,
    @Body() dto: CreatePaymentDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
  ): Promise<PaymentResponse> {
    const { payment, contract } = await this.payments.create(contractId, dto, principal, actor);
    return toPaymentResponse(payment, contract.vendorId);
  }

  @Get()
  @ApiOperation({ summary: "List a contract's payments" })
  @ApiPageResponse(PaymentResponse)
  @Roles('procurement_officer', 'department_head', 'vendor')
  async list(
    @UuidParam() contractId: string,
    @Query() query: PaginationQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<PaymentResponse>> {
    const { contract, payments, total } = await this.payments.list(contractId, query, principal);
    return toPage(payments, total, query, (payment) => toPaymentResponse(payment, contract.vendorId));
  }
}
