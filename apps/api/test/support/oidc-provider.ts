import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/**
 * A real OpenID provider, in-process: panva's oidc-provider (certified, the server side of the
 * library Countersign uses as client), on a free port of 127.0.0.1 over http. Its development
 * login page (devInteractions) accepts any login name with any password; the name is the
 * account's id and `sub`, and the account's claims are whatever the test puts in `accounts`.
 * Consent is granted automatically, as for a first-party application.
 *
 * Used by the API tests (test/sso.spec.ts, driving the login form over HTTP with signInAtProvider)
 * and by the browser journey (a person types into the same form).
 */
export interface TestAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
  department?: string;
  groups?: string[];
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Claims by login name; change them between sign-ins to see a person updated. */
  accounts: Map<string, TestAccount>;
  /** Seconds an authorization code lives (default 60): lower it to see a code expire. */
  codeTtlSeconds: number;
  close(): Promise<void>;
}

export async function startOidcProvider(options: {
  /** The Countersign redirect URI to register (`<PUBLIC_URL>/api/auth/sso/callback`). */
  redirectUri: string;
  /** Where the provider may send the browser after its logout. */
  postLogoutRedirectUri?: string;
}): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, TestAccount>();
  const state: TestProvider = {
    issuer,
    clientId: 'countersign',
    clientSecret: `secret-${Math.random().toString(36).slice(2)}-${Date.now()}`,
    accounts,
    codeTtlSeconds: 60,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const configuration: Configuration = {
    clients: [
      {
        client_id: state.clientId,
        client_secret: state.clientSecret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: options.postLogoutRedirectUri ? [options.postLogoutRedirectUri] : [],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'department'],
      // As Okta's org authorization server: groups only for the `groups` scope.
      groups: ['groups'],
    },
    findAccount: (_ctx, id) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, ...account }) };
    },
    // A first-party application: the person is never asked to consent.
    loadExistingGrant: async (ctx) => {
      const grantId =
        ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid email profile groups');
      await grant.save();
      return grant;
    },
    ttl: {
      AuthorizationCode: () => state.codeTtlSeconds,
      AccessToken: () => 600,
      IdToken: () => 600,
      Grant: () => 3600,
      Interaction: () => 600,
      Session: () => 3600,
    },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ['countersign-test-provider-cookie-key'] },
  };
  const silence = console.warn;
  console.warn = () => undefined; // the development-only notices, on every start
  const provider = new Provider(issuer, configuration);
  console.warn = silence;
  server.on('request', provider.callback());
  return state;
}

/**
 * Goes through the provider's login page as `login` (over HTTP, as a browser would: cookies,
 * redirects, the form) and answers the URL the provider redirects back to (the Countersign
 * callback with `code` and `state`, or with `error`).
 */
export async function signInAtProvider(
  authorizationUrl: string,
  login: string,
  redirectUri: string,
): Promise<URL> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return res;
  };
  let url = authorizationUrl;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(redirectUri)) return new URL(url);
    const res = await send(url);
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url).toString();
      continue;
    }
    const html = await res.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!prompt || !action)
      throw new Error(`Unexpected page at the provider (${res.status}): ${html.slice(0, 300)}`);
    const body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
    const posted = await send(new URL(action, url).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    url = new URL(posted.headers.get('location')!, url).toString();
  }
  throw new Error('Too many redirects at the provider');
}
