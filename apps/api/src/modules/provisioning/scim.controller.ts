import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import SCIMMY from 'scimmy';
import { CurrentScimCaller, ScimAuthenticated } from './scim-auth.decorator.js';
import { fromScimmy, SCIM_CONTENT_TYPE, ScimError } from './scim-error.js';
import type { ScimQuery } from './scim-input.js';
import { ScimGroupsService } from './scim-groups.service.js';
import type { ScimCaller } from './scim-tokens.service.js';
import { ScimUsersService } from './scim-users.service.js';

/** A SCIM resource or message: its shape is RFC 7643's, validated by scimmy, not by a JSON schema here. */
const RESOURCE_BODY = { schema: { type: 'object', additionalProperties: true } } as const;

const LIST_QUERIES = [
  {
    name: 'filter',
    description: '`userName eq "…"`, `externalId eq "…"` (Users); `displayName eq "…"` (Groups).',
  },
  { name: 'startIndex', description: 'The 1-based index of the first result.' },
  { name: 'count', description: 'Results per page (at most 200; 100 when left out).' },
  { name: 'attributes', description: 'Only these attributes (comma-separated).' },
  { name: 'excludedAttributes', description: 'All but these attributes (comma-separated), e.g. `members`.' },
];
const READ_QUERIES = LIST_QUERIES.slice(3);

function queries(list: typeof LIST_QUERIES) {
  return (target: object, key: string | symbol, descriptor: PropertyDescriptor) => {
    for (const q of list)
      ApiQuery({ ...q, required: false, schema: { type: 'string' } })(target, key, descriptor);
  };
}

const ID = ApiParam({ name: 'id', description: 'The resource’s id.', schema: { type: 'string' } });

/**
 * SCIM 2.0 (RFC 7644) at /scim/v2, for an organisation's identity provider: Users (people), Groups
 * (departments) and the discovery endpoints. Outside the /api prefix, because Entra ID and Okta
 * are given the base URL and append the resource names themselves. Every route needs a SCIM token;
 * the token's organisation is the only one any of them can see.
 */
@ApiTags('scim')
@Controller('scim/v2')
export class ScimController {
  constructor(
    private readonly users: ScimUsersService,
    private readonly groups: ScimGroupsService,
  ) {}

  @Get('Users')
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  @ScimAuthenticated('Lists people (SCIM Users), with filter and pagination.')
  @queries(LIST_QUERIES)
  listUsers(@CurrentScimCaller() caller: ScimCaller, @Query() query: ScimQuery) {
    return this.users.list(caller, query);
  }

  @Get('Users/:id')
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  @ScimAuthenticated('One person as a SCIM User.')
  @ID
  @queries(READ_QUERIES)
  getUser(@CurrentScimCaller() caller: ScimCaller, @Param('id') id: string, @Query() query: ScimQuery) {
    return this.users.get(caller, id, query);
  }

  @Post('Users')
  @HttpCode(201)
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  @ScimAuthenticated('Creates a person (no invitation email: they sign in through the identity provider).')
  @ApiBody(RESOURCE_BODY)
  createUser(@CurrentScimCaller() caller: ScimCaller, @Body() body: unknown) {
    return this.users.create(caller, body);
  }

  @Put('Users/:id')
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  @ScimAuthenticated('Replaces a person’s directory attributes; active=false deactivates them.')
  @ID
  @ApiBody(RESOURCE_BODY)
  replaceUser(@CurrentScimCaller() caller: ScimCaller, @Param('id') id: string, @Body() body: unknown) {
    return this.users.replace(caller, id, body);
  }

  @Patch('Users/:id')
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  @ScimAuthenticated('Changes a person with a PatchOp; active=false deactivates them.')
  @ID
  @ApiBody(RESOURCE_BODY)
  patchUser(@CurrentScimCaller() caller: ScimCaller, @Param('id') id: string, @Body() body: unknown) {
    return this.users.patch(caller, id, body);
  }

