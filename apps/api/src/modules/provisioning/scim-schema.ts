import SCIMMY from 'scimmy';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** Most resources one list page returns (ServiceProviderConfig's filter.maxResults). */
export const MAX_RESULTS = 200;
/** A page without `count`: Okta asks for 100 at a time anyway. */
export const DEFAULT_COUNT = 100;

let declared = false;
let base = '';

/** Where a resource's `meta.location` points: the base URL and its endpoint. */
export const usersLocation = () => `${base}/Users`;
export const groupsLocation = () => `${base}/Groups`;

/**
 * Declares what Countersign's SCIM service offers, in scimmy's registries (which are per process):
 * Users with the enterprise extension (department, manager), Groups, and the features of
 * ServiceProviderConfig. scimmy then serves /Schemas, /ResourceTypes and /ServiceProviderConfig,
 * validates resources, parses filters and applies PatchOp; the handlers are ours (ScimUsersService,
 * ScimGroupsService), so scimmy's own ingress/egress hooks are never called.
 */
export function declareScim(baseUrl: string): void {
  base = baseUrl;
  SCIMMY.Resources.User.basepath(baseUrl);
  SCIMMY.Resources.Group.basepath(baseUrl);
  SCIMMY.Resources.Schema.basepath(baseUrl);
  SCIMMY.Resources.ResourceType.basepath(baseUrl);
  SCIMMY.Resources.ServiceProviderConfig.basepath(baseUrl);
  if (declared) return;
  declared = true;
  SCIMMY.Resources.declare(SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false));
  SCIMMY.Resources.declare(SCIMMY.Resources.Group);
  SCIMMY.Config.set({
    patch: true,
    filter: { supported: true, maxResults: MAX_RESULTS },
    bulk: false,
    changePassword: false,
    sort: false,
    etag: false,
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description: 'A SCIM token an administrator made in Countersign (Administration → Provisioning).',
        primary: true,
      },
    ],
  });
}
