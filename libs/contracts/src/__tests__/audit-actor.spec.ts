import { systemActorLabel } from '../audit/index.js';

describe('who made a change no person made', () => {
  it('names the SCIM token when the directory made it', () => {
    expect(systemActorLabel({ via: { scimToken: { id: 'x', name: 'Entra ID production' } } })).toBe(
      'Directory sync (SCIM token “Entra ID production”)',
    );
  });

  it('is the system otherwise, whatever the details hold', () => {
    expect(systemActorLabel({})).toBe('System');
    expect(systemActorLabel(null)).toBe('System');
    expect(systemActorLabel({ via: 'scim' })).toBe('System');
    expect(systemActorLabel({ via: { scimToken: { name: 42 } } })).toBe('System');
  });
});
