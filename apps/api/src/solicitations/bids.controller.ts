import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_KEY_SCHEME, ApiErrors, ApiPageResponse } from '../common/openapi.js';
import type { Actor } from '#domain';
import { CurrentActor, CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { PaginationQuery, toPage, type Page } from '../common/pagination.js';
import { UuidParam } from '../common/uuid-param.js';
import { BidsService } from './bids.service.js';
import { toBidResponse, BidResponse } from './dto/bid.response.js';
import { CreateBidDto } from './dto/create-bid.dto.js';

@ApiTags('solicitations')
@ApiBearerAuth(API_KEY_SCHEME)
@Controller('solicitations/:id/bids')
export class BidsController {
  constructor(private readonly bids: BidsService) {}

  /** Recorded by officers while the solicitation is published (or closed, for late entry); one per vendor. */
  @Post()
  @ApiOperation({ summary: "Record a vendor's bid on a solicitation" })
  @ApiCreatedResponse({ type: BidResponse })
  @ApiErrors(409)
  @Roles('procurement_officer')
  async create(@UuidParam() id: string, @Body() dto: CreateBidDto, @CurrentActor() actor: Actor): Promise<BidResponse> {
    return toBidResponse(await this.bids.create(id, dto, actor));
  }

  /** Lowest amount first. Vendors see only their own bid. */
  @Get()
  @ApiOperation({ summary: "List a solicitation's bids" })
  @ApiPageResponse(BidResponse)
  @Roles('procurement_officer', 'department_head', 'vendor')
  async list(
    @UuidParam() id: string,
    @Query() query: PaginationQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<BidResponse>> {
    const [bids, total] = await this.bids.list(id, query, principal);
    return toPage(bids, total, query, toBidResponse);
  }
}