  @Delete('Users/:id')
  @HttpCode(204)
  @ScimAuthenticated('Deactivates a person: they cannot sign in, and their training evidence stays.')
  @ID
  async deleteUser(@CurrentScimCaller() caller: ScimCaller, @Param('id') id: string): Promise<void> {
    await this.users.remove(caller, id);
  }

  @Get('Groups')
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  @ScimAuthenticated('Lists departments (SCIM Groups), with filter and pagination.')
  @queries(LIST_QUERIES)
  listGroups(@CurrentScimCaller() caller: ScimCaller, @Query() query: ScimQuery) {
    return this.groups.list(caller, query);
  }

  @Get('Groups/:id')
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  @ScimAuthenticated('One department as a SCIM Group; its members are the people in it.')
  @ID
  @queries(READ_QUERIES)
  getGroup(@CurrentScimCaller() caller: ScimCaller, @Param('id') id: string, @Query() query: ScimQuery) {
    return this.groups.get(caller, id, query);
  }

  @Post('Groups')
  @HttpCode(201)
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  @ScimAuthenticated('Creates a department.')
  @ApiBody(RESOURCE_BODY)
  createGroup(@CurrentScimCaller() caller: ScimCaller, @Body() body: unknown) {
    return this.groups.create(caller, body);
  }

  @Put('Groups/:id')
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  @ScimAuthenticated('Replaces a department’s name and members (a person has one department).')
  @ID
  @ApiBody(RESOURCE_BODY)
  replaceGroup(@CurrentScimCaller() caller: ScimCaller, @Param('id') id: string, @Body() body: unknown) {
    return this.groups.replace(caller, id, body);
  }

  @Patch('Groups/:id')
  @HttpCode(204)
  @ScimAuthenticated('Renames a department or adds and removes members (moving them into or out of it).')
  @ID
  @ApiBody(RESOURCE_BODY)
  async patchGroup(@CurrentScimCaller() caller: ScimCaller, @Param('id') id: string, @Body() body: unknown) {
    await this.groups.patch(caller, id, body);
  }

  @Delete('Groups/:id')
  @HttpCode(204)
  @ScimAuthenticated('Deletes an empty department; one with people in it answers 409.')
  @ID
  async deleteGroup(@CurrentScimCaller() caller: ScimCaller, @Param('id') id: string): Promise<void> {
    await this.groups.remove(caller, id);
  }

  @Get('ServiceProviderConfig')
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  @ScimAuthenticated('What this SCIM service supports (RFC 7643 §5).')
  serviceProviderConfig() {
    return discovery(() => new SCIMMY.Resources.ServiceProviderConfig().read());
  }

  @Get('ResourceTypes')
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  @ScimAuthenticated('The resource types: User and Group (RFC 7643 §6).')
  resourceTypes() {
    return discovery(() => new SCIMMY.Resources.ResourceType().read());
  }

  @Get('ResourceTypes/:id')
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  @ScimAuthenticated('One resource type.')
  @ID
  resourceType(@Param('id') id: string) {
    return discovery(() => new SCIMMY.Resources.ResourceType(id).read(), `Resource type ${id}`);
  }

  @Get('Schemas')
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  @ScimAuthenticated('The schemas: User, the enterprise extension, Group (RFC 7643 §7).')
  schemas() {
    return discovery(() => new SCIMMY.Resources.Schema().read());
  }

  @Get('Schemas/:id')
  @Header('Content-Type', SCIM_CONTENT_TYPE)
  @ScimAuthenticated('One schema.')
  @ID
  schema(@Param('id') id: string) {
    return discovery(() => new SCIMMY.Resources.Schema(id).read(), `Schema ${id}`);
  }
}

async function discovery(read: () => Promise<unknown>, what?: string): Promise<unknown> {
  try {
    return await read();
  } catch (error) {
    const mapped = fromScimmy(error);
    if (what && mapped instanceof ScimError && mapped.status === 404)
      throw new ScimError(404, undefined, `${what} not found.`);
    throw mapped;
  }
}
