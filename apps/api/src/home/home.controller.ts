import { Controller, Get, Redirect } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators.js';

/** The server's own address leads to the API documentation, rather than answering 404. */
@ApiExcludeController()
@Public()
@Controller()
export class HomeController {
  @Get()
  @Redirect('/docs', 302)
  home(): void {}
}
