import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { requestUser } from '@slipway/runtime';
import { DrydockExceptionFilter } from '../errors/drydock-exception.filter';
import { API_PREFIX } from '../http/api-prefix';
import { SiteTasksService } from './site-tasks.service';

/** Drydock's task endpoints, and `POST /tasks/{id}/terminate` (Slipway's: Drydock has none). */
@ApiTags('orchestrator tasks')
@Controller('api/v1.0/tasks')
@UseFilters(DrydockExceptionFilter)
export class TasksController {
  constructor(private readonly tasks: SiteTasksService) {}

  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const task = await this.tasks.create(body, requestUser(request));
    reply.header('Location', `${API_PREFIX}/tasks/${task.task_id}`);
    return task;
  }

  @Get()
  list(@Query() query: Record<string, unknown>) {
    return this.tasks.list(query);
  }

  @Get(':task')
  show(@Param('task') id: string, @Query() query: Record<string, unknown>) {
    return this.tasks.show(id, query);
  }

  @Post(':task/terminate')
  @HttpCode(202)
  terminate(@Param('task') id: string, @Req() request: FastifyRequest) {
    return this.tasks.terminate(id, requestUser(request));
  }
}
